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


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str


@dataclass(frozen=True)
class Exercise:
    name: str
    task: str
    starter: str
    check: Callable[[RunOutcome, Session], Verdict]


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


def _check_conversation(outcome: RunOutcome, session: Session) -> Verdict:
    conversation_id = _printed_id(outcome, "conv")
    if not conversation_id:
        return Verdict(False, "Print the conversation's id (it starts with conv_).")
    conversation = _openai(session).conversations.retrieve(conversation_id)
    if (conversation.metadata or {}).get("course") != "exercise":
        return Verdict(False, f"The conversation exists, but its metadata is {conversation.metadata}: "
                              'give it metadata={"course": "exercise"}.')
    return Verdict(True, "Right: a conversation with your metadata exists on the service.")


def _check_items(outcome: RunOutcome, session: Session) -> Verdict:
    conversation_id = _printed_id(outcome, "conv")
    if not conversation_id:
        return Verdict(False, "Print the conversation's id (it starts with conv_).")
    items = list(_openai(session).conversations.items.list(conversation_id=conversation_id))
    texts = [part.text for item in items if item.type == "message" for part in item.content
             if hasattr(part, "text")]
    if len(items) < 2:
        return Verdict(False, f"The conversation holds {len(items)} item(s); add both messages.")
    return Verdict(True, f"Right: the conversation holds {len(items)} items: {texts[:2]}.")


def _check_response(outcome: RunOutcome, session: Session) -> Verdict:
    response_id = _printed_id(outcome, "resp")
    if not response_id:
        return Verdict(False, "Print the response's id (it starts with resp_).")
    response = _openai(session).responses.retrieve(response_id)
    if response.status != "completed" or not response.output_text:
        return Verdict(False, f"The response's status is {response.status}; it should be completed with an answer.")
    return Verdict(True, f"Right: the agent answered: {response.output_text!r}.")


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
)}


def check_exercise(name: str, code: str, session: Session) -> Verdict:
    """Run `code` and judge it; every failure becomes a verdict, never an exception."""
    exercise = EXERCISES[name]
    outcome = run_code(code, session)
    if not outcome.ok:
        last = outcome.shown().strip().splitlines()[-1:] or [""]
        return Verdict(False, f"The code stopped with exit status {outcome.code}: {last[0]}")
    try:
        return exercise.check(outcome, session)
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
