"""A temporary `assistant` config in a chat request becomes `agent` (rule C1).

Before: `{ assistant: { name: "Reviewer", instructions: "Be brief." }, messages }`
After:  `{ agent: { name: "Reviewer", instructions: "Be brief." }, messages }`

Inner fields keep their names. A request naming both an id and a config gets
an error note, since the API takes exactly one of them.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-temporary-agent"


@js_rule(NAME)
def rename_temporary_assistant(ctx) -> None:
    src = ctx.source
    for request in ctx.facts.chat_requests:
        members = jstree.object_members(src, request)
        member = members.get("assistant")
        if member is not None:
            if member.type == "shorthand_property_identifier":
                ctx.insert(member.start_byte, "agent: ", NAME)
            else:
                key = member.child_by_field_name("key")
                if key.type == "property_identifier":
                    ctx.replace(key.start_byte, key.end_byte, "agent", NAME)
                else:
                    fragment = key.named_children[0]
                    ctx.replace(fragment.start_byte, fragment.end_byte, "agent", NAME)
        has_config = "assistant" in members or "agent" in members
        if has_config and ("assistantId" in members or "agentId" in members):
            ctx.note(request, "error", NAME, advice.BOTH_AGENT_KEYS)
