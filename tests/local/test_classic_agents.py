"""Classic Foundry agents through the real azure-ai-agents 1.1.0 client (sync):
agents, threads, messages, runs, run steps, tool calls, strictness."""
from __future__ import annotations

import json

import httpx
import pytest
from azure.ai.agents.models import (
    CodeInterpreterTool, FilePurpose, FileSearchTool, FunctionTool, ListSortOrder, MessageRole,
    ResponseFormatJsonSchema, ResponseFormatJsonSchemaType, RunStatus, SubmitToolOutputsAction, ToolOutput,
    ToolSet,
)
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError


def get_weather(city: str) -> str:
    """Weather for a city.

    :param city: the city
    :return: the weather as JSON
    """
    return json.dumps({"city": city, "weather": "rain"})


@pytest.fixture
def client(svc):
    with svc.agents_client() as agents:
        yield agents


def _agent(client, **kwargs):
    return client.create_agent(model="gpt-4o", name="helper", instructions="Be brief.", **kwargs)


def test_agent_crud_and_paged_listing(client):
    created = [_agent(client, metadata={"n": str(n)}) for n in range(5)]
    assert created[0].id.startswith("asst_") and created[0].model == "gpt-4o"
    assert client.get_agent(created[0].id).instructions == "Be brief."
    updated = client.update_agent(created[0].id, name="renamed", temperature=0.2)
    assert (updated.name, updated.temperature, updated.instructions) == ("renamed", 0.2, "Be brief.")
    # limit=2 makes the SDK follow the `after` cursor across three pages.
    listed = [agent.id for agent in client.list_agents(limit=2, order=ListSortOrder.ASCENDING)]
    assert listed == [agent.id for agent in created]
    assert [a.id for a in client.list_agents()] == [agent.id for agent in reversed(created)]
    client.delete_agent(created[0].id)
    with pytest.raises(ResourceNotFoundError):
        client.get_agent(created[0].id)


def test_threads_and_messages(client):
    thread = client.threads.create(metadata={"topic": "demo"})
    assert client.threads.get(thread.id).metadata == {"topic": "demo"}
    assert client.threads.update(thread.id, metadata={"topic": "other"}).metadata == {"topic": "other"}
    first = client.messages.create(thread_id=thread.id, role="user", content="one")
    client.messages.create(thread_id=thread.id, role="user", content=[{"type": "text", "text": "two"}])
    texts = [m.text_messages[0].text.value for m in client.messages.list(thread_id=thread.id)]
    assert texts == ["two", "one"]  # newest first by default
    ascending = client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING, limit=1)
    assert [m.text_messages[0].text.value for m in ascending] == ["one", "two"]
    assert client.messages.get(thread_id=thread.id, message_id=first.id).content[0].text.value == "one"
    assert client.messages.update(thread_id=thread.id, message_id=first.id, metadata={"k": "v"}).metadata == {"k": "v"}
    assert thread.id in [t.id for t in client.threads.list()]
    client.threads.delete(thread.id)
    with pytest.raises(ResourceNotFoundError):
        client.messages.list(thread_id=thread.id).next()


def test_create_and_process_answers_and_remembers(client):
    agent = _agent(client)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="My name is Ada")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    assert run.status == RunStatus.COMPLETED and run.usage.total_tokens > 0
    client.messages.create(thread_id=thread.id, role="user", content="What is my name?")
    client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    last = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert last.text.value == 'Local model: you said "What is my name?". Earlier you said "My name is Ada".'
    message = client.messages.get_last_message_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert message.run_id and message.agent_id == agent.id and message.status == "completed"
    steps = list(client.run_steps.list(thread_id=thread.id, run_id=message.run_id))
    assert [s.type for s in steps] == ["message_creation"]
    assert steps[0].step_details.message_creation.message_id == message.id


def test_status_moves_from_queued_to_completed_on_the_next_read(client):
    agent = _agent(client)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="hi")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    assert run.status == RunStatus.QUEUED
    assert client.runs.get(thread_id=thread.id, run_id=run.id).status == RunStatus.COMPLETED
    assert [r.id for r in client.runs.list(thread_id=thread.id)] == [run.id]
    assert client.runs.update(thread_id=thread.id, run_id=run.id, metadata={"a": "b"}).metadata == {"a": "b"}


