"""Bodies and message lists from outside the file are converted at run time (rules C1-C6).

Before: `body: JSON.stringify(req.body)`, `JSON.stringify({ assistantId, messages })`
        with `messages` from the browser or a caller
After:  `body: JSON.stringify(toAgentRequest(req.body))`,
        `JSON.stringify({ agentId: assistantId, messages: toUIMessages(messages) })`

The helpers (appended once per file by the helper functions rule) convert legacy
bodies and messages and pass Agents API ones through unchanged, so the URL switch
never sends a mixed request. Notes say what shape is now forwarded, also where the
code checks the client's `assistantId`.
"""
from __future__ import annotations

from . import js_rule

NAME = "langdock-forwarded-request"


@js_rule(NAME)
def wrap_forwarded(ctx) -> None:
    decisions = ctx.facts.decisions
    for node, helper in [(n, "toAgentRequest") for n in decisions.wrap_bodies] + [
        (n, "toUIMessages") for n in decisions.wrap_messages
    ]:
        if node.type == "shorthand_property_identifier":
            ctx.insert(node.start_byte, f"{ctx.text(node)}: {helper}(", NAME)
        else:
            ctx.insert(node.start_byte, f"{helper}(", NAME)
        ctx.insert(node.end_byte, ")", NAME)
    for node, severity, rule, message in decisions.notes:
        if rule == NAME:
            ctx.note(node, severity, rule, message)
