"""Agents created with FunctionTools of this code's functions get the loop that runs them (issue 18).

Legacy `create_and_process` ran the functions given to `enable_auto_function_calls`,
which an application often calls in another module than the one that runs the agents.
"""
from __future__ import annotations

from .support import convert_checked, dedent, messages

CREW = '''
"""A crew of agents that share one thread and one notes function."""
from typing import List, Optional

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import FunctionTool, MessageRole, ToolSet

NOTES: List[str] = []


def record_note(topic: str, text: str) -> str:
    """Keep a note for the whole crew.

    :param topic: What the note is about.
    :param text: The note itself.
    """
    NOTES.append(f"{topic}: {text}")
    return f"noted ({len(NOTES)} so far)"


crew_functions = {record_note}


class Crewmate:
    def __init__(self, name: str, brief: str, toolset: Optional[ToolSet] = None):
        self.name = name
        self.brief = brief
        self.toolset = toolset
        self.agent = None


class Crew:
    def __init__(self, client: AgentsClient, model: str):
        self.client = client
        self.model = model
        self.mates: List[Crewmate] = []
        self.thread = None

    def hire(self, name: str, brief: str, toolset: Optional[ToolSet] = None):
        if toolset is None:
            toolset = ToolSet()
        try:
            notes_tool = toolset.get_tool(FunctionTool)
            notes_tool.add_functions(crew_functions)
        except ValueError:
            toolset.add(FunctionTool(crew_functions))
        self.mates.append(Crewmate(name, brief, toolset))

    def start(self):
        for mate in self.mates:
            mate.agent = self.client.create_agent(
                model=self.model, name=mate.name, instructions=mate.brief, toolset=mate.toolset
            )
        self.thread = self.client.threads.create()

    def ask(self, mate_name: str, question: str) -> str:
        mate = next(m for m in self.mates if m.name == mate_name)
        self.client.messages.create(thread_id=self.thread.id, role="user", content=question)
        run = self.client.runs.create_and_process(thread_id=self.thread.id, agent_id=mate.agent.id)
        reply = self.client.messages.get_last_message_text_by_role(thread_id=self.thread.id, role=MessageRole.AGENT)
        if reply and reply.text:
            print(f"{mate_name} answered: {reply.text.value}")
        return run.status

    def stop(self):
        for mate in self.mates:
            if mate.agent:
                self.client.delete_agent(mate.agent.id)
'''

CREW_MAIN = '''
import os

from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential

from crew import Crew, record_note

client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
client.enable_auto_function_calls({record_note})

with client:
    crew = Crew(client, os.environ["MODEL_DEPLOYMENT_NAME"])
    crew.hire("scribe", "You keep the crew's notes.")
    crew.start()
    print("status:", crew.ask("scribe", "Please record a note about the launch window"))
    crew.stop()
'''

ASK_AFTER = '''
    def ask(self, mate_name: str, question: str) -> str:
        mate = next(m for m in self.mates if m.name == mate_name)
        self.openai_client.conversations.items.create(conversation_id=self.thread.id, items=[{"type": "message", "role": "user", "content": question}])
        run = self.openai_client.responses.create(conversation=self.thread.id, extra_body={"agent_reference": {"name": mate.agent.name, "version": mate.agent.version, "type": "agent_reference"}})
        while any(item.type == "function_call" for item in run.output):
            function_outputs = [
                {"type": "function_call_output", "call_id": item.call_id,
                 "output": str({"record_note": record_note}[item.name](**json.loads(item.arguments)))
                 if item.name in {"record_note"}
                 else json.dumps({"error": f"Function '{item.name}' is not run by this code"})}
                for item in run.output if item.type == "function_call"
            ]
            run = self.openai_client.responses.create(conversation=self.thread.id, input=function_outputs, extra_body={"agent_reference": {"name": mate.agent.name, "version": mate.agent.version, "type": "agent_reference"}})
        reply = run.output_text
        if reply:
            print(f"{mate_name} answered: {reply}")
        return run.status
'''


def test_a_method_that_ran_an_agent_given_this_codes_functions_gets_the_loop_that_runs_them():
    result = convert_checked(dedent(CREW))
    assert ASK_AFTER in result.output
    assert "import json\n" in result.output
    assert "tools=mate.toolset," in result.output
    assert "get_tool" not in result.output and "add_functions" not in result.output
    loop = next(n for n in result.notes if n.rule == "function_calling")
    assert loop.line == 58 and loop.severity == "warning" and "(`record_note`)" in loop.message


def test_agents_given_no_tools_get_no_loop():
    result = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import FunctionTool


        def ping() -> str:
            """Answer pong."""
            return "pong"


        spare = FunctionTool(functions={ping})
        client = AgentsClient(endpoint=e, credential=c)
        agent = client.create_agent(model="gpt-4o", name="plain")
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
    '''))
    assert "function_call" not in result.output


def test_functions_given_for_automatic_calls_in_code_that_runs_no_agent_get_a_warning_naming_them():
    result = convert_checked(dedent(CREW_MAIN))
    assert "enable_auto_function_calls" not in result.output
    note = next(n for n in result.notes if n.rule == "function_calling")
    assert note.severity == "warning" and note.line == 9
    assert "creates no response itself" in note.message and "(`{record_note}`)" in note.message
    assert "a loop after each response now runs" not in messages(result)


def test_functions_given_for_automatic_calls_next_to_the_runs_keep_the_plain_loop():
    result = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient


        def ping() -> str:
            """Answer pong."""
            return "pong"


        client = AgentsClient(endpoint=e, credential=c)
        client.enable_auto_function_calls({ping})
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
    '''))
    assert '"output": str({"ping": ping}[item.name](**json.loads(item.arguments)))}' in result.output
    assert "is not run by this code" not in result.output
