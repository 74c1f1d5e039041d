"""Applications: the `openai` module as client, operation groups in variables, the pre-GA API."""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent, messages


def test_openai_module_used_as_the_client():
    result = assert_converts('''
        import openai

        HELPER = "asst_recipes"


        def ask(question):
            thread = openai.beta.threads.create()
            openai.beta.threads.messages.create(thread_id=thread.id, role="user", content=question)
            return thread.id
        ''', '''
        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential
        import os

        project_client = AIProjectClient(endpoint=os.environ["AZURE_AI_PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
        openai_client = project_client.get_openai_client()

        HELPER = "asst_recipes"


        def ask(question):
            thread = openai_client.conversations.create()
            openai_client.conversations.items.create(conversation_id=thread.id, items=[{"type": "message", "role": "user", "content": question}])
            return thread.id
        ''')
    note = next(n for n in result.notes if "`openai` module" in n.message)
    assert note.severity == "warning" and note.rule == "openai_client"


def test_openai_module_stored_on_an_object():
    out = convert_checked(dedent('''
        import openai


        class Tutor:
            def __init__(self):
                self.client = openai

            def start(self):
                return self.client.beta.threads.create()
        ''')).output
    assert "        self.client = openai_client\n" in out
    assert "        return self.client.conversations.create()\n" in out
    assert "openai_client = project_client.get_openai_client()\n" in out


def test_openai_module_without_assistants_is_untouched():
    source = "import openai\n\nreply = openai.chat.completions.create(model='m', messages=[])\nthreads = 3\n"
    result = convert_checked(source)
    assert result.output == source and not result.notes


def test_operation_groups_held_in_variables():
    result = assert_converts('''
        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential

        project = AIProjectClient(endpoint="https://example", credential=DefaultAzureCredential())
        messages_ops = project.agents.messages
        runs = project.agents.runs


        def send(thread_id, agent, text):
            messages_ops.create(thread_id=thread_id, role="user", content=text)
            return runs.create_and_process(thread_id=thread_id, agent_id=agent.id)
        ''', '''
        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential

        project = AIProjectClient(endpoint="https://example", credential=DefaultAzureCredential())
        openai_client = project.get_openai_client()
        messages_ops = openai_client.conversations.items
        runs = openai_client.responses


        def send(thread_id, agent, text):
            openai_client.conversations.items.create(conversation_id=thread_id, items=[{"type": "message", "role": "user", "content": text}])
            return openai_client.responses.create(conversation=thread_id, extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}})
        ''')
    assert "`project.agents.runs`" in messages(result, "info")


def test_beta_operation_group_of_an_openai_client():
    out = convert_checked(dedent('''
        from openai import OpenAI

        client = OpenAI()
        threads = client.beta.threads
        runs = client.beta.threads.runs
        thread = threads.create()
        run = runs.create_and_poll(thread_id=thread.id, assistant_id="asst_1")
        ''')).output
    assert "threads = client.conversations\n" in out
    assert "runs = client.responses\n" in out
    assert "thread = client.conversations.create()\n" in out
    assert "run = client.responses.create(conversation=thread.id, " in out


PRE_GA_SCRIPT = '''
import os

from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential

project_client = AIProjectClient.from_connection_string(
    credential=DefaultAzureCredential(), conn_str=os.environ["PROJECT_CONNECTION_STRING"]
)

with project_client:
    agent = project_client.agents.create_agent(model="gpt-4o", name="build-demo", instructions="Be kind.")
    thread = project_client.agents.create_thread()
    project_client.agents.create_message(thread_id=thread.id, role="user", content="Hello")
    run = project_client.agents.create_and_process_run(thread_id=thread.id, agent_id=agent.id)
    messages = project_client.agents.list_messages(thread_id=thread.id)
    project_client.agents.delete_agent(agent.id)
'''


def test_pre_ga_flat_operations_convert_like_their_ga_counterparts():
    result = assert_converts(PRE_GA_SCRIPT, '''
        import os

        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential
        from azure.ai.projects.models import PromptAgentDefinition

        project_client = AIProjectClient.from_connection_string(
            credential=DefaultAzureCredential(), conn_str=os.environ["PROJECT_CONNECTION_STRING"]
        )
        openai_client = project_client.get_openai_client()

        with project_client:
            agent = project_client.agents.create_version(agent_name="build-demo", definition=PromptAgentDefinition(model="gpt-4o", instructions="Be kind."))
            thread = openai_client.conversations.create()
            openai_client.conversations.items.create(conversation_id=thread.id, items=[{"type": "message", "role": "user", "content": "Hello"}])
            run = openai_client.responses.create(conversation=thread.id, extra_body={"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}})
            messages = openai_client.conversations.items.list(conversation_id=thread.id)
            project_client.agents.delete_version(agent_name=agent.name, agent_version=agent.version)
        ''')
    note = next(n for n in result.notes if n.rule == "project_client_1x")
    assert note.severity == "error" and note.line == 6
    assert "AZURE_AI_PROJECT_ENDPOINT" not in note.message  # nothing guessed: it says where to look
    assert "overview page" in note.message and "/api/projects/" in note.message


