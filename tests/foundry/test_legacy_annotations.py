"""Type hints naming legacy models name the 2.x types of the converted values (issue 18)."""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent


def test_agent_thread_run_and_toolset_hints_become_the_2x_types():
    assert_converts(
        """
        from typing import Optional
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import Agent, AgentThread, ThreadRun, ToolSet


        class Seat:
            helper: Optional[Agent] = None
            thread: Optional[AgentThread] = None

            def __init__(self, client: AgentsClient, toolset: Optional[ToolSet] = None):
                self.client = client
                self.kit = toolset
                if self.kit is None:
                    self.kit = ToolSet()

            def last(self, run_id: str) -> ThreadRun:
                return self.client.runs.get(thread_id=self.thread.id, run_id=run_id)
        """,
        """
        from typing import Optional
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import AgentVersionDetails
        from openai.types.conversations import Conversation
        from openai.types.responses import Response


        class Seat:
            helper: Optional[AgentVersionDetails] = None
            thread: Optional[Conversation] = None

            def __init__(self, client: AIProjectClient, toolset: Optional[list] = None):
                self.client = client
                self.openai_client = self.client.get_openai_client()
                self.kit = toolset
                if self.kit is None:
                    self.kit = []

            def last(self, run_id: str) -> Response:
                return self.openai_client.responses.retrieve(run_id)
        """,
    )


def test_toolset_hints_become_list_only_when_this_code_builds_toolsets_and_each_became_a_list():
    lists = convert_checked(dedent("""
        from typing import Optional
        from azure.ai.agents.models import ToolSet


        def kit(toolset: Optional[ToolSet] = None) -> ToolSet:
            if toolset is None:
                toolset = ToolSet()
            return toolset
    """))
    assert "def kit(toolset: Optional[list] = None) -> list:\n" in lists.output
    assert "azure.ai.agents" not in lists.output
    kept = convert_checked(dedent("""
        from typing import Optional
        from azure.ai.agents.models import ToolSet


        def kit(toolset: Optional[ToolSet] = None) -> ToolSet:
            return toolset
    """))
    assert "def kit(toolset: Optional[ToolSet] = None) -> ToolSet:\n" in kept.output


def test_a_2x_name_already_bound_to_something_else_keeps_the_legacy_hint():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import AgentThread
        from chat.models import Conversation


        def resume(thread: AgentThread, saved: Conversation):
            return thread.id, saved
    """))
    assert "def resume(thread: AgentThread, saved: Conversation):\n" in result.output
