"""An attribute this code sets only to agents holds an agent wherever it is read (issue 18)."""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent


def test_an_agent_kept_on_another_object_is_referenced_and_deleted_by_name_and_version():
    result = assert_converts(
        """
        from azure.ai.agents import AgentsClient

        client = AgentsClient(endpoint=e, credential=c)


        class Desk:
            def __init__(self, title):
                self.title = title
                self.helper = None


        def staff(desks):
            for desk in desks:
                desk.helper = client.create_agent(model="gpt-4o", name=desk.title)


        def consult(chosen, thread_id):
            run = client.runs.create_and_process(thread_id=thread_id, agent_id=chosen.helper.id)
            client.delete_agent(chosen.helper.id)
            return run
        """,
        """
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import PromptAgentDefinition

        client = AIProjectClient(endpoint=e, credential=c)
        openai_client = client.get_openai_client()


        class Desk:
            def __init__(self, title):
                self.title = title
                self.helper = None


        def staff(desks):
            for desk in desks:
                desk.helper = client.agents.create_version(agent_name=desk.title, definition=PromptAgentDefinition(model="gpt-4o"))


        def consult(chosen, thread_id):
            run = openai_client.responses.create(conversation=thread_id, extra_body={"agent_reference": {"name": chosen.helper.name, "version": chosen.helper.version, "type": "agent_reference"}})
            client.agents.delete_version(agent_name=chosen.helper.name, agent_version=chosen.helper.version)
            return run
        """,
    )
    assert not [n for n in result.notes if "legacy agent id" in n.message]


def test_an_agent_read_before_the_method_that_sets_it_is_still_known():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient


        class Team:
            def __init__(self, client: AgentsClient):
                self.client = client

            def ask(self, member, thread):
                return self.client.runs.create_and_process(thread_id=thread.id, agent_id=member.bot.id)

            def build(self, member):
                member.bot = self.client.create_agent(model="gpt-4o", name="helper")
    """))
    assert '"name": member.bot.name, "version": member.bot.version' in result.output


def test_an_attribute_also_set_to_something_else_keeps_the_id_with_a_note():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient

        client = AgentsClient(endpoint=e, credential=c)


        def staff(desk):
            desk.helper = client.create_agent(model="gpt-4o", name="helper")


        def borrow(desk, other):
            desk.helper = other.lookup()


        def consult(chosen, thread_id):
            return client.runs.create_and_process(thread_id=thread_id, agent_id=chosen.helper.id)
    """))
    assert '{"agent_reference": {"name": chosen.helper.id, "type": "agent_reference"}}' in result.output
    assert any("`chosen.helper.id` was a legacy agent id" in n.message and n.line == 15 for n in result.notes)
