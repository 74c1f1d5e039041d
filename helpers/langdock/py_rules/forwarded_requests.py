"""Bodies and message lists from outside the module are converted at run time (rules C1-C6).

Before: `requests.post(URL, json=browser_body)` (a parameter, a browser's JSON),
        `json={"assistantId": a, "messages": history}` with `history` from a caller
After:  `requests.post(URL, json=to_agent_request(browser_body))`,
        `json={"agentId": a, "messages": to_ui_messages(history)}`

The helpers (written once per module by the response helpers rule) convert
legacy bodies and messages and pass Agents API ones through unchanged, so the
URL switch never sends a mixed request. Notes say what shape is now forwarded,
also where the code checks the client's `assistantId`.
"""
from __future__ import annotations

import libcst as cst

from . import emit_notes, py_rule

NAME = "langdock-forwarded-request"


# every expression a body or message list the scan marks may be: a list with a
# parameter in it (`[message]`, `[*history, ...]`) or a fallback (`history or []`) too
@py_rule(NAME, cst.Name, cst.Call, cst.Subscript, cst.Attribute, cst.BinaryOperation,
         cst.ListComp, cst.Await, cst.List, cst.Tuple, cst.BooleanOperation, cst.IfExp)
def wrap_forwarded(ctx, original, updated):
    facts = ctx.facts
    if id(original) in facts.wrap_bodies:
        return cst.Call(cst.Name("to_agent_request"), [cst.Arg(updated)])
    if id(original) in facts.wrap_messages:
        return cst.Call(cst.Name("to_ui_messages"), [cst.Arg(updated)])
    return updated


@py_rule(NAME, cst.Module)
def note_forwarded(ctx, original, updated):
    emit_notes(ctx, NAME)
    return updated
