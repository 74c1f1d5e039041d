"""The course's runnable examples: whole legacy scripts, written for this course.

Each prints only what does not change between runs (no ids, no times), so
the legacy and the converted output can be compared line by line. They read
the usual settings (PROJECT_ENDPOINT, MODEL_DEPLOYMENT_NAME) that the local
service, or your own project in live mode, provides.
"""
from __future__ import annotations

from .lessons import Lesson

_CLIENT = '''\
import os

from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential

client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
'''

THREADS = Lesson("threads", _CLIENT + '''
# A thread holds a conversation's messages; metadata travels with it.
thread = client.threads.create(metadata={"course": "lesson-01"})
print("created, metadata:", thread.metadata)

# Threads can be read back by id and deleted when done.
again = client.threads.get(thread.id)
print("read back, metadata:", again.metadata)
client.threads.delete(thread.id)
print("deleted")
''', notes=(
    "A thread becomes a conversation on the OpenAI client that the project client hands out.",
    "The variable keeps its name, so the code around it goes on working.",
))

MESSAGES = Lesson("messages", _CLIENT + '''
thread = client.threads.create()

# Each message is added to the thread on its own call.
client.messages.create(thread_id=thread.id, role="user", content="My favourite colour is teal.")
client.messages.create(thread_id=thread.id, role="user", content="I keep two cats.")

count = sum(1 for _ in client.messages.list(thread_id=thread.id))
print("messages in the thread:", count)
''', notes=(
    "A message becomes a conversation item of type `message`; several can be added in one call.",
))

RUNS = Lesson("runs", _CLIENT + '''
import time

agent = client.create_agent(
    model=os.environ["MODEL_DEPLOYMENT_NAME"],
    name="course-helper",
    instructions="Answer briefly.",
)
thread = client.threads.create()
client.messages.create(thread_id=thread.id, role="user", content="Name a colour of the sea.")

# The legacy way: start a run, then ask again and again until it is finished.
run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
while run.status in ("queued", "in_progress"):
    time.sleep(0.2)
    run = client.runs.get(thread_id=thread.id, run_id=run.id)
print("run finished:", run.status)
client.delete_agent(agent.id)
''', notes=(
    "A run with polling becomes one `responses.create` call that returns when the answer is ready.",
    "The response names the agent through `extra_body={\"agent_reference\": ...}`.",
))

AGENTS = Lesson("agents", _CLIENT + '''
agent = client.create_agent(
    model=os.environ["MODEL_DEPLOYMENT_NAME"],
    name="tea-sommelier",
    instructions="You recommend teas.",
    temperature=0.3,
)
print("agent name:", agent.name)
client.delete_agent(agent.id)
print("deleted")
''', notes=(
    "`create_agent` becomes `agents.create_version`: agents are named and versioned.",
    "Names must start and end with a letter or digit, hyphens inside, at most 63 characters.",
))

OPENAI_ASSISTANTS = Lesson("openai-assistants", '''\
from openai import OpenAI

client = OpenAI()
assistant = client.beta.assistants.create(
    model="gpt-4o",
    name="haiku-writer",
    instructions="You write haiku.",
)
thread = client.beta.threads.create()
client.beta.threads.messages.create(thread_id=thread.id, role="user", content="Autumn rain, please.")
print("assistant:", assistant.name)
client.beta.assistants.delete(assistant.id)
print("deleted")
''', notes=(
    "OpenAI shut the Assistants API down on 2026-08-26; this code answers 404 today.",
    "On Foundry the same ideas live on: agents, conversations and responses.",
))

FUNCTIONS = Lesson("functions", _CLIENT + '''
import json
import time

from azure.ai.agents.models import FunctionTool, ToolOutput


def opening_hours(shop: str) -> str:
    """Opening hours of a shop.

    :param shop: The shop's name.
    """
    return json.dumps({"shop": shop, "hours": "8-18"})


functions = FunctionTool(functions={opening_hours})
agent = client.create_agent(
    model=os.environ["MODEL_DEPLOYMENT_NAME"],
    name="shop-helper",
    instructions="Use the tools to answer.",
    tools=functions.definitions,
)
thread = client.threads.create()
client.messages.create(thread_id=thread.id, role="user", content="What are the opening hours of the Corner Bakery?")
run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
while run.status in ("queued", "in_progress", "requires_action"):
    if run.status == "requires_action":
        outputs = []
        for call in run.required_action.submit_tool_outputs.tool_calls:
            result = functions.execute(call)
            outputs.append(ToolOutput(tool_call_id=call.id, output=result))
        run = client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)
    time.sleep(0.2)
    run = client.runs.get(thread_id=thread.id, run_id=run.id)
print("run finished:", run.status)
client.delete_agent(agent.id)
''', notes=(
    "`requires_action` becomes `function_call` items in the response's output.",
    "Outputs go back as `function_call_output` items in the next `responses.create` call.",
))

LANGDOCK_REQUEST = Lesson("langdock-request", '''\
import os

import requests

BASE = os.environ.get("LANGDOCK_BASE_URL", "https://api.langdock.com")
answer = requests.post(
    f"{BASE}/assistant/v1/chat/completions",
    headers={"Authorization": f"Bearer {os.environ['LANGDOCK_API_KEY']}"},
    json={
        "assistant": {"name": "Greeter", "instructions": "Greet people warmly."},
        "messages": [{"role": "user", "content": "Hello there"}],
    },
    timeout=30,
)
answer.raise_for_status()
print("status:", answer.status_code)
''', notes=(
    "`/assistant/v1` becomes `/agent/v1`, the temporary `assistant` becomes `agent`.",
    "Messages take the AI SDK shape: an `id`, and `parts` instead of `content`.",
))

ANSWERS = Lesson("answers", _CLIENT + '''
from azure.ai.agents.models import ListSortOrder

agent = client.create_agent(
    model=os.environ["MODEL_DEPLOYMENT_NAME"],
    name="echo-agent",
    instructions="Answer briefly.",
)
thread = client.threads.create()
client.messages.create(thread_id=thread.id, role="user", content="Say hello to the course.")
run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
print("status:", run.status)

# Read every message, oldest first, the legacy way: .text.value on text parts.
for message in client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING):
    for part in message.text_messages:
        print(f"{message.role}: {part.text.value}")
client.delete_agent(agent.id)
''', notes=(
    "A content part's `.text` is a plain string now; `.text.value` raises AttributeError.",
    "`response.output_text` is the last answer, which is often all the code wanted.",
))

STREAMING = Lesson("streaming", _CLIENT + '''
from azure.ai.agents.models import AgentEventHandler, MessageDeltaChunk


class Printer(AgentEventHandler):
    def on_message_delta(self, delta: "MessageDeltaChunk") -> None:
        print(delta.text, end="")


agent = client.create_agent(
    model=os.environ["MODEL_DEPLOYMENT_NAME"],
    name="stream-agent",
    instructions="Answer briefly.",
)
thread = client.threads.create()
client.messages.create(thread_id=thread.id, role="user", content="Count to three.")
with client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=Printer()) as stream:
    stream.until_done()
print()
client.delete_agent(agent.id)
''', notes=(
    "The event handler stays a plain class; a loop over the response's events calls it.",
    "Text arrives as `response.output_text.delta` events.",
))

EXAMPLES = {lesson.name: lesson for lesson in (
    THREADS, MESSAGES, RUNS, AGENTS, OPENAI_ASSISTANTS, FUNCTIONS, ANSWERS, STREAMING, LANGDOCK_REQUEST)}
