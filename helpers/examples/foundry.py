"""Legacy Foundry Agents inputs (azure-ai-agents 1.x, azure-ai-projects 1.x).

The short ones make the same calls as the Microsoft migration guide's
"previous" examples, with this workbook's own names and strings; the long ones
are whole scripts as people wrote them: polling loops, function tools,
streaming with an event handler, a fragment pasted without its imports, and a
run object as the REST API returned it.
"""

from __future__ import annotations

from . import Example

THREADS = """\
thread = client.agents.threads.create(
    messages=[{"role": "user", "content": "Suggest a name for a bakery run by cats"}],
    metadata={"team": "naming-desk"},
)
"""

MESSAGES = """\
message = client.agents.messages.create(
    thread_id=thread.id,
    role="user",
    content="Now make it rhyme with 'whisk'",
)
"""

RUNS = """\
import time

thread_id = "thread_0001naming"
assistant_id = "asst_0002baker"
run = project_client.agents.runs.create(
    thread_id=thread_id,
    agent_id=assistant_id,
    additional_instructions="Answer in one sentence and sign as Chef Miso.",
)
while run.status in ("queued", "in_progress"):
    time.sleep(1)
    run = project_client.agents.runs.get(thread_id=thread_id, run_id=run.id)
"""

CREATE_AGENT = """\
agent = client.agents.create_agent(
    model="gpt-4.1",
    name="recipe-scaler",  # shows up in the portal
    instructions="You scale baking recipes. Use Code Interpreter for the arithmetic.",
    tools=code_interpreter.definitions,
)
"""

WHOLE_SCRIPT = '''\
"""Ask a classic Foundry agent for a packing list and print the answer."""
import os
import time

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import ListSortOrder, MessageRole
from azure.identity import DefaultAzureCredential

agents_client = AgentsClient(
    endpoint=os.environ["PROJECT_ENDPOINT"],
    credential=DefaultAzureCredential(),
)

with agents_client:
    agent = agents_client.create_agent(
        model=os.environ.get("MODEL_DEPLOYMENT_NAME", "gpt-4o-mini"),
        name="trip-packer",
        instructions="You write short packing lists for weekend trips.",
    )
    print(f"created agent {agent.id}")

    thread = agents_client.threads.create()
    agents_client.messages.create(
        thread_id=thread.id,
        role=MessageRole.USER,
        content="Two nights in a mountain hut in October, what do I pack?",
    )

    run = agents_client.runs.create(thread_id=thread.id, agent_id=agent.id)
    # Poll until the run leaves the queue; the legacy API had no blocking call here.
    while run.status in ("queued", "in_progress", "requires_action"):
        time.sleep(1)
        run = agents_client.runs.get(thread_id=thread.id, run_id=run.id)

    if run.status == "failed":
        print(f"run failed: {run.last_error}")

    messages = agents_client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING)
    for message in messages:
        if message.text_messages:
            print(f"{message.role}: {message.text_messages[-1].text.value}")

    agents_client.delete_agent(agent.id)
'''

FRAGMENT = """\
# pasted from a larger module: no imports, the client comes from elsewhere
thread = project.agents.threads.create()
project.agents.messages.create(thread_id=thread.id, role="user", content=question)
run = project.agents.runs.create_and_process(thread_id=thread.id, agent_id=agent_id)
reply = project.agents.messages.get_last_message_text_by_role(
    thread_id=thread.id, role="assistant"
)
"""

