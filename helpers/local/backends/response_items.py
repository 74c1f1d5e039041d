"""Items of the Responses API: what clients send (`input`, conversation items)
and what the service stores and returns (openai's `ConversationItem` and
`ResponseOutputItem` shapes). Shared by conversations.py and responses.py.

Input is checked with pydantic models (unknown fields and wrong types are
400s naming the field, e.g. `input[0].content`); stored items always carry
an `id` and a `status`, as the real service returns them.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ..errors import bad_request
from ..ids import new_id
from ..model import Turn

PREFIX = {"message": "msg", "function_call": "fc", "function_call_output": "fco",
          "code_interpreter_call": "ci", "file_search_call": "fs"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextPart(_Strict):
    type: Literal["input_text", "output_text"]
    text: str
    annotations: list[dict[str, Any]] | None = None
    logprobs: list[dict[str, Any]] | None = None


class OtherPart(_Strict):
    type: Literal["input_image", "input_file", "refusal"]
    image_url: str | None = None
    file_id: str | None = None
    file_url: str | None = None
    file_data: str | None = None
    filename: str | None = None
    detail: str | None = None
    refusal: str | None = None


Part = Annotated[Union[TextPart, OtherPart], Field(discriminator="type")]


class MessageIn(_Strict):
    type: Literal["message"] = "message"
    role: Literal["user", "assistant", "system", "developer"]
    content: str | list[Part]
    id: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    phase: Literal["commentary", "final_answer"] | None = None


class FunctionCallIn(_Strict):
    type: Literal["function_call"]
    call_id: str
    name: str
    arguments: str
    id: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    namespace: str | None = None


class FunctionCallOutputIn(_Strict):
    type: Literal["function_call_output"]
    call_id: str
    output: str | list[dict[str, Any]]
    id: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ItemReferenceIn(_Strict):
    type: Literal["item_reference"]
    id: str


def _kind(value: Any) -> str:
    return value.get("type", "message") if isinstance(value, dict) else "message"


_ADAPTERS = {"message": TypeAdapter(MessageIn), "function_call": TypeAdapter(FunctionCallIn),
             "function_call_output": TypeAdapter(FunctionCallOutputIn),
             "item_reference": TypeAdapter(ItemReferenceIn)}


def parse_items(raw: Any, param: str) -> list[BaseModel]:
    """`raw` (a list of item dicts) as input models, or the 400 naming the bad field."""
    if not isinstance(raw, list):
        raise bad_request(f"Invalid type for '{param}': expected an array of items.", param=param,
                          code="invalid_type")
    items = []
    for index, value in enumerate(raw):
        where = f"{param}[{index}]"
        if not isinstance(value, dict):
            raise bad_request(f"Invalid type for '{where}': expected an object.", param=where, code="invalid_type")
        adapter = _ADAPTERS.get(_kind(value))
        if adapter is None:
            raise bad_request(f"Invalid value: '{_kind(value)}'. Supported values are: "
                              + ", ".join(f"'{k}'" for k in _ADAPTERS) + ".", param=f"{where}.type",
                              code="invalid_value")
        try:
            items.append(adapter.validate_python(value))
        except ValidationError as exc:
            error, path = _located(exc.errors(), value)
            field = where + path
            if error["type"] == "extra_forbidden":
                raise bad_request(f"Unknown parameter: '{field}'.", param=field, code="unknown_parameter")
            if error["type"] == "missing":
                raise bad_request(f"Missing required parameter: '{field}'.", param=field,
                                  code="missing_required_parameter")
            raise bad_request(f"Invalid value for '{field}': {error['msg']}.", param=field, code="invalid_value")
    return items


_BRANCHES = {"str": str, "list": list, "dict": dict, "int": int, "float": float, "bool": bool}


def _located(errors: list[dict[str, Any]], value: Any) -> tuple[dict[str, Any], str]:
    """The error of the union member that matches the value's JSON type, and its path (`.content[0].text`).

    pydantic reports every member of a union (`content: str | list[Part]`); the client wants the one
    that fits what it sent, named by the field path alone."""
    located = []
    for error in errors:
        path, current, fits = "", value, True
        for part in error["loc"]:
            if isinstance(part, int):
                path += f"[{part}]"
                current = current[part] if isinstance(current, list) and part < len(current) else None
                continue
            branch = _BRANCHES.get(str(part).split("[", 1)[0])
            if branch is not None or str(part).startswith(("tagged-union", "function-")):
                fits = fits and (branch is None or isinstance(current, branch))
                continue
            if isinstance(current, dict) and current.get("type") == part and part not in current:
                continue  # the tag of a discriminated union member, not a field
            path += f".{part}"
            current = current.get(part) if isinstance(current, dict) else None
        located.append((not fits, error, path))
    _, error, path = min(located, key=lambda found: found[0])  # the first that fits, else the first
    return error, path


def stored_item(item: BaseModel, *, created_by: str | None = None) -> dict[str, Any]:
    """An input model as the item the service keeps (and lists) for it."""
    if isinstance(item, MessageIn):
        content = item.content
        if isinstance(content, str):
            part = "output_text" if item.role == "assistant" else "input_text"
            parts = [_text_part(part, content)]
        else:
            parts = [_stored_part(p) for p in content]
        body = {"type": "message", "id": item.id or new_id("msg"), "status": "completed", "role": item.role,
                "content": parts}
        if item.phase:
            body["phase"] = item.phase
        return body
    body = item.model_dump(exclude_none=True)
    body["id"] = item.id or new_id(PREFIX[item.type])
    body["status"] = item.status or "completed"
    return body


def _text_part(kind: str, text: str) -> dict[str, Any]:
    return {"type": kind, "text": text, "annotations": []} if kind == "output_text" else {"type": kind, "text": text}


def _stored_part(part: BaseModel) -> dict[str, Any]:
    body = part.model_dump(exclude_none=True)
    if body["type"] == "output_text":
        body.setdefault("annotations", [])
    if body["type"] == "input_image":
        body.setdefault("detail", "auto")
    return body


def text_of(item: dict[str, Any]) -> str:
    parts = item.get("content", [])
    return " ".join(p.get("text", "") for p in parts if p.get("type") in ("input_text", "output_text"))


def turns(items: list[dict[str, Any]], instructions: str | None = None) -> list[Turn]:
    """The conversation as the stand-in model reads it."""
    result = [Turn("system", instructions)] if instructions else []
    result += [Turn(item["role"], text_of(item)) for item in items if item.get("type") == "message"]
    return result


def tool_outputs(history: list[dict[str, Any]], new_items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(function name, output) for each function_call_output in `new_items`; its call must be in `history`."""
    calls = {item["call_id"]: item for item in history + new_items if item.get("type") == "function_call"}
    pairs = []
    for item in new_items:
        if item.get("type") != "function_call_output":
            continue
        call = calls.get(item["call_id"])
        if call is None:
            raise bad_request(f"No tool call found for function call output with call_id {item['call_id']}.",
                              param="input", code=None)
        output = item["output"] if isinstance(item["output"], str) else text_of({"content": item["output"]})
        pairs.append((call["name"], output))
    return pairs


def trailing_outputs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The function_call_output items at the end of `items` (added to a conversation before a response)."""
    tail: list[dict[str, Any]] = []
    for item in reversed(items):
        if item.get("type") != "function_call_output":
            break
        tail.insert(0, item)
    return tail
