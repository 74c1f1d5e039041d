"""runs_to_responses, case by case: the exact code and the exact notes (line, severity, message).

Written to kill the mutants that survived `scripts/mutation.sh runs-to-responses`: the other
tests checked the converted calls but not the advice, the comments carried along, or the
branches for a missing thread, listed runs and unreadable thread options.
"""
from __future__ import annotations

import pytest

from helpers import convert_code

BEFORE = "from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"
AFTER = (
    "from azure.ai.projects import AIProjectClient\n"
    "client = AIProjectClient(endpoint=e, credential=c)\n"
    "openai_client = client.get_openai_client()\n"
)
AGENT_SETTING = ("this run-level override has no place when an agent is referenced; set it in the agent's "
                 "definition (create a new version), or call responses.create with a model instead of an agent")


def legacy_id(name: str) -> tuple[int, str, str]:
    return (3, "warning", f"`{name}` was a legacy agent id; 2.x references agents by name (and optional "
                          "version). Put the name of the migrated agent here.")


def ref(name: str) -> str:
    return f'extra_body={{"agent_reference": {{"name": {name}, "type": "agent_reference"}}}}'


NO_POLLING = (3, "info", "responses.create returns when the response is complete: no polling needed.")
CREATED_FIRST = (3, "info", "The thread this call created is now a conversation created first.")

