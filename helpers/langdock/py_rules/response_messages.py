"""Reading the chat response: `result` becomes `messages` (rule K1).

Before: `data = r.json(); data["result"][0]["content"][0]["text"]`,
        `def answer(response): return response["result"]` (called with `r.json()`),
        `for m in data.get("result", []): m["content"][0]["text"]`,
        `if "result" in data:`
After:  `data = r.json(); langdock_text(data["messages"][0])`,
        `def answer(response): return response["messages"]`,
        `for m in data.get("messages", []): langdock_text(m)`,
        `if "messages" in data:`
        (`for part in m["content"]` becomes `for part in langdock_parts(m)`)

Only reads whose value is followed back to the chat call are rewritten (through
assignments, returns, parameters, loops; other files in folder mode). A message's
text is read through `langdock_text`, which accepts the `content` string the
guide shows and the `parts` the reference documents; loops over a message's parts go through
`langdock_parts`. Other uses of a message's `content` get a note.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from . import py_rule

NAME = "langdock-response-messages"


def _renamed(string: cst.SimpleString) -> cst.SimpleString:
    return string.with_changes(value=string.value.replace("result", "messages"))


@py_rule(NAME, cst.Subscript, cst.Call, cst.Comparison)
def read_messages(ctx, original, updated):
    facts = ctx.facts
    if id(original) in facts.result_renames:
        if "first" not in ctx.counters:
            ctx.counters["first"] = 1
            ctx.note(original, "info", NAME, advice.RESPONSE_SHAPE)
        if isinstance(updated, cst.Comparison):  # `"result" in data`
            return updated.with_changes(left=_renamed(updated.left))
        if isinstance(updated, cst.Call):
            first = updated.args[0]
            return updated.with_changes(
                args=[first.with_changes(value=_renamed(first.value)), *updated.args[1:]]
            )
        element = updated.slice[0]
        return updated.with_changes(slice=[element.with_changes(
            slice=element.slice.with_changes(value=_renamed(element.slice.value)))])
    if id(original) in facts.content_text:
        message = updated.value.value.value  # <message>["content"][i]["text"]
        return cst.Call(cst.Name("langdock_text"), [cst.Arg(message)])
    if id(original) in facts.content_parts:  # `for part in <message>["content"]`
        return cst.Call(cst.Name("langdock_parts"), [cst.Arg(updated.value)])
    return updated


@py_rule(NAME, cst.Module)
def note_content_loops(ctx, original, updated):
    """`content` reads that were not part of `["content"][i]["text"]` get a note."""
    for node in ctx.facts.content_notes:
        ctx.note(node, "warning", NAME, advice.CONTENT_IS_STRING)
    return updated
