"""Streamed runs through azure-ai-agents 1.1.0: iteration, event handlers,
function calls answered inside the stream, and the async client."""
from __future__ import annotations

import asyncio

import pytest
from azure.ai.agents.models import (
    AgentEventHandler, AgentStreamEvent, AsyncAgentEventHandler, AsyncFunctionTool, AsyncToolSet, FunctionTool,
    MessageDeltaChunk, MessageRole, RunStatus, RunStep, ThreadMessage, ThreadRun, ToolSet,
)

from .classic_support import async_agents_client

PLAIN_EVENTS = [
    "thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
    "thread.run.step.in_progress", "thread.message.created", "thread.message.in_progress",
    "thread.message.delta", "thread.message.completed", "thread.run.step.completed", "thread.run.completed", "done",
]

def lookup_order(order_id: str) -> str:
    """Status of an order.

    :param order_id: the order
    :return: the status
    """
    return f"order {order_id} shipped"


async def lookup_order_async(order_id: str) -> str:
    """Status of an order.

    :param order_id: the order
    :return: the status
    """
    return f"order {order_id} shipped"


def _collapse(names):
    """Event names with runs of deltas counted once (their number depends on the text)."""
    return [n for i, n in enumerate(names) if not (n.endswith(".delta") and i and names[i - 1] == n)]


@pytest.fixture
def client(svc):
    with svc.agents_client() as agents:
        yield agents


def test_stream_iteration_events_and_text(client):
    agent = client.create_agent(model="gpt-4o", name="streamer")
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="Say something nice")
    names, text = [], ""
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id) as stream:
        for name, data, _ in stream:
            names.append(name)
            if isinstance(data, MessageDeltaChunk):
                text += data.text
            if name == AgentStreamEvent.THREAD_RUN_COMPLETED:
                assert isinstance(data, ThreadRun) and data.status == RunStatus.COMPLETED
    assert _collapse(names) == PLAIN_EVENTS
    assert text == 'Local model: you said "Say something nice".'
    stored = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    assert stored.text.value == text


def test_event_handler_with_toolset_submits_outputs_inside_the_stream(client):
    toolset = ToolSet()
    toolset.add(FunctionTool({lookup_order}))
    client.enable_auto_function_calls(toolset)
    agent = client.create_agent(model="gpt-4o", name="orders", toolset=toolset)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="where is my order?")

    class Handler(AgentEventHandler):
        def __init__(self):
            super().__init__()
            self.runs, self.steps, self.messages, self.text = [], [], [], ""

        def on_thread_run(self, run):
            self.runs.append(run.status)

        def on_run_step(self, step):
            self.steps.append((step.type, step.status))

        def on_thread_message(self, message):
            self.messages.append(message.status)

        def on_message_delta(self, delta):
            self.text += delta.text

    handler = Handler()
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=handler) as stream:
        stream.until_done()
    assert handler.runs == ["queued", "queued", "in_progress", "requires_action", "queued", "in_progress",
                            "completed"]
    assert ("tool_calls", "completed") in handler.steps and handler.messages == ["in_progress", "in_progress",
                                                                                  "completed"]
    assert handler.text == "The tools returned: lookup_order -> order order_id shipped"


def test_submit_tool_outputs_stream_by_hand(client):
    agent = client.create_agent(model="gpt-4o", name="orders", tools=FunctionTool({lookup_order}).definitions)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="check the order please")
    required = None
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id) as stream:
        for name, data, _ in stream:
            if name == AgentStreamEvent.THREAD_RUN_REQUIRES_ACTION:
                required = data
    call = required.required_action.submit_tool_outputs.tool_calls[0]
    handler = AgentEventHandler()
    client.runs.submit_tool_outputs_stream(thread_id=thread.id, run_id=required.id, event_handler=handler,
                                           tool_outputs=[{"tool_call_id": call.id, "output": "late"}])
    kinds = [type(data).__name__ for _, data, _ in handler]
    assert kinds[0] == "ThreadRun" and "MessageDeltaChunk" in kinds and kinds[-1] == "str"
    assert client.runs.get(thread_id=thread.id, run_id=required.id).status == RunStatus.COMPLETED


def test_async_client_stream_and_toolset(svc):
    async def scenario():
        async with async_agents_client(svc) as client:
            toolset = AsyncToolSet()
            toolset.add(AsyncFunctionTool({lookup_order_async}))
            client.enable_auto_function_calls(toolset)
            agent = await client.create_agent(model="gpt-4o", name="async", toolset=toolset)
            thread = await client.threads.create()
            await client.messages.create(thread_id=thread.id, role="user", content="order status?")
            run = await client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id,
                                                       polling_interval=0.01)
            processed = await client.messages.get_last_message_text_by_role(thread_id=thread.id,
                                                                           role=MessageRole.AGENT)
            await client.messages.create(thread_id=thread.id, role="user", content="Thanks")
            seen = []

            class Handler(AsyncAgentEventHandler):
                async def on_thread_message(self, message):
                    seen.append(message)

                async def on_run_step(self, step):
                    seen.append(step)

            async with await client.runs.stream(thread_id=thread.id, agent_id=agent.id,
                                                event_handler=Handler()) as stream:
                await stream.until_done()
            return run, processed, seen

    run, processed, seen = asyncio.run(scenario())
    assert run.status == RunStatus.COMPLETED
    assert processed.text.value == "The tools returned: lookup_order_async -> order order_id shipped"
    assert any(isinstance(item, RunStep) for item in seen)
    final = [item for item in seen if isinstance(item, ThreadMessage) and item.status == "completed"]
    assert final[0].text_messages[0].text.value.startswith('Local model: you said "Thanks".')


def test_async_client_crud_and_tool_outputs(svc):
    async def scenario():
        async with async_agents_client(svc) as client:
            agent = await client.create_agent(model="gpt-4o", name="a",
                                              tools=AsyncFunctionTool({lookup_order_async}).definitions)
            assert (await client.update_agent(agent.id, name="b")).name == "b"
            assert [a.id async for a in client.list_agents()] == [agent.id]
            thread = await client.threads.create()
            assert (await client.threads.update(thread.id, metadata={"x": "y"})).metadata == {"x": "y"}
            message = await client.messages.create(thread_id=thread.id, role="user", content="order please")
            assert (await client.messages.get(thread_id=thread.id, message_id=message.id)).id == message.id
            run = await client.runs.create(thread_id=thread.id, agent_id=agent.id)
            run = await client.runs.get(thread_id=thread.id, run_id=run.id)
            call = run.required_action.submit_tool_outputs.tool_calls[0]
            await client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id,
                                                  tool_outputs=[{"tool_call_id": call.id, "output": "ok"}])
            statuses = [r.status async for r in client.runs.list(thread_id=thread.id)]
            steps = [s.type async for s in client.run_steps.list(thread_id=thread.id, run_id=run.id)]
            second = await client.runs.create(thread_id=thread.id, agent_id=agent.id)
            cancelled = await client.runs.cancel(thread_id=thread.id, run_id=second.id)
            await client.threads.delete(thread.id)
            await client.delete_agent(agent.id)
            return statuses, steps, cancelled.status

    statuses, steps, cancelled = asyncio.run(scenario())
    assert statuses == [RunStatus.COMPLETED] and steps == ["message_creation", "tool_calls"]
    assert cancelled == RunStatus.CANCELLING
