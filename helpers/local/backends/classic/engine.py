"""Runs: how a run moves through its statuses, and what it leaves behind.

A run is created `queued` and does its work the next time anyone reads it
(a get, a list, its steps, the thread's messages, a stream): the stand-in model answers, the run
steps and the assistant message are written, and the run ends `completed`, or
stops at `requires_action` with the function calls the model made. So a
polling loop (`while run.status in ("queued", "in_progress"): sleep; get`)
ends at its first get, and a run can still be cancelled before that.

`advance` returns the events the real service streams for what happened
(`thread.run.in_progress`, `thread.message.delta`, ...), so streaming and
polling share one implementation (see `stream.py`); what a run writes is in
`run_steps.py`.

After `submit_tool_outputs` the run is `queued` again with the outputs kept
in `_tool_outputs`; a run waiting in `requires_action` past `expires_at`
becomes `expired`, a cancelled one `cancelling` then `cancelled`, and a run
whose assistant was deleted before it started `failed`.
"""
from __future__ import annotations

from typing import Any

from ... import model
from ...ids import new_id, now
from ...store import Store
from .run_steps import Event, code_step, message_step, require_action, search_step, snapshot
from .schema_answer import json_answer

ACTIVE = ("queued", "in_progress", "requires_action", "cancelling")
RUN_LIFETIME = 600  # seconds a run may wait for tool outputs


