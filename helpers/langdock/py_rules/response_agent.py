"""Responses of get/create/update: the `"assistant"` wrapper key becomes `"agent"` (rule B3).

Before: `r = requests.get(f"{BASE}/assistant/v1/get", ...); r.json()["assistant"]["name"]`
After:  `r = requests.get(f"{BASE}/agent/v1/get", ...); r.json()["agent"]["name"]`

Only on a value followed back to a get, create or update call.
"""
from __future__ import annotations

import libcst as cst

from . import py_rule

NAME = "langdock-response-agent"


def _rename(string: cst.SimpleString) -> cst.SimpleString:
    return string.with_changes(value=string.value.replace("assistant", "agent"))


@py_rule(NAME, cst.Subscript, cst.Call)
def read_agent(ctx, original, updated):
    if id(original) not in ctx.facts.agent_renames:
        return updated
    if isinstance(updated, cst.Subscript):
        element = updated.slice[0]
        index = element.slice
        return updated.with_changes(slice=[element.with_changes(
            slice=index.with_changes(value=_rename(index.value)))])
    first = updated.args[0]
    return updated.with_changes(args=[first.with_changes(value=_rename(first.value)),
                                      *updated.args[1:]])
