"""F1 agent names and response formats (foundry/agent_to_version.py): exact values and notes.

Agent names in 2.x: letters, digits and inner hyphens, at most 63 characters (the
AgentVersion name pattern in helpers/payloads/models/foundry.py).
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload

NAME_RULE = "agent names use letters, digits and inner hyphens (max 63); "


def convert(**fields):
    doc = {"object": "assistant", "model": "gpt-4.1", "created_at": 1, **fields}
    result = convert_payload(json.dumps(doc))
    notes = [(n.rule, n.severity, n.path, n.message) for n in result.notes]
    return json.loads(result.output), notes


@pytest.mark.parametrize("fields, name", [
    ({"name": "my agent!"}, "my-agent"),
    ({"name": None, "id": "asst_AB"}, "asst-AB"),
    ({"name": "", "id": "asst_1"}, "asst-1"),
    ({"name": None}, "agent"),
    ({"name": "!!!"}, "agent"),
    ({"name": "-x-"}, "x"),
    ({"name": "X-ray X"}, "X-ray-X"),
    ({"name": "-" + "a" * 63}, "a" * 63),
    ({"name": "a" * 62 + "-" + "b" * 10}, "a" * 62),
])
def test_names_are_made_valid_with_a_warning(fields, name):
    out, notes = convert(**fields)
    assert (out["name"], out["id"]) == (name, f"{name}:1")
    assert ("F1", "warning", "name", f"{NAME_RULE}{fields['name']!r} became {name!r}") in notes


def test_a_valid_name_is_kept_without_a_note():
    out, notes = convert(name="Research-Desk-2")
    assert out["name"] == "Research-Desk-2"
    assert [n for n in notes if n[2] == "name"] == []


@pytest.mark.parametrize("response_format, text", [
    ({"type": "json_object"}, {"format": {"type": "json_object"}}),
    ({"type": "json_schema", "json_schema": {"name": "s", "schema": {"type": "object"}}},
     {"format": {"type": "json_schema", "name": "s", "schema": {"type": "object"}}}),
])
def test_known_response_formats_become_definition_text(response_format, text):
    out, notes = convert(name="a", response_format=response_format)
    assert out["definition"]["text"] == text
    assert [n for n in notes if n[2] == "response_format"] == []


def test_auto_response_format_is_left_out_with_a_note():
    out, notes = convert(name="a", response_format="auto")
    assert "text" not in out["definition"]
    assert [n for n in notes if n[2] == "response_format"] == [
        ("F1", "info", "response_format", "response_format 'auto' is the default (plain text) and was left out")]


def test_missing_response_format_gives_no_text_and_no_note():
    out, notes = convert(name="a", response_format=None)
    assert "text" not in out["definition"]
    assert [n for n in notes if n[2] == "response_format"] == []


@pytest.mark.parametrize("response_format", ["json", {"type": "xml"}])
def test_unknown_response_format_is_left_out_with_a_warning(response_format):
    out, notes = convert(name="a", response_format=response_format)
    assert "text" not in out["definition"]
    assert [n for n in notes if n[2] == "response_format"] == [
        ("F1", "warning", "response_format", f"response_format {response_format!r} has no known counterpart; set "
                                             "definition.text.format by hand")]
