"""S3: writing the chunk list as an AI SDK 5 UI message stream or an AI SDK 4 data stream.

v5: `data: <chunk JSON>` events separated by blank lines, ending with `data: [DONE]`.
v4: `f:{"messageId":…}` for each step, `0:"…"` per text chunk, `e:{"finishReason":…,
"isContinued":false}` and `d:{"finishReason":…}` (no invented usage), `3:` errors, `2:[…]` data.
JSON is compact and keeps non-ASCII text as it is (what `JSON.stringify` writes).
"""
from __future__ import annotations

import json
from typing import Any

from ..context import Context


# One encoder for all chunks: json.dumps with options would build a new one per call.
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def write_v5(chunks: list[dict[str, Any]]) -> str:
    out = []
    for chunk in chunks:
        if "_reason" in chunk:
            chunk = {k: v for k, v in chunk.items() if not k.startswith("_")}
        out.append(f"data: {_json(chunk)}\n\n")
    out.append("data: [DONE]\n\n")
    return "".join(out)


def write_v4(chunks: list[dict[str, Any]], ctx: Context) -> str:
    out = []
    message_id = chunks[0].get("messageId") if chunks and chunks[0]["type"] == "start" else None
    for chunk in chunks:
        kind = chunk["type"]
        if kind == "start-step":
            if message_id is not None:
                out.append(f"f:{_json({'messageId': message_id})}\n")
        elif kind == "text-delta":
            out.append(f"0:{_json(chunk['delta'])}\n")
        elif kind == "reasoning-delta":
            out.append(f"g:{_json(chunk['delta'])}\n")
        elif kind == "finish-step":
            out.append(f"e:{_json({'finishReason': chunk.get('_reason', 'unknown'), 'isContinued': False})}\n")
        elif kind == "finish":
            out.append(f"d:{_json({'finishReason': chunk.get('_reason', 'unknown')})}\n")
        elif kind == "error":
            out.append(f"3:{_json(chunk['errorText'])}\n")
        elif kind.startswith("data-"):
            out.append(f"2:{_json([chunk['data']])}\n")
        elif kind in ("start", "text-start", "text-end", "reasoning-start", "reasoning-end"):
            continue
        else:
            ctx.note("S3", "warning", f"chunk {kind!r} has no data-stream line and was left out")
    return "".join(out)
