"""End to end: a complete legacy function-calling script (azure-ai-agents style) converted."""
from __future__ import annotations

import ast

from helpers import verify_code

from .support import convert_checked

LEGACY_SCRIPT = '''\
"""Ask an agent about the weather; it calls our local functions."""
import json
import os
import time

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import (
    FunctionTool,
    ListSortOrder,
    RequiredFunctionToolCall,
    SubmitToolOutputsAction,
    ToolOutput,
)
from azure.identity import DefaultAzureCredential


def fetch_weather(city: str, unit: str = "celsius") -> str:
    """Look up the current weather for a city.

    :param city: Name of the city.
    :param unit: celsius or fahrenheit.
    """
    return json.dumps({"city": city, "temperature": 21, "unit": unit})


def local_time(zone: str) -> str:
    """Tell the local time in a time zone.

    :param zone: An IANA time zone such as Europe/Berlin.
    """
    return json.dumps({"zone": zone, "clock": "12:00"})


weather_functions = {fetch_weather, local_time}
functions = FunctionTool(functions=weather_functions)

client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())

with client:
    agent = client.create_agent(
        model=os.environ["MODEL_DEPLOYMENT_NAME"],
        name="weather-helper",
        instructions="Answer weather questions with the tools.",
        tools=functions.definitions,
    )
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="Weather and time in Berlin?")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)

    while run.status in ["queued", "in_progress", "requires_action"]:
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)
        if run.status == "requires_action" and isinstance(run.required_action, SubmitToolOutputsAction):
            tool_calls = run.required_action.submit_tool_outputs.tool_calls
            tool_outputs = []
            for tool_call in tool_calls:
                if isinstance(tool_call, RequiredFunctionToolCall):
                    print(f"calling {tool_call.function.name} with {tool_call.function.arguments}")
                    output = functions.execute(tool_call)
                    tool_outputs.append(ToolOutput(tool_call_id=tool_call.id, output=output))
            if tool_outputs:
                client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=tool_outputs)
        print(f"status: {run.status}")

    client.delete_agent(agent.id)
    messages = client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING)
    for message in messages:
        print(message.role, message.content[0].text.value)
'''

LEGACY_CALLS = ("create_agent", "threads.create", "messages.create", "runs.create", "runs.get",
                "submit_tool_outputs", "delete_agent", "messages.list", "FunctionTool(functions=", "ToolOutput(")


def test_whole_function_calling_script():
    result = convert_checked(LEGACY_SCRIPT)
    out = result.output
    tree = ast.parse(out)
    assert verify_code(out).ok
    assert not [n for n in result.notes if n.severity == "error"]
    # nothing legacy is left: no legacy imports or calls
    assert "azure.ai.agents" not in out and "AgentsClient" not in out
    for legacy in LEGACY_CALLS:
        assert f".{legacy}" not in out and f" {legacy}" not in out, legacy
    assert "requires_action" not in out and "required_action" not in out and "time.sleep" not in out
    # the agent carries one 2.x FunctionTool per local function, with a schema
    tools = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "FunctionTool"]
    assert sorted(ast.literal_eval(next(k.value for k in t.keywords if k.arg == "name")) for t in tools) == [
        "fetch_weather", "local_time"]
    assert "definition=PromptAgentDefinition(" in out and "tools=functions," in out
    # the function loop: read function_call items, run the function, send outputs with the conversation
    loop = next(n for n in ast.walk(tree) if isinstance(n, ast.While))
    assert ast.unparse(loop.test) == "any((item.type == 'function_call' for item in run.output))"
    body = ast.unparse(loop)
    assert "[item for item in run.output if item.type == 'function_call']" in body
    assert "tool_call.name" in body and "json.loads(tool_call.arguments)" in body
    assert "'call_id': tool_call.call_id" in body and "'type': 'function_call_output'" in body
    submit = [n for n in ast.walk(loop) if isinstance(n, ast.Assign) and ast.unparse(n.value).startswith(
        "openai_client.responses.create(")]
    assert len(submit) == 1
    keywords = {k.arg: ast.unparse(k.value) for k in submit[0].value.keywords}
    assert keywords["conversation"] == "thread.id" and keywords["input"] == "tool_outputs"
    assert "agent_reference" in keywords["extra_body"]
    # the user's own code and comments survive
    assert "def fetch_weather(city: str, unit: str = \"celsius\") -> str:" in out
    assert 'print(f"calling {tool_call.name} with {tool_call.arguments}")' in out


def test_notes_point_at_the_input_lines():
    result = convert_checked(LEGACY_SCRIPT)
    lines = LEGACY_SCRIPT.splitlines()
    for note in result.notes:
        if note.rule == "function_calling" and note.line:
            assert any(word in lines[note.line - 1] for word in ("while", "execute", "submit_tool_outputs"))
