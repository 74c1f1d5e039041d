"""Responses with an agent reference, a conversation or a chain of responses, through the OpenAI client from
`get_openai_client()` (and `/v1`); bodies validated with openai's `Response`, errors checked for status and body."""
from __future__ import annotations

import asyncio

import httpx
import openai
import pytest
from azure.ai.projects.models import PromptAgentDefinition
from openai.types.responses import Response, ResponseItemList

from .new_api import AsyncLocalCredential, agent_reference


@pytest.fixture
def agent(svc):
    return svc.project_client().agents.create_version(
        agent_name="helper", definition=PromptAgentDefinition(model="gpt-4o", instructions="Be brief."))


def _validated(raw) -> Response:
    return Response.model_validate(raw.http_response.json())


def test_agent_reference_answers_and_keeps_context_in_a_conversation(svc, agent):
    client = svc.project_openai_client()
    conversation = client.conversations.create(items=[{"type": "message", "role": "user", "content": "My name is Ada"}])
    first = _validated(client.responses.with_raw_response.create(
        conversation=conversation.id, extra_body=agent_reference("helper")))
    assert first.status == "completed" and first.model == "gpt-4o" and first.instructions == "Be brief."
    assert first.conversation.id == conversation.id
    assert first.output_text == 'Local model: you said "My name is Ada".'
    second = _validated(client.responses.with_raw_response.create(
        conversation=conversation.id, input="What is my name?", extra_body=agent_reference("helper", "1")))
    assert second.output_text == 'Local model: you said "What is my name?". Earlier you said "My name is Ada".'
    items = list(client.conversations.items.list(conversation.id, order="asc"))
    assert [(i.type, i.role) for i in items] == [("message", "user"), ("message", "assistant"),
                                                ("message", "user"), ("message", "assistant")]
    assert items[-1].id == second.output[0].id
    assert items[-1].content[0].text == second.output_text  # a part's .text is a plain str


def test_previous_response_id_chains_context_without_a_conversation(svc):
    client = svc.openai_client()
    first = client.responses.create(model="gpt-4o", input="Remember the number 7")
    second = _validated(client.responses.with_raw_response.create(
        model="gpt-4o", input="Which number?", previous_response_id=first.id))
    assert second.previous_response_id == first.id and second.conversation is None
    assert 'Earlier you said "Remember the number 7"' in second.output_text
    assert second.usage.total_tokens == second.usage.input_tokens + second.usage.output_tokens


def test_retrieve_input_items_and_delete(svc):
    client = svc.project_openai_client()
    created = client.responses.create(model="gpt-4o", input="Keep me", metadata={"run": "1"})
    fetched = _validated(client.responses.with_raw_response.retrieve(created.id))
    assert fetched.id == created.id and fetched.metadata == {"run": "1"} and fetched.output_text == created.output_text
    raw = client.responses.input_items.with_raw_response.list(created.id)
    assert [i.content[0].text for i in ResponseItemList.model_validate(raw.http_response.json()).data] == ["Keep me"]
    client.responses.delete(created.id)
    with pytest.raises(openai.NotFoundError):
        client.responses.retrieve(created.id)


def test_the_guides_agent_form_is_refused_like_the_real_service(svc, agent):
    client = svc.project_openai_client()
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(input="hi", extra_body={"agent": {"name": "helper", "type": "agent_reference"}})
    assert caught.value.status_code == 400
    assert caught.value.body == {"message": "Unknown parameter: 'agent'.", "type": "invalid_request_error",
                                 "param": "agent", "code": "unknown_parameter"}


def test_unknown_agents_are_404_in_the_openai_shape(svc, agent):
    client = svc.project_openai_client()
    with pytest.raises(openai.NotFoundError) as caught:
        client.responses.create(input="hi", extra_body=agent_reference("nobody"))
    assert caught.value.body["message"] == "Agent 'nobody' not found."
    assert caught.value.body["param"] == "agent_reference"
    with pytest.raises(openai.NotFoundError):
        client.responses.create(input="hi", extra_body=agent_reference("helper", "9"))
    raw = httpx.post(f"{svc.project_endpoint}/openai/v1/responses", headers={"Authorization": "Bearer local"},
                     json={"input": "hi", "agent_reference": {"name": "nobody", "type": "agent_reference"}},
                     verify=svc.ssl_context())
    assert raw.status_code == 404 and set(raw.json()["error"]) == {"message", "type", "param", "code"}


@pytest.mark.parametrize("kwargs, param", [
    ({"model": "gpt-4o", "input": 42}, "input"),
    ({"model": "gpt-4o", "input": "hi", "temperature": "hot"}, "temperature"),
    ({"model": "gpt-4o", "input": "hi", "metadata": {"n": 1}}, "metadata.n"),
    ({"model": "gpt-4o", "input": "hi", "stream": "yes"}, "stream"),
    ({"model": "gpt-4o", "input": "hi", "extra_body": {"agent_reference": {"name": "helper"}}}, "agent_reference.type"),
    ({"model": "gpt-4o", "input": "hi", "extra_body": {"assistant_id": "asst_1"}}, "assistant_id"),
    ({"input": "hi"}, "model"),
    ({"model": "gpt-4o", "input": "hi", "tools": [{"type": "retrieval"}]}, "tools[0].type"),
    ({"model": "gpt-4o", "input": "hi", "tools": [{"type": "function", "function": {"name": "f"}}]},
     "tools[0].function"),
    ({"model": "gpt-4o"}, "input"),
    ({"model": "gpt-4o", "input": [{"role": "user", "content": "hi", "name": "x"}]}, "input[0].name"),
])
def test_wrong_types_and_missing_fields_are_400(svc, kwargs, param):
    with pytest.raises(openai.BadRequestError) as caught:
        svc.project_openai_client().responses.create(**kwargs)
    assert caught.value.body["param"] == param


