"""What a run writes: its steps, the assistant message, the function calls it
waits for, each with the stream events the real service sends for it (see
engine.py for when a run writes them)."""
from __future__ import annotations

import copy
from typing import Any

from ... import model
from ...ids import new_id, now
from ...store import Store
from ..files import create_file
from .objects import new_message, public, text_part

Event = tuple[str, dict[str, Any]]


def snapshot(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as a client sees it at this moment (for an event)."""
    return public(copy.deepcopy(doc))


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


def require_action(db: Store, run: dict[str, Any], calls: list[model.FunctionCall], events: list[Event]) -> None:
    required = [{"id": new_id("call"), "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
                for c in calls]
    step_calls = [{**call, "function": {**call["function"], "output": None}} for call in required]
    step = _new_step(db, run, {"type": "tool_calls", "tool_calls": step_calls}, events)
    events.append(_step_delta(step, step_calls))
    run.update(status="requires_action", _tool_step=step["id"],
               required_action={"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": required}})
    db.update("run", run["id"], run)
    events.append(("thread.run.requires_action", snapshot(run)))


def code_step(db: Store, run: dict[str, Any], code: model.CodeRun, events: list[Event]) -> None:
    image = create_file(db, code.file_name, code.file_bytes, "assistants_output")
    run["_code_file"] = image["id"]
    call = {"id": new_id("call"), "type": "code_interpreter",
            "code_interpreter": {"input": code.code, "outputs": [
                {"type": "logs", "logs": code.output}, {"type": "image", "image": {"file_id": image["id"]}}]}}
    step = _new_step(db, run, {"type": "tool_calls", "tool_calls": [call]}, events)
    events.append(_step_delta(step, [call]))
    _finish_step(db, step, events)


def search_step(db: Store, run: dict[str, Any], citations: list[model.Citation], events: list[Event]) -> None:
    # The content is shown only to callers that ask for it (see `step_view`).
    results = [{"file_id": c.file_id, "file_name": c.filename, "score": 1.0,
                "content": [{"type": "text", "text": c.quote}]} for c in citations]
    call = {"id": new_id("call"), "type": "file_search",
            "file_search": {"ranking_options": {"ranker": "default_2024_08_21", "score_threshold": 0.0},
                            "results": results}}
    step = _new_step(db, run, {"type": "tool_calls", "tool_calls": [call]}, events)
    _finish_step(db, step, events)


def message_step(db: Store, run: dict[str, Any], text: str, reply: model.Reply, events: list[Event], *,
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
    pieces = _text_pieces(text)
    for number, piece in enumerate(pieces):
        # The annotations arrive with the last piece of text, numbered as deltas number them.
        found = [{"index": i, **a} for i, a in enumerate(annotations)] if number == len(pieces) - 1 else []
        events.append(_message_delta(message["id"], {"index": len(parts), "type": "text",
                                                       "text": {"value": piece, "annotations": found}}))
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


def _text_pieces(text: str, size: int = 4) -> list[str]:
    """The text in pieces of a few words, as a model streams it (joined, they give the text back)."""
    words = text.split(" ")
    return [" ".join(words[i:i + size]) + (" " if i + size < len(words) else "") for i in range(0, len(words), size)]
