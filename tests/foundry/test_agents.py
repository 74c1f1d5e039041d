"""Rules create_agent and manage_agents."""
from __future__ import annotations

from .support import assert_converts, convert_checked, messages


def test_create_agent_multiline_keeps_comments_and_layout():
    assert_converts(
        """
        agent = project_client.agents.create_agent(
            model="gpt-4.1",
            name="my-agent",  # the agent's name
            instructions="Be brief.",  # what it does
            temperature=0.2,
            description="demo",
        )
        """,
        """
        from azure.ai.projects.models import PromptAgentDefinition

        agent = project_client.agents.create_version(
            agent_name="my-agent",  # the agent's name
            definition=PromptAgentDefinition(
                model="gpt-4.1",
                instructions="Be brief.",  # what it does
                temperature=0.2,
            ),
            description="demo",
        )
        """,
    )


def test_create_agent_single_line_with_agents_alias():
    result = convert_checked(
        "agents = project.agents\n"
        "agent = agents.create_agent(model=m, name='n', instructions=i, top_p=0.9, metadata={'k': 'v'})\n"
    )
    assert (
        "agent = agents.create_version(agent_name='n', definition=PromptAgentDefinition(model=m, "
        "instructions=i, top_p=0.9), metadata={'k': 'v'})" in result.output
    )


def test_create_agent_code_interpreter_dict_tool():
    result = convert_checked("a = client.create_agent(model='m', name='n', tools=[{'type': 'code_interpreter'}])\n")
    assert "tools=[CodeInterpreterTool()]" in result.output
    assert "from azure.ai.projects.models import CodeInterpreterTool, PromptAgentDefinition" in result.output


def test_create_agent_without_name_gets_placeholder_and_warning():
    result = convert_checked("a = client.create_agent(model='m')\n")
    assert 'agent_name="my-agent"' in result.output
    assert any(n.severity == "warning" and "name" in n.message for n in result.notes)


def test_response_format_that_cannot_be_read_is_kept_as_comment_and_noted():
    result = convert_checked(
        "a = client.create_agent(model='m', name='n', response_format=FORMAT)\n"
    )
    assert "# TODO(migration): response_format=FORMAT" in result.output
    note = next(n for n in result.notes if "response_format" in n.message)
    assert note.line == 1 and note.rule == "create_agent"


def test_assistants_create_on_openai_client():
    result = convert_checked(
        "assistant = client.beta.assistants.create(model='gpt-4.1', name='tutor', instructions='Explain.')\n"
    )
    assert "project_client.agents.create_version(agent_name='tutor', definition=PromptAgentDefinition(" in result.output
    assert "project_client" in messages(result)


def test_get_list_delete_agent():
    result = convert_checked(
        "from azure.ai.agents import AgentsClient\n"
        "client = AgentsClient(endpoint=e, credential=c)\n"
        "agent = client.create_agent(model='m', name='n')\n"
        "same = client.get_agent(agent.id)\n"
        "for a in client.list_agents(limit=5):\n"
        "    print(a.name)\n"
        "client.delete_agent(agent.id)\n"
    )
    out = result.output
    assert "same = client.agents.get(agent_name=agent.name)" in out
    assert "for a in client.agents.list(limit=5):" in out
    assert "client.agents.delete_version(agent_name=agent.name, agent_version=agent.version)" in out


def test_legacy_id_literal_is_kept_with_warning():
    result = convert_checked("client.delete_agent('asst_123')\n")
    assert "client.agents.delete(agent_name='asst_123')" in result.output
    assert "legacy agent id" in messages(result, "warning")


def test_update_agent_becomes_new_version_keeping_unchanged_fields():
    result = convert_checked("client.update_agent(agent_id=agent_id, instructions='new')\n")
    assert (
        "previous_definition = client.agents.get(agent_name=agent_id).versions.latest.definition\n"
        "client.agents.create_version(agent_name=agent_id, definition=PromptAgentDefinition("
        "instructions='new', model=previous_definition.model, tools=previous_definition.tools, "
        "temperature=previous_definition.temperature, top_p=previous_definition.top_p))"
    ) in result.output
    assert "copied from the latest version" in messages(result, "info")


def test_update_agent_in_async_code_awaits_the_lookup():
    result = convert_checked(
        "from azure.ai.agents.aio import AgentsClient\n"
        "async def main(client: AgentsClient):\n"
        "    client = AgentsClient(endpoint=e, credential=c)\n"
        "    await client.update_agent(agent_id='a', model='m2')\n"
    )
    assert "    previous_definition = (await client.agents.get(agent_name='a')).versions.latest.definition\n" in result.output
