"""S2, S3, S4, S5, S6: legacy Langdock SSE events become AI SDK 5 chunks.

Before: `data: {"type":"message","content":"Clauses 7 "}` … `data: {"type":"done"}`
After:  `start` (messageId `msg_stream_0`), `start-step`, `text-start` (`txt_0`), one
`text-delta` per chunk (empty chunks kept), `text-end`, `finish-step`, `finish`, `[DONE]`.
S4 no `done` → the text block is still closed and the finish reason is `unknown` (noted).
S5 `{"type":"error",…}` → an `error` chunk with `errorText`.
S6 other event types → `data-langdock-legacy` chunks carrying the original event (noted).
"""
from __future__ import annotations

import json
from typing import Any

from ..context import Context
from .chunks import ChunkList
from .read_lines import DONE

MESSAGE_ID = "msg_stream_0"


def legacy_to_chunks(events: list[tuple[int, Any]], ctx: Context) -> list[dict[str, Any]]:
    chunks = ChunkList(MESSAGE_ID)
    chunks.add({"type": "start-step"})
    finished = False
    for line, event in events:
        if event == DONE:
            continue
        kind = event.get("type") if isinstance(event, dict) else None
        if finished:
            ctx.note("S4", "warning", "an event after `done` was dropped", line=line)
            continue
        if kind == "message":
            content = event.get("content")
            if not isinstance(content, str):
                ctx.note("S2", "warning", "message content is not a string; it was written as JSON text",
                         line=line)
                content = json.dumps(content, ensure_ascii=False)
            chunks.delta("text", content)
        elif kind == "done":
            _finish(chunks, "stop")
            finished = True
        elif kind == "error":
            chunks.add({"type": "error", "errorText": _error_text(event)})
        else:
            ctx.note("S6", "warning", f"legacy event type {kind!r} has no counterpart; it was kept as "
                     "a data-langdock-legacy chunk", line=line)
            chunks.add({"type": "data-langdock-legacy", "data": event})
    if not finished:
        ctx.note("S4", "warning", "the transcript ended without `done`; the stream was closed with "
                 "finish reason `unknown`", line=events[-1][0] if events else 1)
        _finish(chunks, "unknown")
    return chunks.items


def _finish(chunks: ChunkList, reason: str) -> None:
    chunks.add({"type": "finish-step", "_reason": reason})
    chunks.add({"type": "finish", "_reason": reason})


def _error_text(event: dict[str, Any]) -> str:
    for key in ("errorText", "error", "message", "content"):
        value = event.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("message"), str):
            return value["message"]
    return json.dumps(event, ensure_ascii=False)
