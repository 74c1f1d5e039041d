"""Registry of the JavaScript/TypeScript Langdock rules.

Each module in this package holds one rule and registers it with `@js_rule`.
Every module is imported here automatically, so adding a rule means adding a
file. A rule is a function `(ctx: JsContext) -> None` that adds edits and notes.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class JsRule:
    name: str
    apply: Callable[..., None]
    summary: str


RULES: list[JsRule] = []


def js_rule(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a rule under `name` (used as `Note.rule`)."""

    def register(func: Callable[..., None]) -> Callable[..., None]:
        module = importlib.import_module(func.__module__)
        RULES.append(JsRule(name, func, (module.__doc__ or "").strip().splitlines()[0]))
        return func

    return register


for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_info.name}")
