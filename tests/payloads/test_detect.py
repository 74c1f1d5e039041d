"""detect_payload_kind: which kind a text is, None for code, never an exception."""
from __future__ import annotations

import json

import pytest

from helpers.payloads import PAYLOAD_KINDS, convert_payload, detect_payload_kind

from . import examples as ex


@pytest.mark.parametrize(
    "text, kind",
    [
        (ex.THREAD_BEFORE, "foundry-thread"),
        (json.dumps(ex.CONVERSATION_AFTER), "foundry-thread"),
        (ex.RUN_BEFORE, "foundry-run"),
        (json.dumps(ex.RESPONSE_AFTER), "foundry-run"),
        (ex.AGENT_BEFORE, "foundry-agent"),
        (json.dumps(ex.AGENT_AFTER), "foundry-agent"),
        ('{"id": "m", "object": "thread.message", "role": "user", "content": []}', "foundry-message"),
        ('{"type": "message", "role": "user", "content": []}', "foundry-message"),
        ('{"object": "list", "data": [{"object": "thread.message"}], "first_id": "a"}', "foundry-message-list"),
        ('{"object": "list", "data": [], "first_id": null, "last_id": null, "has_more": false}', "foundry-message-list"),
        (ex.LD_REQUEST_BEFORE, "langdock-chat-request"),
        (json.dumps(ex.REF_REQUEST_AFTER), "langdock-chat-request"),
        ('[{"role": "user", "content": "hi"}]', "langdock-chat-request"),
        ('{"messages": [{"role": "user", "content": "hi"}]}', "langdock-chat-request"),
        (ex.LD_RESPONSE_BEFORE, "langdock-chat-response"),
        (json.dumps(ex.REF_RESPONSE_SHAPE1), "langdock-chat-response"),
        (json.dumps(ex.REF_RESPONSE_SHAPE2), "langdock-chat-response"),
        ('{"assistantId": "x", "disabled": true}', "langdock-agent-request"),
        ('{"status": "success", "assistant": {"id": "x"}}', "langdock-agent-request"),
        ('{"name": "Bot", "instruction": "Be brief."}', "langdock-agent-request"),
        ('{"object": "list", "data": [{"id": "gpt-4o", "object": "model"}]}', "json"),
        ('{"hello": "world"}', "json"),
        ("[1, 2, 3]", "json"),
    ],
)
def test_detects(text, kind):
    assert detect_payload_kind(text) == kind
    assert kind in PAYLOAD_KINDS


@pytest.mark.parametrize(
    "text",
    [
        "", "   \n", "import os\nprint(os.getcwd())\n", "const x = {a: 1};", "{'a': 1}", "42", '"text"',
        "null", "{", "data = {'a': 1}\n", "a: int = 3\n", "data: dict = {}\n", "event: x\n",
        'data: {"type":"message"}\n0:"mixed"\n', "\x00\x01", "# data: {}\n",
    ],
)
def test_not_a_payload(text):
    assert detect_payload_kind(text) is None


@pytest.mark.parametrize("value", [None, 3, b"{}", ["x"]])
def test_never_raises_on_non_text(value):
    assert detect_payload_kind(value) is None


def test_json_kind_is_returned_unchanged_with_a_note():
    text = '{"hello": "world"}'
    result = convert_payload(text)
    assert result.kind == "json" and not result.changed and result.notes
