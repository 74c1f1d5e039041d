"""Rule runs_to_responses: create_thread_and_run and additional_messages -> a conversation plus a response."""
from __future__ import annotations

import pytest

from .support import assert_converts, convert_checked, dedent, messages

REF = '{"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}}'

PAIRS = {
    "thread_and_run_with_options_and_polling": (
        """
        import time
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import AgentThreadCreationOptions, ThreadMessageOptions

        client = AgentsClient(endpoint=e, credential=c)
        agent = client.create_agent(model="gpt-4.1", name="helper")
        run = client.create_thread_and_run(
            agent_id=agent.id,
            thread=AgentThreadCreationOptions(
                messages=[ThreadMessageOptions(role="user", content="Hello")],
                metadata={"topic": "greeting"},
            ),
        )
        while run.status in ("queued", "in_progress"):
            time.sleep(1)
            run = client.runs.get(thread_id=run.thread_id, run_id=run.id)
        print(run.thread_id)
        """,
        f"""
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import PromptAgentDefinition

        client = AIProjectClient(endpoint=e, credential=c)
        openai_client = client.get_openai_client()
        agent = client.agents.create_version(agent_name="helper", definition=PromptAgentDefinition(model="gpt-4.1"))
        conversation = openai_client.conversations.create(items=[{{"type": "message", "role": "user", "content": "Hello"}}], metadata={{"topic": "greeting"}})
        run = openai_client.responses.create(
            conversation=conversation.id,
            extra_body={REF},
        )
        print(run.conversation.id)
        """,
    ),
    "thread_and_process_run_without_thread": (
        """
        run = project_client.agents.create_thread_and_process_run(agent_id=agent.id)
        """,
        """
        openai_client = project_client.get_openai_client()
        conversation = openai_client.conversations.create()
        run = openai_client.responses.create(conversation=conversation.id, extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}})
        """,
    ),
    "openai_create_and_run_poll": (
        """
        run = client.beta.threads.create_and_run_poll(
            assistant_id=assistant.id,
            thread={"messages": [{"role": "user", "content": "Hi"}]},
        )
        """,
        """
        conversation = client.conversations.create(items=[{"type": "message", "role": "user", "content": "Hi"}])
        run = client.responses.create(
            conversation=conversation.id,
            extra_body={"agent_reference": {"name": assistant.id, "type": "agent_reference"}},
        )
        """,
    ),
    "name_in_use_gets_a_new_one": (
        """
        conversation = "chat"
        run = client.create_thread_and_run(agent_id=a, thread={"messages": [{"role": "user", "content": conversation}]})
        """,
        """
        conversation = "chat"
        openai_client = client.get_openai_client()
        conversation_2 = openai_client.conversations.create(items=[{"type": "message", "role": "user", "content": conversation}])
        run = openai_client.responses.create(conversation=conversation_2.id, extra_body={"agent_reference": {"name": a, "type": "agent_reference"}})
        """,
    ),
    "additional_messages_become_input_items": (
        """
        # one more turn
        from azure.ai.agents.models import MessageRole, ThreadMessageOptions

        run = client.runs.create_and_process(
            thread_id=thread.id,
            agent_id=agent.id,
            additional_messages=[
                ThreadMessageOptions(role=MessageRole.USER, content="First"),
                ThreadMessageOptions(role=MessageRole.AGENT, content="Noted"),
            ],
        )
        """,
        """
        # one more turn

        openai_client = client.get_openai_client()
        run = openai_client.responses.create(
            conversation=thread.id,
            input=[{"type": "message", "role": "user", "content": "First"}, {"type": "message", "role": "assistant", "content": "Noted"}],
            extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}},
        )
        """,
    ),
    "additional_messages_and_instructions_together": (
        """
        run = client.beta.threads.runs.create(
            thread_id=t, assistant_id=a, additional_messages=[{"role": "user", "content": "Q"}], additional_instructions="Short."
        )
        """,
        """
        run = client.responses.create(
            conversation=t,
            input=[{"type": "message", "role": "user", "content": "Q"}, {"type": "message", "role": "developer", "content": "Short."}],
            extra_body={"agent_reference": {"name": a, "type": "agent_reference"}},
        )
        """,
    ),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_before_after(name):
    before, after = PAIRS[name]
    assert_converts(before, after)


def test_unreadable_thread_options_stay_as_a_comment():
    result = convert_checked("run = client.create_thread_and_run(agent_id=a, thread=options)\n")
    assert "# TODO(migration): thread=options -- could not read these thread options" in result.output
    assert "conversation = openai_client.conversations.create()\n" in result.output
    assert "could not read" in messages(result, "warning")


def test_thread_fields_a_conversation_lacks_are_kept_and_noted():
    result = convert_checked(
        'run = client.create_thread_and_run(agent_id=a, thread={"messages": msgs, "tool_resources": tr})\n'
    )
    out = result.output
    assert "# TODO(migration): thread tool_resources=tr -- attach files and vector stores" in out
    assert "conversations.create(items=msgs)" in out
    warnings = messages(result, "warning")
    assert "`msgs` must hold conversation items" in warnings and "`tool_resources` of the thread" in warnings


def test_additional_messages_in_a_variable_are_unpacked_and_noted():
    result = convert_checked("run = client.runs.create(thread_id=t, agent_id=a, additional_messages=extra)\n")
    assert "input=[*extra]" in result.output
    assert "`extra` must hold input items" in messages(result, "warning")


def test_notes_point_at_the_call_line():
    result = convert_checked("x = 1\nrun = client.create_thread_and_run(agent_id=a)\n")
    created = next(n for n in result.notes if "conversation created first" in n.message)
    assert created.line == 2


UNCHANGED = [
    """
    conversation = openai_client.conversations.create(items=[{"type": "message", "role": "user", "content": "Hi"}])
    response = openai_client.responses.create(
        conversation=conversation.id,
        input=[{"type": "message", "role": "user", "content": "More"}],
        extra_body={"agent_reference": {"name": "helper", "type": "agent_reference"}},
    )
    print(response.output_text)
    """,
    # a method of the same name on something that is not an agents client
    """
    from scheduler import Client

    client = Client()
    client.create_thread_and_wait(job)
    """,
]


@pytest.mark.parametrize("source", UNCHANGED)
def test_unchanged(source):
    source = dedent(source)
    result = convert_checked(source)
    assert result.output == source and not result.changed
