"""Applications: where the new OpenAI client lives (classes, factories, branches, Streamlit state).

Each input is a small application written for these tests: a service class
behind a Flask route, a Streamlit page, a module of helper functions.
"""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent, messages

FLASK_SERVICE = '''
"""A small support desk service behind a Flask route."""
import os

from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential
from flask import Flask, jsonify, request

app = Flask(__name__)


class SupportDesk:
    def __init__(self, endpoint: str) -> None:
        self.client = AgentsClient(endpoint=endpoint, credential=DefaultAzureCredential())
        self.agent = self.create_agent()

    def create_agent(self):
        return self.client.create_agent(model="gpt-4o-mini", name="desk-helper", instructions="Be brief.")

    def reply(self, question: str) -> str:
        thread = self.client.threads.create()
        self.client.messages.create(thread_id=thread.id, role="user", content=question)
        run = self.client.runs.create_and_process(thread_id=thread.id, agent_id=self.agent.id)
        return run.status


desk = SupportDesk(os.environ["DESK_ENDPOINT"])


@app.post("/reply")
def reply():
    return jsonify({"status": desk.reply(request.json["question"])})
'''


def test_class_gets_the_openai_client_as_an_attribute_next_to_its_client():
    out = convert_checked(dedent(FLASK_SERVICE)).output
    assert (
        "        self.client = AIProjectClient(endpoint=endpoint, credential=DefaultAzureCredential())\n"
        "        self.openai_client = self.client.get_openai_client()\n"
        "        self.agent = self.create_agent()\n"
    ) in out
    assert "        thread = self.openai_client.conversations.create()\n" in out
    assert "run = self.openai_client.responses.create(conversation=thread.id, " in out
    # no module-level or per-method client was guessed
    assert "\nopenai_client" not in out and " openai_client = " not in out


def test_a_method_of_the_class_named_like_the_sdk_is_not_an_sdk_call():
    out = convert_checked(dedent(FLASK_SERVICE)).output
    assert "        self.agent = self.create_agent()\n" in out
    assert "    def create_agent(self):\n" in out
    assert "self.agents.create_version" not in out
    # ...while the SDK call inside it is converted, and its result is known to be an agent
    assert 'return self.client.agents.create_version(agent_name="desk-helper"' in out
    assert '{"name": self.agent.name, "version": self.agent.version, "type": "agent_reference"}' in out


def test_an_instance_of_a_class_defined_in_the_code_is_not_a_client():
    result = convert_checked(dedent('''
        class Planner:
            def create_agent(self, name):
                return {"name": name}

            def list_agents(self):
                return []


        planner = Planner()
        plan = planner.create_agent("weekly")
        print(planner.list_agents())
        '''))
    assert not result.changed and not result.notes


STREAMLIT_PAGE = '''
import streamlit as st
from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential

st.title("Recipe helper")

if "agents" not in st.session_state:
    st.session_state.agents = AgentsClient(endpoint=st.secrets["endpoint"], credential=DefaultAzureCredential())
    st.session_state.thread = st.session_state.agents.threads.create()

question = st.chat_input("What are we cooking?")
if question:
    agents = st.session_state.agents
    agents.messages.create(thread_id=st.session_state.thread.id, role="user", content=question)
    run = agents.runs.create_and_process(thread_id=st.session_state.thread.id, agent_id=st.secrets["agent_name"])
    st.write(run.status)
'''


def test_streamlit_session_state_client_is_read_where_it_is_set():
    out = convert_checked(dedent(STREAMLIT_PAGE)).output
    # not before the `if` (session state has no client yet on the first run)
    assert out.index("openai_client = st.session_state.agents.get_openai_client()") > out.index(
        "st.session_state.agents = AIProjectClient(")
    assert (
        "    st.session_state.agents = AIProjectClient(endpoint=st.secrets[\"endpoint\"], "
        "credential=DefaultAzureCredential())\n"
        "    openai_client = st.session_state.agents.get_openai_client()\n"
        "    st.session_state.thread = openai_client.conversations.create()\n"
    ) in out
    # on a later rerun only the second branch runs: it makes its own
    assert (
        "    agents = st.session_state.agents\n"
        "    openai_client = agents.get_openai_client()\n"
        "    openai_client.conversations.items.create(conversation_id=st.session_state.thread.id"
    ) in out


FACTORY_MODULE = '''
import os

from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential


def make_project():
    endpoint = os.environ["PROJECT_ENDPOINT"]
    project = AIProjectClient(endpoint=endpoint, credential=DefaultAzureCredential())
    return project


def open_ticket(text):
    try:
        project = make_project()
    except KeyError:
        raise RuntimeError("PROJECT_ENDPOINT is not set")
    thread = project.agents.threads.create()
    project.agents.messages.create(thread_id=thread.id, role="user", content=text)
    return thread.id


def close_ticket(project, thread_id):
    project.agents.threads.delete(thread_id)
'''


