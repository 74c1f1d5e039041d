"""Request fields set by member assignment get their Agents API names (rules B1, C1, C6).

Before: `body.assistantId = id;`, `body.assistant = { name, instructions };`,
        `messages[0].attachmentIds = [fileId];`
After:  `body.agentId = id;`, `body.agent = { name, instructions };`,
        `(messages[0].metadata ??= {}).attachments = [fileId];`

`assistant` is renamed only on an object that is sent as a chat request.
"""
from __future__ import annotations

from . import js_rule

NAME = "langdock-member-keys"


@js_rule(NAME)
def rename_members(ctx) -> None:
    decisions = ctx.facts.decisions
    for node in ctx.nodes("property_identifier"):
        new = decisions.property_renames.get(node.id)
        if new is not None:
            ctx.replace(node.start_byte, node.end_byte, new, NAME)
    for left in decisions.attachment_assigns:
        target = left.child_by_field_name("object")
        ctx.insert(target.start_byte, "(", NAME)
        ctx.replace(target.end_byte, left.end_byte, ".metadata ??= {}).attachments", NAME)
