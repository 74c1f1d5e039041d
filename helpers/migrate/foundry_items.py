"""A classic thread message → a conversation input item, via the payload converter.

The converter (`foundry-message` kind) already maps roles, text, annotations
and images; this keeps the fields `conversations.create` accepts as input and
lists what a stored item cannot hold (timestamps, run and assistant ids,
per-message metadata) so the report carries it. User attachments become
`input_file` parts, which keeps the file attached to the message.
"""
from __future__ import annotations

import json
from typing import Any

from .. import convert_payload

INPUT_FIELDS = ("type", "role", "content")
# Parts an assistant message may carry as conversation input.
ASSISTANT_PARTS = {"output_text", "refusal"}


def message_to_item(message: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(input item, what was not carried) for one legacy message (its JSON as a dict)."""
    result = convert_payload(json.dumps(message), kind="foundry-message")
    converted = json.loads(result.output)
    item = {key: converted[key] for key in INPUT_FIELDS if key in converted}
    not_carried: list[dict[str, Any]] = []
    role = item.get("role")
    content = list(item.get("content") or [])
    if role == "assistant":
        kept = [part for part in content if part.get("type") in ASSISTANT_PARTS]
        for part in content:
            if part.get("type") not in ASSISTANT_PARTS:
                not_carried.append({"message": message.get("id"), "field": "content",
                                    "value": part, "why": "assistant messages hold only text as conversation input"})
        content = kept
    attachments = message.get("attachments") or []
    if role == "user":
        for attachment in attachments:
            if attachment.get("file_id"):
                content.append({"type": "input_file", "file_id": attachment["file_id"]})
    elif attachments:
        not_carried.append({"message": message.get("id"), "field": "attachments", "value": attachments,
                            "why": "only user messages can carry files as conversation input"})
    item["content"] = content
    for field in ("created_at", "assistant_id", "run_id", "metadata", "completed_at", "incomplete_details"):
        value = message.get(field)
        if value not in (None, {}, [], ""):
            not_carried.append({"message": message.get("id"), "field": field, "value": value,
                                "why": "conversation items hold no such field"})
    return item, not_carried
