"""`stream=True` responses: the event sequence the real service sends, every event validated with openai's
`ResponseStreamEvent` union, read by the SDK's Stream, by `responses.stream()` and by the async client."""
from __future__ import annotations

import asyncio

import httpx
import openai
from azure.ai.projects.models import CodeInterpreterTool, FunctionTool, PromptAgentDefinition
from openai.types.responses import ResponseStreamEvent
from pydantic import TypeAdapter

from .new_api import agent_reference

EVENT = TypeAdapter(ResponseStreamEvent)


def _validated(events):
    checked = [EVENT.validate_python(event.to_dict()) for event in events]
    assert [e.sequence_number for e in checked] == list(range(len(checked)))
    return checked


def test_text_stream_has_the_real_sequence_and_rebuilds_the_answer(svc):
    client = svc.project_openai_client()
    conversation = client.conversations.create(items=[{"role": "user", "content": "Stream this answer please"}])
    svc.project_client().agents.create_version(agent_name="streamer",
                                               definition=PromptAgentDefinition(model="gpt-4o"))
    with client.responses.create(conversation=conversation.id, stream=True,
                                 extra_body=agent_reference("streamer")) as stream:
        events = _validated(stream)
    types = [e.type for e in events]
    deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
    assert types[:5] == ["response.created", "response.in_progress", "response.output_item.added",
                         "response.content_part.added", "response.output_text.delta"]
    assert types[-4:] == ["response.output_text.done", "response.content_part.done", "response.output_item.done",
                          "response.completed"]
    assert len(deltas) > 3
    final = events[-1].response
    assert "".join(deltas) == final.output_text == 'Local model: you said "Stream this answer please".'
    assert events[0].response.status == "in_progress" and final.status == "completed"
    # The streamed answer is in the conversation, like a non-streamed one.
    assert list(client.conversations.items.list(conversation.id))[0].id == final.output[0].id


def test_responses_stream_helper_accumulates_the_final_response(svc):
    client = svc.openai_client()
    with client.responses.stream(model="gpt-4o", input="Helper stream") as stream:
        texts = [event.delta for event in stream if event.type == "response.output_text.delta"]
        final = stream.get_final_response()
    assert "".join(texts) == final.output_text == 'Local model: you said "Helper stream".'
    assert client.responses.retrieve(final.id).output_text == final.output_text


def test_function_call_and_code_interpreter_events(svc):
    tool = FunctionTool(name="get_weather", parameters={"type": "object", "properties": {"city": {"type": "string"}},
                                                        "required": ["city"]}, strict=True)
    svc.project_client().agents.create_version(
        agent_name="tools", definition=PromptAgentDefinition(model="gpt-4o", tools=[tool, CodeInterpreterTool()]))
    client = svc.project_openai_client()
    with client.responses.create(input="What is the weather in Oslo?", stream=True,
                                 extra_body=agent_reference("tools")) as stream:
        events = _validated(stream)
    arguments = [e for e in events if e.type == "response.function_call_arguments.done"]
    assert [a.arguments for a in arguments] == ['{"city": "Oslo"}']
    assert events[-1].response.output[0].type == "function_call"
    with client.responses.create(input="Draw a chart of sales", stream=True,
                                 extra_body=agent_reference("tools")) as stream:
        types = [e.type for e in _validated(stream)]
    start = types.index("response.code_interpreter_call.in_progress")
    assert types[start:start + 5] == ["response.code_interpreter_call.in_progress",
                                      "response.code_interpreter_call_code.delta",
                                      "response.code_interpreter_call_code.done",
                                      "response.code_interpreter_call.interpreting",
                                      "response.code_interpreter_call.completed"]
    assert "response.output_text.annotation.added" in types


def test_async_stream(svc):
    async def scenario():
        client = openai.AsyncOpenAI(api_key="local", base_url=svc.openai_base_url,
                                    http_client=httpx.AsyncClient(verify=svc.ssl_context()))
        async with client:
            stream = await client.responses.create(model="gpt-4o", input="Async stream", stream=True)
            return [event async for event in stream]

    events = _validated(asyncio.run(scenario()))
    assert events[-1].type == "response.completed"
    assert events[-1].response.output_text == 'Local model: you said "Async stream".'
