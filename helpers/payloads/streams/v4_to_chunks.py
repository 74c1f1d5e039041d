"""S8: AI SDK 4 data-stream lines become AI SDK 5 chunks.

Before → after: `0:"x"` → `text-delta` (inside `text-start`/`text-end`), `g:"x"` →
`reasoning-delta` (inside `reasoning-start`/`-end`), `b:` → `tool-input-start`, `c:` →
`tool-input-delta` (`argsTextDelta` → `inputTextDelta`), `9:` → `tool-input-available` (`args` →
`input`), `a:` → `tool-output-available` (`result` → `output`), `f:` → `start-step` (its
`messageId` goes on `start`), `e:` → `finish-step`, `d:` → `finish`, `3:` → `error`, `h:` →
`source-url` (`id` → `sourceId`), `k:` → `file` (base64 → data URL, `mimeType` → `mediaType`),
`2:` → one `data-v4` chunk per array item, `8:` → `message-metadata` (noted), `i:`/`j:` →
dropped with a note. `1:"…"` (the migration guide's invalid example) is read as text, noted.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from .chunks import ChunkList


def v4_to_chunks(lines: list[tuple[int, str, Any]], ctx: Context) -> list[dict[str, Any]]:
    # read_v4 gives at least one line (the input is not empty); V4StartStep makes messageId a string
    first = lines[0]
    chunks = ChunkList(first[2]["messageId"] if first[1] == "f" else None)
    finished = False
    usage_noted = False
    for line, code, value in lines:
        if code in ("0", "1"):
            if code == "1":
                ctx.note("S8", "warning", "`1:` is not a valid AI SDK 4 code (the migration guide's "
                         "example is wrong); the line was read as text", line=line)
            chunks.delta("text", str(value))
        elif code == "g":
            chunks.delta("reasoning", value)
        elif code == "f":
            chunks.add({"type": "start-step"})
        elif code in ("e", "d"):
            if "usage" in value and not usage_noted:
                usage_noted = True
                ctx.note("S8", "info", "token usage has no place in v5 stream chunks; send it as "
                         "messageMetadata if the client needs it", line=line)
            # the reason needs no `_reason` here: a v4 stream is never written back as v4
            chunks.add({"type": "finish-step" if code == "e" else "finish"})
            finished = finished or code == "d"
        elif code == "b":
            chunks.add({"type": "tool-input-start", "toolCallId": value.get("toolCallId"),
                        "toolName": value.get("toolName")})
        elif code == "c":
            chunks.add({"type": "tool-input-delta", "toolCallId": value.get("toolCallId"),
                        "inputTextDelta": value["argsTextDelta"]})
        elif code == "9":
            chunks.add({"type": "tool-input-available", "toolCallId": value.get("toolCallId"),
                        "toolName": value.get("toolName"), "input": value.get("args")})
        elif code == "a":
            chunks.add({"type": "tool-output-available", "toolCallId": value.get("toolCallId"),
                        "output": value.get("result")})
        elif code == "3":
            chunks.add({"type": "error", "errorText": value})
        elif code == "h":
            source = {"type": "source-url", "sourceId": value.get("id"), "url": value.get("url")}
            if value.get("title") is not None:
                source["title"] = value["title"]
            chunks.add(source)
        elif code == "k":
            media = value["mimeType"]  # V4File requires both
            chunks.add({"type": "file", "mediaType": media, "url": f"data:{media};base64,{value['data']}"})
        elif code == "2":
            for item in value:
                chunks.add({"type": "data-v4", "data": item})
        elif code == "8":
            ctx.note("S8", "info", "message annotations became message-metadata "
                     "({annotations: [...]}); read them from message.metadata", line=line)
            chunks.add({"type": "message-metadata", "messageMetadata": {"annotations": value}})
        else:  # i, j
            ctx.note("S8", "warning", f"`{code}:` (redacted reasoning / reasoning signature) has no "
                     "UI-stream chunk and was dropped", line=line)
    if not finished:
        ctx.note("S4", "warning", "the stream ended without `d:` (finish); a `finish` chunk was added",
                 line=lines[-1][0])
        chunks.add({"type": "finish"})
    return chunks.items
