"""Tool paths of responses: function calls answered by `function_call_output` inputs, code-interpreter calls
with a container file to download, file-search calls with file citations."""
from __future__ import annotations

import json

import openai
import pytest
from azure.ai.projects.models import CodeInterpreterTool, FileSearchTool, FunctionTool, PromptAgentDefinition
from openai.types.containers import FileRetrieveResponse
from openai.types.conversations import ConversationItemList
from openai.types.responses import Response

from helpers.local.model import PNG_BYTES

from .new_api import agent_reference

WEATHER = FunctionTool(name="get_weather", description="Weather for a city", strict=True,
                       parameters={"type": "object", "properties": {"city": {"type": "string"}},
                                   "required": ["city"], "additionalProperties": False})


def _create(client, **kwargs) -> Response:
    return Response.model_validate(client.responses.with_raw_response.create(**kwargs).http_response.json())


@pytest.fixture
def client(svc):
    return svc.project_openai_client()


def test_function_call_then_output_with_previous_response_id(svc, client):
    svc.project_client().agents.create_version(agent_name="weather",
                                               definition=PromptAgentDefinition(model="gpt-4o", tools=[WEATHER]))
    asked = _create(client, input="What is the weather in Lisbon?", extra_body=agent_reference("weather"))
    [call] = asked.output
    assert (call.type, call.name, json.loads(call.arguments)) == ("function_call", "get_weather", {"city": "Lisbon"})
    assert asked.output_text == "" and asked.tools[0].name == "get_weather"
    answered = _create(client, previous_response_id=asked.id, extra_body=agent_reference("weather"),
                       input=[{"type": "function_call_output", "call_id": call.call_id, "output": '{"temp": 21}'}])
    assert answered.output_text == 'The tools returned: get_weather -> {"temp": 21}'


def test_function_call_in_a_conversation_keeps_every_item(svc, client):
    svc.project_client().agents.create_version(agent_name="weather",
                                               definition=PromptAgentDefinition(model="gpt-4o", tools=[WEATHER]))
    conversation = client.conversations.create()
    asked = _create(client, conversation=conversation.id, input="Weather in Rome?",
                    extra_body=agent_reference("weather"))
    call = asked.output[0]
    _create(client, conversation=conversation.id, extra_body=agent_reference("weather"),
            input=[{"type": "function_call_output", "call_id": call.call_id, "output": "sunny"}])
    raw = client.conversations.items.with_raw_response.list(conversation.id, order="asc")
    items = ConversationItemList.model_validate(raw.http_response.json()).data
    assert [i.type for i in items] == ["message", "function_call", "function_call_output", "message"]
    assert items[2].call_id == call.call_id and items[3].content[0].text == "The tools returned: get_weather -> sunny"


def test_tools_given_on_the_request_with_a_plain_model(svc):
    client = svc.openai_client()
    asked = _create(client, model="gpt-4o", input="Weather in Oslo?",
                    tools=[{"type": "function", "name": "get_weather", "parameters": WEATHER.parameters,
                            "strict": True}])
    assert asked.output[0].type == "function_call"


def test_code_interpreter_call_with_a_container_file(svc, client):
    svc.project_client().agents.create_version(
        agent_name="analyst", definition=PromptAgentDefinition(model="gpt-4o", tools=[CodeInterpreterTool()]))
    response = _create(client, input="Please plot a chart of 1..10", tool_choice="required",
                       extra_body=agent_reference("analyst"))
    code_call, message = response.output
    assert code_call.type == "code_interpreter_call" and code_call.code and code_call.outputs[0].logs == "45"
    [annotation] = message.content[0].annotations
    assert annotation.type == "container_file_citation" and annotation.filename == "chart.png"
    assert message.content[0].text[annotation.start_index:annotation.end_index] == "chart.png"
    assert annotation.container_id == code_call.container_id
    data = client.containers.files.content.retrieve(annotation.file_id, container_id=annotation.container_id)
    assert data.read() == PNG_BYTES
    raw = client.containers.files.with_raw_response.retrieve(annotation.file_id, container_id=annotation.container_id)
    info = FileRetrieveResponse.model_validate(raw.http_response.json())
    assert (info.bytes, info.path) == (len(PNG_BYTES), "/mnt/data/chart.png")
    assert [f.id for f in client.containers.files.list(annotation.container_id)] == [annotation.file_id]
    with pytest.raises(openai.NotFoundError):
        client.containers.files.content.retrieve("cfile_missing", container_id=annotation.container_id)


