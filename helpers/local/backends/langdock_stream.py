"""The three Langdock stream formats, for one text answer.

- legacy (`/assistant/v1`, reference 2.4): SSE `data: {"type":"message","content":...}`
  events and a closing `data: {"type":"done"}`;
- AI SDK 5 UI message stream (`/agent/v1`, the default; reference 3.5 and 5.2):
  `start`, `start-step`, `text-start`/`-delta`/`-end`, `finish-step`, `finish`,
  `data: [DONE]`, with `x-vercel-ai-ui-message-stream: v1`;
- AI SDK 4 data stream (reference 5.1): `f:`, `0:`, `e:`, `d:` lines with
  `X-Vercel-AI-Data-Stream: v1`. The real endpoint is only seen streaming v5;
  the local service sends v4 when the request's `Accept` header asks for
  `text/plain` without `text/event-stream` (a local choice, so v4 readers
  can be tried too).
"""
from __future__ import annotations

import json
import re
from typing import Iterator

from starlette.requests import Request
from starlette.responses import StreamingResponse

from .langdock_common import Generation

LEGACY_SSE = "legacy-sse"
UI_MESSAGE_STREAM = "ui-message-stream-v1"
DATA_STREAM = "data-stream-v1"

UI_MESSAGE_HEADERS = {
    "cache-control": "no-cache", "connection": "keep-alive",
    "x-vercel-ai-ui-message-stream": "v1", "x-accel-buffering": "no",
}
DATA_STREAM_HEADERS = {"x-vercel-ai-data-stream": "v1"}
WORDS_PER_CHUNK = 3


def choose_format(request: Request, gen: Generation) -> str:
    if gen.legacy:
        return LEGACY_SSE
    accept = request.headers.get("accept", "")
    return DATA_STREAM if "text/plain" in accept and "text/event-stream" not in accept else UI_MESSAGE_STREAM


def chunks(text: str) -> list[str]:
    """`text` in pieces of a few words; joined they give `text` back exactly."""
    words = re.findall(r"\s*\S+\s*", text) or [text]
    return ["".join(words[i:i + WORDS_PER_CHUNK]) for i in range(0, len(words), WORDS_PER_CHUNK)]


def _json(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)  # as JSON.stringify writes it


def _sse(event) -> str:
    return f"data: {event if isinstance(event, str) else _json(event)}\n\n"


def legacy_events(text: str) -> Iterator[str]:
    for piece in chunks(text):
        yield _sse({"type": "message", "content": piece})
    yield _sse({"type": "done"})


def ui_message_events(text: str, message_id: str, model_name: str) -> Iterator[str]:
    text_id = f"txt_{message_id}"
    yield _sse({"type": "start", "messageId": message_id, "messageMetadata": {"modelName": model_name}})
    yield _sse({"type": "start-step"})
    yield _sse({"type": "text-start", "id": text_id})
    for piece in chunks(text):
        yield _sse({"type": "text-delta", "id": text_id, "delta": piece})
    yield _sse({"type": "text-end", "id": text_id})
    yield _sse({"type": "finish-step"})
    yield _sse({"type": "finish"})
    yield _sse("[DONE]")


def data_stream_lines(text: str, message_id: str) -> Iterator[str]:
    yield f"f:{_json({'messageId': message_id})}\n"
    for piece in chunks(text):
        yield f"0:{_json(piece)}\n"
    yield 'e:{"finishReason":"stop","isContinued":false}\n'
    yield 'd:{"finishReason":"stop"}\n'


def respond(fmt: str, text: str, message_id: str, model_name: str) -> StreamingResponse:
    if fmt == LEGACY_SSE:
        return StreamingResponse(legacy_events(text), media_type="text/event-stream")
    if fmt == DATA_STREAM:
        return StreamingResponse(data_stream_lines(text, message_id), media_type="text/plain; charset=utf-8",
                                 headers=DATA_STREAM_HEADERS)
    return StreamingResponse(ui_message_events(text, message_id, model_name), media_type="text/event-stream",
                             headers=UI_MESSAGE_HEADERS)
