"""OpenAI's beta Assistants (`client.beta`, openai 3.54) against `/v1`: every
body validated with openai's own types, streaming, async, and the differences
from the classic Foundry surface (beta header, tool types)."""
from __future__ import annotations

import asyncio
import json
import warnings

import httpx
import openai
import pytest
from openai import AssistantEventHandler
from openai.types.beta import Assistant, AssistantDeleted, Thread, ThreadDeleted
from openai.types.beta.threads import Message, Run
from openai.types.beta.threads.runs import RunStep

warnings.filterwarnings("ignore", category=DeprecationWarning)

WEATHER = {"type": "function", "function": {"name": "get_weather", "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}


@pytest.fixture
def client(svc):
    return svc.openai_client()


def _json(raw):
    return raw.http_response.json()


def test_assistants_threads_messages_validate_as_openai_types(client):
    raw = client.beta.assistants.with_raw_response.create(model="gpt-4o", name="tutor", instructions="Teach.",
                                                          tools=[{"type": "code_interpreter"}], metadata={"a": "1"})
    assistant = Assistant.model_validate(_json(raw))
    assert (assistant.object, assistant.tools[0].type, assistant.metadata) == ("assistant", "code_interpreter",
                                                                             {"a": "1"})
    updated = client.beta.assistants.update(assistant.id, name="tutor 2")
    assert updated.name == "tutor 2" and updated.instructions == "Teach."
    assert [a.id for a in client.beta.assistants.list()] == [assistant.id]
    thread = Thread.model_validate(_json(client.beta.threads.with_raw_response.create(
        messages=[{"role": "user", "content": "hello"}])))
    message = Message.model_validate(_json(client.beta.threads.messages.with_raw_response.create(
        thread_id=thread.id, role="user", content=[{"type": "text", "text": "again"}])))
    assert message.content[0].text.value == "again"
    listed = client.beta.threads.messages.list(thread_id=thread.id, order="asc", limit=1)
    assert [m.content[0].text.value for m in listed] == ["hello", "again"]
    deleted = client.beta.threads.messages.delete(message.id, thread_id=thread.id)
    assert deleted.deleted is True
    assert ThreadDeleted.model_validate(_json(client.beta.threads.with_raw_response.delete(thread.id))).deleted
    assert AssistantDeleted.model_validate(_json(client.beta.assistants.with_raw_response.delete(assistant.id)))


def test_create_and_poll_with_function_calls(client):
    assistant = client.beta.assistants.create(model="gpt-4o", tools=[WEATHER])
    thread = client.beta.threads.create(messages=[{"role": "user", "content": "weather in Paris?"}])
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id,
                                                   poll_interval_ms=10)
    assert run.status == "requires_action"
    Run.model_validate(_json(client.beta.threads.runs.with_raw_response.retrieve(run.id, thread_id=thread.id)))
    call = run.required_action.submit_tool_outputs.tool_calls[0]
    assert (call.function.name, json.loads(call.function.arguments)) == ("get_weather", {"city": "Paris"})
    run = client.beta.threads.runs.submit_tool_outputs_and_poll(
        run_id=run.id, thread_id=thread.id, tool_outputs=[{"tool_call_id": call.id, "output": "warm"}],
        poll_interval_ms=10)
    assert run.status == "completed" and run.usage.total_tokens > 0
    answer = client.beta.threads.messages.list(thread_id=thread.id).data[0]
    assert answer.content[0].text.value == "The tools returned: get_weather -> warm"
    steps = client.beta.threads.runs.steps.list(run_id=run.id, thread_id=thread.id, order="asc")
    for step in steps.data:
        RunStep.model_validate(step.model_dump())
    assert [s.type for s in steps.data] == ["tool_calls", "message_creation"]
    assert steps.data[0].step_details.tool_calls[0].function.output == "warm"
    step = client.beta.threads.runs.steps.retrieve(steps.data[1].id, thread_id=thread.id, run_id=run.id)
    assert step.step_details.message_creation.message_id == answer.id


def test_event_handler_stream_with_tool_outputs(client):
    assistant = client.beta.assistants.create(model="gpt-4o", tools=[WEATHER])
    thread = client.beta.threads.create(messages=[{"role": "user", "content": "weather in Rome?"}])
    events, texts = [], []

    class Handler(AssistantEventHandler):
        def on_event(self, event):
            events.append(event.event)
            if event.event == "thread.run.requires_action":
                call = event.data.required_action.submit_tool_outputs.tool_calls[0]
                with client.beta.threads.runs.submit_tool_outputs_stream(
                        thread_id=thread.id, run_id=event.data.id, event_handler=Handler(),
                        tool_outputs=[{"tool_call_id": call.id, "output": "sunny"}]) as inner:
                    inner.until_done()

        def on_text_done(self, text):
            texts.append(text.value)

    with client.beta.threads.runs.stream(thread_id=thread.id, assistant_id=assistant.id,
                                         event_handler=Handler()) as stream:
        stream.until_done()
    assert events[:7] == ["thread.run.created", "thread.run.queued", "thread.run.in_progress",
                          "thread.run.step.created", "thread.run.step.in_progress", "thread.run.step.delta",
                          "thread.run.requires_action"]
    assert events[-1] == "thread.run.completed"
    assert texts == ["The tools returned: get_weather -> sunny"]


def test_create_and_run_stream_iteration_and_final_messages(client):
    assistant = client.beta.assistants.create(model="gpt-4o")
    with client.beta.threads.create_and_run_stream(
            assistant_id=assistant.id, thread={"messages": [{"role": "user", "content": "hi there"}]}) as stream:
        names = [event.event for event in stream]
        final = stream.get_final_messages()
    assert names[0] == "thread.created" and names[-1] == "thread.run.completed"
    assert final[0].content[0].text.value == 'Local model: you said "hi there".'


def test_file_search_and_code_interpreter_annotations(client):
    document = client.files.create(file=("faq.txt", b"Returns are free for 30 days.\n"), purpose="assistants")
    store = client.vector_stores.create(name="faq", file_ids=[document.id])
    assistant = client.beta.assistants.create(model="gpt-4o", tools=[{"type": "file_search"},
                                                                     {"type": "code_interpreter"}],
                                              tool_resources={"file_search": {"vector_store_ids": [store.id]}})
    thread = client.beta.threads.create(messages=[{"role": "user", "content": "Plot returns"}])
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id,
                                                   poll_interval_ms=10)
    message = Message.model_validate(client.beta.threads.messages.list(thread_id=thread.id).data[0].model_dump())
    image, text = message.content
    annotations = {a.type: a for a in text.text.annotations}
    assert annotations["file_citation"].file_citation.file_id == document.id
    assert annotations["file_path"].file_path.file_id == image.image_file.file_id
    assert client.files.content(image.image_file.file_id).read().startswith(b"\x89PNG")
    kinds = [s.step_details.tool_calls[0].type for s in client.beta.threads.runs.steps.list(
        run_id=run.id, thread_id=thread.id, order="asc").data if s.type == "tool_calls"]
    assert kinds == ["code_interpreter", "file_search"]


