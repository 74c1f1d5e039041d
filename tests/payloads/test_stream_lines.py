"""S1/S7 reading stream transcripts (streams/read_lines.py): exact events, notes and located errors.

The line and column of each error are counted by hand from the transcript (1-based).
"""
from __future__ import annotations

import pytest

from helpers.errors import InputError
from helpers.payloads.context import Context
from helpers.payloads.streams.read_lines import DONE, read_sse, read_v4, sse_format


def ctx_for(text):
    return Context(kind="langdock-stream", source=text)


def sse(text):
    ctx = ctx_for(text)
    events = read_sse(text, ctx)
    return events, [(n.rule, n.severity, n.line, n.column, n.message) for n in ctx.finish()]


def error_of(reader, text):
    with pytest.raises(InputError) as info:
        reader(text, ctx_for(text)) if reader is read_sse else reader(text)
    err = info.value
    return err.message, err.line, err.column, err.kind


def test_sse_skips_blank_lines_comments_and_carriage_returns():
    text = ': keep-alive\r\n\r\ndata: {"type": "message", "n": 1}\r\n   \ndata:{"n": 2}\n\ndata:   [DONE]\n'
    events, notes = sse(text)
    assert events == [(3, {"type": "message", "n": 1}), (5, {"n": 2}), (7, DONE)]
    assert notes == []


@pytest.mark.parametrize("field", ["event", "id", "retry"])
def test_sse_fields_other_than_data_are_dropped_with_a_note(field):
    events, notes = sse(f'data: {{"n": 1}}\n{field}: x\ndata: {{"n": 2}}\n')
    assert events == [(1, {"n": 1}), (3, {"n": 2})]
    assert notes == [("S7", "info", 2, 1, f"the SSE `{field}:` field has no meaning in the new stream and was "
                                           "dropped")]


@pytest.mark.parametrize("line", ["hello", "eventual: x", "Data: {}"])
def test_a_line_that_is_not_sse_is_a_located_error(line):
    assert error_of(read_sse, f'data: {{"n": 1}}\n{line}\n') == (
        "not an SSE line: expected `data: …`", 2, 1, "langdock-stream")


def test_two_events_glued_on_one_line_are_both_read():
    events, _ = sse('data: {"n": 1}data: {"n": 2} \tdata: [DONE]\n')
    assert events == [(1, {"n": 1}), (1, {"n": 2}), (1, DONE)]


@pytest.mark.parametrize("line, column", [("data:", 6), ("data:  ", 8)])
def test_data_without_a_value_is_a_located_error(line, column):
    assert error_of(read_sse, f"data: [1]\n{line}\n") == ("invalid JSON in the event: Expecting value", 2, column,
                                                          "langdock-stream")


def test_text_after_an_event_is_a_located_error():
    assert error_of(read_sse, 'data: [1]\ndata: {"n": 1} x\n') == (
        "unexpected text after an event; expected `data:`", 2, 16, "langdock-stream")


def test_invalid_json_in_an_event_is_located_at_the_bad_character():
    assert error_of(read_sse, 'data: {"a": }\n') == ("invalid JSON in the event: Expecting value", 1, 13,
                                                      "langdock-stream")


@pytest.mark.parametrize("events, expected", [
    ([], "legacy-sse"),
    ([(1, {"type": "message"})], "legacy-sse"),
    ([(1, {"type": "done"}), (2, DONE)], "legacy-sse"),
    ([(1, {"type": "message"}), (2, {"type": "text-delta"})], "legacy-sse"),
    ([(1, {"type": "text-delta"})], "ui-message-stream"),
    ([(1, {"type": "data-weather"})], "ui-message-stream"),
    ([(1, {"type": "error"})], "legacy-sse"),
    ([(1, {"type": "error"}), (2, DONE)], "ui-message-stream"),
    ([(1, {"type": 5}), (2, ["text-delta"]), (3, "start")], "legacy-sse"),
    ([(1, {"type": "custom"})], "legacy-sse"),
])
def test_sse_format_is_judged_by_the_event_types(events, expected):
    assert sse_format(events) == expected


def test_v4_lines_are_read_with_their_codes():
    text = '0:"Hel"\r\n\n0:"lo"\n1:{"any": "thing"}\n2:[{"k": 1}]\n  \ne:{"finishReason": "stop"}\n'
    assert read_v4(text) == [(1, "0", "Hel"), (3, "0", "lo"), (4, "1", {"any": "thing"}),
                                            (5, "2", [{"k": 1}]), (7, "e", {"finishReason": "stop"})]


@pytest.mark.parametrize("line", ["hello", '10:"x"', ':"x"'])
def test_a_line_that_is_not_v4_is_a_located_error(line):
    assert error_of(read_v4, f'0:"a"\n{line}\n') == (
        "not an AI SDK 4 stream line: expected `<code>:<JSON>`", 2, 1, "langdock-stream")


def test_invalid_json_after_a_code_is_located_at_the_bad_character():
    assert error_of(read_v4, '0:"a"\n0:{"a" 1}\n') == (
        "invalid JSON after `0:`: Expecting ':' delimiter", 2, 8, "langdock-stream")


def test_unknown_v4_code_is_a_located_error():
    assert error_of(read_v4, 'z:"x"\n') == ("`z:` is not an AI SDK 4 data-stream code", 1, 1, "langdock-stream")


@pytest.mark.parametrize("line, name", [('0:5', "string"), ('2:{}', "array"), ('9:[]', "object")])
def test_a_value_of_the_wrong_json_type_is_a_located_error(line, name):
    code = line[0]
    assert error_of(read_v4, f'0:"a"\n{line}\n') == (f"`{code}:` needs a JSON {name}", 2, 3, "langdock-stream")


@pytest.mark.parametrize("line, message", [
    ('9:{"toolCallId": "c", "args": {}}', "`9:` toolName: Field required"),
    ('9:{"toolCallId": "c", "toolName": "t", "args": 1}', "`9:` args: Input should be a valid dictionary"),
])
def test_a_value_that_breaks_the_code_model_is_a_located_error(line, message):
    assert error_of(read_v4, f'0:"a"\n{line}\n') == (message, 2, 3, "langdock-stream")


def test_an_sse_field_is_named_by_the_text_before_its_first_colon():
    events, notes = sse('id: a:b\ndata: [1]\n')
    assert events == [(2, [1])]
    assert notes == [("S7", "info", 1, 1, "the SSE `id:` field has no meaning in the new stream and was dropped")]


@pytest.mark.parametrize("line, column", [("data: [1]X", 10), ("data: [1] \tX", 12)])
def test_only_spaces_and_tabs_may_follow_an_event(line, column):
    assert error_of(read_sse, line + "\r\n") == ("unexpected text after an event; expected `data:`", 1, column,
                                                 "langdock-stream")
