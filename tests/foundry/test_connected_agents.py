"""Connected agents (ConnectedAgentTool) become functions that the application answers by asking that agent."""
from __future__ import annotations

import ast
import json

from helpers import convert_code
from helpers.payloads import convert_payload

from .support import assert_converts, convert_checked, dedent

HEAD = """\
import os

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import ConnectedAgentTool

client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=credential)
"""
REQUEST_SCHEMA = ('{"type": "object", "properties": {"request": {"type": "string", "description": "What to ask the '
                  'agent, with everything it needs to answer."}}, "required": ["request"], '
                  '"additionalProperties": False}')


def test_one_connected_agent_becomes_a_function_answered_by_asking_that_agent():
    result = assert_converts(HEAD + dedent("""\
        translator = client.create_agent(model="gpt-4.1", name="translator", instructions="Into French.")
        # the desk hands translations over
        translate = ConnectedAgentTool(id=translator.id, name="translate", description="Translates to French")
        desk = client.create_agent(model="gpt-4.1", name="desk", instructions="Help.", tools=translate.definitions)
        thread = client.threads.create()
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=desk.id)
        print(run.status)
    """), f"""\
        import os

        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import FunctionTool, PromptAgentDefinition
        import json

        client = AIProjectClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=credential)
        openai_client = client.get_openai_client()
        translator = client.agents.create_version(agent_name="translator", definition=PromptAgentDefinition(model="gpt-4.1", instructions="Into French."))
        # the desk hands translations over
        translate = FunctionTool(
            name="translate",
            description="Translates to French",
            parameters={REQUEST_SCHEMA},
            strict=True,
        )
        desk = client.agents.create_version(agent_name="desk", definition=PromptAgentDefinition(model="gpt-4.1", instructions="Help.", tools=[translate]))
        thread = openai_client.conversations.create()
        run = openai_client.responses.create(conversation=thread.id, extra_body={{"agent_reference": {{"name": desk.name, "version": desk.version, "type": "agent_reference"}}}})
        connected_agents = {{  # function name -> the agent that answers it (2.x has no connected agents)
            "translate": {{"agent_reference": {{"name": translator.name, "version": translator.version, "type": "agent_reference"}}}},
        }}
        while any(item.type == "function_call" for item in run.output):
            function_outputs = [
                {{"type": "function_call_output", "call_id": item.call_id,
                 "output": openai_client.responses.create(input=json.loads(item.arguments)["request"], extra_body=connected_agents[item.name]).output_text}}
                for item in run.output if item.type == "function_call"
            ]
            run = openai_client.responses.create(conversation=thread.id, input=function_outputs, extra_body={{"agent_reference": {{"name": desk.name, "version": desk.version, "type": "agent_reference"}}}})
        print(run.status)
    """)
    warning = [n for n in result.notes if n.rule == "connected_agents" and n.severity == "warning"]
    assert [(n.line, n.column) for n in warning] == [(9, 13)]
    assert "no connected-agent tool" in warning[0].message and "workflow agent" in warning[0].message
    assert "`translator`" in warning[0].message
    assert any(n.rule == "connected_agents" and n.line == 12 and "Added the loop" in n.message for n in result.notes)


def test_several_connected_agents_are_each_asked_under_their_own_function_name():
    result = convert_checked(HEAD + dedent("""\
        prices_name = "prices"
        prices = client.create_agent(model="m", name=prices_name, instructions="Prices.")
        weather = client.create_agent(model="m", name="weather", instructions="Weather.")
        price_tool = ConnectedAgentTool(id=prices.id, name=prices_name, description="Stock prices")
        weather_tool = ConnectedAgentTool(id=weather.id, name="weather", description="Forecasts")
        with client:
            agent = client.create_agent(model="m", name="desk", tools=[
                price_tool.definitions[0],
                weather_tool.definitions[0],
            ])
            run = client.runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
    """))
    out = result.output
    assert "tools=[price_tool, weather_tool]" in out
    assert ('        prices_name: {"agent_reference": {"name": prices.name, "version": prices.version, '
            '"type": "agent_reference"}},\n'
            '        "weather": {"agent_reference": {"name": weather.name, "version": weather.version, '
            '"type": "agent_reference"}},\n    }\n    while any(') in out
    assert out.count("while any(") == 1 and "ConnectedAgentTool" not in out and "azure.ai.agents" not in out


