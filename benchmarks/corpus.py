"""Legacy snippets the benchmarks convert: whole scripts, fragments, one-liners.

Written for the benchmarks; they cover the rules of the Foundry converter.
"""
from __future__ import annotations

SCRIPT_60 = '''"""Ask the math agent a question and print the whole thread."""
import os
import time

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import ListSortOrder, MessageRole
from azure.identity import DefaultAzureCredential

ENDPOINT = os.environ["PROJECT_ENDPOINT"]
MODEL = os.environ.get("MODEL_DEPLOYMENT_NAME", "gpt-4.1")


def main() -> None:
    client = AgentsClient(endpoint=ENDPOINT, credential=DefaultAzureCredential())
    # One agent for the whole session
    agent = client.create_agent(
        model=MODEL,
        name="math-tutor",  # shown in the portal
        instructions="You explain arithmetic step by step.",
        tools=[{"type": "code_interpreter"}],
        temperature=0.3,
        metadata={"team": "education"},
    )
    print(f"created {agent.id}")

    thread = client.threads.create(metadata={"user": "demo"})
    client.messages.create(
        thread_id=thread.id,
        role="user",
        content="What is 17 times 23?",
    )
    run = client.runs.create(
        thread_id=thread.id,
        agent_id=agent.id,
        additional_instructions="Answer in one sentence.",
        max_completion_tokens=400,
    )
    # Wait until the run is finished
    while run.status in ("queued", "in_progress"):
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)

    if run.status == "failed":
        print(f"run failed: {run.last_error}")
        return
    print(f"tokens: {run.usage.prompt_tokens} in, {run.usage.completion_tokens} out")

    messages = client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING)
    for message in messages:
        print(f"{message.role}: {message.content[0].text.value}")

    answer = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    if answer:
        print(answer.text.value)
    client.delete_agent(agent.id)


if __name__ == "__main__":
    main()
'''

FRAGMENT = '''thread = project_client.agents.threads.create(
    messages=[{"role": "user", "content": "Tell me about unicorns"}],
)
run = project_client.agents.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
print(run.status)
'''

OPENAI_BETA = '''from openai import OpenAI

client = OpenAI()
assistant = client.beta.assistants.create(
    model="gpt-4.1", name="writer", instructions="Write haiku.", tools=[{"type": "code_interpreter"}]
)
thread = client.beta.threads.create()
client.beta.threads.messages.create(thread_id=thread.id, role="user", content="Autumn, please")
run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id)
for m in client.beta.threads.messages.list(thread_id=thread.id):
    print(m.content[0].text.value)
'''

ALREADY_NEW = '''from azure.ai.projects import AIProjectClient
from azure.ai.projects.models import PromptAgentDefinition

project = AIProjectClient(endpoint=endpoint, credential=credential)
openai_client = project.get_openai_client()
agent = project.agents.create_version(agent_name="a", definition=PromptAgentDefinition(model="m"))
response = openai_client.responses.create(
    input="hi", extra_body={"agent_reference": {"name": agent.name, "type": "agent_reference"}}
)
print(response.output_text)
'''

ONE_LINER = "client.threads.delete(thread.id)\n"

SNIPPETS = {
    "script_60_lines": SCRIPT_60,
    "fragment": FRAGMENT,
    "openai_beta": OPENAI_BETA,
    "already_new": ALREADY_NEW,
    "one_liner": ONE_LINER,
}
