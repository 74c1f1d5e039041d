"""Shared model settings."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    """A JSON object that may carry fields we do not model (they are kept, not dropped)."""

    model_config = ConfigDict(extra="allow")
