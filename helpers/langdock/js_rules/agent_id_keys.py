"""`assistantId` as a wire key becomes `agentId` (rules B1, C1).

Before: `{ assistantId: "7d1f" }`, `{ "assistantId": id }`, `{ assistantId }`,
        `params.set("assistantId", id)`
After:  `{ agentId: "7d1f" }`, `{ "agentId": id }`, `{ agentId: assistantId }`,
        `params.set("agentId", id)`

Values and program identifiers are never renamed, only the key sent to Langdock.
Destructuring patterns (`const { assistantId } = req.body`) read the app's own
data and stay as they are, and so does an object that only plays the client of
a forwarding function (it is converted when forwarded).
"""
from __future__ import annotations

from .. import jstree
from . import js_rule

NAME = "langdock-agent-id-key"
OLD, NEW = "assistantId", "agentId"


def _rename_string(ctx, node) -> None:
    fragments = [c for c in node.named_children if c.type == "string_fragment"]
    if len(fragments) == 1 and ctx.text(fragments[0]) == OLD:
        ctx.replace(fragments[0].start_byte, fragments[0].end_byte, NEW, NAME)


@js_rule(NAME)
def rename_keys(ctx) -> None:
    if ctx.facts.mode != "langdock":
        return
    src = ctx.source
    clients = ctx.facts.decisions.client_objects
    for pair in ctx.nodes("pair"):
        key = pair.child_by_field_name("key")
        if key is None or jstree.key_name(src, key) != OLD or pair.parent.id in clients:
            continue
        if key.type == "property_identifier":
            ctx.replace(key.start_byte, key.end_byte, NEW, NAME)
        elif key.type == "string":
            _rename_string(ctx, key)
    for short in ctx.nodes("shorthand_property_identifier"):
        if ctx.text(short) == OLD and short.parent is not None and short.parent.type == "object" \
                and short.parent.id not in clients:
            ctx.insert(short.start_byte, f"{NEW}: ", NAME)
    for call in ctx.nodes("call_expression"):
        if jstree.callee_name(src, call) in ("set", "append"):
            args = jstree.call_arguments(call)
            if args and args[0].type == "string":
                func = call.child_by_field_name("function")
                target = func.child_by_field_name("object") if func is not None else None
                if target is not None and "param" in ctx.text(target).lower():
                    _rename_string(ctx, args[0])
