"""S1-S10: stream transcripts, checked against the reference's examples and the v5 chunk schema."""
from __future__ import annotations

import json

import pytest

from helpers.errors import InputError
from helpers.payloads import convert_payload, detect_payload_kind
from helpers.payloads.models.streams import UI_CHUNK, V4_MODELS, V4_VALUE_TYPES

from . import examples as ex

V5 = "ui-message-stream"
V4 = "data-stream"


def v5_events(text):
    """The JSON chunks of a v5 stream, after checking its framing."""
    assert text.endswith("data: [DONE]\n\n")
    blocks = text.split("\n\n")
    assert blocks[-1] == ""
    events = []
    for block in blocks[:-2]:
        assert block.startswith("data: ")
        events.append(json.loads(block[6:]))
    return events


def check_v5(text):
    """Every chunk fits the ai@5 schema and the client's ordering rules hold."""
    open_blocks, tool_inputs = set(), set()
    for event in v5_events(text):
        UI_CHUNK.validate_python(event)
        kind = event["type"]
        if kind.endswith("-start") and kind in ("text-start", "reasoning-start"):
            open_blocks.add(event["id"])
        if kind.endswith("-delta") and kind != "tool-input-delta":
            assert event["id"] in open_blocks
        if kind in ("text-end", "reasoning-end"):
            open_blocks.remove(event["id"])
        if kind == "tool-input-available":
            tool_inputs.add(event["toolCallId"])
        if kind in ("tool-output-available", "tool-output-error"):
            assert event["toolCallId"] in tool_inputs
    assert not open_blocks


def check_v4(text):
    for line in text.splitlines():
        code, _, body = line.partition(":")
        value = json.loads(body)
        assert isinstance(value, V4_VALUE_TYPES[code])
        if code in V4_MODELS:
            V4_MODELS[code].model_validate(value)


@pytest.mark.parametrize(
    "source, fmt, expected, input_format",
    [
        (ex.REF_LEGACY_STREAM, V5, ex.REF_V5_STREAM, "legacy-sse"),
        (ex.REF_LEGACY_STREAM, V4, ex.REF_V4_STREAM, "legacy-sse"),
        (ex.REF_V4_STREAM, V5, ex.REF_V5_STREAM, "data-stream"),
    ],
)
def test_reference_streams(source, fmt, expected, input_format):
    result = convert_payload(source, stream_format=fmt)
    assert result.kind == "langdock-stream"
    assert result.output == expected
    assert result.extras["input_format"] == input_format
    assert result.extras["stream_format"] == fmt


def test_guide_legacy_stream_without_blank_lines():
    result = convert_payload(ex.LD_LEGACY_STREAM)
    deltas = [e["delta"] for e in v5_events(result.output) if e["type"] == "text-delta"]
    assert deltas == ["Hello", " world"]
    check_v5(result.output)


def test_headers_per_format():
    v5 = convert_payload(ex.REF_LEGACY_STREAM).extras["headers"]
    v4 = convert_payload(ex.REF_LEGACY_STREAM, stream_format=V4).extras["headers"]
    assert v5 == {"content-type": "text/event-stream", "cache-control": "no-cache", "connection": "keep-alive",
                  "x-vercel-ai-ui-message-stream": "v1", "x-accel-buffering": "no"}
    assert v4 == {"Content-Type": "text/plain; charset=utf-8", "X-Vercel-AI-Data-Stream": "v1"}


@pytest.mark.parametrize(
    "text, fmt",
    [(ex.REF_V5_STREAM, V5), (ex.REF_V5_STREAM, V4), (ex.REF_V4_STREAM, V4)],
)
def test_already_converted_streams_come_back_unchanged(text, fmt):
    result = convert_payload(text, stream_format=fmt)
    assert not result.changed and result.output == text
    assert "headers" in result.extras


@pytest.mark.parametrize("fmt", [V5, V4])
def test_stream_conversion_is_idempotent(fmt):
    first = convert_payload(ex.REF_LEGACY_STREAM, stream_format=fmt)
    second = convert_payload(first.output, stream_format=fmt)
    assert not second.changed


