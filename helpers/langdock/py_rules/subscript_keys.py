"""Request fields set by subscript assignment get their Agents API names (rules B1, C1, C6).

Before: `payload["assistantId"] = ASSISTANT_ID`, `payload["assistant"] = {...}`,
        `messages[-1]["attachmentIds"] = [file_id]`
After:  `payload["agentId"] = ASSISTANT_ID`, `payload["agent"] = {...}`,
        `messages[-1].setdefault("metadata", {})["attachments"] = [file_id]`

Also, in a loop over the legacy stream, the event's `["content"]` becomes
`["delta"]` (see the SSE loop rule).

`"assistant"` is renamed only on a dict that is sent as a chat request; a root
level `attachmentIds` stays (with a note from the request fields rule).
"""
from __future__ import annotations

import libcst as cst

from . import py_rule

NAME = "langdock-subscript-keys"


def _with_key(node: cst.Subscript, key: str) -> cst.Subscript:
    element = node.slice[0]
    old = element.slice.value
    quote = old.quote if isinstance(old, cst.SimpleString) else '"'
    return node.with_changes(slice=[element.with_changes(
        slice=element.slice.with_changes(value=cst.SimpleString(f"{quote}{key}{quote}")))])


@py_rule(NAME, cst.Subscript, cst.Call)
def rename_subscript_keys(ctx, original, updated):
    new = ctx.facts.key_renames.get(id(original))
    if new is None or new == "attachmentIds":
        return updated
    if isinstance(updated, cst.Call):  # `event.get("content")` in a stream loop
        first = updated.args[0]
        quote = first.value.quote
        return updated.with_changes(args=[
            first.with_changes(value=cst.SimpleString(f"{quote}{new}{quote}")),
            *updated.args[1:]])
    if new == "metadata.attachments":
        quote = updated.slice[0].slice.value.quote
        setdefault = cst.Call(
            cst.Attribute(updated.value, cst.Name("setdefault")),
            [cst.Arg(cst.SimpleString(f"{quote}metadata{quote}"),
                     comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
             cst.Arg(cst.Dict([]))],
        )
        return _with_key(updated.with_changes(value=setdefault), "attachments")
    return _with_key(updated, new)
