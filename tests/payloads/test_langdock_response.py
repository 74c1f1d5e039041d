"""R1-R6: Langdock chat responses in both target shapes; B1-B4: build endpoint bodies."""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload
from helpers.payloads.models.langdock import (
    AgentChatResponse,
    AgentCreateBody,
    AgentDisableBody,
    AgentEnvelope,
    AgentUIMessageResponse,
    AgentUpdateBody,
)

from . import examples as ex


def convert(obj, **options):
    return convert_payload(json.dumps(obj), **options)


def test_guide_response_example():
    result = convert_payload(ex.LD_RESPONSE_BEFORE)
    assert result.kind == "langdock-chat-response"
    assert json.loads(result.output) == ex.LD_RESPONSE_AFTER
    AgentChatResponse.model_validate(json.loads(result.output))


def test_reference_response_shape_1_with_notes():
    result = convert_payload(ex.REF_RESPONSE_BEFORE)
    assert json.loads(result.output) == ex.REF_RESPONSE_SHAPE1
    by_rule = {n.rule: n for n in result.notes}
    assert "search_contracts" in by_rule["R3"].message and by_rule["R3"].path == "result[0].content[0]"
    assert by_rule["R4"].path == "result[1]"
    assert "2 text parts" in by_rule["R2"].message
    assert result.extras == {"response_shape": "messages", "detected_shape": "legacy-result"}


def test_reference_response_shape_2():
    result = convert_payload(ex.REF_RESPONSE_BEFORE, response_shape="ui-message")
    assert json.loads(result.output) == ex.REF_RESPONSE_SHAPE2
    AgentUIMessageResponse.model_validate(json.loads(result.output))


TEXT = {"type": "text", "text": "ok"}


@pytest.mark.parametrize(
    "before, shape, after",
    [
        # R6: empty result
        ({"result": []}, "messages", {"messages": []}),
        # R6: two assistant text messages → two entries
        ({"result": [{"id": "a", "role": "assistant", "content": [TEXT]},
                     {"id": "b", "role": "assistant", "content": [TEXT]}]}, "messages",
         {"messages": [{"id": "a", "role": "assistant", "content": "ok"},
                       {"id": "b", "role": "assistant", "content": "ok"}]}),
        # R1: enum output kept as is
        ({"result": [{"id": "a", "role": "assistant", "content": [TEXT]}], "output": "yes"}, "messages",
         {"messages": [{"id": "a", "role": "assistant", "content": "ok"}], "output": "yes"}),
        # R3: a call without result stays input-available; an error result → output-error
        ({"result": [{"id": "a", "role": "assistant", "content": [
            {"type": "tool-call", "toolCallId": "c1", "toolName": "t", "args": {}},
            {"type": "tool-call", "toolCallId": "c2", "toolName": "u", "args": {"x": 1}}]},
            {"id": "b", "role": "tool", "content": [
                {"type": "tool-result", "toolCallId": "c2", "toolName": "u", "result": "boom", "isError": True}]}]},
         "ui-message",
         {"id": "a", "role": "assistant", "parts": [
             {"type": "step-start"},
             {"type": "tool-t", "toolCallId": "c1", "state": "input-available", "input": {}},
             {"type": "tool-u", "toolCallId": "c2", "state": "output-error", "input": {"x": 1}, "errorText": "boom"}]}),
        # R5: reasoning and file map, unknown parts are kept under metadata
        ({"result": [{"id": "a", "role": "assistant", "content": [
            {"type": "reasoning", "text": "hmm"}, {"type": "file", "mimeType": "image/png", "data": "AAA="},
            {"type": "image", "image": "x"}, TEXT]}]}, "ui-message",
         {"id": "a", "role": "assistant", "parts": [
             {"type": "step-start"}, {"type": "reasoning", "text": "hmm"},
             {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,AAA="},
             {"type": "text", "text": "ok"}],
          "metadata": {"unconverted": [{"type": "image", "image": "x"}]}}),
    ],
)
def test_response_rules(before, shape, after):
    assert json.loads(convert(before, response_shape=shape).output) == after


@pytest.mark.parametrize(
    "before, rule, path",
    [
        ({"result": []}, "R6", "result"),
        ({"result": [{"id": "a", "role": "assistant", "content": [{"type": "reasoning", "text": "x"}, TEXT]}]},
         "R5", "result[0].content[0]"),
        ({"result": [{"id": "a", "role": "assistant", "content": [TEXT]}], "usage": {}}, "R1", "usage"),
    ],
)
def test_response_notes(before, rule, path):
    assert any(n.rule == rule and n.path == path for n in convert(before).notes)


@pytest.mark.parametrize("shape", ["messages", "ui-message"])
@pytest.mark.parametrize("text", [json.dumps(ex.REF_RESPONSE_SHAPE1, indent=2), json.dumps(ex.REF_RESPONSE_SHAPE2)])
def test_converted_responses_stay_unchanged(text, shape):
    result = convert_payload(text, response_shape=shape)
    assert result.kind == "langdock-chat-response" and not result.changed


# --- build endpoints ------------------------------------------------------------------


NEW_MODELS = {"update-body": AgentUpdateBody, "disable-body": AgentDisableBody, "response": AgentEnvelope,
              "create-body": AgentCreateBody}


@pytest.mark.parametrize(
    "before, after, sub_shape",
    [
        ({"assistantId": "7d1f", "creativity": 0.2}, {"agentId": "7d1f", "creativity": 0.2}, "update-body"),
        ({"assistantId": "7d1f", "disabled": True}, {"agentId": "7d1f", "disabled": True}, "disable-body"),
        ({"assistantId": "7d1f"}, {"agentId": "7d1f"}, "get-query"),
        ({"status": "success", "assistant": {"id": "7d1f", "name": "Bot", "emojiIcon": "🤖"}},
         {"status": "success", "agent": {"id": "7d1f", "name": "Bot", "emojiIcon": "🤖"}}, "response"),
        ({"status": "success", "message": "Assistant created", "assistant": {"id": "7d1f"}},
         {"status": "success", "message": "Assistant created", "agent": {"id": "7d1f"}}, "response"),
        ({"name": "Bot", "instruction": "Be brief.", "creativity": 0.3, "attachments": ["f1"]},
         {"name": "Bot", "instruction": "Be brief.", "creativity": 0.3, "attachments": ["f1"]}, "create-body"),
    ],
)
def test_agent_bodies(before, after, sub_shape):
    result = convert(before)
    assert result.kind == "langdock-agent-request"
    assert json.loads(result.output) == after
    assert result.extras["sub_shape"] == sub_shape
    model = NEW_MODELS.get(sub_shape)
    if model is not None:
        model.model_validate(json.loads(result.output))
    again = convert_payload(result.output)
    assert not again.changed


def test_update_body_gets_the_publish_note():
    notes = convert({"assistantId": "7d1f", "creativity": 0.2}).notes
    assert any(n.rule == "B4" and "publish" in n.message for n in notes)


def test_assistant_id_value_is_never_renamed():
    out = json.loads(convert({"assistantId": "assistantId"}).output)
    assert out == {"agentId": "assistantId"}


@pytest.mark.parametrize(
    "model, legacy",
    [(AgentUpdateBody, {"assistantId": "a", "creativity": 0.2}), (AgentDisableBody, {"assistantId": "a", "disabled": True}),
     (AgentEnvelope, {"status": "success", "assistant": {"id": "a"}}),
     (AgentChatResponse, json.loads(ex.LD_RESPONSE_BEFORE))],
)
def test_legacy_bodies_do_not_pass_the_new_models(model, legacy):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        model.model_validate(legacy)
