"""`stream=True`: a finished response replayed as the server-sent events the
real service sends, in its order, so openai's `Stream[ResponseStreamEvent]`
(and `responses.stream(...)`) parse them:

    response.created, response.in_progress,
    per output item: response.output_item.added, then
      message:   content_part.added, output_text.delta..., output_text.annotation.added...,
                 output_text.done, content_part.done
      function:  function_call_arguments.delta, function_call_arguments.done
      code:      code_interpreter_call.in_progress, code_interpreter_call_code.delta/.done,
                 code_interpreter_call.interpreting, code_interpreter_call.completed
      search:    file_search_call.in_progress, .searching, .completed
    response.output_item.done, and last response.completed.
"""
from __future__ import annotations

import copy
import json
import re
from typing import Any, Iterator


def events(response: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The event bodies (with `type` and `sequence_number`) for `response`."""
    counter = iter(range(1_000_000))
    start = copy.deepcopy(response)
    start.update(status="in_progress", output=[], usage=None, completed_at=None)

    def event(type: str, **fields: Any) -> dict[str, Any]:
        return {"type": type, "sequence_number": next(counter), **fields}

    yield event("response.created", response=start)
    yield event("response.in_progress", response=start)
    for index, item in enumerate(response["output"]):
        yield from _item_events(event, index, item)
    yield event("response.completed", response=response)


def _item_events(event, index: int, item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    where = {"item_id": item["id"], "output_index": index}
    kind = item["type"]
    if kind == "message":
        yield event("response.output_item.added", output_index=index,
                    item={**item, "status": "in_progress", "content": []})
        for content_index, part in enumerate(item["content"]):
            yield from _text_events(event, where, content_index, part)
    elif kind == "function_call":
        yield event("response.output_item.added", output_index=index,
                    item={**item, "status": "in_progress", "arguments": ""})
        yield event("response.function_call_arguments.delta", delta=item["arguments"], **where)
        yield event("response.function_call_arguments.done", arguments=item["arguments"], **where)
    elif kind == "code_interpreter_call":
        yield event("response.output_item.added", output_index=index,
                    item={**item, "status": "in_progress", "code": "", "outputs": None})
        yield event("response.code_interpreter_call.in_progress", **where)
        yield event("response.code_interpreter_call_code.delta", delta=item["code"], **where)
        yield event("response.code_interpreter_call_code.done", code=item["code"], **where)
        yield event("response.code_interpreter_call.interpreting", **where)
        yield event("response.code_interpreter_call.completed", **where)
    elif kind == "file_search_call":
        yield event("response.output_item.added", output_index=index,
                    item={**item, "status": "in_progress", "results": None})
        yield event("response.file_search_call.in_progress", **where)
        yield event("response.file_search_call.searching", **where)
        yield event("response.file_search_call.completed", **where)
    else:
        yield event("response.output_item.added", output_index=index, item=item)
    yield event("response.output_item.done", output_index=index, item=item)


def _text_events(event, where: dict[str, Any], content_index: int, part: dict[str, Any]) -> Iterator[dict[str, Any]]:
    at = {**where, "content_index": content_index}
    yield event("response.content_part.added", part={**part, "text": "", "annotations": []}, **at)
    for delta in re.findall(r"\S+\s*|\s+", part["text"]):
        yield event("response.output_text.delta", delta=delta, logprobs=[], **at)
    for number, annotation in enumerate(part.get("annotations", [])):
        yield event("response.output_text.annotation.added", annotation=annotation, annotation_index=number, **at)
    yield event("response.output_text.done", text=part["text"], logprobs=[], **at)
    yield event("response.content_part.done", part=part, **at)


def sse(response: dict[str, Any]) -> Iterator[bytes]:
    """The events as `event:`/`data:` blocks."""
    for body in events(response):
        yield f"event: {body['type']}\ndata: {json.dumps(body)}\n\n".encode()
