"""The rule registry: every rule module is listed, documented and can be switched off."""
from __future__ import annotations

import importlib
import pkgutil

from helpers.foundry import rules
from helpers.foundry.registry import RULES, rule_names
from helpers.python_code import convert_code


def test_every_rule_module_is_registered_and_documented():
    rule_names()
    modules = [m.name for m in pkgutil.iter_modules(rules.__path__)]
    assert modules, "no rule modules found"
    for name in modules:
        module = importlib.import_module(f"helpers.foundry.rules.{name}")
        doc = module.__doc__ or ""
        assert "Before" in doc and "After" in doc, f"{name} must state its before and after"
        assert hasattr(module, "RULE"), f"{name} must register a rule"
        assert module.RULE.name in RULES


def test_a_rule_can_be_switched_off():
    source = "run = client.runs.create(thread_id=t, agent_id=a)\nwhile run.status == 'queued':\n    run = client.runs.get(thread_id=t, run_id=run.id)\n"
    with_all = convert_code(source)
    without = convert_code(source, disabled_rules={"polling_loops"})
    assert "while" not in with_all.output
    assert "while run.status == 'queued':" in without.output
    assert "responses.retrieve(run.id)" in without.output
