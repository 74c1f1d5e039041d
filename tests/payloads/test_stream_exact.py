"""Stream transcripts end to end (helpers/payloads/streams): exact output text, notes and headers.

The expected streams are written by hand from the AI SDK 4 data-stream line codes and the
AI SDK 5 UI message stream chunk types (see streams/v4_to_chunks.py and legacy_to_chunks.py).
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload
from helpers.payloads.context import Context
from helpers.payloads.streams.write import write_v4

V5_HEADERS = {"content-type": "text/event-stream", "cache-control": "no-cache", "connection": "keep-alive",
              "x-vercel-ai-ui-message-stream": "v1", "x-accel-buffering": "no"}
V4_HEADERS = {"Content-Type": "text/plain; charset=utf-8", "X-Vercel-AI-Data-Stream": "v1"}
S9_V5 = ("S9", "info", 1, "send these response headers with the stream: content-type: text/event-stream, "
         "cache-control: no-cache, connection: keep-alive, x-vercel-ai-ui-message-stream: v1, x-accel-buffering: no")
S9_V4 = ("S9", "info", 1, "send these response headers with the stream: Content-Type: text/plain; charset=utf-8, "
         "X-Vercel-AI-Data-Stream: v1")

LEGACY = "\n".join([
    'data: {"type":"message","content":"Hi "}',
    'data: {"type":"message","content":{"k":"ö"}}',
    'data: {"type":"tool","name":"x"}',
    'data: {"type":"error","error":{"message":"bad"}}',
    'data: {"type":"message","content":"again"}',
    'data: {"type":"done"}',
    'data: {"type":"message","content":"late"}',
    "data: [DONE]",
]) + "\n"
LEGACY_NOTES = [
    ("S2", "warning", 2, "message content is not a string; it was written as JSON text"),
    ("S6", "warning", 3, "legacy event type 'tool' has no counterpart; it was kept as a data-langdock-legacy chunk"),
    ("S4", "warning", 7, "an event after `done` was dropped"),
]


def convert(text, **options):
    result = convert_payload(text, "langdock-stream", **options)
    notes = sorted((n.rule, n.severity, n.line, n.message) for n in result.notes)
    return result, notes


def v5(*chunks):
    return "".join(f"data: {json.dumps(c, ensure_ascii=False, separators=(',', ':'))}\n\n" for c in chunks) + \
        "data: [DONE]\n\n"


def test_legacy_events_become_a_v5_stream():
    result, notes = convert(LEGACY)
    assert result.output == v5(
        {"type": "start", "messageId": "msg_stream_0"}, {"type": "start-step"},
        {"type": "text-start", "id": "txt_0"}, {"type": "text-delta", "id": "txt_0", "delta": "Hi "},
        {"type": "text-delta", "id": "txt_0", "delta": '{"k": "ö"}'}, {"type": "text-end", "id": "txt_0"},
        {"type": "data-langdock-legacy", "data": {"type": "tool", "name": "x"}},
        {"type": "error", "errorText": "bad"},
        {"type": "text-start", "id": "txt_1"}, {"type": "text-delta", "id": "txt_1", "delta": "again"},
        {"type": "text-end", "id": "txt_1"}, {"type": "finish-step"}, {"type": "finish"})
    assert notes == sorted(LEGACY_NOTES + [
        ("S1", "info", 1, "input detected as Langdock's legacy SSE events; converted to the AI SDK 5 UI message "
                          "stream"), S9_V5])
    assert result.extras == {"input_format": "legacy-sse", "stream_format": "ui-message-stream",
                             "headers": V5_HEADERS}


def test_legacy_events_become_a_v4_stream():
    result, notes = convert(LEGACY, stream_format="data-stream")
    assert result.output == (
        'f:{"messageId":"msg_stream_0"}\n0:"Hi "\n0:"{\\"k\\": \\"ö\\"}"\n2:[{"type":"tool","name":"x"}]\n'
        '3:"bad"\n0:"again"\ne:{"finishReason":"stop","isContinued":false}\nd:{"finishReason":"stop"}\n')
    assert notes == sorted(LEGACY_NOTES + [
        ("S1", "info", 1, "input detected as Langdock's legacy SSE events; converted to the AI SDK 4 data stream"),
        S9_V4])
    assert result.extras == {"input_format": "legacy-sse", "stream_format": "data-stream", "headers": V4_HEADERS}


def test_legacy_stream_without_done_is_closed_as_unknown():
    result, notes = convert('data: {"type":"message","content":"x"}\n\n', stream_format="data-stream")
    assert result.output == ('f:{"messageId":"msg_stream_0"}\n0:"x"\ne:{"finishReason":"unknown","isContinued":false}'
                             '\nd:{"finishReason":"unknown"}\n')
    assert ("S4", "warning", 1, "the transcript ended without `done`; the stream was closed with finish reason "
                                "`unknown`") in notes


def test_legacy_stream_without_events_is_closed_at_line_one():
    result, notes = convert(": only a comment\n")
    assert result.output == v5({"type": "start", "messageId": "msg_stream_0"}, {"type": "start-step"},
                               {"type": "finish-step"}, {"type": "finish"})
    assert ("S4", "warning", 1, "the transcript ended without `done`; the stream was closed with finish reason "
                                "`unknown`") in notes


@pytest.mark.parametrize("event, text", [
    ({"type": "error", "errorText": "a", "error": "b"}, "a"),
    ({"type": "error", "error": "b", "message": "c"}, "b"),
    ({"type": "error", "message": "c", "content": "d"}, "c"),
    ({"type": "error", "content": "d"}, "d"),
    ({"type": "error", "message": {"message": "e"}}, "e"),
    ({"type": "error", "error": 5, "note": "ü"}, '{"type": "error", "error": 5, "note": "ü"}'),
])
def test_legacy_error_text(event, text):
    result, _ = convert(f"data: {json.dumps(event)}\ndata: {{\"type\":\"done\"}}\n")
    assert result.output == v5({"type": "start", "messageId": "msg_stream_0"}, {"type": "start-step"},
                               {"type": "error", "errorText": text}, {"type": "finish-step"}, {"type": "finish"})


V4 = "\n".join([
    'f:{"messageId":"m1"}',
    '0:"Hel"',
    'g:"think"',
    '0:"lo"',
    '1:"one"',
    '9:{"toolCallId":"c1","toolName":"t","args":{"a":1}}',
    'a:{"toolCallId":"c1","result":{"ok":true}}',
    'b:{"toolCallId":"c2","toolName":"u"}',
    'c:{"toolCallId":"c2","argsTextDelta":"{}"}',
    '3:"oops"',
    'h:{"sourceType":"url","id":"s1","url":"https://x.example","title":"X"}',
    'h:{"sourceType":"url","id":"s2","url":"https://y.example"}',
    'k:{"data":"AAA=","mimeType":"image/png"}',
    '2:[{"a":1},2]',
    '8:[{"note":1}]',
    'i:{"data":"x"}',
    'e:{"finishReason":"tool-calls","usage":{"promptTokens":1},"isContinued":false}',
    'd:{"finishReason":"stop","usage":{"promptTokens":1}}',
]) + "\n"


def test_every_v4_code_becomes_its_v5_chunk():
    result, notes = convert(V4)
    assert result.output == v5(
        {"type": "start", "messageId": "m1"}, {"type": "start-step"},
        {"type": "text-start", "id": "txt_0"}, {"type": "text-delta", "id": "txt_0", "delta": "Hel"},
        {"type": "text-end", "id": "txt_0"},
        {"type": "reasoning-start", "id": "rsn_0"}, {"type": "reasoning-delta", "id": "rsn_0", "delta": "think"},
        {"type": "reasoning-end", "id": "rsn_0"},
        {"type": "text-start", "id": "txt_1"}, {"type": "text-delta", "id": "txt_1", "delta": "lo"},
        {"type": "text-delta", "id": "txt_1", "delta": "one"}, {"type": "text-end", "id": "txt_1"},
        {"type": "tool-input-available", "toolCallId": "c1", "toolName": "t", "input": {"a": 1}},
        {"type": "tool-output-available", "toolCallId": "c1", "output": {"ok": True}},
        {"type": "tool-input-start", "toolCallId": "c2", "toolName": "u"},
        {"type": "tool-input-delta", "toolCallId": "c2", "inputTextDelta": "{}"},
        {"type": "error", "errorText": "oops"},
        {"type": "source-url", "sourceId": "s1", "url": "https://x.example", "title": "X"},
        {"type": "source-url", "sourceId": "s2", "url": "https://y.example"},
        {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,AAA="},
        {"type": "data-v4", "data": {"a": 1}}, {"type": "data-v4", "data": 2},
        {"type": "message-metadata", "messageMetadata": {"annotations": [{"note": 1}]}},
        {"type": "finish-step"}, {"type": "finish"})
    assert notes == sorted([
        ("S1", "info", 1, "input detected as the AI SDK 4 data stream; converted to the AI SDK 5 UI message stream"),
        S9_V5,
        ("S8", "warning", 5, "`1:` is not a valid AI SDK 4 code (the migration guide's example is wrong); the line "
                             "was read as text"),
        ("S8", "info", 15, "message annotations became message-metadata ({annotations: [...]}); read them from "
                           "message.metadata"),
        ("S8", "warning", 16, "`i:` (redacted reasoning / reasoning signature) has no UI-stream chunk and was "
                              "dropped"),
        ("S8", "info", 17, "token usage has no place in v5 stream chunks; send it as messageMetadata if the client "
                           "needs it"),
    ])
    assert result.extras == {"input_format": "data-stream", "stream_format": "ui-message-stream",
                             "headers": V5_HEADERS}


def test_v4_without_finish_gets_one_and_no_message_id():
    result, notes = convert('0:"x"\n1:5\ne:{"finishReason":"length"}\n')
    assert result.output == v5({"type": "start"}, {"type": "text-start", "id": "txt_0"},
                               {"type": "text-delta", "id": "txt_0", "delta": "x"},
                               {"type": "text-delta", "id": "txt_0", "delta": "5"},
                               {"type": "text-end", "id": "txt_0"}, {"type": "finish-step"}, {"type": "finish"})
    assert ("S4", "warning", 3, "the stream ended without `d:` (finish); a `finish` chunk was added") in notes


def test_a_v4_stream_asked_for_as_v4_comes_back_as_it_was():
    text = '0:"x"\nd:{"finishReason":"stop"}\n'
    result, notes = convert(text, stream_format="data-stream")
    assert result.output == text
    assert notes == [("S10", "info", 1, "already a data-stream transcript; nothing to convert")]
    assert result.extras == {"input_format": "data-stream", "stream_format": "data-stream", "headers": V4_HEADERS}


def test_a_v5_stream_is_never_turned_back_into_v4():
    text = v5({"type": "start"}, {"type": "finish"})
    result, notes = convert(text, stream_format="data-stream")
    assert result.output == text
    assert notes == [("S10", "info", 1, "this is already an AI SDK 5 UI message stream; it is not turned back into "
                                        "the older data stream")]
    assert result.extras == {"input_format": "ui-message-stream", "stream_format": "ui-message-stream",
                             "headers": V5_HEADERS}


def test_a_v5_stream_asked_for_as_v5_comes_back_as_it_was():
    text = v5({"type": "start"}, {"type": "finish"})
    result, notes = convert(text)
    assert result.output == text
    assert notes == [("S10", "info", 1, "already a ui-message-stream transcript; nothing to convert")]


@pytest.mark.parametrize("first", ["event: message", "id: 7", "retry: 10", ": hello"])
def test_a_transcript_opening_with_another_sse_field_is_read_as_sse(first):
    result, _ = convert(f'{first}\ndata: {{"type":"done"}}\n')
    assert result.extras["input_format"] == "legacy-sse"


def test_the_v4_writer_skips_block_markers_and_notes_chunks_it_cannot_write():
    ctx = Context(kind="langdock-stream", source="")
    chunks = [{"type": "start"}, {"type": "start-step"}, {"type": "reasoning-start", "id": "rsn_0"},
              {"type": "reasoning-delta", "id": "rsn_0", "delta": "hm"}, {"type": "reasoning-end", "id": "rsn_0"},
              {"type": "text-start", "id": "txt_0"}, {"type": "text-end", "id": "txt_0"},
              {"type": "source-url", "sourceId": "s", "url": "u"}, {"type": "finish-step"}, {"type": "finish"}]
    assert write_v4(chunks, ctx) == ('g:"hm"\ne:{"finishReason":"unknown","isContinued":false}\n'
                                     'd:{"finishReason":"unknown"}\n')
    assert [(n.rule, n.severity, n.message) for n in ctx.finish()] == [
        ("S3", "warning", "chunk 'source-url' has no data-stream line and was left out")]
    assert write_v4([], ctx) == ""


def test_blank_lines_before_the_first_event_are_skipped():
    result, _ = convert('\n  \ndata: {"type":"done"}\n')
    assert result.extras["input_format"] == "legacy-sse"
    assert result.output == v5({"type": "start", "messageId": "msg_stream_0"}, {"type": "start-step"},
                               {"type": "finish-step"}, {"type": "finish"})


def test_block_ids_count_up_per_kind():
    result, _ = convert('0:"a"\ng:"b"\n0:"c"\ng:"d"\n0:"e"\nd:{"finishReason":"stop"}\n')
    ids = [c["id"] for c in (json.loads(b[6:]) for b in result.output.split("\n\n") if b.startswith("data: {"))
           if c["type"].endswith("-start")]
    assert ids == ["txt_0", "rsn_0", "txt_1", "rsn_1", "txt_2"]


def test_legacy_done_markers_and_every_event_after_done():
    text = ('data: [DONE]\ndata: {"type":"message","content":"a"}\ndata: {"type":"done"}\n'
            'data: {"type":"message","content":"b"}\ndata: {"type":"message","content":"c"}\n')
    result, notes = convert(text)
    assert result.output == v5({"type": "start", "messageId": "msg_stream_0"}, {"type": "start-step"},
                               {"type": "text-start", "id": "txt_0"},
                               {"type": "text-delta", "id": "txt_0", "delta": "a"}, {"type": "text-end", "id": "txt_0"},
                               {"type": "finish-step"}, {"type": "finish"})
    assert [n for n in notes if n[0] == "S4"] == [("S4", "warning", 4, "an event after `done` was dropped"),
                                                  ("S4", "warning", 5, "an event after `done` was dropped")]


def test_a_legacy_stream_without_done_is_noted_at_its_last_event():
    _, notes = convert('data: {"type":"message","content":"a"}\n\ndata: {"type":"message","content":"b"}\n')
    assert [n for n in notes if n[0] == "S4"] == [
        ("S4", "warning", 3, "the transcript ended without `done`; the stream was closed with finish reason "
                             "`unknown`")]
