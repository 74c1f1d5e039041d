"""`"assistantId"` as a wire key becomes `"agentId"` (rules B1, C1).

Before: `{"assistantId": ASSISTANT_ID}`, `params={"assistantId": aid}`,
        `params=dict(assistantId=aid)`
After:  `{"agentId": ASSISTANT_ID}`, `params={"agentId": aid}`,
        `params=dict(agentId=aid)`

The value and variable names (`assistant_id`, `ASSISTANT_ID`) stay.
"""
from __future__ import annotations

import libcst as cst

from ..py_facts import str_value
from . import py_rule

NAME = "langdock-agent-id-key"
OLD, NEW = "assistantId", "agentId"


@py_rule(NAME, cst.DictElement, cst.Call)
def rename_keys(ctx, original, updated):
    if ctx.facts.mode != "langdock":
        return updated
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
