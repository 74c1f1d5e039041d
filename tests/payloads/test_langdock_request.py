"""C1-C10: Langdock chat requests, per rule, plus the guide's and the reference's examples."""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload
from helpers.payloads.models.langdock import AgentChatRequest

from . import examples as ex

KIND = "langdock-chat-request"


def convert(obj, **options):
    return convert_payload(json.dumps(obj), **options)


def out(obj):
    return json.loads(convert(obj).output)


def rules(result):
    return {n.rule for n in result.notes}


def test_guide_request_example():
    result = convert_payload(ex.LD_REQUEST_BEFORE)
    assert result.kind == KIND
    assert json.loads(result.output) == ex.LD_REQUEST_AFTER
    AgentChatRequest.model_validate(json.loads(result.output))


def test_guide_complete_example():
    assert json.loads(convert_payload(ex.LD_COMPLETE_BEFORE).output) == ex.LD_COMPLETE_AFTER


def test_reference_example():
    result = convert_payload(ex.REF_REQUEST_BEFORE)
    assert json.loads(result.output) == ex.REF_REQUEST_AFTER
    c2 = [n for n in result.notes if n.rule == "C2"]
    assert len(c2) == 1 and "randomUUID" in c2[0].message and c2[0].line == 3


USER = {"role": "user", "content": "Hi"}


@pytest.mark.parametrize(
    "before, after",
    [
        # C1
        ({"assistantId": "u-1", "messages": []}, {"agentId": "u-1", "messages": []}),
        ({"assistant": {"name": "Reviewer", "instructions": "Be brief.", "model": "gpt-5-mini"}, "messages": []},
         {"agent": {"name": "Reviewer", "instructions": "Be brief.", "model": "gpt-5-mini"}, "messages": []}),
        ({"messages": [], "assistantId": "u-1"}, {"messages": [], "agentId": "u-1"}),  # key order kept
        # C2
        ({"agentId": "a", "messages": [USER, USER]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]},
                                       {"id": "msg_1", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}]}),
        ({"agentId": "a", "messages": [{"id": "msg_1", **USER}, USER]},
         {"agentId": "a", "messages": [{"id": "msg_1", "role": "user", "parts": [{"type": "text", "text": "Hi"}]},
                                       {"id": "msg_1_1", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}]}),
        # C3: whitespace kept exactly
        ({"agentId": "a", "messages": [{"role": "user", "content": "  two\nlines \t"}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "  two\nlines \t"}]}]}),
        # C4
        ({"agentId": "a", "messages": [{"role": "user", "content": ""}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": ""}]}]}),
        ({"agentId": "a", "messages": [{"role": "user", "content": None}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": ""}]}]}),
        ({"agentId": "a", "messages": [{"role": "user", "attachmentIds": ["f1"]}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "metadata": {"attachments": ["f1"]},
                                        "parts": [{"type": "text", "text": ""}]}]}),
        # C5
        ({"agentId": "a", "messages": [{"role": "user", "content": [
            {"type": "text", "text": "Look:"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [
             {"type": "text", "text": "Look:"},
             {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,iVBORw0KGgo="}]}]}),
        ({"agentId": "a", "messages": [{"role": "user", "content": [
            {"type": "image_url", "image_url": "https://example.org/cat.jpg"}]}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [
             {"type": "text", "text": ""},
             {"type": "file", "mediaType": "image/jpeg", "url": "https://example.org/cat.jpg"}]}]}),
        ({"agentId": "a", "messages": [{"role": "user", "content": [{"type": "text", "text": "x"},
                                                                    {"type": "audio", "data": "…"}]}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "x"}],
                                        "metadata": {"unconverted": [{"type": "audio", "data": "…"}]}}]}),
        # C6
        ({"agentId": "a", "messages": [{"role": "user", "content": "x", "attachmentIds": ["f1", "f2"],
                                        "metadata": {"attachments": ["f0", "f1"], "topic": "t"}}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "x"}],
                                        "metadata": {"attachments": ["f0", "f1", "f2"], "topic": "t"}}]}),
        ({"agentId": "a", "messages": [{"role": "user", "content": "x", "attachmentIds": []}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "x"}],
                                        "metadata": {"attachments": []}}]}),
        # C7: roles unchanged
        ({"agentId": "a", "messages": [{"role": "system", "content": "Be nice."}, {"role": "tool", "content": "42"}]},
         {"agentId": "a", "messages": [{"id": "msg_0", "role": "system", "parts": [{"type": "text", "text": "Be nice."}]},
                                       {"id": "msg_1", "role": "tool", "parts": [{"type": "text", "text": "42"}]}]}),
        # C8: both content and parts → parts wins, differing content kept
        ({"agentId": "a", "messages": [{"id": "m", "role": "user", "content": "old",
                                        "parts": [{"type": "text", "text": "new"}]}]},
         {"agentId": "a", "messages": [{"id": "m", "role": "user", "parts": [{"type": "text", "text": "new"}],
                                        "metadata": {"unconverted": [{"content": "old"}]}}]}),
        # C9: carried over unchanged
        ({"agentId": "a", "messages": [], "temperature": 0.3, "maxSteps": 30, "stream": True},
         {"agentId": "a", "messages": [], "temperature": 0.3, "maxSteps": 30, "stream": True}),
        # bare array of messages
        ([USER], [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}]),
    ],
)
def test_request_rules(before, after):
    result = convert(before)
    assert result.kind == KIND
    assert json.loads(result.output) == after


