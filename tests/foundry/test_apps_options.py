"""Applications: options that have a 2.x place, answers read while polling, streams, line endings."""
from __future__ import annotations

import ast

from .support import assert_converts, convert_checked, dedent, messages

EXTRACTOR = '''
from azure.ai.agents import AgentsClient
from azure.ai.agents.models import ResponseFormatJsonSchema, ResponseFormatJsonSchemaType
from azure.identity import DefaultAzureCredential

INVOICE = {"type": "object", "properties": {"total": {"type": "number"}}, "required": ["total"]}


class InvoiceReader:
    def __init__(self, endpoint):
        self.client = AgentsClient(endpoint=endpoint, credential=DefaultAzureCredential())
        self.agent = self.client.create_agent(
            model="gpt-4o",
            name="invoice-reader",
            instructions="Read the total.",
            response_format=ResponseFormatJsonSchemaType(
                json_schema=ResponseFormatJsonSchema(name="invoice", description="The total", schema=INVOICE)
            ),
        )
'''


def test_json_schema_response_format_goes_to_the_definition_text_options():
    result = convert_checked(dedent(EXTRACTOR))
    out = result.output
    assert (
        "        self.agent = self.client.agents.create_version(\n"
        "            agent_name=\"invoice-reader\",\n"
        "            definition=PromptAgentDefinition(\n"
        "                model=\"gpt-4o\",\n"
        "                instructions=\"Read the total.\",\n"
        "                text=PromptAgentDefinitionTextOptions(format=TextResponseFormatJsonSchema("
        "name=\"invoice\", schema=INVOICE, description=\"The total\")),\n"
        "            ),\n"
        "        )\n"
    ) in out
    assert "from azure.ai.projects.models import PromptAgentDefinition, PromptAgentDefinitionTextOptions, " \
        "TextResponseFormatJsonSchema" in out
    assert "ResponseFormatJsonSchemaType" not in out and "TODO" not in out


def test_json_schema_given_as_a_dict_and_json_object():
    out = convert_checked(dedent('''
        schema_agent = client.create_agent(
            model="m", name="a",
            response_format={"type": "json_schema", "json_schema": {"name": "pick", "schema": S, "strict": True}},
        )
        object_agent = client.create_agent(model="m", name="b", response_format={"type": "json_object"})
        ''')).output
    assert "text=PromptAgentDefinitionTextOptions(format=TextResponseFormatJsonSchema(name=\"pick\", schema=S, " \
        "strict=True))" in out
    assert "text=PromptAgentDefinitionTextOptions(format=TextResponseFormatJsonObject())" in out


def test_thread_tool_resources_update_is_not_an_impossible_conversation_update():
    result = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient
        from flask import Flask, request

        app = Flask(__name__)
        client = AgentsClient(endpoint="https://example", credential=credential)


        @app.post("/threads/<thread_id>/store")
        def attach_store(thread_id):
            client.threads.update(thread_id, tool_resources={"file_search": {"vector_store_ids": [request.json["id"]]}})
            return "", 204
        '''))
    out = result.output
    assert "conversations.update" not in out
    assert "    # TODO(migration): tool_resources={\"file_search\": {\"vector_store_ids\": [request.json[\"id\"]]}}" in out
    assert "    return \"\", 204\n" in out
    assert "FileSearchTool(vector_store_ids=[...])" in messages(result, "warning")


def test_thread_update_with_metadata_keeps_the_metadata():
    out = convert_checked("client.threads.update(thread_id=t, metadata={'a': '1'}, tool_resources=r)\n").output
    assert "openai_client.conversations.update(t, metadata={'a': '1'})" in out
    assert "# TODO(migration): tool_resources=r" in out


def test_run_level_instructions_become_a_developer_message():
    result = convert_checked(
        "run = client.runs.create_and_process(thread_id=t.id, agent_id=agent.id, instructions='Answer in French.')\n")
    assert "input=[{\"type\": \"message\", \"role\": \"developer\", \"content\": 'Answer in French.'}]" in result.output
    assert "TODO" not in result.output
    assert "agent's instructions still apply" in messages(result, "warning")


POLLING_ROUTE = '''
import time

from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential
from flask import Flask, request

app = Flask(__name__)
client = AgentsClient(endpoint="https://example", credential=DefaultAzureCredential())


@app.post("/ask/<thread_id>")
def ask(thread_id):
    client.messages.create(thread_id=thread_id, role="user", content=request.json["q"])
    run = client.runs.create(thread_id=thread_id, agent_id=request.json["agent"])
    while True:
        run = client.runs.get(thread_id=thread_id, run_id=run.id)
        if run.status == "completed":
            answer = client.messages.get_last_message_text_by_role(thread_id=thread_id, role="assistant")
            break
        if run.status in ("failed", "cancelled"):
            return {"error": run.status}, 500
        time.sleep(0.5)
    return {"answer": answer}
