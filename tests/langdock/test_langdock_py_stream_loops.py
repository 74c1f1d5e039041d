"""Python loops over the legacy stream (rule langdock-sse-loop) and OpenAI-style chunk
readers (langdock-stream-consumer).

Legacy events are `{"type": "message", "content": ...}` and `{"type": "done"}`; the Agents
API streams `text-delta` events with `delta` and `finish` (reference, 2.4 and 3.5). Only a
loop over the response's lines that leaves at `done` is rewritten; others get a note.
"""
from __future__ import annotations

import pytest
from _langdock_kit import py_parses

from helpers.langdock.python_requests import convert_langdock_python

RULE = "langdock-sse-loop"
REWRITTEN = "now reads the AI SDK 5 UI message stream"
NOTED = "This loop parses the legacy stream"
HEAD = ('import json\nimport requests\n\n'
        'URL = "https://api.langdock.com/assistant/v1/chat/completions"\n'
        'r = requests.post(URL, json={"assistantId": "a", "messages": []}, stream=True)\n')
NEW_HEAD = HEAD.replace("/assistant/v1/", "/agent/v1/").replace('"assistantId"', '"agentId"')


def _loop(lines: str, done_check: str, leave: str) -> str:
    return (f"for line in {lines}:\n"
            "    event = json.loads(line)\n"
            '    if event["type"] == "message":\n'
            '        print(event["content"])\n'
            f"    if {done_check}:\n"
            f"        {leave}\n")


@pytest.mark.parametrize("lines", ["r.iter_lines()", "r.content", "await r.aiter_lines()"],
                         ids=["iter-lines-call", "content-attribute", "awaited"])
def test_line_loop_that_leaves_at_done_is_rewritten(lines):
    result = convert_langdock_python(HEAD + _loop(lines, '"done" == event.get("type")', "break"))
    assert result.output == NEW_HEAD + (
        f"for line in {lines}:\n"
        "    event = json.loads(line)\n"
        '    if event["type"] == "text-delta":\n'
        '        print(event["delta"])\n'
        '    if "finish" == event.get("type"):\n'
        "        break\n")
    [note] = result.notes
    assert (note.line, note.column, note.rule) == (6, 1, RULE) and REWRITTEN in note.message
    assert py_parses(result.output)
    assert convert_langdock_python(result.output).output == result.output


def test_loop_over_something_else_than_lines_is_left_alone():
    code = HEAD + _loop("events", 'event["type"] == "done"', "break")
    result = convert_langdock_python(code)
    assert result.output == NEW_HEAD + _loop("events", 'event["type"] == "done"', "break")
    assert RULE not in [n.rule for n in result.notes]


@pytest.mark.parametrize("done_check,leave", [
    ('event["type"] == "done"', "finished = True"),   # checks done, never leaves
    ('line == b""', "break"),                          # leaves, but not at done
], ids=["never-leaves", "leaves-elsewhere"])
def test_loop_that_does_not_leave_at_done_is_noted_not_rewritten(done_check, leave):
    loop = _loop("r.iter_lines()", done_check, leave)
    result = convert_langdock_python(HEAD + loop)
    assert result.output == NEW_HEAD + loop
    [note] = [n for n in result.notes if n.rule == RULE]
    assert note.line == 6 and NOTED in note.message


def test_loop_that_skips_other_events_is_rewritten_whole():
    # was a bug: the `!=` check kept "message", so the rewritten loop skipped every event
    loop = ("for line in r.iter_lines():\n"
            "    event = json.loads(line[6:])\n"
            '    if event["type"] == "done":\n'
            "        break\n"
            '    if event["type"] != "message":\n'
            "        continue\n"
            '    print(event["content"], end="")\n')
    result = convert_langdock_python(HEAD + loop)
    assert result.output == NEW_HEAD + loop.replace('"done"', '"finish"').replace(
        '"message"', '"text-delta"').replace('event["content"]', 'event["delta"]')


def test_openai_style_chunk_reads_are_noted():
    code = HEAD + (
        "for line in r.iter_lines():\n"
        "    chunk = json.loads(line)\n"
        '    print(chunk["choices"][0]["delta"])\n'
        '    print(chunk.get("choices")[0]["delta"])\n'
        '    print(chunk["items"][0]["delta"])\n'
        '    print(chunk.get("items")[0]["delta"])\n'
        '    print(chunk["choices"]["first"]["delta"])\n'
        '    print(chunk.pop("choices")[0]["delta"])\n')
    result = convert_langdock_python(code)
    assert result.output == NEW_HEAD + code[len(HEAD):]
    assert [(n.line, n.rule) for n in result.notes] == [
        (8, "langdock-stream-consumer"), (9, "langdock-stream-consumer")]
