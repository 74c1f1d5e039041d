"""`streamText({ model: langdock(...) })` gets a note (rule K5).

Before: `streamText({ model: langdock({ apiKey, agentId }), messages })`
After:  the code unchanged, plus a note: no Langdock AI SDK provider exists and
        an agent is not a language model; call the HTTP endpoint from a server.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-no-ai-sdk-provider"


@js_rule(NAME)
def note_provider(ctx) -> None:
    src = ctx.source
    for call in ctx.nodes("call_expression"):
        if jstree.callee_name(src, call) != "langdock":
            continue
        func = call.child_by_field_name("function")
        if func is not None and func.type == "identifier":
            ctx.note(call, "warning", NAME, advice.NO_PROVIDER)
