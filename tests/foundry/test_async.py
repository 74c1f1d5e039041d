"""Async code: azure.ai.agents.aio, azure.ai.projects.aio 1.x and AsyncOpenAI beta -> the async 2.x clients.

Besides before/after pairs, every output is checked against the installed SDK:
each call on the new async clients that is a coroutine function must be
awaited, and `get_openai_client()` (a plain method returning AsyncOpenAI) must not.
"""
from __future__ import annotations

import ast
import inspect

import pytest

from .support import assert_converts, convert_checked, dedent


def _async_methods() -> dict[tuple[str, str], bool]:
    from azure.ai.projects.aio import AIProjectClient
    from azure.ai.projects.aio.operations import AgentsOperations
    from openai.resources.conversations.conversations import AsyncConversations
    from openai.resources.conversations.items import AsyncItems
    from openai.resources.responses.responses import AsyncResponses

    owners = {"conversations": AsyncConversations, "items": AsyncItems, "responses": AsyncResponses,
              "agents": AgentsOperations}
    table = {}
    for owner, cls in owners.items():
        for name, member in inspect.getmembers(cls, callable):
            if not name.startswith("_"):
                table[(owner, name)] = inspect.iscoroutinefunction(member)
    table[("*", "get_openai_client")] = inspect.iscoroutinefunction(AIProjectClient.get_openai_client)
    return table


def assert_awaits_match_the_sdk(code: str) -> int:
    """Check each new-SDK call's await against the installed async SDK; return how many were checked."""
    table = _async_methods()
    assert table[("*", "get_openai_client")] is False  # the fact the conversion relies on
    tree = ast.parse(code)
    awaited = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Await)}
    checked = 0
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        owner_node = node.func.value
        owner = owner_node.attr if isinstance(owner_node, ast.Attribute) else None
        key = ("*", method) if method == "get_openai_client" else (owner, method)
        if key not in table:
            continue
        checked += 1
        assert (id(node) in awaited) == table[key], f"line {node.lineno}: {ast.unparse(node)[:60]}"
    return checked


