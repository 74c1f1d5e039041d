"""A legacy `response_format` as the agent definition's text options (azure-ai-projects 2.x).

Before:
    response_format={"type": "json_schema", "json_schema": {"name": "answer", "schema": SCHEMA}}
    response_format=ResponseFormatJsonSchemaType(json_schema=ResponseFormatJsonSchema(name="answer", schema=SCHEMA))
    response_format={"type": "json_object"}
After:
    text=PromptAgentDefinitionTextOptions(format=TextResponseFormatJsonSchema(name="answer", schema=SCHEMA))
    text=PromptAgentDefinitionTextOptions(format=TextResponseFormatJsonObject())

Only shapes that can be read from the code are mapped; anything else (a
variable, a format built elsewhere) returns None and the caller keeps it as a
TODO comment.
"""
from __future__ import annotations

import ast
from typing import Callable

SCHEMA_FIELDS = ("name", "schema", "description", "strict")
SIMPLE = {"json_object": "TextResponseFormatJsonObject", "text": "TextResponseFormatText"}


def text_options(value: ast.AST, text: Callable[[ast.AST], str]) -> tuple[str, set[str]] | None:
    """The `PromptAgentDefinitionTextOptions(...)` code and the model names it needs, or None."""
    if isinstance(value, ast.Constant) and value.value == "auto":
        return _options("TextResponseFormatText()")
    fields = _fields(value)
    if fields is None:
        return None
    kind = fields.get("type")
    kind_value = kind.value if isinstance(kind, ast.Constant) else None
    if isinstance(value, ast.Call) and _callee(value) == "ResponseFormatJsonSchemaType":
        kind_value = "json_schema"
    if kind_value == "json_schema" and "json_schema" in fields:
        schema = _fields(fields["json_schema"])
        if schema is None or not set(schema) <= set(SCHEMA_FIELDS) or "name" not in schema or "schema" not in schema:
            return None
        arguments = ", ".join(f"{key}={text(schema[key])}" for key in SCHEMA_FIELDS if key in schema)
        return _options(f"TextResponseFormatJsonSchema({arguments})")
    if kind_value in SIMPLE and set(fields) == {"type"}:
        return _options(f"{SIMPLE[kind_value]}()")
    return None


def _options(format_code: str) -> tuple[str, set[str]]:
    model = format_code.split("(", 1)[0]
    return f"PromptAgentDefinitionTextOptions(format={format_code})", {"PromptAgentDefinitionTextOptions", model}


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _fields(value: ast.AST) -> dict[str, ast.AST] | None:
    """Keys of a dict literal with string keys, or keywords of a call (a legacy model)."""
    if isinstance(value, ast.Dict) and all(isinstance(k, ast.Constant) and isinstance(k.value, str)
                                           for k in value.keys):
        return {k.value: v for k, v in zip(value.keys, value.values)}  # type: ignore[union-attr]
    if isinstance(value, ast.Call) and not value.args and all(k.arg for k in value.keywords) and _callee(value) in (
        "ResponseFormatJsonSchemaType", "ResponseFormatJsonSchema", "AgentsResponseFormat",
    ):
        return {k.arg: k.value for k in value.keywords}  # type: ignore[misc]
    return None