FUNCTION_TOOL = '''\
"""A classic agent that calls a local function to look up opening hours."""
import json
import os
import time

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import (
    FunctionTool,
    RequiredFunctionToolCall,
    SubmitToolOutputsAction,
    ToolOutput,
)
from azure.identity import DefaultAzureCredential


def opening_hours(shop: str) -> str:
    """Return the opening hours of a shop as JSON."""
    hours = {"bakery": "7-18", "library": "10-20"}
    return json.dumps({"shop": shop, "hours": hours.get(shop, "unknown")})


functions = FunctionTool(functions={opening_hours})
agents_client = AgentsClient(
    endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential()
)

agent = agents_client.create_agent(
    model="gpt-4o",
    name="hours-helper",
    instructions="Answer questions about opening hours with the opening_hours tool.",
    tools=functions.definitions,
)
thread = agents_client.threads.create()
agents_client.messages.create(
    thread_id=thread.id, role="user", content="When does the bakery open?"
)
run = agents_client.runs.create(thread_id=thread.id, agent_id=agent.id)

while run.status in ("queued", "in_progress", "requires_action"):
    time.sleep(1)
    run = agents_client.runs.get(thread_id=thread.id, run_id=run.id)
    if run.status == "requires_action" and isinstance(run.required_action, SubmitToolOutputsAction):
        outputs = []
        for call in run.required_action.submit_tool_outputs.tool_calls:
            if isinstance(call, RequiredFunctionToolCall):
                outputs.append(ToolOutput(tool_call_id=call.id, output=functions.execute(call)))
        agents_client.runs.submit_tool_outputs(
            thread_id=thread.id, run_id=run.id, tool_outputs=outputs
        )

print(run.status)
'''

STREAMING = '''\
"""Stream a classic agent's answer token by token with an event handler."""
import os

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import AgentEventHandler, MessageDeltaChunk, ThreadRun
from azure.identity import DefaultAzureCredential


class PrintingHandler(AgentEventHandler):
    def on_message_delta(self, delta: MessageDeltaChunk) -> None:
        print(delta.text, end="", flush=True)

    def on_thread_run(self, run: ThreadRun) -> None:
        if run.status == "failed":
            print(f"\\nrun failed: {run.last_error}")

    def on_error(self, data: str) -> None:
        print(f"\\nstream error: {data}")


agents_client = AgentsClient(
    endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential()
)
agent = agents_client.create_agent(
    model="gpt-4o-mini", name="storyteller", instructions="Tell very short bedtime stories."
)
thread = agents_client.threads.create()
agents_client.messages.create(
    thread_id=thread.id, role="user", content="A story about a lighthouse keeper's owl."
)

with agents_client.runs.stream(
    thread_id=thread.id, agent_id=agent.id, event_handler=PrintingHandler()
) as stream:
    stream.until_done()
'''

RUN_JSON = """\
{
  "id": "run_7c1e2b",
  "object": "thread.run",
  "created_at": 1767225600,
  "assistant_id": "asst_recipe01",
  "thread_id": "thread_bake42",
  "status": "completed",
  "started_at": 1767225601,
  "expires_at": null,
  "cancelled_at": null,
  "failed_at": null,
  "completed_at": 1767225604,
  "required_action": null,
  "last_error": null,
  "model": "gpt-4o",
  "instructions": "You scale baking recipes. Answer in grams.",
  "tools": [{"type": "code_interpreter"}],
  "tool_resources": {},
  "metadata": {"team": "kitchen"},
  "temperature": 0.7,
  "top_p": 1.0,
  "max_completion_tokens": null,
  "max_prompt_tokens": null,
  "truncation_strategy": {"type": "auto", "last_messages": null},
  "incomplete_details": null,
  "usage": {"prompt_tokens": 512, "completion_tokens": 48, "total_tokens": 560},
  "response_format": "auto",
  "tool_choice": "auto",
  "parallel_tool_calls": true
}
"""

EXAMPLES = [
    Example("threads", "Foundry: create a thread with a first message", THREADS, "foundry"),
    Example("messages", "Foundry: add a message to a thread", MESSAGES, "foundry"),
    Example("runs", "Foundry: start a run and poll it", RUNS, "foundry"),
    Example("create_agent", "Foundry: create_agent with Code Interpreter", CREATE_AGENT, "foundry"),
    Example("whole_script", "Foundry: a whole script with polling", WHOLE_SCRIPT, "foundry"),
    Example("fragment", "Foundry: a fragment without imports", FRAGMENT, "foundry"),
    Example(
        "function_tool",
        "Foundry: a function tool and submit_tool_outputs",
        FUNCTION_TOOL,
        "foundry",
    ),
    Example("streaming", "Foundry: streaming with an event handler", STREAMING, "foundry"),
    Example("run_json", "Foundry: a run object (JSON)", RUN_JSON, "foundry"),
]
