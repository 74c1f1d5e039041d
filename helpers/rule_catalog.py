"""Every conversion rule with its one-line summary and platform, from the registries.

Read by presenters that describe rules (the SARIF log, the readiness report);
the registries stay the single place where a rule is declared.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class RuleInfo:
    name: str
    summary: str
    platform: str   # "foundry", "langdock" or "any"


# Notes written outside the rule registries.
_GENERAL = {
    "secrets": "A secret in the input was replaced by <redacted-secret> in the output.",
    "input": "Something about the input as a whole (repaired characters, guessed kind).",
}


@lru_cache(maxsize=1)
def rule_catalog() -> dict[str, RuleInfo]:
    from .foundry.registry import RULES as foundry_rules, rule_names
    from .langdock.js_rules import RULES as js_rules
    from .langdock.py_rules import RULES as py_rules
    from .payloads.registry import all_rules

    rule_names()  # imports every Foundry rule module
    catalog: dict[str, RuleInfo] = {}
    for name, entry in foundry_rules.items():
        catalog[name] = RuleInfo(name, entry.summary, "foundry")
    for entry in (*js_rules, *py_rules):
        catalog.setdefault(entry.name, RuleInfo(entry.name, entry.summary, "langdock"))
    for kind, rules in all_rules().items():
        platform = "langdock" if kind.startswith("langdock") else "foundry"
        for entry in rules:
            catalog.setdefault(entry.rule_id, RuleInfo(entry.rule_id, entry.summary, platform))
    for name, summary in _GENERAL.items():
        catalog.setdefault(name, RuleInfo(name, summary, "any"))
    return catalog


def describe(rule: str) -> RuleInfo:
    return rule_catalog().get(rule) or RuleInfo(rule, f"Conversion rule {rule}.", "any")
