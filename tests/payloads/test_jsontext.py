"""Locating JSON paths in the input text (used for every payload note)."""
from __future__ import annotations

import json

import pytest

from helpers.payloads.jsontext import dump_like, format_path, locate

TEXT = """{
  "a": {"b": [10, {"c": "x,y]"}, [1, 2]], "d\\"q": null},
  "messages": [
    {"role": "user"},
    {"role": "assistant", "content": "{not: json}"}
  ],
  "z": 1
}"""


@pytest.mark.parametrize(
    "path, where",
    [
        ((), (1, 1)),
        (("a",), (2, 3)),
        (("a", "b"), (2, 9)),
        (("a", "b", 0), (2, 15)),
        (("a", "b", 1, "c"), (2, 20)),
        (("a", "b", 2), (2, 34)),
        (("a", 'd"q'), (2, 43)),
        (("messages", 1, "content"), (5, 27)),
        (("messages", 1, "nothing"), (5, 5)),  # deepest existing parent
        (("z",), (7, 3)),
    ],
)
def test_locate(path, where):
    assert locate(TEXT, [path]) == {path: where}


def test_locate_many_at_once():
    paths = [("z",), ("messages", 0, "role"), ("a", "b", 1)]
    assert locate(TEXT, paths) == {("z",): (7, 3), ("messages", 0, "role"): (4, 6), ("a", "b", 1): (2, 19)}


@pytest.mark.parametrize(
    "path, text",
    [((), "$"), (("messages", 2, "content"), "messages[2].content"), (("a b", 0), '["a b"][0]'),
     (("x", "y-z"), "x.y-z")],
)
def test_format_path(path, text):
    assert format_path(path) == text


@pytest.mark.parametrize(
    "source",
    ['{"a": 1}', '{"a":1}', '{\n  "a": 1\n}\n', '{\n    "a": 1\n}', '{\n\t"a": 1\n}'],
)
def test_dump_like_reproduces_the_layout(source):
    assert dump_like(json.loads(source), source) == source


def _reference_style():
    from . import examples as ex
    # Not REF_RESPONSE_BEFORE: it breaks lines in the middle of objects, which no dumper rebuilds.
    return [ex.REF_REQUEST_BEFORE, ex.RUN_BEFORE, ex.THREAD_BEFORE, ex.LD_REQUEST_BEFORE]


@pytest.mark.parametrize("source", _reference_style())
def test_dump_like_keeps_hand_written_layouts(source):
    assert dump_like(json.loads(source), source) == source


@pytest.mark.parametrize("indent", [2, 4, "\t"])
def test_dump_like_matches_json_dumps_indent(indent):
    value = {"a": [1, {"b": [], "c": {}}, [2, [3]]], "d": {"e": "ü\n"}, "f": None}
    source = json.dumps(value, indent=indent, ensure_ascii=False)
    assert dump_like(value, source) == source
    grown = {**value, "g": {"h": [{"i": 1}]}}
    assert dump_like(grown, source) == json.dumps(grown, indent=indent, ensure_ascii=False)
