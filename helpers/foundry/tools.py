"""Tool definitions inside an agent definition: legacy shapes to 2.x tool models.

`convert_tools(ctx, node, text)` takes the source of a `tools=` value and
returns the 2.x value. Known shapes are converted; anything else is kept and
noted, so the user sees exactly what to check.
"""
from __future__ import annotations

import ast

from .context import Context

SIMPLE_DICT_TOOLS = {"code_interpreter": "CodeInterpreterTool()"}


def convert_tools(ctx: Context, node: ast.AST, text: str) -> str:
    try:
        value = ast.parse(text, mode="eval").body
    except SyntaxError:
        return text
    if isinstance(value, ast.List):
        items = [_convert_item(ctx, node, item, ast.get_source_segment(text, item) or "") for item in value.elts]
        if all(new is not None for new in items):
            return "[" + ", ".join(items) + "]"  # type: ignore[arg-type]
    ctx.note(node, "warning", "Check the tools: 2.x takes tool models from azure.ai.projects.models "
             "(CodeInterpreterTool(), FileSearchTool(vector_store_ids=[...]), FunctionTool(...)).")
    return text


def _convert_item(ctx: Context, node: ast.AST, item: ast.expr, text: str) -> str | None:
    if isinstance(item, ast.Dict):
        fields = {k.value: v for k, v in zip(item.keys, item.values) if isinstance(k, ast.Constant)}
        kind = fields.get("type")
        if isinstance(kind, ast.Constant) and kind.value in SIMPLE_DICT_TOOLS and len(fields) == 1:
            name = SIMPLE_DICT_TOOLS[kind.value]
            ctx.require_import("azure.ai.projects.models", name.split("(")[0])
            return name
    return None