def _store_file(svc, vector_store_id, file_id, filename, text):
    """Files and vector stores as the files/vector-stores backend keeps them (kinds "file", "vector_store_file")."""
    svc.store.insert("file", file_id, {"id": file_id, "object": "file", "filename": filename,
                                       "bytes": len(text.encode()), "purpose": "assistants", "created_at": 0})
    svc.store.put_blob(file_id, text.encode())
    # keyed "<vector store id>:<file id>" so a file can be in several stores; the body's id is the file id
    svc.store.insert("vector_store_file", f"{vector_store_id}:{file_id}",
                     {"id": file_id, "object": "vector_store.file", "vector_store_id": vector_store_id},
                     parent=vector_store_id)


def test_file_search_call_with_a_file_citation(svc, client):
    _store_file(svc, "vs_docs", "file_products", "products.md", "Contoso sells hiking boots.\nSecond line.")
    svc.project_client().agents.create_version(agent_name="librarian", definition=PromptAgentDefinition(
        model="gpt-4o", tools=[FileSearchTool(vector_store_ids=["vs_docs"])]))
    response = _create(client, input="What does Contoso sell?", extra_body=agent_reference("librarian"),
                       include=["file_search_call.results"])
    search, message = response.output
    assert search.type == "file_search_call" and search.queries == ["What does Contoso sell?"]
    assert search.results[0].filename == "products.md" and search.results[0].text == "Contoso sells hiking boots."
    [citation] = message.content[0].annotations
    assert (citation.type, citation.file_id, citation.filename) == ("file_citation", "file_products", "products.md")
    assert 'From products.md: "Contoso sells hiking boots."' in response.output_text
    plain = _create(client, input="Again?", extra_body=agent_reference("librarian"))
    assert plain.output[0].results is None  # results only when included


def test_function_output_added_as_a_conversation_item_answers_the_call(svc, client):
    svc.project_client().agents.create_version(agent_name="weather",
                                               definition=PromptAgentDefinition(model="gpt-4o", tools=[WEATHER]))
    conversation = client.conversations.create(items=[{"role": "user", "content": "Weather in Bergen?"}])
    call = client.responses.create(conversation=conversation.id, extra_body=agent_reference("weather")).output[0]
    client.conversations.items.create(conversation.id, items=[
        {"type": "function_call_output", "call_id": call.call_id, "output": "rain"}])
    answer = _create(client, conversation=conversation.id, extra_body=agent_reference("weather"))
    assert answer.output_text == "The tools returned: get_weather -> rain"


def test_structured_inputs_fill_the_agents_placeholders(svc, client):
    from azure.ai.projects.models import StructuredInputDefinition

    _store_file(svc, "vs_manuals", "file_manual", "manual.txt", "Press the red button.")
    svc.project_client().agents.create_version(agent_name="templated", definition=PromptAgentDefinition(
        model="gpt-4o", instructions="Answer about {{product}}.",
        tools=[FileSearchTool(vector_store_ids=["{{store}}"])],
        structured_inputs={"product": StructuredInputDefinition(required=False, default_value="boots"),
                           "store": StructuredInputDefinition(required=True, schema={"type": "string"})}))
    reference = agent_reference("templated")
    answer = _create(client, input="How do I start it?",
                     extra_body={**reference, "structured_inputs": {"store": "vs_manuals"}})
    assert answer.instructions == "Answer about boots."
    assert answer.tools[0].vector_store_ids == ["vs_manuals"]
    assert answer.output[1].content[0].annotations[0].filename == "manual.txt"
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(input="x", extra_body=reference)
    assert caught.value.body["param"] == "structured_inputs.store"
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(input="x", extra_body={**reference, "structured_inputs": {"store": "vs_manuals",
                                                                                          "colour": "red"}})
    assert caught.value.body["message"] == "Unknown structured input 'colour'."
