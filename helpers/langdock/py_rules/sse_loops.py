"""Hand-written parsers of the legacy stream get a note, not a rewrite (rule K3).

Before: `for line in r.iter_lines(): ... if event["type"] == "message": print(event["content"])`
After:  the code unchanged, plus a note at the loop: the Agents API streams the
        AI SDK 5 UI message stream; read `text-delta` events and stop at `[DONE]`.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from . import py_rule

NAME = "langdock-sse-loop"


@py_rule(NAME, cst.For)
def note_sse_loop(ctx, original, updated):
    if any(loop is original for loop in ctx.facts.sse_loops):
        ctx.note(original, "warning", NAME, advice.SSE_LOOP.format(how=advice.SSE_LOOP_PY))
    return updated
