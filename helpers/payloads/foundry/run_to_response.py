"""F5: a run object becomes a response object.

Before: `{"id": "run_xyz", "object": "thread.run", "created_at": 1762218810, "assistant_id":
          "asst_1", "thread_id": "thread_1", "status": "completed", "model": "gpt-4.1",
          "instructions": "…", "tools": [{"type": "code_interpreter"}], "temperature": 1.0,
          "top_p": 1.0, "max_completion_tokens": null, "usage": {"prompt_tokens": 1216,
          "completion_tokens": 76, "total_tokens": 1292, "prompt_token_details": {…}},
          "response_format": "auto", "tool_choice": "auto", "parallel_tool_calls": true, …}`
After:  `{"id": "run_xyz", "object": "response", "created_at": 1762218810, "status": "completed",
          "error": null, "incomplete_details": null, "instructions": "…", "metadata": {},
          "model": "gpt-4.1", "output": [], "parallel_tool_calls": true, "temperature": 1.0,
          "tool_choice": "auto", "tools": [{"type": "code_interpreter", "container": {…}}],
          "top_p": 1.0, "conversation": {"id": "thread_1"}, "max_output_tokens": null,
          "text": {"format": {"type": "text"}}, "usage": {"input_tokens": 1216, "input_tokens_details":
          {…}, "output_tokens": 76, "total_tokens": 1292}}`
Status: requires_action → completed (pending tool calls become `function_call` output items),
cancelling → cancelled, expired → failed; the others keep their name. `last_error` → `error`,
`max_completion_tokens` → `max_output_tokens`, `thread_id` → `conversation.id`, `response_format`
→ `text.format`. `assistant_id`, timestamps, `max_prompt_tokens`, `truncation_strategy` and
`tool_resources` have no counterpart (noted). Id policy: the legacy ids are kept, noted.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..models.foundry import LegacyRun
from ..registry import rule
from ..validation import validate
from .common import carry_unknown, note_dropped, note_id_kept, text_format
from .tools import convert_tools, note_tool_resources

STATUS = {
    "queued": "queued", "in_progress": "in_progress", "completed": "completed", "failed": "failed",
    "cancelled": "cancelled", "incomplete": "incomplete",
    "requires_action": "completed", "cancelling": "cancelled", "expired": "failed",
}
DROPPED = {
    "assistant_id": "reference the new agent by name in responses.create(extra_body="
                    "{\"agent_reference\": {\"name\": …, \"type\": \"agent_reference\"}})",
    "started_at": "responses report created_at and completed_at only",
    "expires_at": "responses do not expire",
    "cancelled_at": "responses report created_at and completed_at only",
    "failed_at": "responses report created_at and completed_at only",
    "max_prompt_tokens": "there is no input token cap; use truncation='auto' or trim the input",
    "truncation_strategy": "responses offer truncation='auto' or 'disabled' only",
}
MAPPED = {"id", "object", "created_at", "status", "completed_at", "last_error", "incomplete_details",
          "instructions", "metadata", "model", "parallel_tool_calls", "temperature", "tool_choice",
          "tools", "top_p", "thread_id", "max_completion_tokens", "response_format", "usage",
          "required_action", "tool_resources"}


@rule("foundry-run", "F5", order=10)
def run_to_response(doc: Any, ctx: Context) -> Any:
    if doc.get("object") == "response":
        ctx.note("F5", "info", "already a response; nothing to convert", ())
        return doc
    validate(LegacyRun, doc, ctx.text_for_lines, ctx.kind)
    status = _status(doc.get("status"), ctx)
    new: dict[str, Any] = {"id": doc.get("id"), "object": "response", "created_at": doc.get("created_at"),
                           "status": status}
    if doc.get("completed_at") is not None:
        new["completed_at"] = doc["completed_at"]
    new["error"] = _error(doc.get("last_error"))
    new["incomplete_details"] = _incomplete(doc.get("incomplete_details"), ctx)
    for key in ("instructions", "metadata", "model"):
        new[key] = doc.get(key) if key != "metadata" else (doc.get(key) or {})
    new["output"] = _pending_calls(doc.get("required_action"), ctx)
    for key in ("parallel_tool_calls", "temperature"):
        if key in doc:
            new[key] = doc[key]
    if "tool_choice" in doc:
        new["tool_choice"] = _tool_choice(doc["tool_choice"])
    new["tools"] = convert_tools(doc.get("tools") or [], doc.get("tool_resources"), ctx, "F5", ())
    note_tool_resources(doc.get("tool_resources"), ctx, "F5", ())
    if "top_p" in doc:
        new["top_p"] = doc["top_p"]
    if doc.get("thread_id") is not None:
        new["conversation"] = {"id": doc["thread_id"]}
        ctx.note("F5", "info", "thread_id became conversation.id; a migrated thread gets a new "
                 "conv_… id, use that one", ("thread_id",))
    if "max_completion_tokens" in doc:
        new["max_output_tokens"] = doc["max_completion_tokens"]
    if "response_format" in doc:
        new["text"] = _text(doc["response_format"], ctx)
    if doc.get("usage") is not None:
        new["usage"] = _usage(doc["usage"], ctx)
    if not new["output"]:
        ctx.note("F5", "info", "a run carries no output; its answer is in the thread's messages "
                 "(convert them with the foundry-message-list kind), a response lists it in `output`",
                 ())
    note_id_kept(ctx, "F5", doc.get("id"), "responses (resp_…)")
    note_dropped(ctx, "F5", doc, DROPPED, (), "a response")
    carry_unknown(ctx, "F5", doc, MAPPED | set(DROPPED), new, (), "a response")
    return new


def _status(status: Any, ctx: Context) -> str:
    new = STATUS.get(status)
    if new is None:
        ctx.note("F5", "error", f"unknown run status {status!r}; it became 'completed'", ("status",))
        return "completed"
    if new != status:
        ctx.note("F5", "warning", f"run status {status!r} has no response counterpart; it became {new!r}",
                 ("status",))
    return new


def _error(last_error: Any) -> Any:
    if isinstance(last_error, dict):
        return {"code": last_error.get("code") or "server_error", "message": last_error.get("message") or ""}
    return None


def _incomplete(details: Any, ctx: Context) -> Any:
    if not isinstance(details, dict):
        return None
    reason = details.get("reason")
    if reason == "max_completion_tokens":
        return {"reason": "max_output_tokens"}
    if reason == "content_filter":
        return {"reason": "content_filter"}
    ctx.note("F5", "warning", f"incomplete reason {reason!r} has no response counterpart; it was left "
             "out", ("incomplete_details",))
    return None


def _pending_calls(required_action: Any, ctx: Context) -> list[Any]:
    if not isinstance(required_action, dict):
        return []
    submit = required_action.get("submit_tool_outputs")
    calls = submit.get("tool_calls") if isinstance(submit, dict) else None
    out = []
    for call in calls if isinstance(calls, list) else []:
        if not isinstance(call, dict):
            continue
        function = call.get("function") if isinstance(call.get("function"), dict) else {}
        out.append({"type": "function_call", "call_id": call.get("id"), "name": function.get("name"),
                    "arguments": function.get("arguments", ""), "status": "completed"})
    ctx.note("F5", "warning", "required_action became function_call output items: answer them with "
             "function_call_output input items in the next responses.create call (there is no "
             "submit_tool_outputs)", ("required_action",))
    return out


def _tool_choice(choice: Any) -> Any:
    if isinstance(choice, dict) and choice.get("type") == "function" and isinstance(choice.get("function"), dict):
        return {"type": "function", "name": choice["function"].get("name")}
    return choice


def _text(response_format: Any, ctx: Context) -> dict[str, Any]:
    known = text_format(response_format)
    if known is not None:
        return known
    ctx.note("F5", "warning", f"response_format {response_format!r} has no known counterpart; set "
             "text.format by hand", ("response_format",))
    return {"format": {"type": "text"}}


def _usage(usage: Any, ctx: Context) -> Any:
    if not isinstance(usage, dict):
        return usage
    new: dict[str, Any] = {"input_tokens": usage.get("prompt_tokens") or 0}
    details = usage.get("prompt_token_details", usage.get("prompt_tokens_details"))
    if details is not None:
        new["input_tokens_details"] = details
    new["output_tokens"] = usage.get("completion_tokens") or 0
    if "completion_tokens_details" in usage:
        new["output_tokens_details"] = usage["completion_tokens_details"]
    total = usage.get("total_tokens")
    new["total_tokens"] = total if total is not None else new["input_tokens"] + new["output_tokens"]
    return new
