"""Runs: how a run moves through its statuses, and what it leaves behind.

A run is created `queued` and does its work the next time anyone reads it
(a get, a list, its steps, the thread's messages, a stream): the stand-in model answers, the run
steps and the assistant message are written, and the run ends `completed`, or
stops at `requires_action` with the function calls the model made. So a
polling loop (`while run.status in ("queued", "in_progress"): sleep; get`)
ends at its first get, and a run can still be cancelled before that.

`advance` returns the events the real service streams for what happened
(`thread.run.in_progress`, `thread.message.delta`, ...), so streaming and
polling share one implementation (see `stream.py`).

After `submit_tool_outputs` the run is `queued` again with the outputs kept
in `_tool_outputs`; a run waiting in `requires_action` past `expires_at`
becomes `expired`, a cancelled one `cancelling` then `cancelled`, and a run
whose assistant was deleted before it started `failed`.
"""
from __future__ import annotations

import copy
from typing import Any

from ... import model
from ...ids import new_id, now
from ...store import Store
from ..files import create_file
from .objects import new_message, public, text_part
from .schema_answer import json_answer

ACTIVE = ("queued", "in_progress", "requires_action", "cancelling")
RUN_LIFETIME = 600  # seconds a run may wait for tool outputs
Event = tuple[str, dict[str, Any]]


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


def snapshot(doc: dict[str, Any]) -> dict[str, Any]:
    return public(copy.deepcopy(doc))


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
        _require_action(db, run, calls, events)
        return
    if reply.code_run:
        _code_step(db, run, reply.code_run, events)
    if reply.citations:
        _search_step(db, run, reply.citations, events)
    text = json_answer(run["response_format"], reply.text or "") or reply.text or ""
    limit = run["max_completion_tokens"]
    cut = bool(limit) and len(text.split()) > limit
    if cut:  # a word stands for a token: the answer stops where the budget ends
        text = " ".join(text.split()[:limit])
    usage["completion_tokens"] = len(text.split())
    _message_step(db, run, text, reply, events, incomplete=cut)
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    run.update(status="incomplete" if cut else "completed", usage=usage,
               incomplete_details={"reason": "max_completion_tokens"} if cut else None)
    run["completed_at"] = None if cut else now()
    db.update("run", run["id"], run)
    events.append((f"thread.run.{run['status']}", snapshot(run)))


SEARCH_CONTENT = "step_details.tool_calls[*].file_search.results[*].content"


def step_view(step: dict[str, Any], include: list[str]) -> dict[str, Any]:
    """The run step as a caller sees it: file-search result content only when `include` names it."""
    if SEARCH_CONTENT in include or step["step_details"]["type"] != "tool_calls":
        return step
    step = copy.deepcopy(step)
    for call in step["step_details"]["tool_calls"]:
        for result in (call.get("file_search") or {}).get("results") or []:
            result.pop("content", None)
    return step


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


def _new_step(db: Store, run: dict[str, Any], details: dict[str, Any], events: list[Event]) -> dict[str, Any]:
    step = {
        "id": new_id("step"), "object": "thread.run.step", "created_at": now(), "run_id": run["id"],
        "assistant_id": run["assistant_id"], "thread_id": run["thread_id"], "type": details["type"],
        "status": "in_progress", "cancelled_at": None, "completed_at": None, "expired_at": None, "failed_at": None,
        "last_error": None, "step_details": details, "usage": None, "metadata": {},
    }
    db.insert("run_step", step["id"], step, parent=run["id"])
    events.append(("thread.run.step.created", snapshot(step)))
    events.append(("thread.run.step.in_progress", snapshot(step)))
    return step