def test_a_toolset_with_own_functions_and_a_connected_agent_answers_both_in_one_loop():
    result = convert_checked(dedent("""\
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import ConnectedAgentTool, FunctionTool, ToolSet


        def opening_hours(shop: str) -> str:
            \"\"\"Opening hours of a shop.\"\"\"
            return "9-17"


        client = AgentsClient(endpoint=e, credential=c)
        pricer = client.create_agent(model="m", name="pricer", instructions="Prices.")
        toolset = ToolSet()
        toolset.add(FunctionTool(functions={opening_hours}))
        toolset.add(ConnectedAgentTool(id=pricer.id, name="pricer", description="Knows prices"))
        client.enable_auto_function_calls(toolset)
        agent = client.create_agent(model="m", name="desk", toolset=toolset)
        run = client.runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
    """))
    out = result.output
    assert out.count("while any(") == 1
    assert ('"output": openai_client.responses.create(input=json.loads(item.arguments)["request"], '
            'extra_body=connected_agents[item.name]).output_text if item.name in connected_agents else '
            'str({"opening_hours": opening_hours}[item.name](**json.loads(item.arguments)))}') in out
    assert "toolset.append(FunctionTool(\n    name=\"pricer\",\n" in out
    assert "next to the functions" in next(n.message for n in result.notes if "Added the loop" in n.message)


def test_an_async_client_awaits_the_connected_agent():
    result = convert_checked(dedent("""\
        from azure.ai.agents.aio import AgentsClient
        from azure.ai.agents.models import ConnectedAgentTool


        async def main(client: AgentsClient, thread_id: str) -> str:
            helper = await client.create_agent(model="m", name="forecaster", instructions="Forecast.")
            forecast = ConnectedAgentTool(id=helper.id, name="forecaster", description="Gives the weather")
            agent = await client.create_agent(model="m", name="desk", tools=forecast.definitions)
            run = await client.runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
            return run.status
    """))
    out = result.output
    assert ('"output": (await openai_client.responses.create(input=json.loads(item.arguments)["request"], '
            'extra_body=connected_agents[item.name])).output_text}') in out
    assert "        run = await openai_client.responses.create(conversation=thread_id, input=function_outputs," in out
    assert "from azure.ai.projects.aio import AIProjectClient" in out


def test_a_run_that_was_polled_gets_the_loop_where_the_polling_was():
    result = convert_checked(HEAD + dedent("""\
        import time
        helper = client.create_agent(model="m", name="helper")
        tool = ConnectedAgentTool(id=helper.id, name="helper", description="Helps")
        agent = client.create_agent(model="m", name="desk", tools=tool.definitions)
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        while run.status in ("queued", "in_progress"):
            time.sleep(1)
            run = client.runs.get(thread_id=thread.id, run_id=run.id)
        print(run.status)
    """))
    out = result.output
    assert "time.sleep" not in out and "runs.get" not in out
    loop = out[out.index("run = openai_client.responses.create(conversation=thread.id, extra_body="):]
    assert loop.index("connected_agents = {") < loop.index("while any(") < loop.index("print(run.status)")


def test_an_own_function_loop_is_told_to_answer_the_connected_agents_too():
    result = convert_checked(HEAD + dedent("""\
        helper = client.create_agent(model="m", name="helper")
        tool = ConnectedAgentTool(id=helper.id, name="helper", description="Helps")
        agent = client.create_agent(model="m", name="desk", tools=tool.definitions)
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        while run.status in ("queued", "in_progress", "requires_action"):
            run = client.runs.get(thread_id=thread.id, run_id=run.id)
            if run.status == "requires_action":
                client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=answer(run))
    """))
    assert "connected_agents = {" not in result.output
    note = next(n for n in result.notes if n.rule == "connected_agents" and n.line == 10)
    assert note.severity == "warning" and "in your function loop, answer \"helper\"" in note.message


def test_a_connected_agent_not_created_here_stays_with_a_located_note():
    source = HEAD + dedent("""\
        helper = ConnectedAgentTool(id=os.environ["HELPER_ID"], name="helper", description="Knows things")
        agent = client.create_agent(model="m", name="desk", tools=helper.definitions)
        run = client.runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
    """)
    result = convert_checked(source)
    assert 'helper = ConnectedAgentTool(id=os.environ["HELPER_ID"], name="helper", description="Knows things")\n' \
        in result.output
    assert "while any(" not in result.output
    errors = [n for n in result.notes if n.line == 7 and n.severity == "error"]
    assert [(n.rule, n.column) for n in errors] == [("connected_agents", 10)]
    assert 'FunctionTool(name="helper"' in errors[0].message and '`os.environ["HELPER_ID"]`' in errors[0].message
    assert "<the migrated agent's name>" in errors[0].message