def test_cancel_and_errors(client, svc):
    assistant = client.beta.assistants.create(model="gpt-4o")
    thread = client.beta.threads.create(messages=[{"role": "user", "content": "hi"}])
    run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)
    assert client.beta.threads.runs.cancel(run.id, thread_id=thread.id).status == "cancelling"
    assert client.beta.threads.runs.retrieve(run.id, thread_id=thread.id).status == "cancelled"
    with pytest.raises(openai.NotFoundError):
        client.beta.threads.runs.retrieve("run_missing", thread_id=thread.id)
    with pytest.raises(openai.BadRequestError) as unknown:
        client.beta.assistants.create(model="gpt-4o", extra_body={"agent": {"name": "x"}})
    assert unknown.value.body["param"] == "agent"
    with pytest.raises(openai.BadRequestError) as azure_only:
        client.beta.assistants.create(model="gpt-4o", tools=[{"type": "bing_grounding"}])
    assert azure_only.value.body["param"] == "tools[0].type"
    no_header = httpx.get(f"{svc.openai_base_url}/assistants", verify=svc.ssl_context(),
                          headers={"Authorization": "Bearer k"})
    assert no_header.status_code == 400 and "OpenAI-Beta" in no_header.json()["error"]["message"]


def test_async_openai_client(svc):
    async def scenario():
        async with openai.AsyncOpenAI(api_key="k", base_url=svc.openai_base_url,
                                      http_client=httpx.AsyncClient(verify=svc.ssl_context())) as client:
            assistant = await client.beta.assistants.create(model="gpt-4o")
            thread = await client.beta.threads.create(messages=[{"role": "user", "content": "async hello"}])
            run = await client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id,
                                                                 poll_interval_ms=10)
            messages = await client.beta.threads.messages.list(thread_id=thread.id)
            async with client.beta.threads.runs.stream(thread_id=thread.id, assistant_id=assistant.id) as stream:
                streamed = [event.event async for event in stream]
            return run, messages.data[0].content[0].text.value, streamed

    run, text, streamed = asyncio.run(scenario())
    assert run.status == "completed" and text == 'Local model: you said "async hello".'
    assert "thread.message.delta" in streamed and streamed[-1] == "thread.run.completed"