def legacy(*events):
    return "".join(f"data: {json.dumps(e)}\n\n" for e in events)


MSG = {"type": "message", "content": "a"}
DONE = {"type": "done"}


@pytest.mark.parametrize(
    "source, v5_types, v4_lines",
    [
        # S2: JSON-encoding of quotes, newlines and unicode; empty chunks kept
        (legacy({"type": "message", "content": "\"hi\"\nü"}, {"type": "message", "content": ""}, DONE),
         None, ['f:{"messageId":"msg_stream_0"}', '0:"\\"hi\\"\\nü"', '0:""',
                'e:{"finishReason":"stop","isContinued":false}', 'd:{"finishReason":"stop"}']),
        # S4: no done
        (legacy(MSG), ["start", "start-step", "text-start", "text-delta", "text-end", "finish-step", "finish"],
         ['f:{"messageId":"msg_stream_0"}', '0:"a"', 'e:{"finishReason":"unknown","isContinued":false}',
          'd:{"finishReason":"unknown"}']),
        # S5: error events
        (legacy(MSG, {"type": "error", "error": "quota"}, DONE),
         ["start", "start-step", "text-start", "text-delta", "text-end", "error", "finish-step", "finish"],
         ['f:{"messageId":"msg_stream_0"}', '0:"a"', '3:"quota"', 'e:{"finishReason":"stop","isContinued":false}',
          'd:{"finishReason":"stop"}']),
        # S6: unknown event types are kept as data
        (legacy({"type": "progress", "step": 2}, MSG, DONE),
         ["start", "start-step", "data-langdock-legacy", "text-start", "text-delta", "text-end", "finish-step", "finish"],
         ['f:{"messageId":"msg_stream_0"}', '2:[{"type":"progress","step":2}]', '0:"a"',
          'e:{"finishReason":"stop","isContinued":false}', 'd:{"finishReason":"stop"}']),
        # S7: SSE fields and comments dropped
        ("event: message\nid: 1\n: keep-alive\n" + legacy(MSG, DONE), None, None),
    ],
)
def test_legacy_events(source, v5_types, v4_lines):
    v5 = convert_payload(source).output
    check_v5(v5)
    if v5_types is not None:
        assert [e["type"] for e in v5_events(v5)] == v5_types
    v4 = convert_payload(source, stream_format=V4).output
    check_v4(v4)
    if v4_lines is not None:
        assert v4.splitlines() == v4_lines


@pytest.mark.parametrize(
    "source, rule, line",
    [
        (legacy(MSG), "S4", 1),
        (legacy(MSG, {"type": "progress"}, DONE), "S6", 3),
        ("event: message\n" + legacy(MSG, DONE), "S7", 1),
        (legacy(MSG, DONE, MSG), "S4", 5),
    ],
)
def test_legacy_notes_have_lines(source, rule, line):
    notes = [n for n in convert_payload(source).notes if n.rule == rule]
    assert notes and notes[0].line == line


V4_FULL = "\n".join([
    'f:{"messageId":"m1"}',
    'g:"thinking"',
    'b:{"toolCallId":"t1","toolName":"lookup"}',
    'c:{"toolCallId":"t1","argsTextDelta":"{\\"q\\":"}',
    '9:{"toolCallId":"t1","toolName":"lookup","args":{"q":"x"}}',
    'a:{"toolCallId":"t1","result":{"hits":3}}',
    'e:{"finishReason":"tool-calls","isContinued":false}',
    'f:{"messageId":"m1"}',
    '0:"Three "',
    '0:"hits."',
    'h:{"sourceType":"url","id":"s1","url":"https://example.org","title":"Ex"}',
    'k:{"data":"iVBO","mimeType":"image/png"}',
    '2:[{"stage":"done"}]',
    '8:[{"citation":"doc-7"}]',
    '3:"late error"',
    'e:{"finishReason":"stop","isContinued":false}',
    'd:{"finishReason":"stop","usage":{"promptTokens":1,"completionTokens":2}}',
]) + "\n"