def test_a_streamed_run_of_an_agent_with_connected_agents_is_noted():
    result = convert_checked(HEAD + dedent("""\
        helper = client.create_agent(model="m", name="helper")
        tool = ConnectedAgentTool(id=helper.id, name="helper", description="Helps")
        agent = client.create_agent(model="m", name="desk", tools=tool.definitions)
        with client.runs.stream(thread_id=thread.id, agent_id=agent.id) as stream:
            for event in stream:
                pass
    """))
    note = next(n for n in result.notes if n.rule == "connected_agents" and n.line == 10)
    assert note.severity == "warning" and "function_call" in note.message
    assert "while any(" not in result.output


def test_the_table_takes_another_name_when_the_code_uses_connected_agents():
    result = convert_checked(HEAD + dedent("""\
        connected_agents = ["helper"]
        helper = client.create_agent(model="m", name="helper")
        tool = ConnectedAgentTool(id=helper.id, name="helper", description="Helps")
        agent = client.create_agent(model="m", name="desk", tools=tool.definitions)
        run = client.runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
    """))
    assert "connected_agents_ = {" in result.output and "extra_body=connected_agents_[item.name]" in result.output
    assert 'connected_agents = ["helper"]\n' in result.output


def test_a_connected_agent_run_from_a_function_returns_the_final_response():
    result = convert_checked(HEAD + dedent("""\
        def ask(question):
            helper = client.create_agent(model="m", name="helper")
            tool = ConnectedAgentTool(id=helper.id, name="helper", description="Helps")
            agent = client.create_agent(model="m", name="desk", tools=tool.definitions)
            return client.runs.create_and_process(thread_id=question, agent_id=agent.id)
    """))
    body = result.output[result.output.index("def ask"):]
    assert "    run = openai_client.responses.create(conversation=question," in body
    assert body.rstrip().endswith("return run")


def test_code_and_payload_write_the_same_function_for_a_connected_agent():
    code = convert_code(HEAD + dedent("""\
        helper = client.create_agent(model="m", name="helper")
        tool = ConnectedAgentTool(id=helper.id, name="fx_helper", description="knows currencies")
    """)).output
    call = next(n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call) and getattr(n.func, "id", "") ==
                "FunctionTool")
    from_code = {"type": "function", **{k.arg: ast.literal_eval(k.value) for k in call.keywords}}
    agent = {"id": "asst_1", "object": "assistant", "name": "desk", "model": "m", "tools": [
        {"type": "connected_agent", "connected_agent": {"id": "asst_2", "name": "fx_helper",
                                                         "description": "knows currencies"}}]}
    from_payload = json.loads(convert_payload(json.dumps(agent)).output)["definition"]["tools"][0]
    assert from_code == from_payload
    assert from_payload["parameters"]["required"] == ["request"] and from_payload["strict"] is True


def test_a_run_where_the_connected_agent_is_not_reachable_gets_a_note_instead_of_the_loop():
    result = convert_checked(HEAD + dedent("""\
        def setup():
            helper = client.create_agent(model="m", name="helper")
            tool = ConnectedAgentTool(id=helper.id, name="helper", description="Helps")
            agent = client.create_agent(model="m", name="desk", tools=tool.definitions)
            return agent


        def ask(agent, thread_id):
            return client.runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
    """))
    assert "while any(" not in result.output
    note = next(n for n in result.notes if n.rule == "connected_agents" and n.line == 15)
    assert note.severity == "warning" and "`helper`" in note.message and "not known here" in note.message


def test_connected_agents_and_this_codes_own_functions_share_one_loop():
    source = (
        "from azure.ai.agents import AgentsClient\n"
        "from azure.ai.agents.models import ConnectedAgentTool, FunctionTool\n"
        "\n"
        "def lookup(city: str) -> str:\n"
        "    \"\"\"Look up a city.\"\"\"\n"
        "    return city.upper()\n"
        "\n"
        "client = AgentsClient(endpoint='https://x', credential=c)\n"
        "helper = client.create_agent(model='m', name='helper', instructions='help')\n"
        "connected = ConnectedAgentTool(id=helper.id, name='helper', description='asks helper')\n"
        "functions = FunctionTool(functions={lookup})\n"
        "agent = client.create_agent(model='m', name='main', instructions='go',\n"
        "                            tools=connected.definitions + functions.definitions)\n"
        "thread = client.threads.create()\n"
        "run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)\n"
    )
    result = convert_checked(source)
    out = result.output
    assert out.count("while any(item.type == \"function_call\" for item in run.output):") == 1
    assert ("if item.name in connected_agents else str({\"lookup\": lookup}[item.name]"
            "(**json.loads(item.arguments)))") in out
    assert any("next to the functions of the FunctionTools built here" in n.message for n in result.notes)
