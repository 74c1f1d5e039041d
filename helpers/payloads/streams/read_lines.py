"""S1 and S7: read a transcript into located events.

SSE: every `data:` line is one event (the legacy transcripts put events on consecutive lines,
and real streams sometimes glue two `data:` events onto one line, so both are accepted);
`event:`, `id:` and `retry:` lines are dropped with a note, `:` comments and blank lines
silently. v4: `<code>:<JSON>` per line, the value checked against the code's JSON type.
Malformed JSON is an `InputError` with its line and column.
"""
from __future__ import annotations

import json
from typing import Any

from ...errors import InputError
from ..context import Context
from pydantic import ValidationError

from ..models.streams import V4_MODELS, V4_VALUE_TYPES, V5_TYPES

DONE = "[DONE]"
JSON_NAMES = {str: "string", list: "array", dict: "object"}  # the value types of V4_VALUE_TYPES
_decoder = json.JSONDecoder()


def read_sse(text: str, ctx: Context) -> list[tuple[int, Any]]:
    """(line number, JSON value or DONE) for every `data:` event."""
    events: list[tuple[int, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith(":"):
            continue
        if line.startswith("data:"):
            events.extend((number, value) for value in _data_values(line, number))
        elif line.partition(":")[0] in ("event", "id", "retry"):
            ctx.note("S7", "info", f"the SSE `{line.partition(':')[0]}:` field has no meaning in the new "
                     "stream and was dropped", line=number, column=1)
        else:
            raise InputError("not an SSE line: expected `data: …`", line=number, column=1,
                             kind="langdock-stream")
    return events


def _data_values(line: str, number: int) -> list[Any]:
    values = []
    pos = 0
    while pos < len(line):
        if not line.startswith("data:", pos):
            raise InputError("unexpected text after an event; expected `data:`", line=number,
                             column=pos + 1, kind="langdock-stream")
        pos += 5
        while pos < len(line) and line[pos] == " ":
            pos += 1
        if line.startswith(DONE, pos):
            values.append(DONE)
            pos += len(DONE)
        else:
            try:
                value, pos = _decoder.raw_decode(line, pos)
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON in the event: {exc.msg}", line=number,
                                 column=exc.pos + 1, kind="langdock-stream") from None
            values.append(value)
        while pos < len(line) and line[pos] in " \t":
            pos += 1
    return values


def sse_format(events: list[tuple[int, Any]]) -> str:
    """legacy-sse or ui-message-stream, judged by the event types (S1)."""
    types = {v.get("type") for _, v in events if isinstance(v, dict) and isinstance(v.get("type"), str)}
    if types & {"message", "done"}:
        return "legacy-sse"
    if any(isinstance(t, str) and (t in V5_TYPES - {"error"} or t.startswith("data-")) for t in types):
        return "ui-message-stream"
    if any(v == DONE for _, v in events):
        return "ui-message-stream"
    return "legacy-sse"


def read_v4(text: str) -> list[tuple[int, str, Any]]:
    """(line number, code, value) for every v4 line."""
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():  # a trailing "\r" is JSON whitespace: json.loads takes it
            continue
        code, sep, body = line.partition(":")
        if not sep or len(code) != 1:
            raise InputError("not an AI SDK 4 stream line: expected `<code>:<JSON>`", line=number,
                             column=1, kind="langdock-stream")
        try:
            value = json.loads(body)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON after `{code}:`: {exc.msg}", line=number,
                             column=exc.pos + 3, kind="langdock-stream") from None
        expected = V4_VALUE_TYPES.get(code)
        if expected is None and code != "1":
            raise InputError(f"`{code}:` is not an AI SDK 4 data-stream code", line=number, column=1,
                             kind="langdock-stream")
        if expected is not None and not isinstance(value, expected):
            raise InputError(f"`{code}:` needs a JSON {JSON_NAMES[expected]}", line=number, column=3,
                             kind="langdock-stream")
        if code in V4_MODELS:
            try:
                V4_MODELS[code].model_validate(value)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(step) for step in first["loc"])  # the v4 models are flat: one step
                raise InputError(f"`{code}:` {where}: {first['msg']}", line=number, column=3,
                                 kind="langdock-stream") from None
        out.append((number, code, value))
    return out