def _event_models():
    """openai's stream event classes by event name (`event: Literal["thread.run.created"]`, ...)."""
    import typing

    from openai.types.beta import assistant_stream_event as module

    models = {}
    for value in vars(module).values():
        fields = getattr(value, "model_fields", {})
        if "event" in fields and "data" in fields:
            for name in typing.get_args(fields["event"].annotation):
                models[name] = value
    return models


@pytest.mark.parametrize("text", ["plot a chart from the widget file", "weather in Oslo"])
def test_every_streamed_event_validates_as_its_openai_type(client, svc, text):
    document = client.files.create(file=("w.md", b"Widgets cost 42."), purpose="assistants")
    store = client.vector_stores.create(file_ids=[document.id])
    assistant = client.beta.assistants.create(
        model="gpt-4o", tools=[{"type": "file_search"}, {"type": "code_interpreter"}, WEATHER],
        tool_resources={"file_search": {"vector_store_ids": [store.id]}})
    body = {"assistant_id": assistant.id, "stream": True, "thread": {"messages": [{"role": "user", "content": text}]}}
    answer = httpx.post(f"{svc.openai_base_url}/threads/runs", json=body, verify=svc.ssl_context(),
                        headers={"Authorization": "Bearer k", "OpenAI-Beta": "assistants=v2"})
    assert answer.headers["content-type"].startswith("text/event-stream")
    models, names = _event_models(), []
    for block in answer.text.strip().split("\n\n"):
        event_line, data_line = block.split("\n")
        name, data = event_line.removeprefix("event: "), data_line.removeprefix("data: ")
        names.append(name)
        if name != "done":
            models[name].model_validate({"event": name, "data": json.loads(data)})
    assert names[0] == "thread.created" and names[-1] == "done" and "thread.run.step.delta" in names


def test_fields_of_the_other_surface_are_refused(client, svc):
    assistant = client.beta.assistants.create(model="gpt-4o", reasoning_effort="low")
    thread = client.beta.threads.create()
    with pytest.raises(openai.BadRequestError) as run_resources:
        client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id,
                                        extra_body={"tool_resources": {}})
    assert run_resources.value.body["param"] == "tool_resources"
    azure = httpx.post(f"{svc.project_endpoint}/assistants?api-version=v1", verify=svc.ssl_context(),
                       headers={"Authorization": "Bearer t"}, json={"model": "gpt-4o", "reasoning_effort": "low"})
    assert azure.status_code == 400 and azure.json()["error"]["param"] == "reasoning_effort"
    with pytest.raises(openai.BadRequestError):
        client.vector_stores.create(extra_body={"configuration": {"data_sources": []}})
    assert svc.project_openai_client().vector_stores.create(description="kept").description == "kept"


def test_remaining_crud_endpoints(client):
    assistant = client.beta.assistants.create(model="gpt-4o")
    thread = client.beta.threads.create()
    assert client.beta.threads.update(thread.id, metadata={"k": "v"}).metadata == {"k": "v"}
    assert client.beta.threads.retrieve(thread.id).metadata == {"k": "v"}
    message = client.beta.threads.messages.create(thread_id=thread.id, role="user", content="hi")
    assert client.beta.threads.messages.update(message.id, thread_id=thread.id,
                                               metadata={"m": "1"}).metadata == {"m": "1"}
    assert client.beta.threads.messages.retrieve(message.id, thread_id=thread.id).content[0].text.value == "hi"
    run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)
    assert client.beta.threads.runs.update(run.id, thread_id=thread.id, metadata={"r": "2"}).metadata == {"r": "2"}
    listed = client.beta.threads.runs.list(thread_id=thread.id)
    assert [(r.id, r.status) for r in listed] == [(run.id, "completed")]
    store = client.vector_stores.create(name="s")
    assert [s.id for s in client.vector_stores.list()] == [store.id]
    doc = client.files.create(file=("d.txt", b"d"), purpose="assistants")
    client.files.create(file=("v.png", b"v"), purpose="vision")
    assert [f.id for f in client.files.list(purpose="assistants")] == [doc.id]
    batch = client.vector_stores.file_batches.create(store.id, files=[{"file_id": doc.id, "attributes": {"a": "b"}}])
    assert client.vector_stores.file_batches.retrieve(batch.id, vector_store_id=store.id).file_counts.completed == 1
    assert client.vector_stores.files.retrieve(doc.id, vector_store_id=store.id).attributes == {"a": "b"}


def test_thread_with_inline_vector_store(client):
    doc = client.files.create(file=("i.txt", b"Inline stores hold files."), purpose="assistants")
    thread = client.beta.threads.create(tool_resources={"file_search": {"vector_stores": [{"file_ids": [doc.id]}]}})
    store_ids = thread.tool_resources.file_search.vector_store_ids
    assert len(store_ids) == 1
    assert [f.id for f in client.vector_stores.files.list(vector_store_id=store_ids[0])] == [doc.id]
