"""C9: `stream`, `output` and `maxSteps` carry over; fields the Agents API does not document are
kept and noted.

Before/after (unchanged): `{"stream": false, "output": {…}, "maxSteps": 5}`; `maxSteps` outside
1-20 gets a note. Unknown top-level keys (`temperature`, `max_tokens`, `tools`, `model`, …) and
unknown message keys stay where they are with a note. A root-level `attachmentIds` gets the
advice to move the ids to the last user message's `metadata.attachments`.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .common import each_message, messages_of

REQUEST_KEYS = frozenset({"agentId", "agent", "assistantId", "assistant", "messages", "stream",
                          "output", "maxSteps", "imageResponseFormat"})
MESSAGE_KEYS = frozenset({"id", "role", "parts", "metadata", "content", "attachmentIds"})


@rule("langdock-chat-request", "C9", order=60)
def note_extra_fields(doc: Any, ctx: Context) -> Any:
    if isinstance(doc, dict):
        for key in doc:
            if key in REQUEST_KEYS:
                continue
            if key == "attachmentIds":
                ctx.note("C9", "warning", "root-level `attachmentIds` is not part of the Agents API: "
                         "move the ids to the last user message's metadata.attachments", (key,))
            else:
                ctx.note("C9", "warning", f"`{key}` is not documented for /agent/v1/chat/completions; "
                         "it was carried over unchanged (agent settings live in Langdock)", (key,))
        steps = doc.get("maxSteps")
        if "maxSteps" in doc and not (isinstance(steps, int) and not isinstance(steps, bool) and 1 <= steps <= 20):
            ctx.note("C9", "error", f"maxSteps must be a whole number from 1 to 20, not {steps!r}",
                     ("maxSteps",))
        if "stream" in doc and not isinstance(doc["stream"], bool):
            ctx.note("C9", "error", "`stream` must be true or false", ("stream",))
    for _, message, path in each_message(doc):
        for key in message:
            if key not in MESSAGE_KEYS:
                ctx.note("C9", "warning", f"message field `{key}` is not part of a UIMessage; it was "
                         "carried over unchanged", (*path, key))
    messages, base = messages_of(doc)
    for index, message in enumerate(messages):
        if not isinstance(message, dict):
            ctx.note("C9", "error", "this message is not an object", (*base, index))
    return doc
