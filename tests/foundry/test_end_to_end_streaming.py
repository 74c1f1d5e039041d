"""Whole legacy streaming scripts (sync and async) converted end to end.

The scripts are written for these tests in the style of the azure-ai-agents
streaming samples: an AgentEventHandler subclass, a streamed run, a plain
iteration over a second stream, and the async variant with awaited calls.
"""
from __future__ import annotations

import ast

from helpers import verify_code

from .support import convert_checked

SYNC_SCRIPT = '''\
"""Ask an agent for a limerick and print the answer as it streams in."""
import os
from typing import Any

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import (
    AgentEventHandler,
    AgentStreamEvent,
    MessageDeltaChunk,
    RunStep,
    ThreadMessage,
    ThreadRun,
)
from azure.identity import DefaultAzureCredential


class LimerickPrinter(AgentEventHandler):
    """Collects the streamed text and reports progress."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def on_message_delta(self, delta: "MessageDeltaChunk") -> None:
        self.parts.append(delta.text)
        print(delta.text, end="", flush=True)

    def on_thread_message(self, message: "ThreadMessage") -> None:
        print(f"\\n[message {message.id} is {message.status}]")

    def on_thread_run(self, run: "ThreadRun") -> None:
        print(f"[run is {run.status}]")

    def on_run_step(self, step: "RunStep") -> None:
        print(f"[step {step.type}: {step.status}]")

    def on_error(self, data: str) -> None:
        print(f"stream error: {data}")

    def on_done(self) -> None:
        print(f"\\n{len(self.parts)} pieces received")

    def on_unhandled_event(self, event_type: str, event_data: Any) -> None:
        pass


client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
with client:
    agent = client.create_agent(model=os.environ["MODEL_DEPLOYMENT_NAME"], name="bard", instructions="Answer in verse.")
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="A limerick about tea, please")

    # stream the answer through the handler
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=LimerickPrinter()) as stream:
        stream.until_done()

    client.messages.create(thread_id=thread.id, role="user", content="Now one about coffee")
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id) as stream:
        for event_type, event_data, _ in stream:
            if isinstance(event_data, MessageDeltaChunk):
                print(event_data.text, end="")
            elif isinstance(event_data, RunStep):
                print(event_data.status)
            elif event_type == AgentStreamEvent.ERROR:
                print(f"failed: {event_data}")
            elif event_type == AgentStreamEvent.DONE:
                break

    client.delete_agent(agent.id)
'''

ASYNC_SCRIPT = '''\
import asyncio
import os

from azure.ai.agents.aio import AgentsClient
from azure.ai.agents.models import AsyncAgentEventHandler, MessageDeltaChunk, RunStep
from azure.identity.aio import DefaultAzureCredential


class Echo(AsyncAgentEventHandler[str]):
    async def on_message_delta(self, delta: "MessageDeltaChunk") -> str:
        return delta.text

    async def on_run_step(self, step: "RunStep") -> str:
        return step.status

    async def on_done(self) -> str:
        return "done"


async def main() -> None:
    async with DefaultAzureCredential() as credential:
        async with AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=credential) as client:
            agent = await client.create_agent(model="gpt-4.1", name="echo", instructions="Repeat the question.")
            thread = await client.threads.create()
            await client.messages.create(thread_id=thread.id, role="user", content="Can you hear me?")
            async with await client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=Echo()) as stream:
                async for event_type, event_data, text in stream:
                    if text:
                        print(text, end="")
            await client.delete_agent(agent.id)


asyncio.run(main())
'''


def _calls(code: str) -> list[str]:
    return [ast.unparse(n.func) for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call)]


def test_sync_streaming_script():
    result = convert_checked(SYNC_SCRIPT)
    out = result.output
    verdict = verify_code(out)
    assert verdict.ok and len(verdict.checks) >= 6, verdict.summary
    # no legacy client or stream calls remain
    assert "AgentsClient" not in out and "runs.stream" not in out and "until_done" not in out
    assert "AgentEventHandler" not in out and "AgentStreamEvent" not in out and "MessageDeltaChunk" not in out
    # the handler is a plain class; its logic stays, adapted to a string delta
    assert "class LimerickPrinter:\n" in out
    assert "        self.parts.append(delta)\n        print(delta, end=\"\", flush=True)\n" in out
    assert 'print(f"\\n{len(self.parts)} pieces received")' in out
    # the streams are responses, consumed by event loops
    assert _calls(out).count("openai_client.responses.create") == 2
    assert out.count("stream=True) as stream:") == 2
    assert "    handler = LimerickPrinter()\n" in out
    loop = (
        "        for event in stream:\n"
        "            if event.type == \"response.output_text.delta\":\n"
        "                handler.on_message_delta(event.delta)\n"
    )
    assert loop in out
    assert "                handler.on_thread_message(event.item)\n" in out
    assert "                handler.on_error(event.message)\n" in out
    assert "                handler.on_unhandled_event(event.type, event)\n" in out
    assert "        handler.on_done()\n" in out
    assert "on_thread_run(event" not in out and "on_run_step(event" not in out
    # the iteration form
    assert "                print(event.delta, end=\"\")\n" in out
    assert 'elif event.type in ("error", "response.failed"):\n                print(f"failed: {event}")' in out
    assert 'elif event.type == "response.completed":\n                break' in out
    # notes for what has no counterpart, at their lines in the input
    source_lines = SYNC_SCRIPT.splitlines()
    unmapped = {n.line for n in result.notes if n.severity == "warning" and "no longer called" in n.message}
    assert {source_lines[line - 1].strip() for line in unmapped} == {
        'def on_thread_run(self, run: "ThreadRun") -> None:',
        'def on_run_step(self, step: "RunStep") -> None:',
    }
    disabled = next(n for n in result.notes if "isinstance(event_data, RunStep)" in n.message)
    assert source_lines[disabled.line - 1].strip() == "elif isinstance(event_data, RunStep):"
    # comments and the docstring survive
    assert "# stream the answer through the handler" in out and out.startswith('"""Ask an agent')


def test_async_streaming_script():
    result = convert_checked(ASYNC_SCRIPT)
    out = result.output
    assert verify_code(out).ok
    assert "from azure.identity.aio import DefaultAzureCredential" in out
    assert "from azure.ai.projects.aio import AIProjectClient" in out
    # The one legacy import left (RunStep, used by a handler method that is no longer called)
    # stays only with a note at its line that names it; no other azure.ai.agents line is left.
    legacy_lines = [line for line in out.splitlines() if "azure.ai.agents" in line]
    assert legacy_lines == ["from azure.ai.agents.models import RunStep"]
    kept = [n for n in result.notes if "RunStep" in n.message and "azure.ai.agents" in n.message]
    assert kept and ASYNC_SCRIPT.splitlines()[kept[0].line - 1].startswith("from azure.ai.agents.models import")
    assert "            openai_client = client.get_openai_client()\n" in out  # not awaited: a plain method
    assert "await client.agents.create_version(" in out
    assert "thread = await openai_client.conversations.create()" in out
    assert "            async with await openai_client.responses.create(" in out
    assert "                async for event in stream:\n                    text = None\n" in out
    assert "                        text = await handler.on_message_delta(event.delta)\n" in out
    assert "                await handler.on_done()\n" in out
    assert "class Echo:\n" in out and "        return delta\n" in out
    run_step = next(n for n in result.notes if "`on_run_step`" in n.message)
    assert run_step.line == 13 and run_step.severity == "warning"
