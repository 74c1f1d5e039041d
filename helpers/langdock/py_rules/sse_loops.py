"""Hand-written parsers of the legacy stream read the AI SDK 5 events instead (rule K3).

Before: `for line in r.iter_lines(): ... if event["type"] == "message": print(event["content"])
         ... elif event["type"] == "done": break`
After:  `... if event["type"] == "text-delta": print(event["delta"]) ...
         elif event["type"] == "finish": break`, plus a note at the loop: the
        stream is the AI SDK 5 UI message stream; ignore other events and stop at
        `data: [DONE]` (which is not JSON).

Only loops that leave at `done` are rewritten (they then leave at `finish`,
before `[DONE]` reaches their JSON parser); other loops get the note alone.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from . import py_rule

NAME = "langdock-sse-loop"


@py_rule(NAME, cst.SimpleString)
def rename_event_types(ctx, original, updated):
    new = ctx.facts.string_renames.get(id(original))
    if new is None:
        return updated
    return updated.with_changes(value=f"{updated.prefix}{updated.quote}{new}{updated.quote}")


@py_rule(NAME, cst.For)
def note_sse_loop(ctx, original, updated):
    if any(loop is original for loop in ctx.facts.sse_loops):
        message = advice.SSE_LOOP_REWRITTEN if id(original) in ctx.facts.rewritten_loops else (
            advice.SSE_LOOP.format(how=advice.SSE_LOOP_PY))
        ctx.note(original, "warning", NAME, message)
    return updated