def test_pre_ga_fragment_on_a_project_without_imports():
    out = convert_checked("thread = project.agents.create_thread()\n"
                          "run = project.agents.create_run(thread_id=thread.id, agent_id=agent_id)\n").output
    assert "thread = openai_client.conversations.create()" in out
    assert "run = openai_client.responses.create(conversation=thread.id" in out
    assert out.startswith("openai_client = project.get_openai_client()\n")


def test_pre_ga_files_and_vector_stores():
    out = convert_checked(dedent('''
        from azure.ai.projects import AIProjectClient

        project = AIProjectClient(endpoint=e, credential=c)
        upload = project.agents.upload_file_and_poll(file_path="menu.pdf", purpose="assistants")
        store = project.agents.create_vector_store_and_poll(file_ids=[upload.id], name="menus")
        ''')).output
    assert "create_thread" not in out and "upload_file_and_poll" not in out
    assert "create_vector_store_and_poll" not in out


def test_pre_ga_save_file_writes_the_content():
    out = convert_checked(dedent('''
        from azure.ai.projects import AIProjectClient

        project = AIProjectClient(endpoint=e, credential=c)
        project.agents.save_file(file_id=chart_id, file_name="chart.png", target_dir="out")
        ''')).output
    assert 'openai_client.files.content(chart_id).write_to_file(os.path.join("out", "chart.png"))' in out
    assert "import os" in out


def test_async_save_awaits_the_download_not_the_write():
    out = convert_checked(dedent('''
        from azure.ai.agents.aio import AgentsClient


        async def keep_chart(endpoint, credential, file_id):
            async with AgentsClient(endpoint=endpoint, credential=credential) as client:
                await client.files.save(file_id=file_id, file_name="chart.png")
        ''')).output
    assert "        (await openai_client.files.content(file_id)).write_to_file(\"chart.png\")\n" in out


def test_openai_client_on_an_object_gets_its_project_client_beside_it():
    out = convert_checked(dedent('''
        from openai import OpenAI


        class Tutor:
            def __init__(self):
                self.client = OpenAI()

            def new_assistant(self, name):
                return self.client.beta.assistants.create(model="gpt-4o", name=name)
        ''')).output
    assert (
        "        self.project_client = AIProjectClient(endpoint=os.environ[\"AZURE_AI_PROJECT_ENDPOINT\"], "
        "credential=DefaultAzureCredential())\n"
        "        self.client = self.project_client.get_openai_client()\n"
    ) in out
    assert "        return self.project_client.agents.create_version(agent_name=name, " in out


def test_beta_surface_kept_in_a_variable():
    out = convert_checked(dedent('''
        from openai import OpenAI

        beta = OpenAI().beta
        thread = beta.threads.create()
        ''')).output
    assert "beta = project_client.get_openai_client()\n" in out
    assert "thread = beta.conversations.create()\n" in out
    assert "get_openai_client().beta" not in out and "beta.get_openai_client" not in out


PRE_GA_TOOLS = '''
import os

from azure.ai.projects import AIProjectClient
from azure.ai.projects.models import CodeInterpreterTool, FilePurpose, FunctionTool, ToolSet
from azure.identity import DefaultAzureCredential


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


project_client = AIProjectClient.from_connection_string(credential=DefaultAzureCredential(), conn_str=os.environ["CONN"])
with project_client:
    uploaded = project_client.agents.upload_file_and_poll(file_path="data.csv", purpose=FilePurpose.AGENTS)
    toolset = ToolSet()
    toolset.add(FunctionTool(functions={add}))
    toolset.add(CodeInterpreterTool(file_ids=[uploaded.id]))
    project_client.agents.enable_auto_function_calls(toolset=toolset)
    agent = project_client.agents.create_agent(model="gpt-4o", name="calc", instructions="Add.", toolset=toolset)
    thread = project_client.agents.create_thread()
    run = project_client.agents.create_and_process_run(thread_id=thread.id, agent_id=agent.id)
'''


def test_pre_ga_models_are_the_legacy_agents_models():
    out = convert_checked(dedent(PRE_GA_TOOLS)).output
    # ToolSet / FunctionTool / CodeInterpreterTool imported from the 1.0.0b azure.ai.projects.models are the
    # legacy helpers: they become 2.x tool models, and the automatic calls become the loop
    assert "ToolSet" not in out and "FilePurpose" not in out and "enable_auto_function_calls" not in out
    assert 'purpose="assistants"' in out
    assert 'FunctionTool(name="add", description="Add two numbers.", ' in out
    assert "CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=[uploaded.id]))" in out
    assert "    while any(item.type == \"function_call\" for item in run.output):\n" in out


def test_2x_models_in_2x_code_are_not_taken_for_pre_ga_ones():
    source = dedent('''
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import FunctionTool, PromptAgentDefinition

        project = AIProjectClient(endpoint=e, credential=c)
        tool = FunctionTool(name="add", parameters={"type": "object", "properties": {}}, strict=True)
        agent = project.agents.create_version(agent_name="calc", definition=PromptAgentDefinition(model="m", tools=[tool]))
        ''')
    result = convert_checked(source)
    assert result.output == source and not result.notes
