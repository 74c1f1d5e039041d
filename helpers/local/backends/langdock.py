"""Langdock's Assistants API (`/assistant/v1`) and Agents API (`/agent/v1`).

Both generations share one set of routes; each handler tells them apart by
the path (see `langdock_common.Generation`):

| route | module |
| --- | --- |
| `POST /chat/completions` (JSON, legacy SSE, AI SDK 5 and 4 streams) | `langdock_chat`, `langdock_stream` |
| `POST /create`, `GET /get`, `PATCH /update`, `PATCH /disable`, `GET /models` | `langdock_agents` |
| `POST /publish` (`/agent/v1` only) | `langdock_agents` |

Every call needs `Authorization: Bearer <key>` (the app's credential check).
Answers come from the deterministic stand-in model (`helpers.local.model`).
"""
from __future__ import annotations

from starlette.routing import Route

from . import langdock_agents, langdock_chat
from .langdock_common import MOUNTS

__all__ = ["MOUNTS", "routes"]


def routes() -> list[Route]:
    return [*langdock_chat.routes(), *langdock_agents.routes()]
