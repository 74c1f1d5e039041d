"""Reading request bodies as strictly as the real services do.

Backends describe each body with a pydantic model (`extra="forbid"`), so an
unknown field (the Microsoft guide's `extra_body={"agent": ...}`) or a wrong
type gets a 400 with the field named, as the real service answers.
"""
from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from .errors import bad_request

M = TypeVar("M", bound=BaseModel)


async def json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}")
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.")
    return body


def parse(model: type[M], body: dict[str, Any]) -> M:
    """`body` as `model`, or the 400 the real service sends."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        if first["type"] == "extra_forbidden":
            raise bad_request(f"Unknown parameter: '{field}'.", param=field, code="unknown_parameter")
        if first["type"] == "missing":
            raise bad_request(f"Missing required parameter: '{field}'.", param=field, code="missing_required_parameter")
        raise bad_request(f"Invalid value for '{field}': {first['msg']}.", param=field, code="invalid_value")


async def read(request: Request, model: type[M]) -> M:
    return parse(model, await json_body(request))