@pytest.mark.parametrize(
    "before, rule, severity, path",
    [
        ({"assistantId": "u", "assistant": {"name": "n", "instructions": "i"}, "messages": []}, "C1", "error", "agent"),
        ({"messages": [USER]}, "C1", "error", "$"),
        ({"agentId": "a", "assistantId": "b", "messages": []}, "C1", "error", "assistantId"),
        ({"agentId": "a", "messages": [{"id": "x", **USER}, {"id": "x", **USER}]}, "C2", "warning", "messages[1].id"),
        ({"agentId": "a", "messages": [{"role": "user", "content": ""}]}, "C4", "info", "messages[0].content"),
        ({"agentId": "a", "messages": [{"role": "user", "content": None}]}, "C4", "warning", "messages[0].content"),
        ({"agentId": "a", "messages": [{"role": "user", "content": [{"type": "audio"}]}]}, "C5", "warning",
         "messages[0].content[0]"),
        ({"agentId": "a", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}]},
         "C5", "warning", "messages[0].content[0]"),
        ({"agentId": "a", "messages": [{"role": "tool", "content": "1"}]}, "C7", "warning", "messages[0].role"),
        ({"agentId": "a", "messages": [{"role": "system", "content": "1"}]}, "C7", "warning", "messages[0].role"),
        ({"agentId": "a", "messages": [{"role": "robot", "content": "1"}]}, "C7", "error", "messages[0].role"),
        ({"agentId": "a", "messages": [{"id": "m", "role": "user", "content": "x",
                                        "parts": [{"type": "text", "text": "y"}]}]}, "C8", "warning", "messages[0].content"),
        ({"agentId": "a", "messages": [], "max_tokens": 9}, "C9", "warning", "max_tokens"),
        ({"agentId": "a", "messages": [], "attachmentIds": ["f"]}, "C9", "warning", "attachmentIds"),
        ({"agentId": "a", "messages": [], "maxSteps": 0}, "C9", "error", "maxSteps"),
        ({"agentId": "a", "messages": [{"name": "bob", **USER}]}, "C9", "warning", "messages[0].name"),
        ({"agentId": "a", "messages": [], "stream": True}, "C10", "info", "stream"),
    ],
)
def test_request_notes(before, rule, severity, path):
    text = json.dumps(before, indent=2)
    notes = [n for n in convert_payload(text).notes if n.rule == rule and n.path == path]
    assert notes and notes[0].severity == severity
    # the note points into the pasted text: at the field's key, at the array element, or at the top
    key = path.rsplit(".", 1)[-1]
    at = text.splitlines()[notes[0].line - 1][notes[0].column - 1:]
    if path == "$":
        assert (notes[0].line, notes[0].column) == (1, 1)
    elif key.endswith("]"):
        assert at[:1] in ('{', '[', '"')
    elif json.dumps(key) + ":" in text:
        assert at.startswith(json.dumps(key) + ":")
    else:  # a field the input lacks (the note says to add it): it points at the enclosing object
        assert at[:1] in ('{', '"')


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(ex.LD_REQUEST_AFTER, indent=2),
        json.dumps(ex.REF_REQUEST_AFTER),
        '{"agentId":"a","messages":[{"id":"m1","role":"user","parts":[{"type":"text","text":"x"}]}]}',
        '{\n    "agentId": "a",\n    "messages": []\n}\n',
    ],
)
def test_converted_requests_stay_unchanged(text):
    result = convert_payload(text)
    assert result.kind == KIND and not result.changed and result.output == text


