"""Langdock chat completions, non-streaming, on both generations: request shapes,
answers validated with the project's payload models, and the refusals."""
from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
import requests

from helpers.payloads.models.langdock import AgentChatResponse, ChatResponseIn, ResponseMessage, TextPart

KEY = {"Authorization": "Bearer test-key"}


@pytest.fixture
def agent_id(svc):
    answer = requests.post(f"{svc.base_url}/assistant/v1/create", headers=KEY,
                           json={"name": "Contracts", "instruction": "Be brief."}, timeout=10)
    return answer.json()["assistant"]["id"]


def legacy_chat(svc, body):
    return requests.post(f"{svc.base_url}/assistant/v1/chat/completions", headers=KEY, json=body, timeout=10)


def agent_chat(svc, body):
    return requests.post(f"{svc.base_url}/agent/v1/chat/completions", headers=KEY, json=body, timeout=10)


def ui(id, role, text, **extra):
    return {"id": id, "role": role, "parts": [{"type": "text", "text": text}], **extra}


def test_legacy_answer_is_a_result_list_of_content_parts(svc, agent_id):
    answer = legacy_chat(svc, {"assistantId": agent_id, "messages": [
        {"role": "user", "content": "Summarise the contract.", "attachmentIds": [str(uuid.uuid4())]}]})
    assert answer.status_code == 200
    data = answer.json()
    assert set(data) == {"result"}
    ChatResponseIn.model_validate(data)
    assert data["result"][0]["role"] == "assistant"
    assert data["result"][0]["content"][0]["text"] == 'Local model: you said "Summarise the contract.".'


def test_agent_answer_is_messages_with_content_and_parts(svc, agent_id):
    answer = agent_chat(svc, {"agentId": agent_id, "messages": [
        ui("m1", "user", "Summarise the contract.", metadata={"attachments": [str(uuid.uuid4())]})]})
    assert answer.status_code == 200
    data = answer.json()
    AgentChatResponse.model_validate(data)
    message = ResponseMessage.model_validate(data["messages"][0])
    assert message.content == 'Local model: you said "Summarise the contract.".'
    assert [TextPart.model_validate(p).text for p in data["messages"][-1]["parts"]] == [message.content]
    assert "result" not in data


def test_history_is_context_on_both_generations(svc, agent_id):
    legacy = legacy_chat(svc, {"assistantId": agent_id, "messages": [
        {"role": "user", "content": "My name is Ada."}, {"role": "assistant", "content": "Hello Ada."},
        {"role": "user", "content": "What is my name?"}]}).json()
    new = agent_chat(svc, {"agentId": agent_id, "messages": [
        ui("a", "user", "My name is Ada."), ui("b", "assistant", "Hello Ada."), ui("c", "user", "What is my name?")]}).json()
    expected = 'Local model: you said "What is my name?". Earlier you said "My name is Ada.".'
    assert legacy["result"][0]["content"][0]["text"] == expected
    assert new["messages"][0]["content"] == expected


def test_assistant_messages_sent_back_by_use_chat_may_carry_step_and_tool_parts(svc, agent_id):
    previous = {"id": "r1", "role": "assistant", "parts": [
        {"type": "step-start"},
        {"type": "tool-search_contracts", "toolCallId": "call_9", "state": "output-available",
         "input": {"term": "penalty"}, "output": {"matches": [7, 12]}},
        {"type": "text", "text": "Clauses 7 and 12."}]}
    answer = agent_chat(svc, {"agentId": agent_id, "messages": [ui("q1", "user", "Penalties?"), previous,
                                                                ui("q2", "user", "And fees?")]})
    assert answer.status_code == 200, answer.text


def test_temporary_assistant_and_agent(svc):
    config = {"name": "Reviewer", "instructions": "Be brief.", "model": "gpt-5-mini"}
    legacy = legacy_chat(svc, {"assistant": config, "messages": [{"role": "user", "content": "Hi"}]})
    new = agent_chat(svc, {"agent": config, "messages": [ui("m", "user", "Hi")]})
    assert legacy.status_code == new.status_code == 200
    assert legacy.json()["result"][0]["content"][0]["text"] == new.json()["messages"][0]["content"]


@pytest.mark.parametrize("output, expected", [
    ({"type": "enum", "enum": ["yes", "no"]}, "yes"),
    ({"type": "array", "schema": {"type": "object", "properties": {"clause": {"type": "string"}, "n": {"type": "integer"}}}},
     [{"clause": 'Local model: you said "Q".', "n": 1}]),
    ({"type": "object"}, {"answer": 'Local model: you said "Q".'}),
])
def test_structured_output_on_both_generations(svc, agent_id, output, expected):
    legacy = legacy_chat(svc, {"assistantId": agent_id, "output": output, "messages": [{"role": "user", "content": "Q"}]})
    new = agent_chat(svc, {"agentId": agent_id, "output": output, "messages": [ui("m", "user", "Q")]})
    assert legacy.json()["output"] == new.json()["output"] == expected