def test_v4_lines_map_to_v5_chunks():
    result = convert_payload(V4_FULL)
    check_v5(result.output)
    events = v5_events(result.output)
    assert [e["type"] for e in events] == [
        "start", "start-step", "reasoning-start", "reasoning-delta", "reasoning-end", "tool-input-start",
        "tool-input-delta", "tool-input-available", "tool-output-available", "finish-step", "start-step",
        "text-start", "text-delta", "text-delta", "text-end", "source-url", "file", "data-v4",
        "message-metadata", "error", "finish-step", "finish",
    ]
    assert events[0] == {"type": "start", "messageId": "m1"}
    assert events[6] == {"type": "tool-input-delta", "toolCallId": "t1", "inputTextDelta": '{"q":'}
    assert events[7]["input"] == {"q": "x"} and events[8]["output"] == {"hits": 3}
    assert events[15] == {"type": "source-url", "sourceId": "s1", "url": "https://example.org", "title": "Ex"}
    assert events[16] == {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,iVBO"}
    assert any(n.rule == "S8" and "usage" in n.message for n in result.notes)


def test_guide_v4_example_with_invalid_code_1():
    result = convert_payload('0:"text chunk 1"\n1:"text chunk 2"\n')
    deltas = [e["delta"] for e in v5_events(result.output) if e["type"] == "text-delta"]
    assert deltas == ["text chunk 1", "text chunk 2"]
    assert any(n.rule == "S8" and n.line == 2 for n in result.notes)


@pytest.mark.parametrize(
    "text, line, column",
    [
        ('data: {"type":"message","content":"a"}\ndata: {"type": oops}\n', 2, 16),
        ('data: {"type":"message"}\nhello\n', 2, 1),
        ('0:"a"\n0:"unterminated\n', 2, 3),
        ('0:"a"\nz:"b"\n', 2, 1),
        ('0:"a"\n9:"not an object"\n', 2, 3),
    ],
)
def test_malformed_streams_are_located(text, line, column):
    with pytest.raises(InputError) as info:
        convert_payload(text, kind="langdock-stream")
    assert (info.value.line, info.value.column) == (line, column)


def test_glued_events_on_one_line_are_split():
    text = 'data: {"type":"message","content":"a"}data: {"type":"message","content":"b"}\ndata: {"type":"done"}\n'
    deltas = [e["delta"] for e in v5_events(convert_payload(text).output) if e["type"] == "text-delta"]
    assert deltas == ["a", "b"]


def test_legacy_to_v4_then_v5_equals_legacy_to_v5():
    via_v4 = convert_payload(convert_payload(ex.REF_LEGACY_STREAM, stream_format=V4).output).output
    assert via_v4 == convert_payload(ex.REF_LEGACY_STREAM).output


@pytest.mark.parametrize("text", [ex.REF_LEGACY_STREAM, ex.REF_V4_STREAM, ex.REF_V5_STREAM, ex.LD_LEGACY_STREAM])
def test_streams_are_detected(text):
    assert detect_payload_kind(text) == "langdock-stream"


@pytest.mark.parametrize("line", ['9:{"toolName":"x","args":{}}', 'a:{"result":1}', 'd:{"finishReason":"done"}',
                                  'k:{"data":"AA=="}', 'h:{"sourceType":"url","url":"u"}'])
def test_v4_values_are_checked_against_the_v4_schema(line):
    with pytest.raises(InputError) as info:
        convert_payload('0:"a"\n' + line + "\n", kind="langdock-stream")
    assert info.value.line == 2


def test_the_detected_input_format_is_named_in_a_note():
    from helpers import convert_payload

    legacy = convert_payload('data: {"type":"message","content":"Hi"}\ndata: {"type":"done"}\n')
    v4 = convert_payload('0:"Hi"\nd:{"finishReason":"stop"}\n', stream_format="ui-message-stream")
    assert legacy.notes[0].message.startswith("input detected as Langdock's legacy SSE events")
    assert v4.notes[0].message.startswith("input detected as the AI SDK 4 data stream")
    assert (legacy.notes[0].line, v4.notes[0].rule) == (1, "S1")
