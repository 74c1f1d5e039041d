"""Hand-written readers of the legacy stream in JavaScript (rule langdock-sse-loop):
which code counts as a stream reader, and when a loop is rewritten rather than noted.

The legacy stream sends `{"type":"message","content":...}` and `{"type":"done"}`; the
Agents API sends `text-delta` events with `delta` and `finish` (reference, sections 2.4
and 3.5). A loop that leaves at `done` is safe to rewrite; any other loop only gets a note.
"""
from __future__ import annotations

import pytest
from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

RULE = "langdock-sse-loop"
REWRITTEN = "now reads the AI SDK 5 UI message stream"
NOTED = "This loop parses the legacy stream"

# (id, line that makes the function a stream reader)
MARKERS = [
    ("get-reader", "const reader = response.body.getReader();"),
    ("iter-lines", "const lines = iterLines(response);"),
    ("text-decoder", "const decoder = new TextDecoder();"),
    ("text-decoder-stream", "const decoded = new TextDecoderStream();"),
    ("data-space-prefix", 'const prefix = "data: ";'),
    ("data-prefix", 'const prefix = "data:";'),
]


def _reader(marker: str, done_check: str, leave: str) -> str:
    return (
        "async function read(response, lines) {\n"
        f"  {marker}\n"
        "  for await (const line of lines) {\n"
        "    const event = JSON.parse(line);\n"
        '    if (event.type === "message") show(event.content);\n'
        f"    if ({done_check}) {leave}\n"
        "  }\n"
        "}\n"
    )


@pytest.mark.parametrize("marker", [m[1] for m in MARKERS], ids=[m[0] for m in MARKERS])
def test_loop_in_a_stream_reader_that_leaves_at_done_is_rewritten(marker):
    code = _reader(marker, '"done" === event.type', "break;")
    result = convert_javascript(code)
    assert result.output == (
        "async function read(response, lines) {\n"
        f"  {marker}\n"
        "  for await (const line of lines) {\n"
        "    const event = JSON.parse(line);\n"
        '    if (event.type === "text-delta") show(event.delta);\n'
        '    if ("finish" === event.type) break;\n'
        "  }\n"
        "}\n"
    )
    [note] = result.notes
    assert (note.line, note.column, note.severity, note.rule) == (3, 3, "warning", RULE)
    assert REWRITTEN in note.message
    assert js_parses(result.output)
    assert convert_javascript(result.output).output == result.output


def test_same_loop_without_a_stream_marker_is_left_alone():
    code = _reader('const prefix = "event: ";', 'event.type === "done"', "break;")
    result = convert_javascript(code)
    assert result.output == code and result.notes == ()


def test_loop_that_never_leaves_at_done_is_noted_not_rewritten():
    code = _reader("const reader = response.body.getReader();", 'event.type === "done"',
                   "finished = true;")
    result = convert_javascript(code)
    assert result.output == code
    [note] = result.notes
    assert (note.line, note.rule) == (3, RULE) and NOTED in note.message
    assert "useChat" in note.message  # the JavaScript advice, not the Python one


def test_loop_that_breaks_without_a_done_check_is_noted_not_rewritten():
    code = (
        "async function read(response, lines) {\n"
        "  const reader = response.body.getReader();\n"
        "  for await (const line of lines) {\n"
        "    const event = JSON.parse(line);\n"
        '    if (event.type === "message") show(event.content);\n'
        "    if (line === \"\") break;\n"
        "  }\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output == code
    assert [(n.line, n.rule) for n in result.notes] == [(3, RULE)]
    assert NOTED in result.notes[0].message


def test_check_outside_any_loop_is_noted_where_it_stands():
    code = (
        "function onEvent(line) {\n"
        "  const decoder = new TextDecoder();\n"
        "  const event = JSON.parse(decoder.decode(line));\n"
        '  if (event.type === "message") show(event.content);\n'
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output == code
    assert [(n.line, n.column, n.rule) for n in result.notes] == [(4, 7, RULE)]


@pytest.mark.parametrize("differs", ["!==", "!="])
def test_loop_that_skips_other_events_and_returns_at_done_is_rewritten_whole(differs):
    # was a bug: the `!==` check kept "message", so the rewritten loop skipped every event
    code = (
        "async function read(response, lines) {\n"
        "  const reader = response.body.getReader();\n"
        "  for await (const line of lines) {\n"
        "    const event = JSON.parse(line);\n"
        '    if (event.type == "done") return;\n'
        f'    if (event.type {differs} "message") continue;\n'
        "    show(event.content);\n"
        "  }\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output == code.replace('"done"', '"finish"').replace(
        '"message"', '"text-delta"').replace("event.content", "event.delta")
    assert [(n.line, n.rule) for n in result.notes] == [(3, RULE)]
    assert REWRITTEN in result.notes[0].message


@pytest.mark.parametrize("check", [
    'kind === "message"',        # no `.type` on either side
    'event.type === "error"',    # not a legacy event type
    'event.type > "message"',    # not a comparison for equality
], ids=["no-type-property", "other-event", "ordering"])
def test_comparisons_that_are_no_legacy_event_checks_are_left_alone(check):
    code = (
        "async function read(response, lines) {\n"
        "  const reader = response.body.getReader();\n"
        "  for await (const line of lines) {\n"
        "    const event = JSON.parse(line);\n"
        f"    if ({check}) show(event.content);\n"
        "  }\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output == code and result.notes == ()


def test_other_constructors_do_not_make_a_stream_reader():
    code = _reader("const seen = new Map();", 'event.type === "done"', "break;")
    result = convert_javascript(code)
    assert result.output == code and result.notes == ()
