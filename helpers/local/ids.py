"""Identifiers and timestamps in the shapes the real services use."""
from __future__ import annotations

import secrets
import time


def new_id(prefix: str) -> str:
    """`asst_…`, `thread_…`, `conv_…`: a prefix and 24 random hex digits."""
    return f"{prefix}_{secrets.token_hex(12)}"


def now() -> int:
    """Unix seconds, as every `created_at` in both API generations."""
    return int(time.time())
