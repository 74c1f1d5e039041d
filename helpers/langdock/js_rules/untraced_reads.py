"""`result` reads the converter cannot follow to the chat call get a note.

Before: `const data = JSON.parse(fs.readFileSync(cache)); data.result`
        (in a file that calls the chat endpoint)
After:  the same code, plus a note: if this is a chat answer (a cached copy, a value
        from elsewhere) it now has `messages`, not `result`. Reads traced to something
        else (an upload) stay silent.
"""
from __future__ import annotations

from . import js_rule

NAME = "langdock-untraced-read"


@js_rule(NAME)
def emit(ctx) -> None:
    for node, severity, rule, message in ctx.facts.decisions.notes:
        if rule == NAME:
            ctx.note(node, severity, rule, message)
