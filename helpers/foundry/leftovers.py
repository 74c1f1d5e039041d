"""What the answer-reading rules share: is this legacy code, and did a node survive the edits.

Attributes such as `.text.value` mean a legacy message part only in code that
uses the legacy SDKs; already-new code never reaches the rules that rewrite them.
"""
from __future__ import annotations

import ast

from .context import Context

LEGACY_MODULES = ("azure.ai.agents",)


def legacy_code(ctx: Context) -> bool:
    """True when the code uses the legacy surfaces (seen so far in the walk)."""
    return bool(ctx.edits) or bool(ctx.converted_runs) or bool(ctx.streams) or any(
        q.startswith(LEGACY_MODULES) or q.startswith("openai.AssistantEventHandler")
        for q in ctx.imports.names.values())


def legacy_qualified(ctx: Context, node: ast.AST) -> str | None:
    """`MessageRole` (imported from azure.ai.agents.models) -> "MessageRole"; else None."""
    qualified = ctx.imports.qualified(node)
    if qualified is None or not qualified.startswith(LEGACY_MODULES):
        return None
    return qualified.rsplit(".", 1)[-1]


def covered_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the input that a replacement rewrote or removed, sorted."""
    return sorted((r.start, r.end) for r in ctx.edits.replacements if r.end > r.start)


def survives(ctx: Context, node: ast.AST, spans: list[tuple[int, int]]) -> bool:
    """True when no replacement touched `node`: its text is in the output as it was."""
    start, end = ctx.src.span(node)
    return not any(s <= start and end <= e for s, e in spans)


def rewritten(ctx: Context, node: ast.AST) -> bool:
    """True when a rule already planned to replace code around `node` (so a note on it would mislead)."""
    return not survives(ctx, node, covered_spans(ctx))


def awaiting(ctx: Context, node: ast.AST) -> ast.Await | None:
    """The `await` whose operand is `node`, in the current statement."""
    if ctx.statement is None:
        return None
    return next((n for n in ast.walk(ctx.statement) if isinstance(n, ast.Await) and n.value is node), None)


def cut_attribute(text: str) -> str:
    """`a.b.value` -> `a.b`: drop the last attribute of an expression's text (kept if none)."""
    wrapped = f"(\n{text}\n)"  # an expression split over lines parses inside parentheses
    try:
        body = ast.parse(wrapped, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return text
    if not isinstance(body, ast.Attribute):
        return text
    lines = wrapped.splitlines(keepends=True)
    end = sum(len(line) for line in lines[: body.value.end_lineno - 1])
    end += len(lines[body.value.end_lineno - 1].encode()[: body.value.end_col_offset].decode(errors="ignore"))
    while wrapped[end] in ") \t\r\n\\":  # closing parentheses of the inner expression stay
        end += 1
    kept = wrapped[2:end].rstrip(" \t\r\n\\")
    return kept


def replace_last_attribute(text: str, new: str) -> str:
    """`a.b.text_messages` -> `a.b.content`; `text` is kept when it is not an attribute."""
    inner = cut_attribute(text)
    return text if inner is text else f"{inner}.{new}"
