"""F6: a run step list (or one run step) becomes a conversation item list: the response's output items.

Before: `{"object": "list", "data": [{"id": "step_1", "object": "thread.run.step", "type": "tool_calls",
          "status": "completed", "run_id": "run_1", "step_details": {"type": "tool_calls", "tool_calls":
          [{"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": "{}",
          "output": "42"}}]}}], "first_id": "step_1", "last_id": "step_1", "has_more": false}`
After:  `{"object": "list", "data": [{"type": "function_call", "id": "call_1", "call_id": "call_1",
          "name": "lookup", "arguments": "{}", "status": "completed"}, {"type": "function_call_output",
          "id": "call_1_output", "call_id": "call_1", "output": "42", "status": "completed"}],
          "first_id": "call_1", "last_id": "call_1_output", "has_more": false}`
Tool calls become their item types (function_call + function_call_output, code_interpreter_call,
file_search_call, mcp_call); statuses follow `helpers.mapping.RUN_STEP_STATUS`. A
message_creation step only points at a message: convert the thread's message list for it (noted).
Tool calls with no item model (Bing, Azure AI Search, OpenAPI, connected agents, ...) and code
interpreter images (a file id, where an item wants a URL) are kept under `unconverted` (noted).
Id policy: item ids are the legacy call ids (outputs get `<call id>_output`); the service assigns
new ids when items are added to a conversation.
"""
from __future__ import annotations

from typing import Any

from ...mapping import RUN_STEP_STATUS, fields, lookup
from ..context import Context
from ..jsontext import Path
from ..registry import rule
from .tools import UNCONVERTED


