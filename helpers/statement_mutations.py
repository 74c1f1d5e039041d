"""Edited copies of real code: one statement deleted, duplicated or swapped with the next.

Used to check that conversion never crashes on code that is valid Python but
not shaped like the examples (the robustness test and
`scripts/check_legacy_samples.py --mutations`). The code is only parsed.
"""
from __future__ import annotations

import ast

ACTIONS = ("delete", "duplicate", "swap")


def statement_bodies(tree: ast.AST) -> list[list[ast.stmt]]:
    """Every statement list in `tree` (bodies, else branches, finally blocks)."""
    bodies = []
    for node in ast.walk(tree):
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                bodies.append(body)
    return bodies


def mutate_statement(source: str, action: str, body_index: int, stmt_index: int) -> str | None:
    """`source` with the chosen statement deleted, duplicated or swapped; None when that is not valid Python."""
    bodies = statement_bodies(ast.parse(source))
    body = bodies[body_index % len(bodies)]
    i = stmt_index % len(body)
    lines = source.splitlines(keepends=True)
    start, end = body[i].lineno - 1, body[i].end_lineno
    if action == "delete":
        new = lines[:start] + lines[end:]
    elif action == "duplicate":
        new = lines[:end] + lines[start:end] + lines[end:]
    elif i + 1 < len(body) and body[i + 1].lineno > end:
        o_start, o_end = body[i + 1].lineno - 1, body[i + 1].end_lineno
        new = lines[:start] + lines[o_start:o_end] + lines[end:o_start] + lines[start:end] + lines[o_end:]
    else:
        return None
    text = "".join(new)
    try:
        ast.parse(text)
    except SyntaxError:
        return None
    return text