def test_client_from_a_factory_inside_try_and_as_a_parameter():
    result = assert_converts(FACTORY_MODULE, '''
        import os

        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential


        def make_project():
            endpoint = os.environ["PROJECT_ENDPOINT"]
            project = AIProjectClient(endpoint=endpoint, credential=DefaultAzureCredential())
            return project


        def open_ticket(text):
            try:
                project = make_project()
                openai_client = project.get_openai_client()
            except KeyError:
                raise RuntimeError("PROJECT_ENDPOINT is not set")
            thread = openai_client.conversations.create()
            openai_client.conversations.items.create(conversation_id=thread.id, items=[{"type": "message", "role": "user", "content": text}])
            return thread.id


        def close_ticket(project, thread_id):
            openai_client = project.get_openai_client()
            openai_client.conversations.delete(thread_id)
        ''')
    # the factory made the client known: nothing had to be assumed
    assert "assumed" not in messages(result)


def test_client_read_in_a_property():
    assert_converts('''
        from azure.ai.agents import AgentsClient
        from azure.identity import DefaultAzureCredential


        class Notebook:
            @property
            def client(self):
                return AgentsClient(endpoint="https://notes.example", credential=DefaultAzureCredential())

            def new_page(self):
                return self.client.threads.create()
        ''', '''
        from azure.identity import DefaultAzureCredential
        from azure.ai.projects import AIProjectClient


        class Notebook:
            @property
            def client(self):
                return AIProjectClient(endpoint="https://notes.example", credential=DefaultAzureCredential())

            def new_page(self):
                openai_client = self.client.get_openai_client()
                return openai_client.conversations.create()
        ''')


def test_module_client_set_on_one_branch_is_read_after_the_guard():
    out = convert_checked(dedent('''
        import os

        from azure.ai.agents import AgentsClient
        from azure.identity import DefaultAzureCredential

        if os.environ.get("USE_AGENTS"):
            client = AgentsClient(endpoint=os.environ["ENDPOINT"], credential=DefaultAzureCredential())
        else:
            client = None


        def greet(name):
            if client is None:
                return None
            thread = client.threads.create()
            return thread.id
        ''')).output
    assert (
        "    if client is None:\n"
        "        return None\n"
        "    openai_client = client.get_openai_client()\n"
        "    thread = openai_client.conversations.create()\n"
    ) in out


def test_two_branches_each_bind_their_own_client():
    out = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient


        def run_job(kind, endpoint, credential):
            if kind == "fast":
                client = AgentsClient(endpoint=endpoint, credential=credential)
                thread = client.threads.create()
            else:
                client = AgentsClient(endpoint=endpoint, credential=credential)
                thread = client.threads.create(metadata={"kind": "slow"})
            return thread.id
        ''')).output
    assert out.count("openai_client = client.get_openai_client()") == 2
    assert (
        "        client = AIProjectClient(endpoint=endpoint, credential=credential)\n"
        "        openai_client = client.get_openai_client()\n"
        "        thread = openai_client.conversations.create(metadata={\"kind\": \"slow\"})\n"
    ) in out


def test_client_made_once_before_a_loop_not_in_every_round():
    out = convert_checked(dedent('''
        def archive(client, thread_ids):
            for thread_id in thread_ids:
                client.threads.delete(thread_id)
        ''')).output
    assert out == dedent('''
        def archive(client, thread_ids):
            openai_client = client.get_openai_client()
            for thread_id in thread_ids:
                openai_client.conversations.delete(thread_id)
        ''')


FASTAPI_APP = '''
import os
from contextlib import asynccontextmanager

from azure.ai.agents.aio import AgentsClient
from azure.identity.aio import DefaultAzureCredential
from fastapi import FastAPI

clients = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    clients["agents"] = AgentsClient(endpoint=os.environ["ENDPOINT"], credential=DefaultAzureCredential())
    clients["bot"] = await clients["agents"].create_agent(model="gpt-4o", name="api-bot", instructions="Reply.")
    yield
    await clients["agents"].delete_agent(clients["bot"].id)


app = FastAPI(lifespan=lifespan)


async def open_thread(service: AgentsClient, text: str):
    thread = await service.threads.create()
    await service.messages.create(thread_id=thread.id, role="user", content=text)
    return thread


@app.post("/chat")
async def chat(text: str):
    agents: AgentsClient = clients["agents"]
    thread = await open_thread(agents, text)
    run = await agents.runs.create_and_process(thread_id=thread.id, agent_id=clients["bot"].id)
    return {"status": run.status}
