"""F4: a thread message list becomes a conversation item list.

Before: `{"object": "list", "data": [<thread.message>, …], "first_id": "msg_1", "last_id": "msg_2",
          "has_more": false}`
After:  `{"object": "list", "data": [<message item>, …], "first_id": "msg_1", "last_id": "msg_2",
          "has_more": false}`, every message converted by F3. A bare array of thread messages
converts element by element. Id policy: as F3 (legacy ids kept, one note for the list).
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..models.foundry import LegacyThreadMessage
from ..registry import rule
from ..validation import validate
from .message_to_item import message_to_item


@rule("foundry-message-list", "F4", order=10)
def list_to_items(doc: Any, ctx: Context) -> Any:
    items = doc if isinstance(doc, list) else doc.get("data")
    base = () if isinstance(doc, list) else ("data",)
    ctx.extras["sub_shape"] = "array" if isinstance(doc, list) else "list"
    if not isinstance(items, list):
        return doc
    converted = []
    legacy = 0
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("type"), str) and "object" not in item:
            # already a conversation item (a message, or a tool call item next to messages)
            converted.append(item)
            continue
        validate(LegacyThreadMessage, item, ctx.text_for_lines, ctx.kind, (*base, index))
        converted.append(message_to_item(item, ctx, (*base, index)))
        legacy += 1
    if legacy:
        ctx.note("F4", "info", "legacy message ids were kept so you can trace them; the service "
                 "assigns new item ids when the messages are added to a conversation", base)
    else:
        ctx.note("F4", "info", "already a conversation item list; nothing to convert", ())
    if isinstance(doc, list):
        return converted
    return {key: (converted if key == "data" else value) for key, value in doc.items()}
