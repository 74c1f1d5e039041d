"""C7: message roles are kept; the ones the Agents API may not accept get a note.

Before/after: `user` and `assistant` stay as they are, silently.
`tool` (legacy string-content tool messages) stays `tool` with its text part: a UIMessage
has no tool role and there is no `toolCallId` to build a tool part from, so say so.
`system` stays, with a note: the agent's instructions live in Langdock and the endpoint may
ignore or refuse system messages. A missing or unknown role is an error note.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .common import each_message

ADVICE = {
    "tool": ("warning", "role `tool` has no UIMessage counterpart and no toolCallId to build a "
             "tool part from; it was kept as a text message, check that the agent accepts it"),
    "system": ("warning", "role `system` is not part of the legacy schema and the agent endpoint "
               "may ignore or refuse it: put these instructions into the agent in Langdock"),
}


@rule("langdock-chat-request", "C7", order=50)
def check_roles(doc: Any, ctx: Context) -> Any:
    for _, message, path in each_message(doc):
        role = message.get("role")
        if role in ("user", "assistant"):
            continue
        if role is not None and not isinstance(role, str):
            ctx.note("C7", "error", "`role` must be a string (`user` or `assistant`)", (*path, "role"))
            continue
        if role in ADVICE:
            severity, text = ADVICE[role]
            ctx.note("C7", severity, text, (*path, "role"))
        elif role is None:
            ctx.note("C7", "error", "the message has no `role`; add `user` or `assistant`", path)
        else:
            ctx.note("C7", "error", f"unknown role {role!r}; use `user` or `assistant`", (*path, "role"))
    return doc
