"""C10: `stream: true` now answers with the AI SDK 5 UI message stream.

Before/after (unchanged): `{"stream": true, …}`, plus a note: the legacy `{"type":"message"}`
events (or v4 `0:` lines) are gone; read `text-delta` events up to `data: [DONE]`, for example
with `useChat` and `DefaultChatTransport` behind a server route, or convert transcripts with the
`langdock-stream` kind.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule


@rule("langdock-chat-request", "C10", order=70)
def note_stream_format(doc: Any, ctx: Context) -> Any:
    if isinstance(doc, dict) and doc.get("stream") is True:
        ctx.note("C10", "info", "with stream: true the Agents API answers with the AI SDK 5 UI message "
                 "stream (SSE `data:` events: text-delta …, ending with [DONE]); legacy "
                 "{\"type\":\"message\"} parsing and AI SDK 4 clients must be updated", ("stream",))
    return doc