'''


def test_answer_read_inside_the_polling_loop_moves_after_the_response():
    result = convert_checked(dedent(POLLING_ROUTE))
    out = result.output
    body = out[out.index("def ask(thread_id):"):]
    assert "while True" not in body and "time.sleep" not in body and "break" not in body
    assert (
        "    if run.status == \"completed\":\n"
        "        answer = run.output_text\n"
        "    if run.status in (\"failed\", \"cancelled\"):\n"
        "        return {\"error\": run.status}, 500\n"
        "    return {\"answer\": answer}\n"
    ) in body
    assert "status checks now run once" in messages(result, "info")


def test_polling_loop_that_only_waits_for_status_changes_is_removed():
    out = convert_checked(dedent('''
        def wait(client, thread_id, run):
            while True:
                run = client.runs.get(thread_id=thread_id, run_id=run.id)
                if run.status not in ("queued", "in_progress"):
                    break
                time.sleep(1)
            return run
        ''')).output
    # `run` here is not a response this code created, so nothing is assumed about it
    assert "while True:" in out


def test_polling_loop_with_other_work_stays():
    source = dedent(POLLING_ROUTE).replace("        time.sleep(0.5)\n",
                                           "        time.sleep(0.5)\n        app.logger.warning('slow')\n")
    out = convert_checked(source).output
    assert "    while True:\n" in out


STREAMLIT_STREAM = '''
import streamlit as st
from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential

client = AgentsClient(endpoint=st.secrets["endpoint"], credential=DefaultAzureCredential())

prompt = st.chat_input("Ask")
if prompt:
    client.messages.create(thread_id=st.session_state.thread_id, role="user", content=prompt)
    with client.runs.stream(thread_id=st.session_state.thread_id, agent_id=st.session_state.agent_id) as stream:
        st.write_stream(stream.text_deltas)
'''


def test_text_deltas_handed_to_streamlit_become_a_generator_of_texts():
    out = convert_checked(dedent(STREAMLIT_STREAM)).output
    assert ("        st.write_stream((event.delta for event in stream "
            "if event.type == \"response.output_text.delta\"))\n") in out
    assert "text_deltas" not in out


def test_crlf_file_stays_crlf_with_inserted_lines():
    source = dedent('''
        from azure.ai.agents import AgentsClient


        class Desk:
            def __init__(self, endpoint, credential):
                self.client = AgentsClient(endpoint=endpoint, credential=credential)

            def ask(self, thread_id, agent, text):
                self.client.messages.create(thread_id=thread_id, role="user", content=text)
                run = self.client.runs.create(thread_id=thread_id, agent_id=agent.id)
                while run.status in ("queued", "in_progress"):
                    run = self.client.runs.get(thread_id=thread_id, run_id=run.id)
                return run
        ''').replace("\n", "\r\n")
    result = convert_checked(source)
    out = result.output
    assert "self.openai_client = self.client.get_openai_client()\r\n" in out
    assert out.count("\n") == out.count("\r\n")
    ast.parse(out)
    assert out.replace("\r\n", "\n") == convert_checked(source.replace("\r\n", "\n")).output


def test_crlf_with_a_multiline_rewrite():
    source = ("thread = client.threads.create(\r\n"
              "    messages=[{\"role\": \"user\", \"content\": \"Hi\"}],\r\n"
              "    tool_resources=resources,\r\n"
              ")\r\n")
    out = convert_checked(source).output
    assert out.count("\n") == out.count("\r\n") and "# TODO(migration): tool_resources=resources" in out


def test_already_converted_application_comes_back_byte_for_byte():
    converted = convert_checked(dedent(POLLING_ROUTE)).output
    assert_converts(converted, converted)


def test_tool_resources_given_at_update_time_reach_the_tools():
    result = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import FileSearchToolResource, ToolResources

        client = AgentsClient(endpoint="https://example", credential=credential)


        def attach_store(agent, store):
            client.update_agent(agent.id, tool_resources=ToolResources(
                file_search=FileSearchToolResource(vector_store_ids=[store.id])))
        '''))
    out = result.output
    assert ('tools=[FileSearchTool(vector_store_ids=[store.id]) if tool.type == "file_search" else tool '
            'for tool in previous_definition.tools]') in out
    assert "TODO" not in out
    assert "vector store ids into its file search tool" in messages(result, "info")