PAIRS = {
    "agents_aio_client": (
        """
        from azure.ai.agents.aio import AgentsClient
        from azure.identity.aio import DefaultAzureCredential

        async def main():
            async with DefaultAzureCredential() as credential:
                async with AgentsClient(endpoint=e, credential=credential) as client:
                    agent = await client.create_agent(model="gpt-4.1", name="helper")
                    thread = await client.threads.create()
                    await client.messages.create(thread_id=thread.id, role="user", content="Hi")
                    run = await client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
                    async for m in client.messages.list(thread_id=thread.id):
                        print(m.content[0].text.value)
        """,
        """
        from azure.identity.aio import DefaultAzureCredential
        from azure.ai.projects.aio import AIProjectClient
        from azure.ai.projects.models import PromptAgentDefinition

        async def main():
            async with DefaultAzureCredential() as credential:
                async with AIProjectClient(endpoint=e, credential=credential) as client:
                    openai_client = client.get_openai_client()
                    agent = await client.agents.create_version(agent_name="helper", definition=PromptAgentDefinition(model="gpt-4.1"))
                    thread = await openai_client.conversations.create()
                    await openai_client.conversations.items.create(conversation_id=thread.id, items=[{"type": "message", "role": "user", "content": "Hi"}])
                    run = await openai_client.responses.create(conversation=thread.id, extra_body={"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}})
                    async for m in openai_client.conversations.items.list(conversation_id=thread.id):
                        if m.type != "message":
                            continue
                        print(m.content[0].text)
        """,
    ),
    "last_text_is_read_not_awaited": (
        """
        async def ask(client, t, agent):
            run = await client.runs.create_and_process(thread_id=t, agent_id=agent.id)
            last = await client.messages.get_last_message_text_by_role(thread_id=t, role=MessageRole.AGENT)
            return last.text.value
        """,
        """
        async def ask(client, t, agent):
            openai_client = client.get_openai_client()
            run = await openai_client.responses.create(conversation=t, extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}})
            last = run.output_text
            return last
        """,
    ),
    "thread_and_run_in_async_code": (
        """
        from azure.ai.agents.aio import AgentsClient

        async def ask(question):
            client = AgentsClient(endpoint=e, credential=c)
            run = await client.create_thread_and_process_run(
                agent_id=agent_id, thread={"messages": [{"role": "user", "content": question}]}
            )
            return run.thread_id
        """,
        """
        from azure.ai.projects.aio import AIProjectClient

        async def ask(question):
            client = AIProjectClient(endpoint=e, credential=c)
            openai_client = client.get_openai_client()
            conversation = await openai_client.conversations.create(items=[{"type": "message", "role": "user", "content": question}])
            run = await openai_client.responses.create(
                conversation=conversation.id,
                extra_body={"agent_reference": {"name": agent_id, "type": "agent_reference"}},
            )
            return run.conversation.id
        """,
    ),
    "async_openai_beta": (
        """
        from openai import AsyncOpenAI

        client = AsyncOpenAI()

        async def main():
            assistant = await client.beta.assistants.create(model="gpt-4.1", name="tutor")
            thread = await client.beta.threads.create()
            run = await client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id)
        """,
        """
        from azure.ai.projects.aio import AIProjectClient
        from azure.ai.projects.models import PromptAgentDefinition
        from azure.identity.aio import DefaultAzureCredential
        import os

        project_client = AIProjectClient(endpoint=os.environ["AZURE_AI_PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
        client = project_client.get_openai_client()

        async def main():
            assistant = await project_client.agents.create_version(agent_name="tutor", definition=PromptAgentDefinition(model="gpt-4.1"))
            thread = await client.conversations.create()
            run = await client.responses.create(conversation=thread.id, extra_body={"agent_reference": {"name": assistant.name, "version": assistant.version, "type": "agent_reference"}})
        """,
    ),
    "projects_aio_1x": (
        """
        from azure.ai.projects.aio import AIProjectClient

        async def main():
            async with AIProjectClient(endpoint=e, credential=c) as project:
                agent = await project.agents.create_agent(model="gpt-4.1", name="n")
                await project.agents.delete_agent(agent.id)
        """,
        """
        from azure.ai.projects.aio import AIProjectClient
        from azure.ai.projects.models import PromptAgentDefinition

        async def main():
            async with AIProjectClient(endpoint=e, credential=c) as project:
                agent = await project.agents.create_version(agent_name="n", definition=PromptAgentDefinition(model="gpt-4.1"))
                await project.agents.delete_version(agent_name=agent.name, agent_version=agent.version)
        """,
    ),
    "async_openai_stream_gets_await": (
        """
        async def main(client):
            async with client.beta.threads.runs.stream(thread_id=t, assistant_id=a) as stream:
                async for text in stream.text_deltas:
                    print(text)
        """,
        """
        async def main(client):
            async with await client.responses.create(conversation=t, extra_body={"agent_reference": {"name": a, "type": "agent_reference"}}, stream=True) as stream:
                async for text in (event.delta async for event in stream if event.type == "response.output_text.delta"):
                    print(text)
        """,
    ),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_before_after(name):
    before, after = PAIRS[name]
    result = assert_converts(before, after)
    assert_awaits_match_the_sdk(result.output)


def test_the_await_checker_catches_mistakes():
    assert assert_awaits_match_the_sdk("async def f():\n    await openai_client.responses.create(input='x')\n") == 1
    with pytest.raises(AssertionError):
        assert_awaits_match_the_sdk("async def f():\n    openai_client.conversations.create()\n")
    with pytest.raises(AssertionError):
        assert_awaits_match_the_sdk("async def f():\n    c = await project.get_openai_client()\n")


UNCHANGED = [
    """
    from azure.ai.projects.aio import AIProjectClient
    from azure.identity.aio import DefaultAzureCredential

    async def main():
        async with DefaultAzureCredential() as credential, AIProjectClient(endpoint=e, credential=credential) as project:
            openai_client = project.get_openai_client()
            conversation = await openai_client.conversations.create()
            async for event in await openai_client.responses.create(conversation=conversation.id, extra_body=ref, stream=True):
                print(event.type)
    """,
    """
    from openai import AsyncOpenAI

    client = AsyncOpenAI()

    async def main():
        response = await client.responses.create(model="gpt-4.1", input="Hi")
    """,
]


@pytest.mark.parametrize("source", UNCHANGED)
def test_unchanged(source):
    source = dedent(source)
    result = convert_checked(source)
    assert result.output == source and not result.changed
