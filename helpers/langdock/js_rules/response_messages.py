"""Reading the chat response: `result` becomes `messages` (rule K1).

Before: `response.data.result[0].content[0].text`, `data.result`, `data["result"]`,
        `const m = data.result[0]; m.content[0].text`
After:  `response.data.messages[0].content`, `data.messages`, `data["messages"]`,
        `const m = data.messages[0]; m.content`

`content` of a response message is a plain string now, so `[i].text` after it
is dropped; other uses of `content` (loops over parts) get a note. One note
per file explains the competing response shapes of the reference.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-response-messages"


def _rename_result(ctx, node) -> None:
    prop = jstree.property_node(node)
    if prop is not None:
        ctx.replace(prop.start_byte, prop.end_byte, "messages", NAME)


@js_rule(NAME)
def read_messages(ctx) -> None:
    facts = ctx.facts
    reads = facts.result_reads
    if not reads:
        return
    for node in reads:
        _rename_result(ctx, node)
    ctx.note(reads[0], "info", NAME, advice.RESPONSE_SHAPE)
    src = ctx.source
    for content in ctx.nodes("member_expression"):
        if jstree.property_name(src, content) != "content":
            continue
        if not facts.is_result_message(content.child_by_field_name("object")):
            continue
        parent = content.parent
        outer = parent.parent if parent is not None else None
        if (
            parent is not None and parent.type == "subscript_expression"
            and parent.child_by_field_name("object") == content
            and jstree.property_name(src, parent) is None
            and outer is not None and outer.type == "member_expression"
            and outer.child_by_field_name("object") == parent
            and jstree.property_name(src, outer) == "text"
        ):
            ctx.replace(content.end_byte, outer.end_byte, "", NAME)
        else:
            ctx.note(content, "warning", NAME, advice.CONTENT_IS_STRING)