CASES = {
    "every kind of argument": (
        "run = client.runs.create(\n"
        "    thread_id=thread.id,  # the thread\n"
        "    agent_id=agent.id,\n"
        '    additional_instructions="Be brief.",\n'
        "    max_completion_tokens=400,  # cap\n"
        '    tool_choice="auto",\n'
        "    temperature=0.2,\n"
        "    foo=1,\n"
        ")\n",
        f"# TODO(migration): temperature=0.2 -- {AGENT_SETTING}\n"
        "# TODO(migration): foo=1 -- unknown run option\n"
        "run = openai_client.responses.create(\n"
        "    conversation=thread.id,  # the thread\n"
        '    input=[{"type": "message", "role": "developer", "content": "Be brief."}],\n'
        f"    {ref('agent.id')},\n"
        "    max_output_tokens=400,  # cap\n"
        '    tool_choice="auto",\n'
        ")\n",
        [(3, "warning", f"`temperature` has no direct counterpart: {AGENT_SETTING}"),
         legacy_id("agent.id"),
         (3, "warning", "`foo` has no direct counterpart: unknown run option"),
         (3, "info", "`additional_instructions` became a developer message in `input`; unlike before, it is "
                     "stored in the conversation."),
         (3, "info", 'tool_choice objects differ in the Responses API: {"type": "function", "name": ...}.')],
    ),
    "no thread": (
        "run = client.runs.create(agent_id=agent.id)\n",
        f"run = openai_client.responses.create({ref('agent.id')})\n",
        [(3, "warning", "No thread was given: pass the conversation id as `conversation=`."), legacy_id("agent.id")],
    ),
    "listing runs": (
        "runs = client.runs.list(thread_id=t)\n",
        "runs = client.runs.list(thread_id=t)\n",
        [(3, "warning", "Responses are not listed per conversation; list the conversation's items "
                        "(conversations.items.list) or keep the response ids you create.")],
    ),
    "positional run id": (
        "r = client.runs.get(t, run_id)\n",
        "r = openai_client.responses.retrieve(run_id)\n",
        [],
    ),
    "messages that are not written out": (
        "run = client.runs.create(thread_id=t, agent_id=a, additional_messages=msgs)\n",
        f"run = openai_client.responses.create(conversation=t, input=[*msgs], {ref('a')})\n",
        [(3, "warning", '`msgs` must hold input items ({"type": "message", "role": ..., "content": ...}); legacy '
                        "message options are not items."),
         legacy_id("a"),
         (3, "info", "`additional_messages` became input items; they are added to the conversation.")],
    ),
    "thread options written out": (
        "run = client.create_thread_and_process_run(\n"
        "    agent_id=agent.id,\n"
        '    thread=AgentThreadCreationOptions(messages=[ThreadMessageOptions(role="user", content="Hi")], '
        'metadata={"k": "v"}, tool_resources=tr, other=1),\n'
        ")\n",
        "# TODO(migration): thread tool_resources=tr -- attach files and vector stores to the agent's tools\n"
        "# TODO(migration): thread other=1 -- a conversation has no such field\n"
        'conversation = openai_client.conversations.create(items=[{"type": "message", "role": "user", '
        '"content": "Hi"}], metadata={"k": "v"})\n'
        "run = openai_client.responses.create(\n"
        "    conversation=conversation.id,\n"
        f"    {ref('agent.id')},\n"
        ")\n",
        [(3, "warning", "`tool_resources` of the thread has no place on a conversation: attach files and vector "
                        "stores to the agent's tools."),
         (3, "warning", "`other` of the thread has no place on a conversation: a conversation has no such field."),
         legacy_id("agent.id"), CREATED_FIRST, NO_POLLING],
    ),
    "thread options that cannot be read": (
        "run = client.create_thread_and_process_run(agent_id=agent.id, thread=opts)\n",
        "# TODO(migration): thread=opts -- could not read these thread options; pass their messages to "
        "conversations.create(items=[...]) and their metadata as metadata=\n"
        "conversation = openai_client.conversations.create()\n"
        f"run = openai_client.responses.create(conversation=conversation.id, {ref('agent.id')})\n",
        [(3, "warning", "`thread` has no direct counterpart: could not read these thread options; pass their "
                        "messages to conversations.create(items=[...]) and their metadata as metadata="),
         legacy_id("agent.id"), CREATED_FIRST, NO_POLLING],
    ),
    "positional thread": (
        "run = client.runs.create(t, agent_id=a)\n",
        f"run = openai_client.responses.create(conversation=t, {ref('a')})\n",
        [legacy_id("a")],
    ),
    "thread messages that are not written out, resources over several lines": (
        "run = client.create_thread_and_process_run(agent_id=agent.id, thread=AgentThreadCreationOptions("
        "messages=msgs, tool_resources=ToolResources(\n    code_interpreter=ci,\n)))\n",
        "# TODO(migration): thread tool_resources=ToolResources( code_interpreter=ci, ) -- attach files and "
        "vector stores to the agent's tools\n"
        "conversation = openai_client.conversations.create(items=msgs)\n"
        "run = openai_client.responses.create(\n"
        "    conversation=conversation.id,\n"
        f"    {ref('agent.id')},\n"
        ")\n",
        [(3, "warning", '`msgs` must hold conversation items ({"type": "message", "role": ..., "content": ...}); '
                        "legacy message options are not items."),
         (3, "warning", "`tool_resources` of the thread has no place on a conversation: attach files and vector "
                        "stores to the agent's tools."),
         legacy_id("agent.id"), CREATED_FIRST, NO_POLLING],
    ),
    "a comment on the agent id": (
        "run = client.runs.create(\n    thread_id=t,\n    agent_id=agent.id,  # which agent\n)\n",
        f"run = openai_client.responses.create(\n    conversation=t,\n    {ref('agent.id')},  # which agent\n)\n",
        [legacy_id("agent.id")],
    ),
    "cancel": (
        "client.runs.cancel(thread_id=t, run_id=r)\n",
        "openai_client.responses.cancel(r)\n",
        [(3, "info", "Only responses created with background=True can be cancelled.")],
    ),
}


def test_openai_beta_retrieve_becomes_responses_retrieve():
    result = convert_code("from openai import OpenAI\nclient = OpenAI()\n"
                          "r = client.beta.threads.runs.retrieve(run_id=r_id, thread_id=t)\n")
    assert result.output.endswith("\nclient = project_client.get_openai_client()\nr = client.responses.retrieve(r_id)\n")
    assert [n.rule for n in result.notes] == ["openai_client"]


@pytest.mark.parametrize("name", CASES)
def test_exact_code_and_notes(name):
    before, after, notes = CASES[name]
    result = convert_code(BEFORE + before)
    assert result.output == AFTER + after
    assert sorted((n.line, n.severity, n.message) for n in result.notes) == sorted(notes)
    assert {n.rule for n in result.notes} <= {"runs_to_responses"}
