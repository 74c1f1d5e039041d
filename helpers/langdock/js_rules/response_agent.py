"""Responses of get/create/update: the `assistant` wrapper key becomes `agent` (rule B3).

Before: `const res = await axios.get(".../assistant/v1/get", ...); res.data.assistant.name`
After:  `const res = await axios.get(".../agent/v1/get", ...); res.data.agent.name`

Only applies when the file calls a legacy get, create or update endpoint, and
only to reads from a response body (`x.data`, a variable holding `res.json()`).
"""
from __future__ import annotations

from .. import jstree
from . import js_rule

NAME = "langdock-response-agent"


@js_rule(NAME)
def read_agent(ctx) -> None:
    facts = ctx.facts
    if facts.mode != "langdock" or not facts.legacy_endpoints & {"get", "create", "update"}:
        return
    src = ctx.source
    for node in ctx.nodes("member_expression", "subscript_expression"):
        if jstree.property_name(src, node) != "assistant":
            continue
        if facts.is_response_body(node.child_by_field_name("object")):
            prop = jstree.property_node(node)
            if prop is not None:
                ctx.replace(prop.start_byte, prop.end_byte, "agent", NAME)
