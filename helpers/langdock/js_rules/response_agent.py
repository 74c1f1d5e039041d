"""Responses of get/create/update: the `assistant` wrapper key becomes `agent` (rule B3).

Before: `const res = await axios.get(".../assistant/v1/get", ...); res.data.assistant.name`
After:  `const res = await axios.get(".../agent/v1/get", ...); res.data.agent.name`

Only on a value followed back to a get, create or update call.
"""
from __future__ import annotations

from .. import jstree
from . import js_rule

NAME = "langdock-response-agent"


@js_rule(NAME)
def read_agent(ctx) -> None:
    for node in ctx.facts.decisions.agent_renames:
        prop = jstree.property_node(node)
        if prop is not None:
            ctx.replace(prop.start_byte, prop.end_byte, "agent", NAME)
