"""What the tool rules remember while the code is walked: tool variables and their kinds."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Callable

from .context import Context

MODELS = "azure.ai.projects.models"
LEGACY_MODELS = ("azure.ai.agents.models",)
Seg = Callable[[ast.AST], str]


@dataclass
class ToolVar:
    """A variable that held a legacy tool helper.

    kind: "tool" (now one 2.x model), "tools" (now a list of 2.x models),
    "toolset" (now a list), "legacy" (left as it was, with a note).
    functions: source of the Python functions behind a FunctionTool.
    """

    kind: str
    functions: str | None = None


@dataclass
class ToolState:
    variables: dict[str, ToolVar] = field(default_factory=dict)
    retargeted: set[str] = field(default_factory=set)
    auto_functions: str | None = None  # what enable_auto_function_calls was given, as a dispatch table
    local_functions: dict[str, ast.FunctionDef] | None = None


def state(ctx: Context) -> ToolState:
    found = ctx.tools.get("state")
    if found is None:
        found = ctx.tools["state"] = ToolState()
    return found


# -- which calls are legacy tool helpers -------------------------------------------------


def use_model(ctx: Context, name: str) -> None:
    """Import a 2.x model, and take the same name off a legacy import so it cannot shadow it."""
    ctx.require_import(MODELS, name)
    tools = state(ctx)
    if name in tools.retargeted:
        return
    tools.retargeted.add(name)
    for stmt in ctx.tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module in LEGACY_MODELS and not stmt.level:
            if any(a.name == name and a.asname is None for a in stmt.names):
                start = ctx.src.line_start(stmt.lineno)
                end = ctx.src.line_end(stmt.end_lineno)
                ctx.edits.replace(start, end, lambda old, name=name: _drop_alias(old, name))


def _drop_alias(text: str, name: str) -> str:
    import libcst as cst

    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return text
    line = module.body[0]
    small = line.body[0] if isinstance(line, cst.SimpleStatementLine) else None
    if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
        return text
    kept = [a for a in small.names if not (isinstance(a.name, cst.Name) and a.name.value == name and a.asname is None)]
    if not kept:
        return ""
    fixed = []
    for index, alias in enumerate(kept):
        if index == len(kept) - 1 and small.lpar is None:
            alias = alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif index < len(kept) - 1 and alias.comma is cst.MaybeSentinel.DEFAULT:
            alias = alias.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        fixed.append(alias)
    return module.with_changes(body=[line.with_changes(body=[small.with_changes(names=fixed)])]).code


# -- building 2.x models ------------------------------------------------------------------


def kw_text(pairs: list[tuple[str, str | None]]) -> str:
    return ", ".join(f"{k}={v}" for k, v in pairs if v is not None)