def new_run(db: Store, thread_id: str, assistant: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """A queued run of `assistant` on the thread; `options` override the assistant's settings."""
    created = now()
    pick = lambda key, default=None: options[key] if options.get(key) is not None else assistant.get(key, default)
    instructions = pick("instructions") or ""
    if options.get("additional_instructions"):
        instructions = f"{instructions}\n{options['additional_instructions']}".strip()
    run = {
        "id": new_id("run"), "object": "thread.run", "created_at": created, "assistant_id": assistant["id"],
        "thread_id": thread_id, "status": "queued", "started_at": None, "expires_at": created + RUN_LIFETIME,
        "cancelled_at": None, "failed_at": None, "completed_at": None, "required_action": None,
        "last_error": None, "model": pick("model"), "instructions": instructions, "tools": pick("tools", []),
        "tool_resources": pick("tool_resources", {}), "metadata": options.get("metadata") or {},
        "incomplete_details": None, "usage": None, "temperature": pick("temperature", 1.0),
        "top_p": pick("top_p", 1.0), "max_prompt_tokens": options.get("max_prompt_tokens"),
        "max_completion_tokens": options.get("max_completion_tokens"),
        "truncation_strategy": options.get("truncation_strategy") or {"type": "auto", "last_messages": None},
        "response_format": pick("response_format", "auto"), "tool_choice": options.get("tool_choice") or "auto",
        "parallel_tool_calls": options.get("parallel_tool_calls", True) is not False,
    }
    return db.insert("run", run["id"], run, parent=thread_id)


def settle(db: Store, thread_id: str) -> None:
    """Let every run of the thread that is still working finish its work."""
    for run in db.list("run", parent=thread_id):
        if run["status"] in ("queued", "in_progress", "cancelling", "requires_action"):
            advance(db, run)


def active_run(db: Store, thread_id: str) -> dict[str, Any] | None:
    settle(db, thread_id)
    return next((run for run in db.list("run", parent=thread_id) if run["status"] in ACTIVE), None)


def advance(db: Store, run: dict[str, Any]) -> list[Event]:
    """Do the run's pending work; returns the stream events for it (the run is saved)."""
    events: list[Event] = []
    status = run["status"]
    if status == "cancelling":
        _stop(db, run, "cancelled", events)
    elif status == "requires_action" and now() > run["expires_at"]:
        _stop(db, run, "expired", events)
    elif status in ("queued", "in_progress"):
        if db.get("assistant", run["assistant_id"]) is None:
            run.update(status="failed", failed_at=now(),
                       last_error={"code": "server_error", "message": "The assistant of this run was deleted."})
            db.update("run", run["id"], run)
            events.append(("thread.run.failed", snapshot(run)))
        else:
            _work(db, run, events)
    return events


def _stop(db: Store, run: dict[str, Any], status: str, events: list[Event]) -> None:
    stamp = now()
    run.update(status=status, required_action=None)
    if status == "cancelled":
        run["cancelled_at"] = stamp
    for step in db.list("run_step", parent=run["id"]):
        if step["status"] == "in_progress":
            step.update(status=status, **({"cancelled_at": stamp} if status == "cancelled" else {"expired_at": stamp}))
            db.update("run_step", step["id"], step)
    db.update("run", run["id"], run)
    events.append((f"thread.run.{status}", snapshot(run)))


def _work(db: Store, run: dict[str, Any], events: list[Event]) -> None:
    if run["status"] == "queued":
        run.update(status="in_progress", started_at=run["started_at"] or now())
        db.update("run", run["id"], run)
        events.append(("thread.run.in_progress", snapshot(run)))
    outputs = [tuple(pair) for pair in run.pop("_tool_outputs", [])]
    if outputs and (step := db.get("run_step", run.pop("_tool_step", ""))):
        step.update(status="completed", completed_at=now())
        db.update("run_step", step["id"], step)
        events.append(("thread.run.step.completed", snapshot(step)))
    messages = db.list("message", parent=run["thread_id"])
    strategy = run["truncation_strategy"]
    seen = messages[-strategy["last_messages"]:] if strategy.get("type") == "last_messages" and \
        strategy.get("last_messages") else messages
    turns = [model.Turn("system", run["instructions"])] if run["instructions"] else []
    turns += [model.Turn(message["role"], _text_of(message)) for message in seen]
    tools = _model_tools(run, messages)
    reply = model.reply(turns, tools, tool_outputs=outputs, files=_searchable_files(db, run, messages, tools))
    usage = {"prompt_tokens": sum(len(turn.text.split()) for turn in turns), "completion_tokens": 0}
    if reply.function_calls:
        calls = reply.function_calls if run["parallel_tool_calls"] else reply.function_calls[:1]
        require_action(db, run, calls, events)
        return
    if reply.code_run:
        code_step(db, run, reply.code_run, events)
    if reply.citations:
        search_step(db, run, reply.citations, events)
    text = json_answer(run["response_format"], reply.text or "") or reply.text or ""
    limit = run["max_completion_tokens"]
    cut = bool(limit) and len(text.split()) > limit
    if cut:  # a word stands for a token: the answer stops where the budget ends
        text = " ".join(text.split()[:limit])
    usage["completion_tokens"] = len(text.split())
    message_step(db, run, text, reply, events, incomplete=cut)
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    run.update(status="incomplete" if cut else "completed", usage=usage,
               incomplete_details={"reason": "max_completion_tokens"} if cut else None)
    run["completed_at"] = None if cut else now()
    db.update("run", run["id"], run)
    events.append((f"thread.run.{run['status']}", snapshot(run)))


def _text_of(message: dict[str, Any]) -> str:
    return " ".join(part["text"]["value"] for part in message["content"] if part["type"] == "text")


def _model_tools(run: dict[str, Any], messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The run's tools in the shape the model reads; tools named by attachments count too."""
    if run["tool_choice"] == "none":
        return []
    tools = []
    for tool in run["tools"]:
        if tool["type"] == "function":
            function = tool["function"]
            tools.append({"type": "function", "name": function["name"], "parameters": function.get("parameters")})
        else:
            tools.append({"type": tool["type"]})
    declared = {tool["type"] for tool in tools}
    for message in messages:
        for attachment in message.get("attachments") or []:
            for tool in attachment.get("tools") or []:
                if tool.get("type") in ("code_interpreter", "file_search") and tool["type"] not in declared:
                    declared.add(tool["type"])
                    tools.append({"type": tool["type"]})
    return tools


def _searchable_files(db: Store, run: dict[str, Any], messages: list[dict[str, Any]],
                      tools: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(file id, filename, text) of every file the run's file search can read."""
    if not any(tool["type"] == "file_search" for tool in tools):
        return []
    thread = db.get("thread", run["thread_id"]) or {}
    store_ids: list[str] = []
    for resources in (run.get("tool_resources"), thread.get("tool_resources")):
        store_ids += ((resources or {}).get("file_search") or {}).get("vector_store_ids") or []
    file_ids = [doc["id"] for store_id in dict.fromkeys(store_ids) for doc in db.list("vector_store_file", store_id)]
    file_ids += [attachment["file_id"] for message in messages for attachment in message.get("attachments") or []
                 if attachment.get("file_id")
                 and any(tool.get("type") == "file_search" for tool in attachment.get("tools") or [])]
    found = []
    for file_id in dict.fromkeys(file_ids):
        info, data = db.get("file", file_id), db.get_blob(file_id)
        if info is not None and data is not None:
            found.append((file_id, info["filename"], data.decode("utf-8", errors="replace")))
    return found