def test_auto_function_calls_run_on_the_client(client):
    toolset = ToolSet()
    toolset.add(FunctionTool({get_weather}))
    client.enable_auto_function_calls(toolset)
    agent = _agent(client, toolset=toolset)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="What is the weather in Oslo?")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    assert run.status == RunStatus.COMPLETED
    answer = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert answer.text.value == 'The tools returned: get_weather -> {"city": "Oslo", "weather": "rain"}'
    steps = list(client.run_steps.list(thread_id=thread.id, run_id=run.id, order=ListSortOrder.ASCENDING))
    call = steps[0].step_details.tool_calls[0]
    assert (call.type, call.function.name, json.loads(call.function.arguments)) == ("function", "get_weather",
                                                                                  {"city": "Oslo"})
    assert call.as_dict()["function"]["output"] == '{"city": "Oslo", "weather": "rain"}'


def test_requires_action_and_manual_tool_outputs(client):
    agent = _agent(client, tools=FunctionTool({get_weather}).definitions)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="weather in Lima")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    run = client.runs.get(thread_id=thread.id, run_id=run.id)
    assert run.status == RunStatus.REQUIRES_ACTION
    assert isinstance(run.required_action, SubmitToolOutputsAction)
    call = run.required_action.submit_tool_outputs.tool_calls[0]
    with pytest.raises(HttpResponseError) as missing:
        client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=[])
    assert missing.value.status_code == 400
    with pytest.raises(HttpResponseError) as busy:
        client.messages.create(thread_id=thread.id, role="user", content="are you there?")
    assert busy.value.status_code == 400
    run = client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id,
                                          tool_outputs=[ToolOutput(tool_call_id=call.id, output="sunny")])
    assert run.status == RunStatus.QUEUED
    assert client.runs.get(thread_id=thread.id, run_id=run.id).status == RunStatus.COMPLETED
    with pytest.raises(HttpResponseError) as late:
        client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id,
                                        tool_outputs=[ToolOutput(tool_call_id=call.id, output="sunny")])
    assert late.value.status_code == 400


def test_cancel_before_the_run_starts(client):
    agent = _agent(client)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="hi")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    assert client.runs.cancel(thread_id=thread.id, run_id=run.id).status == RunStatus.CANCELLING
    assert client.runs.get(thread_id=thread.id, run_id=run.id).status == RunStatus.CANCELLED
    assert [m.role for m in client.messages.list(thread_id=thread.id)] == [MessageRole.USER]
    with pytest.raises(HttpResponseError) as again:
        client.runs.cancel(thread_id=thread.id, run_id=run.id)
    assert again.value.status_code == 400


def test_run_fails_when_its_agent_is_gone_and_expires_when_left_waiting(client, svc):
    agent = _agent(client, tools=FunctionTool({get_weather}).definitions)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="weather in Rome")
    waiting = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    assert client.runs.get(thread_id=thread.id, run_id=waiting.id).status == RunStatus.REQUIRES_ACTION
    stored = svc.store.get("run", waiting.id)
    svc.store.update("run", waiting.id, {**stored, "expires_at": stored["created_at"] - 1})
    assert client.runs.get(thread_id=thread.id, run_id=waiting.id).status == RunStatus.EXPIRED
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    client.delete_agent(agent.id)
    failed = client.runs.get(thread_id=thread.id, run_id=run.id)
    assert failed.status == RunStatus.FAILED and failed.last_error.code == "server_error"


def test_create_thread_and_run(client):
    agent = _agent(client)
    run = client.create_thread_and_process_run(agent_id=agent.id, thread={
        "messages": [{"role": "user", "content": "Tell me a joke"}]}, polling_interval=0.01)
    assert run.status == RunStatus.COMPLETED
    text = client.messages.get_last_message_text_by_role(thread_id=run.thread_id, role=MessageRole.AGENT)
    assert text.text.value == 'Local model: you said "Tell me a joke".'


