"""Shared text for the tests/langdock/test_mut_pymisc_* files: the run-time helpers a
converted Python module gets, written out by hand as the converter must insert them."""
from __future__ import annotations

from helpers.langdock.python_requests import convert_langdock_python

LD = "https://api.langdock.com"
CHAT_OLD = f'URL = "{LD}/assistant/v1/chat/completions"\n'
CHAT_NEW = f'URL = "{LD}/agent/v1/chat/completions"\n'

TO_UI_MESSAGES = '''

def to_ui_messages(messages):
    """Chat messages as the Agents API takes them; ones with `parts` stay as they are."""
    converted = []
    for index, message in enumerate(messages):
        if "parts" in message:
            converted.append(message)
            continue
        new = {"id": message.get("id") or f"msg_{index}", "role": message["role"],
               "parts": [{"type": "text", "text": message.get("content") or ""}]}
        if message.get("attachmentIds"):
            new["metadata"] = {"attachments": message["attachmentIds"]}
        converted.append(new)
    return converted
'''

TO_AGENT_REQUEST = '''

def to_agent_request(body):
    """A chat request body as the Agents API takes it: agentId/agent and UI messages."""
    body = dict(body)
    if "assistantId" in body:
        body["agentId"] = body.pop("assistantId")
    if "assistant" in body:
        body["agent"] = body.pop("assistant")
    body["messages"] = to_ui_messages(body.get("messages") or [])
    return body
'''

LANGDOCK_TEXT = '''

def langdock_text(message):
    """Text of an Agents API message: its `content` string or its text `parts`."""
    if isinstance(message.get("content"), str):
        return message["content"]
    return "".join(part.get("text", "") for part in message.get("parts") or []
                   if part.get("type") == "text")
'''

# the first words of the advice texts (helpers/langdock/advice.py), to tell notes apart
FORWARDED_MESSAGES = "These messages come from outside the code the converter can see"
FORWARDED_BODY = "This request body is built outside the code the converter can see"
IDS = "Messages now need an `id`; deterministic ids (`msg_0`, ...) were inserted"


def assert_notes(result, expected: list[tuple[int, str, str, str]]) -> None:
    """The notes are exactly `expected`: (line, severity, rule, a piece of the message)."""
    got = [(n.line, n.severity, n.rule) for n in result.notes]
    assert got == [e[:3] for e in expected], got
    for note, (*_, piece) in zip(result.notes, expected):
        assert piece in note.message, (note.message, piece)


def converted(code: str):
    """Convert `code`, check that a second run changes nothing, return the result."""
    result = convert_langdock_python(code)
    again = convert_langdock_python(result.output)
    assert again.output == result.output
    return result
