"""Server-sent events for streamed runs, in the framing both SDKs parse:
`event: <name>` and `data: <json>` lines, a blank line after each event, and
`event: done` / `data: [DONE]` at the end."""
from __future__ import annotations

import json
from typing import Any, Iterable

from starlette.responses import StreamingResponse


def frame(name: str, data: Any) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"))
    return f"event: {name}\ndata: {payload}\n\n".encode()


def event_stream(events: Iterable[tuple[str, Any]]) -> StreamingResponse:
    def body():
        for name, data in events:
            yield frame(name, data)
        yield frame("done", "[DONE]")

    return StreamingResponse(body(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