def test_code_interpreter_step_image_and_file_path(client, tmp_path):
    uploaded = client.files.upload_and_poll(file_path=str(_write(tmp_path / "data.csv", "a,b\n1,2\n")),
                                            purpose=FilePurpose.AGENTS, polling_interval=0.01)
    tool = CodeInterpreterTool(file_ids=[uploaded.id])
    agent = _agent(client, tools=tool.definitions, tool_resources=tool.resources)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="Plot a chart of the csv")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    steps = list(client.run_steps.list(thread_id=thread.id, run_id=run.id, order=ListSortOrder.ASCENDING))
    assert [s.type for s in steps] == ["tool_calls", "message_creation"]
    code = steps[0].step_details.tool_calls[0].code_interpreter
    assert code.input == "print(sum(range(10)))" and code.outputs[0].logs == "45"
    messages = client.messages.list(thread_id=thread.id)
    answer = next(iter(messages))
    image_id = answer.image_contents[0].image_file.file_id
    assert answer.file_path_annotations[0].file_path.file_id == image_id
    assert answer.file_path_annotations[0].text == "sandbox:/mnt/data/chart.png"
    client.files.save(file_id=image_id, file_name="chart.png", target_dir=tmp_path)
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
    assert step_by_id(client, thread.id, run.id, steps[0].id).type == "tool_calls"


def step_by_id(client, thread_id, run_id, step_id):
    return client.run_steps.get(thread_id=thread_id, run_id=run_id, step_id=step_id)


def test_file_search_citation(client, tmp_path):
    uploaded = client.files.upload_and_poll(file_path=str(_write(tmp_path / "facts.md", "Widgets cost 42.\n")),
                                            purpose=FilePurpose.AGENTS, polling_interval=0.01)
    store = client.vector_stores.create_and_poll(file_ids=[uploaded.id], name="facts", polling_interval=0.01)
    search = FileSearchTool(vector_store_ids=[store.id])
    agent = _agent(client, tools=search.definitions, tool_resources=search.resources)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="What do widgets cost?")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    answer = client.messages.get_last_message_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    citation = answer.file_citation_annotations[0]
    assert citation.file_citation.file_id == uploaded.id
    assert answer.text_messages[0].text.value[citation.start_index:citation.end_index] == citation.text
    steps = list(client.run_steps.list(thread_id=thread.id, run_id=run.id, order=ListSortOrder.ASCENDING))
    assert steps[0].step_details.tool_calls[0].file_search.results[0].file_name == "facts.md"


def test_json_schema_response_format(client):
    schema = {"type": "object", "properties": {"planet": {"$ref": "#/$defs/Planet"}, "mass": {"type": "number"}},
              "required": ["planet", "mass"], "$defs": {"Planet": {"enum": ["Mars", "Earth"], "type": "string"}}}
    agent = _agent(client, response_format=ResponseFormatJsonSchemaType(
        json_schema=ResponseFormatJsonSchema(name="planet", schema=schema)))
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="Mars weighs 6.4E23 kg")
    client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    text = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert json.loads(text.text.value) == {"planet": "Mars", "mass": 1}


