"""Langdock URLs held in environment variables get a note (rule U1).

Before: `process.env.LANGDOCK_URL ?? "https://api.langdock.com/assistant/v1/chat/completions"`
After:  the default becomes `/agent/v1/...`, plus a note at the environment read: the
        value set in `.env` files or deployment settings must change too.
"""
from __future__ import annotations

from . import js_rule

NAME = "langdock-env-url"


@js_rule(NAME)
def emit(ctx) -> None:
    for node, severity, rule, message in ctx.facts.decisions.notes:
        if rule == NAME:
            ctx.note(node, severity, rule, message)
