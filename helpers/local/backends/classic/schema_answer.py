"""An adapter over the stand-in model for `response_format` JSON schemas.

The model (../../model.py) answers in prose; a run whose agent asks for a
JSON schema gets, instead, a JSON instance of that schema: enums take their
first value, numbers 1, strings the text the model would have said (or a
capitalised word of it). Deterministic, like the model.
"""
from __future__ import annotations

import json
from typing import Any


def json_answer(response_format: Any, text: str) -> str | None:
    """The JSON text for `response_format`, or None when it asks for no JSON."""
    if not isinstance(response_format, dict):
        return None
    if response_format.get("type") == "json_object":
        return json.dumps({"answer": text})
    if response_format.get("type") != "json_schema":
        return None
    spec = response_format.get("json_schema") or {}
    schema = spec.get("schema") or {}
    return json.dumps(_instance(schema, schema, text, depth=0))


def _instance(node: dict[str, Any], root: dict[str, Any], text: str, depth: int) -> Any:
    if depth > 8:
        return None
    if "$ref" in node:
        target: Any = root
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        return _instance(target, root, text, depth + 1)
    for combinator in ("anyOf", "oneOf", "allOf"):
        if node.get(combinator):
            return _instance(node[combinator][0], root, text, depth + 1)
    if "const" in node:
        return node["const"]
    if node.get("enum"):
        return node["enum"][0]
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in node:
        properties = node.get("properties") or {}
        return {name: _instance(spec, root, text, depth + 1) for name, spec in properties.items()}
    if kind == "array":
        return [_instance(node.get("items") or {}, root, text, depth + 1)]
    if kind in ("number", "integer"):
        return 1
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return text