@pytest.mark.parametrize("text", [ex.LD_REQUEST_BEFORE, ex.LD_COMPLETE_BEFORE, ex.REF_REQUEST_BEFORE])
def test_round_trip_validates_against_the_new_model_and_is_idempotent(text):
    first = convert_payload(text)
    AgentChatRequest.model_validate(json.loads(first.output))
    second = convert_payload(first.output)
    assert not second.changed and second.output == first.output


def test_layout_of_the_input_is_kept():
    compact = '{"assistantId":"a","messages":[{"role":"user","content":"x"}]}'
    assert convert_payload(compact).output.startswith('{"agentId":"a","messages":[{"id":"msg_0"')
    indented = '{\n    "assistantId": "a",\n    "messages": []\n}\n'
    assert convert_payload(indented).output == '{\n    "agentId": "a",\n    "messages": []\n}\n'


def test_many_notes_of_one_rule_are_summarised():
    doc = {"agentId": "a", "messages": [{"role": "system", "content": str(i)} for i in range(100)]}
    c7 = [n for n in convert(doc).notes if n.rule == "C7"]
    assert len(c7) == 26 and "75 more" in c7[-1].message


# The guide's single-message examples ("Converting Messages", "Common Migration Issues").
GUIDE_OLD_MESSAGE = {"role": "user", "content": "Analyze this document", "attachmentIds": ["uuid-1234"]}
GUIDE_NEW_MESSAGE = {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Analyze this document"}],
                     "metadata": {"attachments": ["uuid-1234"]}}
ISSUE_1_BEFORE = {"role": "user", "parts": [{"type": "text", "text": "..."}]}
ISSUE_1_AFTER = {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "..."}]}
ISSUE_2_BEFORE = {"role": "user", "attachmentIds": ["uuid-1234"], "parts": [{"type": "text", "text": "..."}]}
ISSUE_2_AFTER = {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "..."}],
                 "metadata": {"attachments": ["uuid-1234"]}}


@pytest.mark.parametrize(
    "before, after",
    [(GUIDE_OLD_MESSAGE, GUIDE_NEW_MESSAGE), (ISSUE_1_BEFORE, ISSUE_1_AFTER), (ISSUE_2_BEFORE, ISSUE_2_AFTER)],
)
def test_guide_single_message_examples(before, after):
    result = convert(before)
    assert result.kind == KIND and result.extras["sub_shape"] == "message"
    assert json.loads(result.output) == after
    again = convert_payload(result.output)
    assert again.kind == KIND and not again.changed


def test_single_message_notes_point_into_the_message():
    result = convert_payload('{"role": "system",\n "content": null}')
    paths = {n.path: n.line for n in result.notes}
    assert paths["role"] == 1 and paths["content"] == 2


@pytest.mark.parametrize("text", [ex.LD_REQUEST_BEFORE, ex.REF_REQUEST_BEFORE, ex.LD_COMPLETE_BEFORE])
def test_legacy_requests_do_not_pass_the_new_model(text):
    # The round-trip check above means something only if the new model refuses the old shape.
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        AgentChatRequest.model_validate(json.loads(text))
