"""Detection at the edges of each rule (helpers/payloads/detect.py): limits, keys and mixed lines."""
from __future__ import annotations

import json

import pytest

from helpers.payloads import detect_payload_kind

CHAT = {"role": "user", "content": "hi"}
ANSWER = {"role": "assistant", "content": "hello"}
JUNK = {"id": "x", "object": "model"}


@pytest.mark.parametrize("value, kind", [
    ({"object": "agent", "versions": {}}, "foundry-agent"),
    ({"object": "agent"}, "json"),
    ({"object": "x", "versions": 1}, "json"),
    ({"object": "list", "data": 5}, "json"),
    ({"data": [{"object": "thread.message"}]}, "json"),
    ({"object": "list", "data": [{"type": "message"}]}, "foundry-message-list"),
    ({"object": "list", "data": []}, "json"),
    ({"object": "list", "data": [JUNK] * 20 + [{"object": "thread.message"}]}, "json"),
    ({"object": "list", "data": [JUNK] * 19 + [{"object": "thread.message"}]}, "foundry-message-list"),
    ({"messages": "x", "assistantId": 1}, "langdock-chat-request"),
    ({"messages": "x", "assistant": 1}, "langdock-chat-request"),
    ({"messages": "x", "agentId": 1}, "langdock-chat-request"),
    ({"messages": "x", "agent": 1}, "langdock-chat-request"),
    ({"messages": "x"}, "json"),
    ({"messages": [ANSWER], "agentId": "a"}, "langdock-chat-request"),
    ({"messages": [ANSWER]}, "langdock-chat-response"),
    ({"messages": [ANSWER] * 50 + [CHAT]}, "langdock-chat-response"),
    ({"messages": [ANSWER] * 49 + [CHAT]}, "langdock-chat-request"),
    ({"messages": []}, "langdock-chat-request"),
    ({"role": "user", "attachmentIds": []}, "langdock-chat-request"),
    ({"role": "user", "parts": []}, "langdock-chat-request"),
    ({"role": "assistant", "parts": "x"}, "json"),
    ({"role": "user", "object": "x", "content": "c"}, "json"),
    ({"role": "user"}, "json"),
    ({"agentId": "a"}, "langdock-agent-request"),
    ({"agent": {}, "status": "ok"}, "langdock-agent-request"),
    ({"agent": {}}, "json"),
    ({"assistant": "a", "status": "ok"}, "json"),
    ({"status": "ok"}, "json"),
    ({"name": "x"}, "json"),
    ({"name": "x", "emoji": "🤖"}, "langdock-agent-request"),
    ({"instruction": "x"}, "json"),
])
def test_objects(value, kind):
    assert detect_payload_kind(json.dumps(value)) == kind


@pytest.mark.parametrize("value, kind", [
    ([CHAT, 5], "json"),
    ([CHAT] * 51, "langdock-chat-request"),
    ([CHAT] * 50 + [5], "langdock-chat-request"),  # only the first 50 are read
    ([{"type": "message", "role": "user", "content": []}], "foundry-message-list"),
    ([{"type": "message", "object": "x"}], "json"),
    ([{"role": "user"}], "json"),
    ([{"role": "user", "parts": []}], "langdock-chat-request"),
    ([{"content": "x"}], "json"),
    ([], "json"),
])
def test_arrays(value, kind):
    assert detect_payload_kind(json.dumps(value)) == kind


DATA = 'data: {"type": "text-delta"}'


@pytest.mark.parametrize("text, is_stream", [
    ("\n".join([DATA] * 19 + ["hello"]), False),  # the 20th line is still read
    ("\n".join([DATA] * 20 + ["hello"]), True),  # the 21st is not
    ("\n".join([DATA] * 25 + ["hello"]), True),
    (DATA + "\n\nhello", False),  # blank lines are skipped, not the end
    ("data:{}", True),
    ("data:[1]", True),
    ("data: nonsense", False),
    ("event: message\n" + DATA, True),
    ("\n".join([DATA] * 4 + ["event: message"]), False),  # SSE fields only among the first lines
    ("\n".join(["id: 1"] * 3 + [DATA]), True),
    ("\n".join(["id: 1"] * 4 + [DATA]), True),
    ("\n".join(["id: 1"] * 5 + [DATA]), False),  # the fifth line may no longer be a field
    ('0:"a"\n' + DATA, False),  # never mixed
    (DATA + '\n0:"a"', False),
    ('0:"a"\n9:{"toolCallId": "c"}', True),
    ('0:"a"\nz:"b"', False),
    ('0:"a"\n0:{bad', False),
    ("event: message", False),
])
def test_streams(text, is_stream):
    assert (detect_payload_kind(text) == "langdock-stream") is is_stream
