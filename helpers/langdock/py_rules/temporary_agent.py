"""A temporary `"assistant"` config in a chat request becomes `"agent"` (rule C1).

Before: `{"assistant": {"name": "Reviewer", "instructions": "Be brief."}, "messages": [...]}`
After:  `{"agent": {"name": "Reviewer", "instructions": "Be brief."}, "messages": [...]}`

Inner fields keep their names; naming both an id and a config gets an error note.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from ..py_facts import dict_keys, str_value
from . import py_rule

NAME = "langdock-temporary-agent"


@py_rule(NAME, cst.Dict)
def rename_temporary_assistant(ctx, original, updated):
    if id(original) not in ctx.facts.request_dicts:
        return updated
    keys = dict_keys(original)
    if ("assistant" in keys or "agent" in keys) and ("assistantId" in keys or "agentId" in keys):
        ctx.note(original, "error", NAME, advice.BOTH_AGENT_KEYS)
    if "assistant" not in keys:
        return updated
    elements = []
    for element in updated.elements:
        if isinstance(element, cst.DictElement) and str_value(element.key) == "assistant":
            key = element.key
            element = element.with_changes(
                key=key.with_changes(value=key.value.replace("assistant", "agent"))
            )
        elements.append(element)
    return updated.with_changes(elements=elements)
