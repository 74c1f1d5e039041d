"""C1: the request names its agent with `agentId` (or a temporary `agent`), not `assistantId`.

Before: `{"assistantId": "7d1f…", "messages": […]}` or `{"assistant": {"name": …}, …}`
After:  `{"agentId": "7d1f…", "messages": […]}` or `{"agent": {"name": …}, …}`
Only the key changes: the id value is the same UUID, the temporary config keeps its
inner fields. Both an id and a temporary config → both renamed plus an error note
(the endpoint wants exactly one); neither → error note.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .common import rename_keys

RENAMES = {"assistantId": "agentId", "assistant": "agent"}


@rule("langdock-chat-request", "C1", order=10)
def rename_agent_key(doc: Any, ctx: Context) -> Any:
    ctx.extras.setdefault("sub_shape", "messages-array" if isinstance(doc, list) else "request")
    if not isinstance(doc, dict):
        if ctx.extras["sub_shape"] == "message":
            return doc
        ctx.note("C1", "info", "a bare message array: the request body around it also needs "
                 "`agentId` (or a temporary `agent`) and `stream`", ())
        return doc
    renames = {}
    for old, new in RENAMES.items():
        if old in doc:
            if new in doc:
                ctx.note("C1", "error", f"both `{old}` and `{new}` are present; `{old}` was left "
                         f"as it is; keep only `{new}`", (old,))
            else:
                renames[old] = new
    if renames:
        doc = rename_keys(doc, renames)
    if "agentId" in doc and "agent" in doc:
        ctx.note("C1", "error", "the request has both `agentId` and a temporary `agent`; the "
                 "Agents API needs exactly one of them", ("agent",))
    elif "agentId" not in doc and "agent" not in doc:
        ctx.note("C1", "error", "the request names no agent: add `agentId` (the same UUID the "
                 "assistant had) or a temporary `agent`", ())
    return doc
