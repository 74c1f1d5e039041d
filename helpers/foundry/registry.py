"""The list of conversion rules, and the decorator that puts a rule on it.

Each rule module calls `rule(...)` once and registers handlers for the `ast`
node types it cares about; the engine walks the code once and offers every
node to the handlers registered for its type, in registry order. A rule may
also register a finisher (`@RULE.after`): it runs once on the converted output
(before unused imports are dropped) and adds notes about what is left there.
Adding a rule means adding a module and naming it in `rules/__init__.py`,
nothing else.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .context import Context

Handler = Callable[[ast.AST, "Context"], None]
# Runs once after the edits are applied, with the output text and its tree: notes about what is left.
Finisher = Callable[[str, ast.Module, "Context"], None]


@dataclass
class Rule:
    name: str
    summary: str
    handlers: dict[type, list[Handler]] = field(default_factory=dict)
    finishers: list[Finisher] = field(default_factory=list)

    def on(self, *node_types: type) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for node_type in node_types:
                self.handlers.setdefault(node_type, []).append(handler)
            return handler

        return register

    def after(self, finisher: Finisher) -> Finisher:
        self.finishers.append(finisher)
        return finisher


RULES: dict[str, Rule] = {}


def rule(name: str, summary: str) -> Rule:
    if name in RULES:
        raise ValueError(f"rule {name!r} registered twice")
    RULES[name] = Rule(name, summary)
    return RULES[name]


def rule_names() -> list[str]:
    from . import rules  # noqa: F401  (importing registers every rule)

    return list(RULES)


def handlers_for(enabled: frozenset[str]) -> dict[type, list[tuple[str, Handler]]]:
    from . import rules  # noqa: F401

    table: dict[type, list[tuple[str, Handler]]] = {}
    for name, entry in RULES.items():
        if name not in enabled:
            continue
        for node_type, handlers in entry.handlers.items():
            table.setdefault(node_type, []).extend((name, h) for h in handlers)
    return table


def finishers_for(enabled: frozenset[str]) -> list[tuple[str, Finisher]]:
    from . import rules  # noqa: F401

    return [(name, f) for name, entry in RULES.items() if name in enabled for f in entry.finishers]
