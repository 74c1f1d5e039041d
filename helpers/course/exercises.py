"""Exercises: a task, starter code, and a check that runs the reader's code.

A check never compares text with a model answer: it runs the code against
the service (as a separate process) and then asks the service, through the
real SDK clients, whether the code did what the task asked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .running import RunOutcome, Session, run_code

_NEW_CLIENT = '''\
import os

from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential

project = AIProjectClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
openai_client = project.get_openai_client()
'''


def _with_agent(name: str) -> str:
    """Starter code: the client, and an agent `name` that answers briefly, with its reference."""
    return _NEW_CLIENT + f'''from azure.ai.projects.models import PromptAgentDefinition

agent = project.agents.create_version(agent_name="{name}", definition=PromptAgentDefinition(
    model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Answer briefly."))
reference = {{"agent_reference": {{"name": agent.name, "type": "agent_reference"}}}}
# your code here
'''


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str


@dataclass(frozen=True)
class Exercise:
    name: str
    task: str
    starter: str
    check: Callable[[RunOutcome, Session, int], Verdict]  # (outcome, session, journal position before the run)


def _printed_id(outcome: RunOutcome, prefix: str) -> str | None:
    found = re.findall(rf"\b({prefix}_[A-Za-z0-9]+)\b", outcome.stdout)
    return found[-1] if found else None


def _openai(session: Session):
    if session.live:
        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential
        import os

        return AIProjectClient(endpoint=os.environ["PROJECT_ENDPOINT"],
                               credential=DefaultAzureCredential()).get_openai_client()
    return session.service.project_openai_client()


def _check_conversation(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    conversation_id = _printed_id(outcome, "conv")
    if not conversation_id:
        return Verdict(False, "Print the conversation's id (it starts with conv_).")
    conversation = _openai(session).conversations.retrieve(conversation_id)
    if (conversation.metadata or {}).get("course") != "exercise":
        return Verdict(False, f"The conversation exists, but its metadata is {conversation.metadata}: "
                              'give it metadata={"course": "exercise"}.')
    return Verdict(True, "Right: a conversation with your metadata exists on the service.")


def _check_items(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    conversation_id = _printed_id(outcome, "conv")
    if not conversation_id:
        return Verdict(False, "Print the conversation's id (it starts with conv_).")
    items = list(_openai(session).conversations.items.list(conversation_id=conversation_id))
    texts = [part.text for item in items if item.type == "message" for part in item.content
             if hasattr(part, "text")]
    if len(items) < 2:
        return Verdict(False, f"The conversation holds {len(items)} item(s); add both messages.")
    return Verdict(True, f"Right: the conversation holds {len(items)} items: {texts[:2]}.")


def _check_response(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    response_id = _printed_id(outcome, "resp")
    if not response_id:
        return Verdict(False, "Print the response's id (it starts with resp_).")
    response = _openai(session).responses.retrieve(response_id)
    if response.status != "completed" or not response.output_text:
        return Verdict(False, f"The response's status is {response.status}; it should be completed with an answer.")
    return Verdict(True, f"Right: the agent answered: {response.output_text!r}.")


def _project(session: Session):
    if session.live:
        import os

        from azure.ai.projects import AIProjectClient
        from azure.identity import DefaultAzureCredential

        return AIProjectClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
    return session.service.project_client()


def _check_agent_version(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    version = _project(session).agents.get(agent_name="tea-sommelier").versions.latest
    temperature = version.definition.get("temperature")
    if temperature != 0.3:
        return Verdict(False, f"tea-sommelier's latest version has temperature {temperature}; set 0.3 in the definition.")
    return Verdict(True, f"Right: tea-sommelier version {version.version} exists with temperature 0.3.")


def _check_tool(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    version = _project(session).agents.get(agent_name="calc-agent").versions.latest
    kinds = [tool.get("type") for tool in version.definition.get("tools") or []]
    if "code_interpreter" not in kinds:
        return Verdict(False, f"calc-agent's tools are {kinds}; add a CodeInterpreterTool to the definition.")
    return Verdict(True, "Right: calc-agent carries the code interpreter in its definition.")


def _check_function_answer(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    response_id = _printed_id(outcome, "resp")
    if not response_id:
        return Verdict(False, "Print the id of the response that answered after your function outputs.")
    response = _openai(session).responses.retrieve(response_id)
    if any(item.type == "function_call" for item in response.output):
        return Verdict(False, "That response still asks for function calls: send their outputs back first.")
    if not response.output_text:
        return Verdict(False, "That response has no answer text.")
    return Verdict(True, f"Right: with the function outputs the agent answered {response.output_text!r}.")


def _check_haiku_agent(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
    version = _project(session).agents.get(agent_name="haiku-writer").versions.latest
    instructions = version.definition.get("instructions") or ""
    if "haiku" not in instructions.lower():
        return Verdict(False, f"haiku-writer's instructions are {instructions!r}; they should ask for haiku.")
    return Verdict(True, f"Right: haiku-writer version {version.version} exists on Foundry's side.")


def _answer_printed(no_id: str, no_answer: str, right: str) -> Callable[[RunOutcome, Session, int], Verdict]:
    """A check that the printed text holds the answer of the response whose id was printed."""
    def check(outcome: RunOutcome, session: Session, _mark: int = 0) -> Verdict:
        response_id = _printed_id(outcome, "resp")
        if not response_id:
            return Verdict(False, no_id)
        answer = _openai(session).responses.retrieve(response_id).output_text
        if not answer or answer not in outcome.stdout:
            return Verdict(False, no_answer)
        return Verdict(True, right.format(answer=answer))
    return check


_check_printed_answer = _answer_printed("Print the response's id (it starts with resp_).",
                                        "Print the answer itself: response.output_text.",
                                        "Right: you printed the answer {answer!r}.")
_check_streamed_text = _answer_printed(
    "Print the response id from the response.completed event (event.response.id).",
    "Print the text deltas as they arrive: the printed text does not hold the answer.",
    "Right: the streamed deltas add up to the stored answer.")


def _check_langdock_chat(outcome: RunOutcome, session: Session, mark: int = 0) -> Verdict:
    if session.live:
        return Verdict(outcome.ok, "The request was accepted." if outcome.ok else "The request failed.")
    chats = [body for kind, body in session.service.store.written_since(mark) if kind == "langdock_chat"]
    generations = {body.get("generation") for body in chats}
    if "agent" not in generations:
        return Verdict(False, f"The service saw {len(chats)} chat(s), none on /agent/v1; use the new endpoint.")
    if "assistant" in generations:
        return Verdict(False, "Some chats still went to /assistant/v1.")
    return Verdict(True, "Right: the service answered your chat on /agent/v1.")


_LANGDOCK_START = '''import os

import requests

BASE = os.environ.get("LANGDOCK_BASE_URL", "https://api.langdock.com")
HEADERS = {"Authorization": f"Bearer {os.environ['LANGDOCK_API_KEY']}"}
'''

EXERCISES = {exercise.name: exercise for exercise in (
    Exercise("threads", 'Create a conversation with the metadata `{"course": "exercise"}` and print its id.',
             _NEW_CLIENT + "\n# your code here\n", _check_conversation),
    Exercise("messages", "Create a conversation, add two user messages to it, and print the conversation's id.",
             _NEW_CLIENT + "\nconversation = openai_client.conversations.create()\n# your code here\n",
             _check_items),
    Exercise("runs", "Create an agent version named `exercise-agent`, ask it a question in a new conversation "
                     "with `responses.create` and an agent reference, and print the response's id.",
             _NEW_CLIENT + "from azure.ai.projects.models import PromptAgentDefinition\n\n# your code here\n",
             _check_response),
    Exercise("agents", "Create a version of the agent `tea-sommelier` with the instructions of your choice and "
                       "temperature 0.3.",
             _NEW_CLIENT + "from azure.ai.projects.models import PromptAgentDefinition\n\n# your code here\n",
             _check_agent_version),
    Exercise("tools", "Create a version of the agent `calc-agent` that can run code (the code interpreter).",
             _NEW_CLIENT + "from azure.ai.projects.models import CodeInterpreterTool, PromptAgentDefinition\n\n"
                           "# your code here\n", _check_tool),
    Exercise("functions", "The agent below asks for `opening_hours`. Send the function's output back and print "
                          "the id of the response that answers.",
             _NEW_CLIENT + '''import json

from azure.ai.projects.models import FunctionTool, PromptAgentDefinition


def opening_hours(shop: str) -> str:
    return json.dumps({"shop": shop, "hours": "8-18"})


tool = FunctionTool(name="opening_hours", description="Opening hours of a shop.", strict=True,
                    parameters={"type": "object", "properties": {"shop": {"type": "string"}},
                                "required": ["shop"], "additionalProperties": False})
agent = project.agents.create_version(agent_name="shop-helper", definition=PromptAgentDefinition(
    model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Use the tools.", tools=[tool]))
reference = {"agent_reference": {"name": agent.name, "type": "agent_reference"}}
conversation = openai_client.conversations.create()
response = openai_client.responses.create(conversation=conversation.id, extra_body=reference,
                                          input="What are the opening hours of the Corner Bakery?")
# your code here: answer each function_call item in response.output
''', _check_function_answer),
    Exercise("streaming", "Stream a response (`stream=True`), print each text delta as it arrives, and print the "
                          "response id from the `response.completed` event.",
             _with_agent("stream-agent"), _check_streamed_text),
    Exercise("assistants", "Where an OpenAI assistant `haiku-writer` stood, create a Foundry agent version of that "
                           "name whose instructions ask for haiku.",
             _NEW_CLIENT + "from azure.ai.projects.models import PromptAgentDefinition\n\n# your code here\n",
             _check_haiku_agent),
    Exercise("answers", "Ask the agent below a question, then print the answer (`response.output_text`) and the "
                        "response id.",
             _with_agent("echo-agent"), _check_printed_answer),
    Exercise("langdock", "Send one chat to Langdock's new endpoint with a temporary agent (name and instructions "
                         "of your choice) and the message \"Hello\" in the new message shape; fail on an error status.",
             _LANGDOCK_START + "\n# your code here\n", _check_langdock_chat),
)}


def check_exercise(name: str, code: str, session: Session) -> Verdict:
    """Run `code` and judge it; every failure becomes a verdict, never an exception."""
    exercise = EXERCISES[name]
    mark = 0 if session.live else session.service.store.journal_position()
    outcome = run_code(code, session)
    if not outcome.ok:
        last = outcome.shown().strip().splitlines()[-1:] or [""]
        return Verdict(False, f"The code stopped with exit status {outcome.code}: {last[0]}")
    try:
        return exercise.check(outcome, session, mark)
    except Exception as exc:  # the service said no (404 for an unknown id, ...)
        return Verdict(False, f"The service could not confirm it: {type(exc).__name__}: {str(exc)[:200]}")


def exercise_widget(name: str, session: Session):
    import html

    import ipywidgets as widgets

    exercise = EXERCISES[name]
    task = widgets.HTML(f"<b>Exercise.</b> {html.escape(exercise.task)}")
    box = widgets.Textarea(value=exercise.starter, layout=widgets.Layout(width="100%", height="220px"))
    button = widgets.Button(description="Check", button_style="primary")
    verdict = widgets.HTML()

    def on_click(_):
        verdict.value = "<i>Running your code against the service…</i>"
        result = check_exercise(name, box.value, session)
        colour = "#1a7f37" if result.ok else "#b42318"
        mark = "✔" if result.ok else "✘"
        verdict.value = f'<span style="color:{colour}">{mark} {html.escape(result.message)}</span>'

    button.on_click(on_click)
    return widgets.VBox([task, box, button, verdict])