def test_httpx_sync_and_async_clients(svc, agent_id):
    body = {"agentId": agent_id, "messages": [ui("m", "user", "Hello")]}
    with httpx.Client(base_url=svc.base_url, headers=KEY) as client:
        assert client.post("/agent/v1/chat/completions", json=body).json()["messages"][0]["content"].endswith('"Hello".')

    async def ask():
        async with httpx.AsyncClient(base_url=svc.base_url, headers=KEY) as client:
            answers = await asyncio.gather(*[
                client.post("/assistant/v1/chat/completions",
                            json={"assistantId": agent_id, "messages": [{"role": "user", "content": f"n{i}"}]})
                for i in range(3)])
        return [a.json()["result"][0]["content"][0]["text"] for a in answers]

    assert asyncio.run(ask()) == [f'Local model: you said "n{i}".' for i in range(3)]


def issues(answer):
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert set(body) == {"message"}
    return body["message"]


def test_legacy_message_shape_is_refused_on_the_agent_endpoint(svc, agent_id):
    found = issues(agent_chat(svc, {"agentId": agent_id, "messages": [{"role": "user", "content": "Hi"}]}))
    assert {tuple(i["path"]) for i in found} >= {("messages", 0, "id")}


def test_missing_message_id_is_refused(svc, agent_id):
    found = issues(agent_chat(svc, {"agentId": agent_id, "messages": [
        {"role": "user", "parts": [{"type": "text", "text": "Hi"}]}]}))
    assert found == [{"code": "invalid_type", "path": ["messages", 0, "id"], "message": "Required"}]


def test_attachment_ids_on_a_ui_message_are_refused(svc, agent_id):
    found = issues(agent_chat(svc, {"agentId": agent_id, "messages": [
        ui("m", "user", "Hi", attachmentIds=[str(uuid.uuid4())])]}))
    assert "attachmentIds" in found[0]["message"]


def test_converted_message_shape_is_refused_on_the_legacy_endpoint(svc, agent_id):
    found = issues(legacy_chat(svc, {"assistantId": agent_id, "messages": [ui("m", "user", "Hi")]}))
    assert {tuple(i["path"]) for i in found} >= {("messages", 0, "content")}


@pytest.mark.parametrize("prefix, body, text", [
    ("/agent/v1", {"assistantId": "ID", "messages": []}, "`assistantId` belongs to /assistant/v1"),
    ("/agent/v1", {"assistant": {"name": "a", "instructions": "b"}, "messages": []}, "`assistant` belongs"),
    ("/assistant/v1", {"agentId": "ID", "messages": []}, "`agentId` belongs to /agent/v1"),
])
def test_mixed_generation_requests_get_400(svc, agent_id, prefix, body, text):
    body = {key: agent_id if value == "ID" else value for key, value in body.items()}
    answer = requests.post(f"{svc.base_url}{prefix}/chat/completions", headers=KEY, json=body)
    assert answer.status_code == 400 and text in answer.json()["message"]


def test_exactly_one_of_id_and_temporary_config(svc, agent_id):
    both = agent_chat(svc, {"agentId": agent_id, "agent": {"name": "a", "instructions": "b"},
                            "messages": [ui("m", "user", "Hi")]})
    neither = agent_chat(svc, {"messages": [ui("m", "user", "Hi")]})
    assert both.status_code == neither.status_code == 400
    assert "exactly one" in neither.json()["message"]


def test_unknown_agent_is_404_and_malformed_id_400(svc):
    unknown = str(uuid.uuid4())
    answer = agent_chat(svc, {"agentId": unknown, "messages": [ui("m", "user", "Hi")]})
    assert answer.status_code == 404 and unknown in answer.json()["message"]
    legacy = legacy_chat(svc, {"assistantId": "asst_123", "messages": [{"role": "user", "content": "Hi"}]})
    assert legacy.status_code == 400


def test_disabled_agent_does_not_chat(svc, agent_id):
    requests.patch(f"{svc.base_url}/agent/v1/disable", headers=KEY, json={"agentId": agent_id, "disabled": True})
    assert agent_chat(svc, {"agentId": agent_id, "messages": [ui("m", "user", "Hi")]}).status_code == 403


@pytest.mark.parametrize("body_change", [
    {"maxSteps": 21}, {"maxSteps": 0}, {"stream": "yes"}, {"output": {"type": "table"}},
    {"imageResponseFormat": "png"}, {"messages": []},
])
def test_invalid_agent_fields_are_refused_with_issues(svc, agent_id, body_change):
    body = {"agentId": agent_id, "messages": [ui("m", "user", "Hi")], **body_change}
    assert issues(agent_chat(svc, body))


def test_enum_output_without_values_and_user_tool_parts_are_refused(svc, agent_id):
    assert agent_chat(svc, {"agentId": agent_id, "output": {"type": "enum"},
                            "messages": [ui("m", "user", "Hi")]}).status_code == 400
    tool_part = {"type": "tool-x", "toolCallId": "c", "state": "input-available", "input": {}}
    assert issues(agent_chat(svc, {"agentId": agent_id, "messages": [
        {"id": "m", "role": "user", "parts": [tool_part]}]}))


def test_undocumented_top_level_fields_are_ignored_as_langdock_strips_them(svc, agent_id):
    answer = legacy_chat(svc, {"assistantId": agent_id, "temperature": 0.1, "max_tokens": 50,
                               "messages": [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi"}]})
    assert answer.status_code == 200
