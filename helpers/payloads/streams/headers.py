"""S9: the response headers each stream format needs (from `ai` 4.x and 5.x servers).

v4 data stream: `Content-Type: text/plain; charset=utf-8`, `X-Vercel-AI-Data-Stream: v1`.
v5 UI message stream: `content-type: text/event-stream`, `cache-control: no-cache`,
`connection: keep-alive`, `x-vercel-ai-ui-message-stream: v1`, `x-accel-buffering: no`.
"""
from __future__ import annotations

HEADERS: dict[str, dict[str, str]] = {
    "ui-message-stream": {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        "connection": "keep-alive",
        "x-vercel-ai-ui-message-stream": "v1",
        "x-accel-buffering": "no",
    },
    "data-stream": {
        "Content-Type": "text/plain; charset=utf-8",
        "X-Vercel-AI-Data-Stream": "v1",
    },
    "legacy-sse": {"Content-Type": "text/event-stream"},
}
