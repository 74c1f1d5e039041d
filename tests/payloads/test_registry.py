"""The rule registry: every rule is registered, documented, and cites its rule id."""
from __future__ import annotations

import importlib

import pytest

from helpers.payloads import PAYLOAD_KINDS
from helpers.payloads.registry import RULE_MODULES, all_rules

STREAM_MODULES = ["streams.read_lines", "streams.legacy_to_chunks", "streams.v4_to_chunks",
                  "streams.write", "streams.headers"]


def test_every_json_kind_has_rules():
    rules = all_rules()
    assert set(rules) == set(PAYLOAD_KINDS) - {"langdock-stream"}


@pytest.mark.parametrize("name", [*RULE_MODULES, "streams.legacy_to_chunks", "streams.v4_to_chunks"])
def test_rule_modules_state_before_and_after(name):
    doc = importlib.import_module(f"helpers.payloads.{name}").__doc__ or ""
    assert "Before" in doc or "before" in doc, name
    assert "After" in doc or "after" in doc or "→" in doc, name


def test_rule_docstrings_cite_their_ids():
    for kind, rules in all_rules().items():
        for item in rules:
            doc = importlib.import_module(item.func.__module__).__doc__ or ""
            assert item.rule_id.split("-")[0] in doc, (kind, item.rule_id)


def test_all_reference_rules_are_cited():
    cited = " ".join(importlib.import_module(f"helpers.payloads.{n}").__doc__ or ""
                     for n in [*RULE_MODULES, *STREAM_MODULES, "streams", "detect"])
    for rule_id in [*(f"C{i}" for i in range(1, 11)), *(f"R{i}" for i in range(1, 7)),
                    *(f"B{i}" for i in range(1, 5)), *(f"S{i}" for i in range(1, 11))]:
        assert rule_id in cited, rule_id


def test_a_kind_without_json_rules_has_an_empty_rule_list():
    from helpers.payloads.registry import rules_for

    assert rules_for("langdock-stream") == []
    assert rules_for("no-such-kind") == []
