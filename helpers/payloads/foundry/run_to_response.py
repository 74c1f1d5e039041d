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
Statuses, reasons, usage and fields follow `helpers.mapping` (the map of changes):
requires_action → completed (pending tool calls become `function_call` output items),
cancelling → cancelled, expired → failed. `last_error` → `error`, `max_completion_tokens` →
`max_output_tokens`, `thread_id` → `conversation.id`, `response_format` → `text.format`,
`truncation_strategy` {type: auto} → `truncation: "auto"`, incomplete reason
max_completion_tokens → max_output_tokens. Usage gets the details a response requires
(`input_tokens_details.cached_tokens`/`cache_write_tokens`, `output_tokens_details.reasoning_tokens`):
0 with a note when the run did not count them. A run without `parallel_tool_calls` or
`tool_choice` gets the legacy defaults (true, "auto"), noted. `assistant_id`, timestamps and
`max_prompt_tokens` have no counterpart (noted); values with no place are kept under
`unconverted`. Id policy: the legacy ids are kept, noted.
"""
from __future__ import annotations

from typing import Any

from ...mapping import INCOMPLETE_REASON, RUN_STATUS, TRUNCATION, fields, lookup
from ...mapping.values import ERROR_CODES, USAGE_NEW_ONLY
from ..context import Context
from ..models.foundry import LegacyRun
from ..registry import rule
from ..validation import validate
from .common import carry_unknown, note_dropped, note_id_kept, text_format
from .tools import UNCONVERTED, convert_tools

DROPPED = fields.dropped(fields.RUN)
KNOWN = set(fields.RUN)


@rule("foundry-run", "F5", order=10)
def run_to_response(doc: Any, ctx: Context) -> Any:
    if doc.get("object") == "response":
        ctx.note("F5", "info", "already a response; nothing to convert", ())
        return doc
    validate(LegacyRun, doc, ctx.text_for_lines, ctx.kind)
    unconverted: dict[str, Any] = {}
    status = _status(doc.get("status"), ctx)
    new: dict[str, Any] = {"id": doc.get("id"), "object": "response", "created_at": doc.get("created_at"),
                           "status": status}
    if doc.get("completed_at") is not None:
        new["completed_at"] = doc["completed_at"]
    new["error"] = _error(doc.get("last_error"), ctx)
    new["incomplete_details"] = _incomplete(doc.get("incomplete_details"), ctx, unconverted)
    for key in ("instructions", "metadata", "model"):
        new[key] = doc.get(key) if key != "metadata" else (doc.get(key) or {})
    new["output"] = _pending_calls(doc.get("required_action"), ctx)
    new["parallel_tool_calls"] = _default(doc, "parallel_tool_calls", True, ctx)
    if "temperature" in doc:
        new["temperature"] = doc["temperature"]
    new["tool_choice"] = _tool_choice(_default(doc, "tool_choice", "auto", ctx))
    new["tools"] = convert_tools(doc.get("tools") or [], doc.get("tool_resources"), ctx, "F5", (), unconverted)
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
    truncation = _truncation(doc.get("truncation_strategy"), ctx, unconverted)
    if truncation is not None:
        new["truncation"] = truncation
    if doc.get("usage") is not None:
        new["usage"] = _usage(doc["usage"], ctx)
    if not new["output"]:
        ctx.note("F5", "info", "a run carries no output; its answer is in the thread's messages "
                 "(convert them with the foundry-message-list kind), a response lists it in `output`",
                 ())
    note_id_kept(ctx, "F5", doc.get("id"), "responses (resp_…)")
    note_dropped(ctx, "F5", doc, DROPPED, (), "a response")
    carry_unknown(ctx, "F5", doc, KNOWN, new, (), "a response")
    for key in OBJECT_FIELDS:
        value = doc.get(key)
        if value is not None and not isinstance(value, dict):
            unconverted[key] = value
            ctx.note("F5", "warning", f"`{key}` should be an object, not {value!r}; it was kept under "
                     f"`{UNCONVERTED}` (remove that key before sending)", (key,))
    if unconverted:
        new[UNCONVERTED] = unconverted
    return new


OBJECT_FIELDS = ("required_action", "last_error", "incomplete_details", "truncation_strategy")


def _status(status: Any, ctx: Context) -> str:
    found = lookup(RUN_STATUS, status)
    if found is None:
        ctx.note("F5", "error", f"unknown run status {status!r}; it became 'completed'", ("status",))
        return "completed"
    new, note = found
    if new != status:
        ctx.note("F5", "warning", f"run status {status!r} has no response counterpart; it became {new!r}: "
                 f"{note}", ("status",))
    return new


def _default(doc: dict[str, Any], key: str, value: Any, ctx: Context) -> Any:
    """doc[key], or the legacy default `value` (noted) when the run did not say."""
    if doc.get(key) is not None:
        return doc[key]
    ctx.note("F5", "info", f"the run has no {key}; a response needs one, so it is {value!r} (the legacy "
             "default)", (key,) if key in doc else ())
    return value


def _error(last_error: Any, ctx: Context) -> Any:
    if not isinstance(last_error, dict):
        return None
    code = last_error.get("code")
    if code not in ERROR_CODES:
        ctx.note("F5", "warning", f"error code {code!r} is not a response error code; it became "
                 "'server_error' (the message is kept)", ("last_error", "code"))
        code = "server_error"
    return {"code": code, "message": last_error.get("message") or ""}


def _incomplete(details: Any, ctx: Context, unconverted: dict[str, Any]) -> Any:
    if not isinstance(details, dict):
        return None
    reason = details.get("reason")
    found = lookup(INCOMPLETE_REASON, reason)
    if found is not None and found[0] is not None:
        return {"reason": found[0]}
    unconverted["incomplete_details"] = details
    ctx.note("F5", "warning", f"incomplete reason {reason!r} has no response counterpart: it was kept under "
             f"`{UNCONVERTED}.incomplete_details`" + (f" ({found[1]})" if found else ""),
             ("incomplete_details",))
    return None


def _truncation(strategy: Any, ctx: Context, unconverted: dict[str, Any]) -> str | None:
    if not isinstance(strategy, dict):
        return None
    kind = strategy.get("type")
    found = lookup(TRUNCATION, kind)
    if found is not None and found[0] is not None:
        ctx.note("F5", "info", f"truncation_strategy {kind!r} became truncation={found[0]!r}: {found[1]}",
                 ("truncation_strategy",))
        return found[0]
    unconverted["truncation_strategy"] = strategy
    advice = found[1] if found else "it is not a known strategy"
    ctx.note("F5", "warning", f"truncation_strategy {kind!r} has no response counterpart ({advice}); it was "
             f"kept under `{UNCONVERTED}.truncation_strategy`", ("truncation_strategy",))
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
    missing: list[str] = []

    def count(value: Any, name: str) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        missing.append(name)
        return 0

    details = usage.get("prompt_token_details", usage.get("prompt_tokens_details"))
    details = details if isinstance(details, dict) else {}
    out_details = usage.get("completion_tokens_details")
    out_details = out_details if isinstance(out_details, dict) else {}
    new: dict[str, Any] = {"input_tokens": count(usage.get("prompt_tokens"), "prompt_tokens")}
    new["input_tokens_details"] = {
        **details,
        "cached_tokens": count(details.get("cached_tokens"), "prompt_token_details.cached_tokens"),
        "cache_write_tokens": count(details.get("cache_write_tokens"), "cache_write_tokens"),
    }
    new["output_tokens"] = count(usage.get("completion_tokens"), "completion_tokens")
    new["output_tokens_details"] = {
        **out_details,
        "reasoning_tokens": count(out_details.get("reasoning_tokens"), "completion_tokens_details.reasoning_tokens"),
    }
    total = usage.get("total_tokens")
    new["total_tokens"] = total if isinstance(total, int) else new["input_tokens"] + new["output_tokens"]
    if missing:
        reasons = [USAGE_NEW_ONLY.get("input_tokens_details.cache_write_tokens") if m == "cache_write_tokens"
                   else f"the run has no {m}" for m in missing]
        ctx.note("F5", "info", "usage counts a response requires but the run did not report are 0: "
                 + "; ".join(reasons), ("usage",))
    return new
