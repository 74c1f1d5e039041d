"""F2: a thread object becomes a conversation object.

Before: `{"id": "thread_1234abcd", "object": "thread", "created_at": 1762217858,
          "metadata": {"agent": "my-awesome-agent"}, "tool_resources": {}}`
After:  `{"id": "thread_1234abcd", "object": "conversation", "created_at": 1762217858,
          "metadata": {"agent": "my-awesome-agent"}}`
Id policy: the legacy id is kept so the object can be traced; the service gives a migrated
conversation a new `conv_…` id (noted). `tool_resources` has no counterpart: a non-empty one is
kept under `unconverted` (noted).
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..models.foundry import LegacyThread
from ..registry import rule
from ..validation import validate
from ...mapping import fields
from .common import carry_unknown, is_empty, note_dropped, note_id_kept
from .tools import UNCONVERTED

DROPPED = fields.dropped(fields.THREAD)


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
    kept = not is_empty(doc.get("tool_resources"))
    note_dropped(ctx, "F2", doc, {k: v for k, v in DROPPED.items() if not (kept and k == "tool_resources")},
                 (), "a conversation")
    carry_unknown(ctx, "F2", doc, set(fields.THREAD), new, (), "a conversation")
    if kept:
        new[UNCONVERTED] = {"tool_resources": doc["tool_resources"]}
        ctx.note("F2", "warning", f"the thread's tool_resources were kept under `{UNCONVERTED}` (remove "
                 "that key before sending): give the files and vector stores to the agent's tools",
                 ("tool_resources",))
    return new
