"""The course's helpers: exercises judged by running code, troubleshooting, navigation, side by side."""
from __future__ import annotations

import pytest

from helpers import course
from helpers.course.exercises import EXERCISES, check_exercise
from helpers.course.running import LessonRunFailed, Session

RIGHT = {
    "threads": 'conversation = openai_client.conversations.create(metadata={"course": "exercise"})\nprint(conversation.id)\n',
    "messages": ('openai_client.conversations.items.create(conversation_id=conversation.id, items=['
                 '{"type": "message", "role": "user", "content": "one"},'
                 '{"type": "message", "role": "user", "content": "two"}])\nprint(conversation.id)\n'),
    "runs": ('agent = project.agents.create_version(agent_name="exercise-agent", definition=PromptAgentDefinition('
             'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Be brief."))\n'
             'conversation = openai_client.conversations.create()\n'
             'response = openai_client.responses.create(conversation=conversation.id, input="Hello", '
             'extra_body={"agent_reference": {"name": agent.name, "type": "agent_reference"}})\n'
             'print(response.id)\n'),
}
RIGHT.update({
    "assistants": ('project.agents.create_version(agent_name="haiku-writer", definition=PromptAgentDefinition('
                   'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="You write haiku."))\n'),
    "answers": ('response = openai_client.responses.create(input="Name a tea", extra_body=reference)\n'
                'print(response.output_text)\nprint(response.id)\n'),
    "agents": ('project.agents.create_version(agent_name="tea-sommelier", definition=PromptAgentDefinition('
               'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Tea.", temperature=0.3))\n'),
    "tools": ('project.agents.create_version(agent_name="calc-agent", definition=PromptAgentDefinition('
              'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Calc.", tools=[CodeInterpreterTool()]))\n'),
    "functions": ('outputs = [{"type": "function_call_output", "call_id": item.call_id, '
                  '"output": opening_hours(**json.loads(item.arguments))} '
                  'for item in response.output if item.type == "function_call"]\n'
                  'answer = openai_client.responses.create(conversation=conversation.id, input=outputs, '
                  'extra_body=reference)\nprint(answer.id)\n'),
    "streaming": ('conversation = openai_client.conversations.create()\n'
                  'with openai_client.responses.create(conversation=conversation.id, input="Hi there", '
                  'extra_body=reference, stream=True) as stream:\n'
                  '    for event in stream:\n'
                  '        if event.type == "response.output_text.delta":\n'
                  '            print(event.delta, end="")\n'
                  '        elif event.type == "response.completed":\n'
                  '            print()\n            print(event.response.id)\n'),
    "langdock": ('answer = requests.post(f"{BASE}/agent/v1/chat/completions", headers=HEADERS, timeout=30, json={'
                 '"agent": {"name": "Greeter", "instructions": "Greet."}, '
                 '"messages": [{"id": "m1", "role": "user", "parts": [{"type": "text", "text": "Hello"}]}]})\n'
                 'answer.raise_for_status()\n'),
})
WRONG = {
    "assistants": ('project.agents.create_version(agent_name="haiku-writer", definition=PromptAgentDefinition('
                   'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="You write limericks."))\n'),
    "answers": ('response = openai_client.responses.create(input="Name a tea", extra_body=reference)\n'
                'print(response.id)\n'),
    "threads": 'conversation = openai_client.conversations.create(metadata={"course": "other"})\nprint(conversation.id)\n',
    "messages": 'print(conversation.id)\n',
    "runs": ('agent = project.agents.create_version(agent_name="exercise-agent", definition=PromptAgentDefinition('
             'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Be brief."))\n'
             'response = openai_client.responses.create(input="Hello", '
             'extra_body={"agent": {"name": agent.name, "type": "agent_reference"}})\nprint(response.id)\n'),
    "agents": ('project.agents.create_version(agent_name="tea-sommelier", definition=PromptAgentDefinition('
               'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Tea."))\n'),
    "tools": ('project.agents.create_version(agent_name="calc-agent", definition=PromptAgentDefinition('
              'model=os.environ["MODEL_DEPLOYMENT_NAME"], instructions="Calc."))\n'),
    "functions": "print(response.id)\n",
    "streaming": ('conversation = openai_client.conversations.create()\n'
                  'response = openai_client.responses.create(conversation=conversation.id, input="Hi there", '
                  'extra_body=reference)\nprint(response.id)\n'),
    "langdock": ('answer = requests.post(f"{BASE}/assistant/v1/chat/completions", headers=HEADERS, timeout=30, json={'
                 '"assistant": {"name": "Greeter", "instructions": "Greet."}, '
                 '"messages": [{"role": "user", "content": "Hello"}]})\n'
                 'answer.raise_for_status()\n'),
}


@pytest.fixture(scope="module")
def session():
    from helpers.local import start

    svc = start()
    yield Session(live=False, service=svc)
    svc.stop()


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_right_answer_passes(name, session):
    verdict = check_exercise(name, EXERCISES[name].starter + RIGHT[name], session)
    assert verdict.ok, verdict.message


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_wrong_answer_fails_with_a_reason(name, session):
    verdict = check_exercise(name, EXERCISES[name].starter + WRONG[name], session)
    assert not verdict.ok
    assert verdict.message


def test_the_starter_alone_fails(session):
    verdict = check_exercise("threads", EXERCISES["threads"].starter, session)
    assert not verdict.ok and "conv_" in verdict.message


def test_a_failing_lesson_stops_the_notebook(session):
    with pytest.raises(LessonRunFailed, match="exit 3"):
        course.run_both("print('ok')\n", "import sys\nsys.exit(3)\n", session)


def test_run_both_shows_both_outputs(session):
    block = course.run_both("print('legacy side')\n", "print('new side')\n", session)
    assert "legacy side" in block.text and "new side" in block.text
    assert "legacy side" in block._repr_html_()


@pytest.mark.parametrize("error, title", [
    ("AttributeError: 'AIProjectClient' object has no attribute 'conversations'", "Conversations live on the OpenAI client"),
    ("AttributeError: 'str' object has no attribute 'value'", "Reading an answer the legacy way"),
    ("openai.BadRequestError: Error code: 400 - {'error': {'message': \"Unknown parameter: 'agent'.\"}}",
     "The agent reference has the wrong key"),
    ("TypeError: projectClient.getOpenAIClient is not a function", "JavaScript: @azure/ai-projects is too old"),
])
def test_troubleshooting_finds_the_cause(error, title):
    assert title in [d.title for d in course.troubleshoot(error)]


def test_troubleshooting_says_nothing_for_an_unknown_error():
    assert course.troubleshoot("ZeroDivisionError: division by zero") == []


def test_navigation_links_neighbours():
    first, last = course.navigation("00"), course.navigation("18")
    assert "01 Threads become conversations" in first.text and "contents" not in first.text
    assert "17 Troubleshooting" in last.text and "→" not in last.text
    middle = course.navigation("05")
    assert 'href="04-versioned-agents.ipynb"' in middle._repr_html_()
    assert 'href="06-tools.ipynb"' in middle._repr_html_()


def test_side_by_side_escapes_and_keeps_both_texts():
    block = course.side_by_side("x = '<b>'\n", "y = 2\n")
    assert "&lt;" in block._repr_html_() and "<b>" not in block._repr_html_().replace("<b>Exercise", "")
    assert "x = '<b>'" in block.text and "y = 2" in block.text