def test_refused_contexts(svc):
    client = svc.openai_client()
    first = client.responses.create(model="gpt-4o", input="one")
    conversation = client.conversations.create()
    with pytest.raises(openai.BadRequestError):
        client.responses.create(model="gpt-4o", input="x", conversation=conversation.id, previous_response_id=first.id)
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(model="gpt-4o", input="x", previous_response_id="resp_missing")
    assert caught.value.body["param"] == "previous_response_id"
    with pytest.raises(openai.NotFoundError) as caught:
        client.responses.create(model="gpt-4o", input="x", conversation="conv_missing")
    assert caught.value.body["param"] == "conversation"
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(model="gpt-4o", input=[{"type": "function_call_output", "call_id": "call_x",
                                                       "output": "1"}], previous_response_id=first.id)
    assert "call_x" in caught.value.body["message"]


def test_the_agents_own_endpoint_runs_the_routed_version(svc, agent):
    from azure.ai.projects.models import (AgentEndpointConfig, FixedRatioVersionSelectionRule, VersionSelector)

    project = svc.project_client()
    project.agents.create_version(agent_name="helper",
                                  definition=PromptAgentDefinition(model="gpt-4o-mini", instructions="v2"))
    project.agents.update_details(agent_name="helper", agent_endpoint=AgentEndpointConfig(
        version_selector=VersionSelector(version_selection_rules=[
            FixedRatioVersionSelectionRule(agent_version="1", traffic_percentage=100)])))
    client = project.get_openai_client(agent_name="helper", http_client=httpx.Client(verify=svc.ssl_context()))
    routed = _validated(client.responses.with_raw_response.create(input="Which version?"))
    assert (routed.model, routed.instructions) == ("gpt-4o", "Be brief.")
    conversation = client.conversations.create(items=[{"role": "user", "content": "hello"}])
    assert client.responses.create(conversation=conversation.id).output_text == 'Local model: you said "hello".'
    with pytest.raises(openai.NotFoundError):
        project.get_openai_client(agent_name="nobody", http_client=httpx.Client(verify=svc.ssl_context())
                                  ).responses.create(input="hi")


def test_async_project_client_and_its_openai_client(svc, agent):
    from azure.ai.projects.aio import AIProjectClient

    async def scenario():
        async with AsyncLocalCredential() as credential, AIProjectClient(
                endpoint=svc.project_endpoint, credential=credential, connection_verify=svc.ca_bundle) as project:
            client = project.get_openai_client(http_client=httpx.AsyncClient(verify=svc.ssl_context()))
            async with client:
                conversation = await client.conversations.create()
                first = await client.responses.with_raw_response.create(
                    conversation=conversation.id, input="async one", extra_body=agent_reference("helper"))
                second = await client.responses.create(conversation=conversation.id, input="async two",
                                                       extra_body=agent_reference("helper"))
                fetched = await client.responses.retrieve(second.id)
                return Response.model_validate(first.http_response.json()), second, fetched

    first, second, fetched = asyncio.run(scenario())
    assert first.output_text == 'Local model: you said "async one".'
    assert second.output_text.endswith('Earlier you said "async one".')
    assert fetched.id == second.id


def test_structured_output_parses_into_the_callers_model(svc):
    from pydantic import BaseModel

    class Event(BaseModel):
        name: str
        participants: list[str]

    parsed = svc.project_openai_client().responses.parse(model="gpt-4o", input="Meet Bob on Friday", text_format=Event)
    assert parsed.output_parsed == Event(name="Friday", participants=[])


def test_store_false_answers_without_keeping_the_response(svc):
    client = svc.openai_client()
    kept_out = client.responses.create(model="gpt-4o", input="Forget me", store=False)
    assert kept_out.store is False and kept_out.output_text == 'Local model: you said "Forget me".'
    with pytest.raises(openai.NotFoundError):
        client.responses.retrieve(kept_out.id)


def test_agents_the_stand_in_model_cannot_run_are_refused_plainly(svc):
    svc.project_client().agents.create_version(
        agent_name="flow", body={"definition": {"kind": "workflow", "workflow": "kind: workflow\n"}})
    with pytest.raises(openai.BadRequestError) as caught:
        svc.project_openai_client().responses.create(input="hi", extra_body=agent_reference("flow"))
    assert caught.value.body["code"] == "unsupported_agent_kind"
    assert "'workflow' agent" in caught.value.body["message"]


def test_the_body_takes_exactly_the_fields_openai_sends_plus_foundrys():
    from openai.types.responses.response_create_params import (ResponseCreateParamsNonStreaming,
                                                               ResponseCreateParamsStreaming)

    from helpers.local.backends.responses import ResponseCreate

    sent = set(ResponseCreateParamsStreaming.__annotations__) | set(ResponseCreateParamsNonStreaming.__annotations__)
    assert set(ResponseCreate.model_fields) == sent | {"agent_reference", "structured_inputs"}