def test_azure_tool_definitions_are_accepted(client):
    tools = [{"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"connection_id": "c"}]}},
             {"type": "azure_ai_search"}, {"type": "openapi", "openapi": {"name": "x", "spec": {}}},
             {"type": "connected_agent", "connected_agent": {"id": "asst_1", "name": "n", "description": "d"}},
             {"type": "azure_function", "azure_function": {"function": {"name": "f"}}}]
    agent = _agent(client, tools=tools)
    assert [t["type"] for t in client.get_agent(agent.id).as_dict()["tools"]] == [t["type"] for t in tools]


def test_strictness(client, svc):
    with pytest.raises(ResourceNotFoundError):
        client.threads.get("thread_missing")
    with pytest.raises(ResourceNotFoundError):
        client.runs.create(thread_id=client.threads.create().id, agent_id="asst_missing")
    raw = httpx.post(f"{svc.project_endpoint}/assistants?api-version=v1", verify=svc.ssl_context(),
                     headers={"Authorization": "Bearer t"}, json={"model": "gpt-4o", "agent": {"name": "x"}})
    assert raw.status_code == 400
    assert raw.json()["error"]["param"] == "agent" and raw.json()["error"]["code"] == "unknown_parameter"
    wrong_type = httpx.post(f"{svc.project_endpoint}/assistants?api-version=v1", verify=svc.ssl_context(),
                            headers={"Authorization": "Bearer t"}, json={"model": "gpt-4o", "name": 7})
    assert wrong_type.status_code == 400 and wrong_type.json()["error"]["param"] == "name"
    bad_tool = httpx.post(f"{svc.project_endpoint}/assistants?api-version=v1", verify=svc.ssl_context(),
                          headers={"Authorization": "Bearer t"}, json={"model": "gpt-4o", "tools": [{"type": "x"}]})
    assert bad_tool.status_code == 400 and bad_tool.json()["error"]["param"] == "tools[0].type"
    missing = httpx.get(f"{svc.project_endpoint}/threads/thread_nope/messages?api-version=v1", verify=svc.ssl_context(),
                        headers={"Authorization": "Bearer t"})
    assert missing.status_code == 404
    assert missing.json() == {"error": {"message": "No thread found with id 'thread_nope'.",
                                        "type": "not_found_error", "param": None, "code": "not_found"}}
    no_version = httpx.get(f"{svc.project_endpoint}/assistants", verify=svc.ssl_context(),
                           headers={"Authorization": "Bearer t"})
    assert no_version.status_code == 400 and no_version.json()["error"]["param"] == "api-version"


def _write(path, text):
    path.write_text(text)
    return path


def test_file_search_content_only_when_included(client, tmp_path):
    from azure.ai.agents.models import RunAdditionalFieldList

    uploaded = client.files.upload(file=("faq.md", b"Shipping is free.\n"), purpose=FilePurpose.AGENTS)
    store = client.vector_stores.create_and_poll(file_ids=[uploaded.id], polling_interval=0.01)
    search = FileSearchTool(vector_store_ids=[store.id])
    agent = _agent(client, tools=search.definitions, tool_resources=search.resources)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="Is shipping free?")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    plain = next(iter(client.run_steps.list(thread_id=thread.id, run_id=run.id, order=ListSortOrder.ASCENDING)))
    assert "content" not in plain.as_dict()["step_details"]["tool_calls"][0]["file_search"]["results"][0]
    full = client.run_steps.get(thread_id=thread.id, run_id=run.id, step_id=plain.id,
                                include=[RunAdditionalFieldList.FILE_SEARCH_CONTENTS])
    assert full.step_details.tool_calls[0].file_search.results[0].content[0].text == "Shipping is free."


def test_truncation_and_token_budget(client):
    agent = _agent(client)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="first words")
    client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01)
    client.messages.create(thread_id=thread.id, role="user", content="second words")
    client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01,
                                   truncation_strategy={"type": "last_messages", "last_messages": 1})
    forgot = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert forgot.text.value == 'Local model: you said "second words".'
    client.messages.create(thread_id=thread.id, role="user", content="third")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.01,
                                         max_completion_tokens=3)
    assert run.status == "incomplete" and run.incomplete_details.reason == "max_completion_tokens"
    cut = client.messages.get_last_message_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert (cut.status, cut.text_messages[0].text.value) == ("incomplete", "Local model: you")


def test_legacy_state_survives_a_restart(tmp_path):
    from helpers.local import start

    first = start(tmp_path)
    with first.agents_client() as client:
        agent = client.create_agent(model="gpt-4o", name="kept")
        thread = client.threads.create()
        client.messages.create(thread_id=thread.id, role="user", content="remember me")
    first.stop()
    second = start(tmp_path)
    try:
        with second.agents_client() as client:
            assert client.get_agent(agent.id).name == "kept"
            texts = [m.text_messages[0].text.value for m in client.messages.list(thread_id=thread.id)]
            assert texts == ["remember me"]
    finally:
        second.stop()
