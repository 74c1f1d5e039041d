"""The rule registry: every conversion rule registers itself with `@rule(kind, rule_id, order)`.

A rule is a plain function `(doc, ctx) -> doc` for one payload kind; it returns
the (possibly new) document and reports what it could not convert through
`ctx.note`. Adding a rule means adding a module under `langdock/` or `foundry/`
and listing it in `RULE_MODULES`; no central if-chain changes.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

from .context import Context

RuleFunc = Callable[[Any, Context], Any]

RULE_MODULES = (
    "langdock.request_agent_key",
    "langdock.request_message_ids",
    "langdock.request_content_to_parts",
    "langdock.request_attachments",
    "langdock.request_roles",
    "langdock.request_extra_fields",
    "langdock.request_stream_flag",
    "langdock.response_messages",
    "langdock.response_ui_message",
    "langdock.agent_bodies",
    "foundry.agent_to_version",
    "foundry.thread_to_conversation",
    "foundry.message_to_item",
    "foundry.message_list_to_items",
    "foundry.run_to_response",
    "foundry.run_steps_to_items",
    "unknown_json",
)


@dataclass(frozen=True)
class Rule:
    kind: str
    rule_id: str
    order: int
    func: RuleFunc

    @property
    def summary(self) -> str:
        doc = (self.func.__module__ and importlib.import_module(self.func.__module__).__doc__) or ""
        return doc.strip().splitlines()[0] if doc.strip() else self.rule_id


_RULES: dict[str, list[Rule]] = {}
_loaded = False


def rule(kind: str, rule_id: str, order: int = 100) -> Callable[[RuleFunc], RuleFunc]:
    """Register `func` as rule `rule_id` of `kind`; lower `order` runs first."""

    def register(func: RuleFunc) -> RuleFunc:
        _RULES.setdefault(kind, []).append(Rule(kind, rule_id, order, func))
        _RULES[kind].sort(key=lambda r: r.order)
        return func

    return register


def rules_for(kind: str) -> list[Rule]:
    _load()
    return list(_RULES.get(kind, ()))


def all_rules() -> dict[str, list[Rule]]:
    _load()
    return {kind: list(rules) for kind, rules in _RULES.items()}


def _load() -> None:
    global _loaded
    if not _loaded:
        for name in RULE_MODULES:
            importlib.import_module(f"{__package__}.{name}")
        _loaded = True


def apply_rules(kind: str, doc: Any, ctx: Context) -> Any:
    for item in rules_for(kind):
        doc = item.func(doc, ctx)
    return doc