@rule("foundry-run-steps", "F6", order=10)
def run_steps_to_items(doc: Any, ctx: Context) -> Any:
    if isinstance(doc, dict) and doc.get("object") == "thread.run.step":
        ctx.extras["sub_shape"] = "step"
        steps, base = [doc], None
    elif isinstance(doc, list):
        ctx.extras["sub_shape"] = "array"
        steps, base = doc, ()
    else:
        ctx.extras["sub_shape"] = "list"
        steps, base = doc.get("data"), ("data",)
    if not isinstance(steps, list) or not any(_is_step(s) for s in steps):
        ctx.note("F6", "info", "no run steps here; nothing to convert", ())
        return doc
    unconverted: dict[str, Any] = {}
    items: list[Any] = []
    for index, step in enumerate(steps):
        path: Path = () if base is None else (*base, index)
        if not _is_step(step):
            items.append(step)  # already an item (or something we leave alone)
            continue
        items.extend(_step_items(step, ctx, path, unconverted))
    ctx.note("F6", "info", "run steps became the response's output items; the legacy call ids were kept "
             "as item ids so you can trace them (the service assigns new ids)", () if base is None else base)
    if isinstance(doc, list):
        if unconverted:
            ctx.note("F6", "warning", "a bare array has no place for unconverted values; they are listed "
                     "in the notes above", ())
        return items
    ids = [item.get("id") for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
    new: dict[str, Any] = {"object": "list", "data": items,
                           "first_id": ids[0] if ids else doc.get("first_id"),
                           "last_id": ids[-1] if ids else doc.get("last_id"),
                           "has_more": bool(doc.get("has_more", False))}
    if unconverted:
        new[UNCONVERTED] = unconverted
    return new


def _is_step(value: Any) -> bool:
    return isinstance(value, dict) and value.get("object") == "thread.run.step"


def _status(step: dict[str, Any], ctx: Context, path: Path) -> str:
    found = lookup(RUN_STEP_STATUS, step.get("status") or "completed")
    if found is None:
        ctx.note("F6", "warning", f"step status {step.get('status')!r} is unknown; its items are 'completed'",
                 (*path, "status"))
        return "completed"
    new, note = found
    if note:
        ctx.note("F6", "warning", f"step status {step.get('status')!r} became {new!r}: {note}", (*path, "status"))
    return new


def _step_items(step: dict[str, Any], ctx: Context, path: Path, unconverted: dict[str, Any]) -> list[Any]:
    status = _status(step, ctx, path)
    if step.get("last_error"):
        unconverted.setdefault("errors", []).append({"step_id": step.get("id"), "last_error": step["last_error"]})
        ctx.note("F6", "warning", f"the step failed ({_message(step['last_error'])}); the error was kept under "
                 f"`{UNCONVERTED}.errors`", (*path, "last_error"))
    if step.get("usage"):
        ctx.note("F6", "info", f"step usage was left out: {fields.RUN_STEP['usage'][1]}", (*path, "usage"))
    details = step.get("step_details") if isinstance(step.get("step_details"), dict) else {}
    if details.get("type") == "message_creation" or "message_creation" in details:
        creation = details.get("message_creation")
        message_id = creation.get("message_id") if isinstance(creation, dict) else None
        ctx.note("F6", "info", f"this step wrote message {message_id!r}; its content is in the thread's "
                 "message list: convert that list (foundry-message-list) for the message item",
                 (*path, "step_details"))
        return []
    calls = details.get("tool_calls")
    items: list[Any] = []
    for number, call in enumerate(calls if isinstance(calls, list) else []):
        call_path = (*path, "step_details", "tool_calls", number)
        kind = call.get("type") if isinstance(call, dict) else None
        build = CALLS.get(kind)
        if build is None:
            unconverted.setdefault("tool_calls", []).append(call)
            ctx.note("F6", "warning", f"a {kind!r} tool call has no conversation item model; it was kept under "
                     f"`{UNCONVERTED}.tool_calls` (the response shows it as the tool's own call item)", call_path)
            continue
        items.extend(build(call, status, ctx, call_path, unconverted))
    return items


def _message(error: Any) -> str:
    return str(error.get("message") or error.get("code")) if isinstance(error, dict) else str(error)


def _inner(call: dict[str, Any], key: str) -> dict[str, Any]:
    value = call.get(key)
    return value if isinstance(value, dict) else {}


def _function(call: dict[str, Any], status: str, ctx: Context, path: Path, unconverted: dict) -> list[Any]:
    function = _inner(call, "function")
    items: list[Any] = [{"type": "function_call", "id": call.get("id"), "call_id": call.get("id"),
                         "name": function.get("name"), "arguments": function.get("arguments") or "",
                         "status": status}]
    if function.get("output") is not None:
        items.append({"type": "function_call_output", "id": f"{call.get('id')}_output", "call_id": call.get("id"),
                      "output": function["output"], "status": status})
    return items


def _code_interpreter(call: dict[str, Any], status: str, ctx: Context, path: Path, unconverted: dict) -> list[Any]:
    details = _inner(call, "code_interpreter")
    outputs, images = [], []
    for output in details.get("outputs") or []:
        if isinstance(output, dict) and output.get("type") == "logs":
            outputs.append({"type": "logs", "logs": output.get("logs") or ""})
        else:
            images.append(output)
    if images:
        unconverted.setdefault("code_interpreter_outputs", []).append({"call_id": call.get("id"), "outputs": images})
        ctx.note("F6", "warning", "code interpreter images were files (file_id); a code_interpreter_call item "
                 f"gives image URLs, so they were kept under `{UNCONVERTED}.code_interpreter_outputs`: in 2.x, "
                 "read generated files from the container (containers.files)", (*path, "code_interpreter"))
    ctx.note("F6", "info", "a legacy code interpreter call ran in no container, so container_id is empty",
             path)
    return [{"type": "code_interpreter_call", "id": call.get("id"), "code": details.get("input") or "",
             "container_id": "", "outputs": outputs, "status": status}]


def _file_search(call: dict[str, Any], status: str, ctx: Context, path: Path, unconverted: dict) -> list[Any]:
    details = _inner(call, "file_search")
    results = []
    for result in details.get("results") or []:
        if not isinstance(result, dict):
            continue
        texts = [part.get("text") for part in result.get("content") or [] if isinstance(part, dict)]
        entry = {"file_id": result.get("file_id"), "filename": result.get("file_name"), "score": result.get("score")}
        if any(isinstance(t, str) for t in texts):
            entry["text"] = "".join(t for t in texts if isinstance(t, str))
        results.append(entry)
    if details.get("ranking_options") is not None:
        unconverted.setdefault("file_search_ranking_options", []).append(
            {"call_id": call.get("id"), "ranking_options": details["ranking_options"]})
        ctx.note("F6", "info", f"ranking_options belong to the tool, not the call; kept under `{UNCONVERTED}`",
                 (*path, "file_search", "ranking_options"))
    ctx.note("F6", "info", "the legacy call does not say which queries it ran, so queries is empty", path)
    return [{"type": "file_search_call", "id": call.get("id"), "queries": [], "status": status,
             "results": results}]


def _mcp(call: dict[str, Any], status: str, ctx: Context, path: Path, unconverted: dict) -> list[Any]:
    item = {"type": "mcp_call", "id": call.get("id"), "name": call.get("name"),
            "arguments": call.get("arguments") or "", "server_label": call.get("server_label")}
    if call.get("output") is not None:
        item["output"] = call["output"]
    item["status"] = status
    return [item]


CALLS = {
    "function": _function,
    "code_interpreter": _code_interpreter,
    "file_search": _file_search,
    "mcp": _mcp,
}
