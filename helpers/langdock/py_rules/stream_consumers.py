"""Stream consumers that expect another format get a note (rules K3, C10, S1).

Before: `chunk["choices"][0]["delta"]["content"]` (OpenAI-style reader),
        `StreamingResponse(r.iter_bytes(), media_type="text/event-stream")` (pass-through),
        `if line.startswith("0:"):` (AI SDK 4 data-stream parser)
After:  the same code, plus a note naming the AI SDK 5 UI message stream event to
        read instead (`text-delta` with `delta`, ending at `data: [DONE]`) and, for
        pass-through proxies, what the browser now receives.
"""
from __future__ import annotations

import libcst as cst

from . import emit_notes, py_rule

NAME = "langdock-stream-consumer"


@py_rule(NAME, cst.Module)
def note_streams(ctx, original, updated):
    emit_notes(ctx, NAME)
    return updated
