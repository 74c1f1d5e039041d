"""The stand-in model's `Reply` as Responses API output items, and the
Response object around them (openai's `Response` shape).

Order of output items, as the real service emits them: tool calls the service
runs itself (code interpreter, file search), then function calls for the
client to run, then the assistant message whose text carries the citations
(`container_file_citation` for a generated file, `file_citation` for a
searched file).
"""
from __future__ import annotations

from typing import Any

from ..ids import new_id, now
from ..model import Reply
from . import containers


def output_items(store, reply: Reply, *, query: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    text = reply.text or ""
    if reply.code_run:
        container_id, file_id = containers.save_run_file(store, reply.code_run.file_name, reply.code_run.file_bytes)
        items.append({"type": "code_interpreter_call", "id": new_id("ci"), "status": "completed",
                      "code": reply.code_run.code, "container_id": container_id,
                      "outputs": [{"type": "logs", "logs": reply.code_run.output}]})
        name = reply.code_run.file_name
        start = text.find(name)
        start = start if start >= 0 else 0
        annotations.append({"type": "container_file_citation", "container_id": container_id, "file_id": file_id,
                            "filename": name, "start_index": start, "end_index": start + len(name)})
    if reply.citations:
        items.append({"type": "file_search_call", "id": new_id("fs"), "status": "completed", "queries": [query],
                      "results": None})
        for citation in reply.citations:
            annotations.append({"type": "file_citation", "file_id": citation.file_id,
                                "filename": citation.filename, "index": len(text)})
    for call in reply.function_calls:
        items.append({"type": "function_call", "id": new_id("fc"), "call_id": new_id("call"), "name": call.name,
                      "arguments": call.arguments, "status": "completed"})
    if reply.text is not None:
        items.append({"type": "message", "id": new_id("msg"), "status": "completed", "role": "assistant",
                      "content": [{"type": "output_text", "text": text, "annotations": annotations,
                                   "logprobs": []}]})
    return items


def search_results(store, items: list[dict[str, Any]], reply: Reply) -> None:
    """Fill `results` of file_search calls (what `include=["file_search_call.results"]` asks for)."""
    for item in items:
        if item["type"] == "file_search_call":
            item["results"] = [{"file_id": c.file_id, "filename": c.filename, "score": 1.0, "text": c.quote,
                                "attributes": {}} for c in reply.citations]


def tokens(text: str) -> int:
    return max(1, len(text.split())) if text else 0


def response_body(*, id: str, model: str, output: list[dict[str, Any]], request: dict[str, Any],
                  tools: list[dict[str, Any]], instructions: str | None, conversation: str | None,
                  input_text: str, status: str = "completed") -> dict[str, Any]:
    """A `Response` with the request's settings echoed, as the real service returns it."""
    output_text = " ".join(p["text"] for item in output if item["type"] == "message" for p in item["content"])
    input_tokens, output_tokens = tokens(input_text), tokens(output_text)
    created = now()
    return {
        "id": id, "object": "response", "created_at": created, "status": status,
        "completed_at": created if status == "completed" else None,
        "background": request.get("background") or False, "error": None, "incomplete_details": None,
        "instructions": instructions, "max_output_tokens": request.get("max_output_tokens"),
        "max_tool_calls": request.get("max_tool_calls"), "model": model, "output": output,
        "parallel_tool_calls": request.get("parallel_tool_calls", True),
        "previous_response_id": request.get("previous_response_id"),
        "conversation": {"id": conversation} if conversation else None,
        "reasoning": {"effort": None, "summary": None}, "service_tier": "default", "store": request.get("store", True),
        "temperature": request.get("temperature", 1.0), "top_p": request.get("top_p", 1.0),
        "text": request.get("text") or {"format": {"type": "text"}, "verbosity": "medium"},
        "tool_choice": request.get("tool_choice") or "auto", "tools": tools, "top_logprobs": 0,
        "truncation": request.get("truncation") or "disabled", "user": request.get("user"),
        "metadata": request.get("metadata") or {},
        "usage": {"input_tokens": input_tokens, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                  "output_tokens": output_tokens, "output_tokens_details": {"reasoning_tokens": 0},
                  "total_tokens": input_tokens + output_tokens},
    }
