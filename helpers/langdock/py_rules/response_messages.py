"""Reading the chat response: `result` becomes `messages` (rule K1).

Before: `data["result"][0]["content"][0]["text"]`, `r.json()["result"]`,
        `data.get("result", [])`, `msg = data["result"][0]; msg["content"][0]["text"]`
After:  `data["messages"][0]["content"]`, `r.json()["messages"]`,
        `data.get("messages", [])`, `msg = data["messages"][0]; msg["content"]`

`content` is a plain string now, so `[i]["text"]` after it is dropped; other
uses of a result message's `content` get a note.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from ..py_facts import int_index, str_index
from . import py_rule

NAME = "langdock-response-messages"


def _renamed(string: cst.SimpleString) -> cst.SimpleString:
    return string.with_changes(value=string.value.replace("result", "messages"))


def _content_of_message(facts, node) -> bool:
    return (
        isinstance(node, cst.Subscript) and str_index(node) == "content"
        and facts.is_result_message(node.value)
    )


@py_rule(NAME, cst.Subscript, cst.Call)
def read_messages(ctx, original, updated):
    facts = ctx.facts
    if facts.mode != "langdock":
        return updated
    if facts.is_result_read(original):
        if "first" not in ctx.counters:
            ctx.counters["first"] = 1
            ctx.note(original, "info", NAME, advice.RESPONSE_SHAPE)
        if isinstance(updated, cst.Call):
            first = updated.args[0]
            return updated.with_changes(
                args=[first.with_changes(value=_renamed(first.value)), *updated.args[1:]]
            )
        element = updated.slice[0]
        return updated.with_changes(slice=[element.with_changes(
            slice=element.slice.with_changes(value=_renamed(element.slice.value)))])
    if isinstance(original, cst.Subscript):
        inner = original.value
        # `<message>["content"][i]["text"]` -> `<message>["content"]`
        if (
            str_index(original) == "text" and isinstance(inner, cst.Subscript)
            and int_index(inner) and _content_of_message(facts, inner.value)
        ):
            ctx.counters.setdefault("handled", set()).add(id(inner.value))
            return updated.value.value
        if _content_of_message(facts, original):
            ctx.counters.setdefault("pending", []).append(original)
    return updated


@py_rule(NAME, cst.Module)
def note_content_loops(ctx, original, updated):
    """`content` reads that were not part of `["content"][i]["text"]` get a note."""
    pending = ctx.counters.get("pending", [])
    handled = ctx.counters.get("handled", set())
    for node in pending:
        if id(node) not in handled:
            ctx.note(node, "warning", NAME, advice.CONTENT_IS_STRING)
    return updated
