"""F2: a thread object becomes a conversation object.

Before: `{"id": "thread_1234abcd", "object": "thread", "created_at": 1762217858,
          "metadata": {"agent": "my-awesome-agent"}, "tool_resources": {}}`
After:  `{"id": "thread_1234abcd", "object": "conversation", "created_at": 1762217858,
          "metadata": {"agent": "my-awesome-agent"}}`
Id policy: the legacy id is kept so the object can be traced; the service gives a migrated
conversation a new `conv_…` id (noted). `tool_resources` has no counterpart (noted).
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..models.foundry import LegacyThread
from ..registry import rule
from ..validation import validate
from .common import carry_unknown, note_dropped, note_id_kept

DROPPED = {"tool_resources": "attach files and vector stores to the agent's tools instead"}


@rule("foundry-thread", "F2", order=10)
def thread_to_conversation(doc: Any, ctx: Context) -> Any:
    if doc.get("object") == "conversation":
        ctx.note("F2", "info", "already a conversation; nothing to convert", ())
        return doc
    validate(LegacyThread, doc, ctx.text_for_lines, ctx.kind)
    new: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "object":
            new["object"] = "conversation"
        elif key in ("id", "created_at", "metadata"):
            new[key] = value
    new.setdefault("metadata", {})
    note_id_kept(ctx, "F2", doc.get("id"), "conversations (conv_…)")
    note_dropped(ctx, "F2", doc, DROPPED, (), "a conversation")
    carry_unknown(ctx, "F2", doc, {"id", "object", "created_at", "metadata", *DROPPED}, new, (),
                  "a conversation")
    return new