'''


def test_fastapi_clients_kept_in_a_dict_and_passed_with_annotations():
    result = convert_checked(dedent(FASTAPI_APP))
    out = result.output
    assert 'clients["bot"] = await clients["agents"].agents.create_version(agent_name="api-bot", ' in out
    assert 'await clients["agents"].agents.delete_version(agent_name=clients["bot"].name, ' \
        'agent_version=clients["bot"].version)' in out
    assert (
        "async def open_thread(service: AIProjectClient, text: str):\n"
        "    openai_client = service.get_openai_client()\n"
        "    thread = await openai_client.conversations.create()\n"
    ) in out
    assert (
        "    agents: AIProjectClient = clients[\"agents\"]\n"
        "    openai_client = agents.get_openai_client()\n"
        "    thread = await open_thread(agents, text)\n"
        "    run = await openai_client.responses.create(conversation=thread.id, "
    ) in out
    assert "AgentsClient" not in out
    assert "assumed" not in messages(result), "the annotations say what the clients are"


def test_class_attribute_client_gets_a_class_attribute_openai_client():
    assert_converts('''
        from azure.ai.agents import AgentsClient
        from azure.identity import DefaultAzureCredential


        class Bot:
            client = AgentsClient(endpoint="https://example", credential=DefaultAzureCredential())

            def new_thread(self):
                return self.client.threads.create()

            @classmethod
            def remove(cls, thread_id):
                cls.client.threads.delete(thread_id)
        ''', '''
        from azure.identity import DefaultAzureCredential
        from azure.ai.projects import AIProjectClient


        class Bot:
            client = AIProjectClient(endpoint="https://example", credential=DefaultAzureCredential())
            openai_client = client.get_openai_client()

            def new_thread(self):
                return self.openai_client.conversations.create()

            @classmethod
            def remove(cls, thread_id):
                cls.openai_client.conversations.delete(thread_id)
        ''')


def test_global_client_set_by_an_init_function():
    out = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient

        client = None


        def init(endpoint, credential):
            global client
            client = AgentsClient(endpoint=endpoint, credential=credential)


        def ask(text):
            thread = client.threads.create()
            return thread.id
        ''')).output
    # not after the assignment inside init (a local there for pyflakes, and not run before ask)
    assert (
        "def ask(text):\n"
        "    openai_client = client.get_openai_client()\n"
        "    thread = openai_client.conversations.create()\n"
    ) in out
    assert out.count("get_openai_client") == 1


def test_chainlit_handlers_share_the_module_client():
    out = convert_checked(dedent('''
        import chainlit as cl
        from azure.ai.projects.aio import AIProjectClient
        from azure.identity.aio import DefaultAzureCredential

        project = AIProjectClient(endpoint="https://example", credential=DefaultAzureCredential())


        @cl.on_chat_start
        async def start():
            thread = await project.agents.threads.create()
            cl.user_session.set("thread_id", thread.id)


        @cl.on_message
        async def on_message(message: cl.Message):
            thread_id = cl.user_session.get("thread_id")
            await project.agents.messages.create(thread_id=thread_id, role="user", content=message.content)
        ''')).output
    assert "project = AIProjectClient(endpoint=\"https://example\", credential=DefaultAzureCredential())\n" \
        "openai_client = project.get_openai_client()\n" in out
    assert "    thread = await openai_client.conversations.create()\n" in out
    assert "    await openai_client.conversations.items.create(conversation_id=thread_id, " in out


def test_streamlit_cached_factory():
    out = convert_checked(dedent('''
        import streamlit as st
        from azure.ai.agents import AgentsClient
        from azure.identity import DefaultAzureCredential


        @st.cache_resource
        def agents_client():
            return AgentsClient(endpoint=st.secrets["endpoint"], credential=DefaultAzureCredential())


        def send(text):
            client = agents_client()
            if "thread" not in st.session_state:
                st.session_state.thread = client.threads.create()
            client.messages.create(thread_id=st.session_state.thread.id, role="user", content=text)
        ''')).output
    assert (
        "    client = agents_client()\n"
        "    openai_client = client.get_openai_client()\n"
        "    if \"thread\" not in st.session_state:\n"
        "        st.session_state.thread = openai_client.conversations.create()\n"
    ) in out


def test_client_that_only_exists_inside_a_comprehension_is_used_in_place():
    result = convert_checked(dedent('''
        from azure.ai.agents import AgentsClient

        clients = [AgentsClient(endpoint=e, credential=credential) for e in endpoints]
        threads = [client.threads.create() for client in clients]
        '''))
    assert "threads = [client.get_openai_client().conversations.create() for client in clients]" in result.output
    assert "exists only inside this expression" in messages(result, "info")
