"""Fields Langdock ignores are noted where they are set (rule C9).

Before: `{"assistantId": a, "messages": m, "temperature": 0.2}`,
        `{"role": "user", "content": q, "attachments": [file_id]}`
After:  the same code (with the other rules' renames), plus a note at
        `temperature` (not a documented request field) and at `attachments`
        (not read on a message: `metadata.attachments` is).
"""
from __future__ import annotations

import libcst as cst

from . import emit_notes, py_rule

NAME = "langdock-request-fields"


@py_rule(NAME, cst.Module)
def note_fields(ctx, original, updated):
    emit_notes(ctx, NAME)
    return updated
