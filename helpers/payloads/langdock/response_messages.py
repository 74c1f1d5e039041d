"""R1, R2, R3, R4, R6 (default shape): `{"result": [...]}` becomes `{"messages": [...]}`.

Before: `{"result": [{"id": "r3", "role": "assistant",
          "content": [{"type": "text", "text": "Clauses 7 "}, {"type": "text", "text": "apply."}]}],
          "output": […]}`
After:  `{"messages": [{"id": "r3", "role": "assistant", "content": "Clauses 7 apply."}], "output": […]}`
R2 text parts are joined without separator (they are chunks of one text), noted when > 1.
R3 tool calls and their results have no place in the `content` string: one note per call.
R4 `role: "tool"` result messages are not emitted (noted). R6 empty `result` → `messages: []`.
`output` and unknown top-level keys stay where they were (the latter noted).
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule

RESPONSE_KEYS = frozenset({"result", "messages", "output"})


@rule("langdock-chat-response", "R1", order=10)
def result_to_messages(doc: Any, ctx: Context) -> Any:
    ctx.extras["response_shape"] = ctx.options["response_shape"]
    if not isinstance(doc, dict):
        return doc
    if "result" not in doc:
        shape = "messages" if "messages" in doc else "ui-message"
        ctx.extras["detected_shape"] = shape
        ctx.note("R1", "info", f"already an Agents-API response ({shape} shape); nothing to convert", ())
        return doc
    ctx.extras["detected_shape"] = "legacy-result"
    if ctx.options["response_shape"] != "messages":
        return doc
    messages = [m for m in (_message_of(i, msg, ctx) for i, msg in enumerate(doc["result"])) if m]
    if not messages:
        ctx.note("R6", "warning", "no assistant text in `result`; `messages` is empty (the answer may "
                 "be in `output`, or only tool activity happened)", ("result",))
    note_unknown_keys(doc, ctx)
    return {("messages" if key == "result" else key): (messages if key == "result" else value)
            for key, value in doc.items()}


def _message_of(index: int, message: dict[str, Any], ctx: Context) -> dict[str, Any] | None:
    path = ("result", index)
    content = message.get("content")
    if message.get("role") == "tool":
        ctx.note("R4", "info", "tool result messages are not part of the `messages` shape; use the "
                 "stream or response_shape='ui-message' to see tool activity", path)
        return None
    parts = content if isinstance(content, list) else [{"type": "text", "text": content}]
    texts = []
    for n, part in enumerate(parts):
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text" and isinstance(part.get("text"), str):
            texts.append(part["text"])
        elif kind == "tool-call":
            ctx.note("R3", "info", f"tool call `{part.get('toolName')}` ({part.get('toolCallId')}) has no "
                     "counterpart in the `content` string; use the v5 stream or "
                     "response_shape='ui-message' to see tool activity", (*path, "content", n))
        else:
            ctx.note("R5", "warning", f"content part of type {kind!r} has no place in the `content` "
                     "string and was left out; response_shape='ui-message' keeps it",
                     (*path, "content", n))
    if not texts:
        return None
    if len(texts) > 1:
        ctx.note("R2", "info", f"merged {len(texts)} text parts into one `content` string", (*path, "content"))
    new: dict[str, Any] = {"id": message.get("id"), "role": "assistant", "content": "".join(texts)}
    if not isinstance(new["id"], str):
        new["id"] = f"msg_{index}"
        ctx.note("R1", "warning", f"the message had no id; it became {new['id']!r}", path)
    for key, value in message.items():
        if key not in ("id", "role", "content"):
            new[key] = value
            ctx.note("R1", "warning", f"message field `{key}` is not documented for Agents-API responses; "
                     "it was carried over", (*path, key))
    return new


def note_unknown_keys(doc: dict[str, Any], ctx: Context) -> None:
    for key in doc:
        if key not in RESPONSE_KEYS:
            ctx.note("R1", "warning", f"`{key}` is not documented for Agents-API responses; it was "
                     "carried over unchanged", (key,))
