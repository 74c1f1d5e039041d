"""Printed Python dicts (python_literal.py) and schema errors (validation.py) at their limits."""
from __future__ import annotations

import json

import pytest

from helpers.errors import InputError
from helpers.payloads import convert_payload, detect_payload_kind
from helpers.payloads.models.foundry import LegacyMessageList
from helpers.payloads.python_literal import MAX_LITERAL_CHARS, python_object
from helpers.payloads.validation import validate


def nested(depth):
    return "{'object': 'thread', 'x': " + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("text, taken", [
    (nested(100), True),  # the innermost list sits at depth 100: still taken
    (nested(101), False),
    ("{'object': 'thread', 1: 'x'}", False),  # JSON keys are strings
    ("{'object': 'thread', 'x': {1, 2}}", False),  # a set has no JSON form
    ("{'object': 'thread', 'x': (1, 2.5, None, True)}", True),
    ("{'object': 'thread.step'}", False),
    ("['object', 'thread']", False),
])
def test_which_python_dicts_are_taken(text, taken):
    assert (python_object(text) is not None) is taken
    assert (detect_payload_kind(text) == "foundry-thread") is (taken and "thread'" in text)


def test_the_size_limit_of_a_printed_dict():
    head, tail = "{'object': 'thread', 'pad': '", "'}"
    fits = head + "x" * (MAX_LITERAL_CHARS - len(head) - len(tail)) + tail
    assert len(fits) == MAX_LITERAL_CHARS
    assert python_object("  " + fits + "\n") == {"object": "thread", "pad": fits[len(head):-len(tail)]}
    assert python_object(fits[:-2] + "x'}") is None


def test_a_tuple_in_a_printed_dict_becomes_a_json_array():
    result = convert_payload("{'object': 'thread', 'id': 't', 'metadata': {'k': (1, 2)}}", "foundry-thread")
    assert json.loads(result.output)["metadata"] == {"k": [1, 2]}


def test_a_schema_error_in_a_printed_dict_has_a_path_but_no_line():
    with pytest.raises(InputError) as info:
        convert_payload("{'object': 'assistant', 'tools': 5}", "foundry-agent")
    assert (info.value.path, info.value.line, info.value.column) == ("tools", None, None)
    assert info.value.message == "Input should be a valid list (schema of foundry-agent)"


def test_union_member_names_in_a_schema_error_are_not_json_steps():
    text = '{"object": "list",\n "data": [[1]]}'
    with pytest.raises(InputError) as info:
        validate(LegacyMessageList, json.loads(text), text, "foundry-message-list")
    assert info.value.to_dict() == {
        "message": "Input should be a valid dictionary or instance of LegacyThreadMessage (schema of "
                   "foundry-message-list)", "line": 2, "column": 11, "path": "data[0]", "kind": "foundry-message-list"}
