"""JSON text helpers (helpers/payloads/jsontext.py): paths, located errors and layout-keeping dumps.

Each expected text is written by hand: what a person would write when keeping the input's style.
"""
from __future__ import annotations

import pytest

from helpers.errors import InputError
from helpers.payloads import convert_payload
from helpers.payloads.jsontext import dump_like, format_path

VALUE = {"a": "ö", "b": [1]}


@pytest.mark.parametrize("path, text", [
    ((), "$"),
    (("messages", 2, "content"), "messages[2].content"),
    ((0, "role"), "[0].role"),
    (("Ab", "$ref", "_x", "a-b"), "Ab.$ref._x.a-b"),
    (("a", "b c"), 'a["b c"]'),
    (("öl",), '["öl"]'),
    (("1st",), '["1st"]'),
])
def test_format_path(path, text):
    assert format_path(path) == text


def test_invalid_json_keeps_the_kind_asked_for():
    with pytest.raises(InputError) as info:
        convert_payload('{"object": "thread.run",\n "id": }', "foundry-run")
    assert info.value.to_dict() == {"message": "invalid JSON: Expecting value", "line": 2, "column": 8, "path": None,
                                    "kind": "foundry-run"}


def test_json_nested_too_deeply_keeps_the_kind_asked_for():
    with pytest.raises(InputError) as info:
        convert_payload("[" * 100_000 + "]" * 100_000, "json")
    assert info.value.to_dict() == {"message": "the JSON is nested too deeply to convert", "line": None,
                                    "column": None, "path": None, "kind": "json"}


@pytest.mark.parametrize("source, text", [
    ('{"x":1}', '{"a":"ö","b":[1]}'),
    ('{"x": 1}\n', '{"a": "ö", "b": [1]}\n'),
    ('{\n"x": 1\n}', '{"a": "ö", "b": [1]}'),  # lines but no indent: one line
    ('{"x":1, "y": 2}', '{"a": "ö", "b": [1]}'),  # mixed: the spaced style
])
def test_one_line_styles(source, text):
    assert dump_like(VALUE, source) == text


def test_indent_inline_containers_and_new_containers_follow_the_input():
    source = '{\n\t"a": [1, 2],\n\t"b": {\n\t\t"c": 1\n\t}\n}\n'
    value = {"a": [3], "b": {"c": 2, "d": []}, "e": {"f": "ö"}}
    assert dump_like(value, source) == '{\n\t"a": [3],\n\t"b": {\n\t\t"c": 2,\n\t\t"d": []\n\t},\n\t"e": {"f": "ö"}\n}\n'


def test_array_items_keep_their_own_style():
    source = '{\n  "items": [\n    {\n      "a": 1\n    }\n  ],\n  "tags": ["a"]\n}'
    value = {"items": [{"a": 2}], "tags": ["b"], "new": {"k": 1}}
    assert dump_like(value, source) == (
        '{\n  "items": [\n    {\n      "a": 2\n    }\n  ],\n  "tags": ["b"],\n  "new": {"k": 1}\n}')


@pytest.mark.parametrize("spaces, a_inline", [(7, True), (8, False)])
def test_an_empty_container_split_over_lines_says_little_about_style(spaces, a_inline):
    # "[" + newline + 7 spaces + "]" is 8 characters apart: too short to tell a style; 9 are enough.
    source = '{\n  "a": [\n' + " " * spaces + '],\n  "b": [1]\n}'
    a = '[1, 2]' if a_inline else '[\n    1,\n    2\n  ]'
    assert dump_like({"a": [1, 2], "b": [3]}, source) == '{\n  "a": ' + a + ',\n  "b": [3]\n}'


@pytest.mark.parametrize("value, text", [([], "[]"), ({}, "{}")])
def test_an_empty_result_is_written_on_one_line(value, text):
    assert dump_like(value, '[\n  1\n]\n') == text + "\n"


def test_a_string_cut_by_the_64_kb_sample_does_not_confuse_the_layout():
    long = "x" * (65_536 - 10 - 6) + "}" * 20  # the sample ends inside the brackets of this string
    source = '{\n  "a": "' + long + '"\n}\n'
    assert len('{\n  "a": "') == 10
    assert dump_like({"a": long, "b": [1]}, source) == '{\n  "a": "' + long + '",\n  "b": [\n    1\n  ]\n}\n'
