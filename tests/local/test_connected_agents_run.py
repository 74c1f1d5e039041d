"""A converted connected-agent script runs against the local service, and the connected agent really answers.

The stand-in model calls a declared function when the user's text names it, so the user message
below names the connected agent's function ("forecaster"): the converted loop then asks that agent
(a response of its own, with the function's `request` argument as input) and sends its answer back.
"""
from __future__ import annotations

import helpers
from helpers.local.run import run_script

LEGACY = '''\
import os

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import ConnectedAgentTool, ListSortOrder
from azure.identity import DefaultAzureCredential

client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
with client:
    forecaster = client.create_agent(
        model=os.environ["MODEL_DEPLOYMENT_NAME"], name="forecaster", instructions="Give the weather of a city."
    )
    forecast = ConnectedAgentTool(id=forecaster.id, name="forecaster", description="Weather of a city")
    desk = client.create_agent(
        model=os.environ["MODEL_DEPLOYMENT_NAME"], name="travel-desk", instructions="Plan trips.",
        tools=forecast.definitions,
    )
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="Ask the forecaster about Oslo")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=desk.id)
    print("status:", run.status)
    for message in client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING):
        for text in message.text_messages:
            print(f"{message.role}: {text.text.value}")
    client.delete_agent(desk.id)
    client.delete_agent(forecaster.id)
'''


def test_the_converted_script_asks_the_connected_agent_and_prints_its_answer(svc, tmp_path):
    converted = helpers.convert_code(LEGACY)
    assert "ConnectedAgentTool" not in converted.output and "azure.ai.agents" not in converted.output
    script = tmp_path / "connected.py"
    script.write_text(converted.output)
    done = run_script(script, service=svc, capture=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "status: completed" in done.stdout
    # the stand-in filled `request` with "Oslo"; the forecaster's own answer came back as the function output
    assert 'assistant: The tools returned: forecaster -> Local model: you said "Oslo".' in done.stdout
