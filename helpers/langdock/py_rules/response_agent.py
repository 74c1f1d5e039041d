"""Responses of get/create/update: the `"assistant"` wrapper key becomes `"agent"` (rule B3).

Before: `r.json()["assistant"]["name"]`, `data.get("assistant")`
After:  `r.json()["agent"]["name"]`, `data.get("agent")`

Only when the module calls a legacy get, create or update endpoint, and only on
a parsed response body.
"""
from __future__ import annotations

import libcst as cst

from ..py_facts import get_key, str_index
from . import py_rule

NAME = "langdock-response-agent"


def _rename(string: cst.SimpleString) -> cst.SimpleString:
    return string.with_changes(value=string.value.replace("assistant", "agent"))


@py_rule(NAME, cst.Subscript, cst.Call)
def read_agent(ctx, original, updated):
    facts = ctx.facts
    if facts.mode != "langdock" or not facts.legacy_endpoints & {"get", "create", "update"}:
        return updated
    if isinstance(original, cst.Subscript) and str_index(original) == "assistant":
        if facts.is_response_body(original.value):
            element = updated.slice[0]
            index = element.slice
            return updated.with_changes(slice=[element.with_changes(
                slice=index.with_changes(value=_rename(index.value)))])
    elif get_key(original) == "assistant" and facts.is_response_body(original.func.value):
        first = updated.args[0]
        return updated.with_changes(
            args=[first.with_changes(value=_rename(first.value)), *updated.args[1:]]
        )
    return updated
