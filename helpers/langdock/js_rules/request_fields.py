"""Fields Langdock ignores are noted where they are set (rule C9).

Before: `{ assistantId, messages, max_tokens: 500 }`,
        `{ role: "user", content, attachments: [id] }`
After:  the same code (with the other rules' renames), plus a note at `max_tokens`
        (not a documented request field) and at `attachments` (not read on a message).
"""
from __future__ import annotations

from . import js_rule

NAME = "langdock-request-fields"


@js_rule(NAME)
def emit(ctx) -> None:
    for node, severity, rule, message in ctx.facts.decisions.notes:
        if rule == NAME:
            ctx.note(node, severity, rule, message)
