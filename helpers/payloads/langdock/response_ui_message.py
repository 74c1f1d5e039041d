"""R1 (shape 2), R3, R5, R6: `{"result": [...]}` becomes one UIMessage with parts.

Used when `response_shape="ui-message"` (the shape Langdock's API reference documents).
Before: `{"result": [{"id": "r1", "role": "assistant", "content": [{"type": "tool-call",
          "toolCallId": "call_9", "toolName": "search", "args": {…}}]},
          {"id": "r2", "role": "tool", "content": [{"type": "tool-result", "toolCallId": "call_9",
          "toolName": "search", "result": {…}}]},
          {"id": "r3", "role": "assistant", "content": [{"type": "text", "text": "Done."}]}]}`
After:  `{"id": "r3", "role": "assistant", "parts": [{"type": "step-start"},
          {"type": "tool-search", "toolCallId": "call_9", "state": "output-available",
           "input": {…}, "output": {…}}, {"type": "step-start"}, {"type": "text", "text": "Done."}]}`
Each assistant message is one step (`step-start`); results pair with calls by `toolCallId`
(no result → `input-available`, `isError` → `output-error`); `reasoning` and `file` parts map
to their v5 parts, other part types stay under `metadata.unconverted` with a note.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .response_messages import note_unknown_keys


@rule("langdock-chat-response", "R1-ui", order=20)
def result_to_ui_message(doc: Any, ctx: Context) -> Any:
    if ctx.options["response_shape"] != "ui-message" or not isinstance(doc, dict):
        return doc
    if "result" not in doc:
        if "messages" in doc:
            ctx.note("R1", "info", "a `messages`-shape response cannot be turned into parts (its "
                     "content is one string); it was left unchanged", ())
        return doc
    parts: list[dict[str, Any]] = []
    tools: dict[Any, dict[str, Any]] = {}
    unconverted: list[Any] = []
    last_id = None
    for index, message in enumerate(doc["result"]):
        path = ("result", index)
        role = message.get("role")
        content = message.get("content")
        items = content if isinstance(content, list) else [{"type": "text", "text": content}]
        if role == "assistant":
            parts.append({"type": "step-start"})
            last_id = message.get("id", last_id)
        elif role == "tool":
            ctx.note("R4", "info", "tool results were merged into the matching tool parts", path)
        for n, item in enumerate(items):
            _add_part(item, (*path, "content", n), parts, tools, unconverted, ctx)
    for call_id, part in tools.items():
        if part["state"] == "input-available":
            ctx.note("R3", "info", f"tool call {call_id!r} has no result; its part stays "
                     "`input-available`", ())
    if not any(p["type"] == "text" for p in parts):
        ctx.note("R6", "warning", "no assistant text in `result`", ("result",))
    note_unknown_keys(doc, ctx)
    new: dict[str, Any] = {"id": last_id if isinstance(last_id, str) else "msg_0", "role": "assistant",
                           "parts": parts}
    if unconverted:
        new["metadata"] = {"unconverted": unconverted}
    new.update({k: v for k, v in doc.items() if k != "result"})
    return new


def _add_part(item: Any, path: tuple, parts: list, tools: dict, unconverted: list, ctx: Context) -> None:
    kind = item.get("type") if isinstance(item, dict) else None
    if kind == "text" and isinstance(item.get("text"), str):
        if parts and parts[-1]["type"] == "text":
            parts[-1] = {"type": "text", "text": parts[-1]["text"] + item["text"]}
        else:
            parts.append({"type": "text", "text": item["text"]})
    elif kind == "reasoning":
        parts.append({"type": "reasoning", "text": str(item.get("text", item.get("reasoning", "")))})
    elif kind == "tool-call":
        part = {"type": f"tool-{item.get('toolName')}", "toolCallId": str(item.get("toolCallId")),
                "state": "input-available", "input": item.get("args", item.get("input"))}
        tools[_key(item.get("toolCallId"))] = part
        parts.append(part)
    elif kind == "tool-result" and _key(item.get("toolCallId")) in tools:
        part = tools[_key(item["toolCallId"])]
        result = item.get("result", item.get("output"))
        if item.get("isError"):
            part["state"] = "output-error"
            part["errorText"] = result if isinstance(result, str) else str(result)
        else:
            part["state"] = "output-available"
            part["output"] = result
    elif kind == "file" and isinstance(item.get("url") or item.get("data"), str):
        media = item.get("mediaType") or item.get("mimeType") or "application/octet-stream"
        url = item.get("url") or f"data:{media};base64,{item['data']}"
        parts.append({"type": "file", "mediaType": media, "url": url})
    else:
        unconverted.append(item)
        what = "a tool result without its call" if kind == "tool-result" else f"part type {kind!r}"
        ctx.note("R5", "warning", f"{what} has no UIMessage part; it was kept under "
                 "metadata.unconverted", path)


def _key(call_id: Any) -> str:
    """Tool call ids pair calls with results; any JSON value is compared by its text."""
    return call_id if isinstance(call_id, str) else repr(call_id)