def _finish_step(db: Store, step: dict[str, Any], events: list[Event]) -> None:
    step.update(status="completed", completed_at=now(),
                usage={"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0})
    db.update("run_step", step["id"], step)
    events.append(("thread.run.step.completed", snapshot(step)))


def _step_delta(step: dict[str, Any], calls: list[dict[str, Any]]) -> Event:
    indexed = []
    for index, call in enumerate(calls):
        call = copy.deepcopy(call)
        # Deltas number code-interpreter outputs as they number the calls.
        for number, output in enumerate((call.get("code_interpreter") or {}).get("outputs", [])):
            output["index"] = number
        indexed.append({"index": index, **call})
    return ("thread.run.step.delta", {"id": step["id"], "object": "thread.run.step.delta",
                                      "delta": {"step_details": {"type": "tool_calls", "tool_calls": indexed}}})


def _require_action(db: Store, run: dict[str, Any], calls: list[model.FunctionCall], events: list[Event]) -> None:
    required = [{"id": new_id("call"), "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
                for c in calls]
    step_calls = [{**call, "function": {**call["function"], "output": None}} for call in required]
    step = _new_step(db, run, {"type": "tool_calls", "tool_calls": step_calls}, events)
    events.append(_step_delta(step, step_calls))
    run.update(status="requires_action", _tool_step=step["id"],
               required_action={"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": required}})
    db.update("run", run["id"], run)
    events.append(("thread.run.requires_action", snapshot(run)))


def _code_step(db: Store, run: dict[str, Any], code: model.CodeRun, events: list[Event]) -> None:
    image = create_file(db, code.file_name, code.file_bytes, "assistants_output")
    run["_code_file"] = image["id"]
    call = {"id": new_id("call"), "type": "code_interpreter",
            "code_interpreter": {"input": code.code, "outputs": [
                {"type": "logs", "logs": code.output}, {"type": "image", "image": {"file_id": image["id"]}}]}}
    step = _new_step(db, run, {"type": "tool_calls", "tool_calls": [call]}, events)
    events.append(_step_delta(step, [call]))
    _finish_step(db, step, events)


def _search_step(db: Store, run: dict[str, Any], citations: list[model.Citation], events: list[Event]) -> None:
    # The content is shown only to callers that ask for it (see `step_view`).
    results = [{"file_id": c.file_id, "file_name": c.filename, "score": 1.0,
                "content": [{"type": "text", "text": c.quote}]} for c in citations]
    call = {"id": new_id("call"), "type": "file_search",
            "file_search": {"ranking_options": {"ranker": "default_2024_08_21", "score_threshold": 0.0},
                            "results": results}}
    step = _new_step(db, run, {"type": "tool_calls", "tool_calls": [call]}, events)
    _finish_step(db, step, events)


def _message_step(db: Store, run: dict[str, Any], text: str, reply: model.Reply, events: list[Event], *,
                  incomplete: bool = False) -> None:
    """The assistant message: text with its annotations (and the chart, for a code run), streamed in deltas."""
    annotations = []
    for index, citation in enumerate(reply.citations):
        marker = f"【4:{index}†{citation.filename}】"
        annotations.append({"type": "file_citation", "text": marker, "start_index": len(text),
                            "end_index": len(text) + len(marker),
                            "file_citation": {"file_id": citation.file_id, "quote": citation.quote}})
        text += marker
    parts = []
    if file_id := run.pop("_code_file", None):
        link = f"sandbox:/mnt/data/{reply.code_run.file_name}"
        text += f" [Download {reply.code_run.file_name}]({link})"
        start = text.index(link)
        annotations.append({"type": "file_path", "text": link, "start_index": start, "end_index": start + len(link),
                            "file_path": {"file_id": file_id}})
        parts.append({"type": "image_file", "image_file": {"file_id": file_id}})
    message = new_message(db, run["thread_id"], "assistant", [], assistant_id=run["assistant_id"],
                          run_id=run["id"], status="in_progress")
    step = _new_step(db, run, {"type": "message_creation", "message_creation": {"message_id": message["id"]}},
                     events)
    events.append(("thread.message.created", snapshot(message)))
    events.append(("thread.message.in_progress", snapshot(message)))
    for index, part in enumerate(parts):
        events.append(_message_delta(message["id"], {"index": index, **part}))
    chunks = _chunks(text)
    for number, chunk in enumerate(chunks):
        # The annotations arrive with the last piece of text, numbered as deltas number them.
        found = [{"index": i, **a} for i, a in enumerate(annotations)] if number == len(chunks) - 1 else []
        events.append(_message_delta(message["id"], {"index": len(parts), "type": "text",
                                                       "text": {"value": chunk, "annotations": found}}))
    message["content"] = [*parts, text_part(text, annotations)]
    if incomplete:
        message.update(status="incomplete", incomplete_at=now(), incomplete_details={"reason": "max_tokens"})
    else:
        message.update(status="completed", completed_at=now())
    db.update("message", message["id"], message)
    events.append((f"thread.message.{message['status']}", snapshot(message)))
    _finish_step(db, step, events)


def _message_delta(message_id: str, part: dict[str, Any]) -> Event:
    return ("thread.message.delta", {"id": message_id, "object": "thread.message.delta",
                                     "delta": {"role": "assistant", "content": [part]}})


def _chunks(text: str, size: int = 4) -> list[str]:
    """The text in pieces of a few words, as a model streams it (joined, they give the text back)."""
    words = text.split(" ")
    return [" ".join(words[i:i + size]) + (" " if i + size < len(words) else "") for i in range(0, len(words), size)]
