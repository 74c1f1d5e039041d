"""`result` reads the converter cannot follow to the chat call get a note.

Before: `cached = json.load(fh); cached["result"][0]["content"][0]["text"]`
        (in a module that calls the chat endpoint)
After:  the same code, plus a note: if this is a chat answer (a cached copy,
        a value from elsewhere), it now has `messages`, not `result`.

Reads traced to something else (an upload response, a literal) stay silent.
"""
from __future__ import annotations

import libcst as cst

from . import emit_notes, py_rule

NAME = "langdock-untraced-read"


@py_rule(NAME, cst.Module)
def note_untraced(ctx, original, updated):
    emit_notes(ctx, NAME)
    return updated
