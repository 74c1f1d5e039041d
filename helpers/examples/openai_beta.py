"""OpenAI beta Assistants inputs (`client.beta.assistants`, `client.beta.threads`)."""

from __future__ import annotations

from . import Example

ASSISTANT = """\
assistant = client.beta.assistants.create(
    model="gpt-4.1",
    name="unit-converter",
    instructions="Convert cooking units. Use Code Interpreter when numbers get awkward.",
    tools=[{"type": "code_interpreter"}],
)
"""

BETA_SCRIPT = '''\
"""Ask an OpenAI assistant a question and print every reply."""
from openai import OpenAI

client = OpenAI()

assistant = client.beta.assistants.create(
    name="garden-planner",
    instructions="You plan small vegetable gardens. Keep answers to five bullet points.",
    model="gpt-4o",
    tools=[{"type": "code_interpreter"}],
)
thread = client.beta.threads.create()
client.beta.threads.messages.create(
    thread_id=thread.id,
    role="user",
    content="I have a 2 by 3 metre balcony facing south. What should I grow?",
)
run = client.beta.threads.runs.create_and_poll(
    thread_id=thread.id,
    assistant_id=assistant.id,
    instructions="The user is a beginner.",
)
if run.status == "completed":
    for message in client.beta.threads.messages.list(thread_id=thread.id):
        print(message.role, message.content[0].text.value)
else:
    print("run ended as", run.status)
'''

EXAMPLES = [
    Example("assistants", "OpenAI beta: create an assistant", ASSISTANT, "openai"),
    Example("openai_script", "OpenAI beta: a whole assistants script", BETA_SCRIPT, "openai"),
]
