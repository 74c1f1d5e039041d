"""Schema checks with pydantic: the first problem becomes an `InputError` with its JSON path."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import InputError
from .jsontext import Path, format_path, locate


def validate(model: type[BaseModel], value: Any, text: str, kind: str, base: Path = ()) -> BaseModel:
    """`model` validated from `value` (found at `base` inside `text`), or a located `InputError`."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = (*base, *_json_steps(value, first["loc"]))
        line, column = locate(text, [path])[path] if text else (None, None)  # locate falls back to a parent
        raise InputError(
            f"{first['msg']} (schema of {kind})", line=line, column=column, path=format_path(path), kind=kind
        ) from None


def _json_steps(value: Any, loc: tuple) -> list[str | int]:
    """The steps of a pydantic `loc` that exist in the JSON (union members add their type names)."""
    steps: list[str | int] = []
    for step in loc:
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            continue
        steps.append(step)
    return steps
