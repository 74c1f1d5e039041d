"""The SDK-existence check: real calls pass, made-up ones fail, with lines."""
from __future__ import annotations

from helpers import verify_code

GOOD = """
from azure.ai.projects import AIProjectClient
from azure.ai.projects.models import FunctionTool, PromptAgentDefinition
project = AIProjectClient(endpoint=e, credential=c)
openai_client = project.get_openai_client()
agent = project.agents.create_version(agent_name="a", definition=PromptAgentDefinition(model="m"))
tool = FunctionTool(name="f", parameters={}, strict=True)
conversation = openai_client.conversations.create(items=[], metadata={})
openai_client.conversations.items.create(conversation_id=conversation.id, items=[])
openai_client.conversations.items.list(conversation_id=conversation.id, order="asc")
response = openai_client.responses.create(conversation=conversation.id, extra_body={})
"""


def test_real_calls_pass():
    verdict = verify_code(GOOD)
    assert verdict.ok, verdict.checks
    assert len(verdict.checks) == 9
    assert "all 9 calls" in verdict.summary


def test_unknown_keyword_fails_with_line():
    verdict = verify_code("x.responses.create(conversation='c', agent={'name': 'a'})\n")
    assert not verdict.ok
    assert verdict.checks[0].line == 1
    assert "agent" in verdict.checks[0].message


def test_missing_required_keyword_fails():
    verdict = verify_code("from azure.ai.projects.models import FunctionTool\nFunctionTool(name='f', parameters={})\n")
    assert not verdict.ok and "strict" in verdict.checks[0].message


def test_model_that_does_not_exist_fails():
    verdict = verify_code("from azure.ai.projects.models import ThreadMessageOptions\nThreadMessageOptions(role='user')\n")
    assert not verdict.ok and "does not exist" in verdict.checks[0].message


def test_unparsable_code_is_not_checked():
    verdict = verify_code("def (:")
    assert not verdict.ok and verdict.summary.startswith("not checked")
