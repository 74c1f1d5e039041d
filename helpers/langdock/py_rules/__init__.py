"""Registry of the Python Langdock rules (requests/httpx code, LibCST).

Each module in this package holds one rule and registers it with `@py_rule`
for the LibCST node types it handles; every module is imported here, so adding
a rule means adding a file. A rule is `(ctx, original, updated) -> node`: it
gets the original node (for facts and positions) and the node as rewritten so
far by its children, and returns the node to keep.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable

import libcst as cst


@dataclass(frozen=True)
class PyRule:
    name: str
    node_types: tuple[type[cst.CSTNode], ...]
    apply: Callable[..., cst.CSTNode]
    summary: str


RULES: list[PyRule] = []


def py_rule(name: str, *node_types: type[cst.CSTNode]):
    """Register a rule under `name` (used as `Note.rule`) for these node types."""

    def register(func):
        module = importlib.import_module(func.__module__)
        summary = (module.__doc__ or "").strip().splitlines()[0]
        RULES.append(PyRule(name, node_types, func, summary))
        return func

    return register


def rules_by_type() -> dict[type[cst.CSTNode], list[PyRule]]:
    table: dict[type[cst.CSTNode], list[PyRule]] = {}
    for rule in RULES:
        for node_type in rule.node_types:
            table.setdefault(node_type, []).append(rule)
    return table


def emit_notes(ctx, name: str) -> None:
    """Write the notes the scan decided for rule `name` (note-only rules use this)."""
    for node, severity, rule, message in ctx.facts.notes:
        if rule == name:
            ctx.note(node, severity, rule, message)


for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_info.name}")
