"""`"assistantId"` as a wire key becomes `"agentId"` (rules B1, C1).

Before: `{"assistantId": ASSISTANT_ID}`, `params={"assistantId": aid}`,
        `params=dict(assistantId=aid)`
After:  `{"agentId": ASSISTANT_ID}`, `params={"agentId": aid}`,
        `params=dict(agentId=aid)`

The value and variable names (`assistant_id`, `ASSISTANT_ID`) stay. A dict that
only plays the client of a forwarding function (converted when forwarded) stays.
"""
from __future__ import annotations

import libcst as cst

from ..py_facts import str_value
from . import py_rule

NAME = "langdock-agent-id-key"
OLD, NEW = "assistantId", "agentId"


@py_rule(NAME, cst.DictElement, cst.Call, cst.Dict)
def rename_keys(ctx, original, updated):
    if ctx.facts.mode != "langdock":
        return updated
    if isinstance(updated, cst.Dict):
        if id(original) not in ctx.facts.client_dicts:
            return updated
        # undo the renames of this dict's own keys: it is the client's body
        elements = [
            e.with_changes(key=e.key.with_changes(value=e.key.value.replace(NEW, OLD)))
            if isinstance(e, cst.DictElement) and isinstance(o, cst.DictElement)
            and str_value(o.key) == OLD else e
            for e, o in zip(updated.elements, original.elements)
        ]
        return updated.with_changes(elements=elements)
    if isinstance(updated, cst.DictElement):
        key = updated.key
        if str_value(key) == OLD and OLD in key.value:
            return updated.with_changes(key=key.with_changes(value=key.value.replace(OLD, NEW)))
        return updated
    if isinstance(updated.func, cst.Name) and updated.func.value == "dict":
        args = [
            a.with_changes(keyword=a.keyword.with_changes(value=NEW))
            if a.keyword is not None and a.keyword.value == OLD else a
            for a in updated.args
        ]
        return updated.with_changes(args=args)
    return updated
