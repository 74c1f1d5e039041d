"""Every converted payload test case is valid for the SDK model that will read it.

Foundry: openai 3.54's `Response`, `Conversation`, `ConversationItem` / `ConversationItemList`
(`model_validate`) and azure-ai-projects 2.10's `AgentVersionDetails`, checked field by field
(`sdk_models.azure_problems`). Langdock has no Python SDK; its converted bodies are checked
with this project's models of the AI SDK shapes. Cases: the guides' examples, the per-rule
cases, the foundry cases file and the examples menu.
"""
from __future__ import annotations

import json

import pytest

from helpers.examples import EXAMPLES
from helpers.payloads import PAYLOAD_KINDS, convert_payload, detect_payload_kind
from helpers.payloads.models import langdock as lm

from . import examples as ex
from . import foundry_cases as fc
from . import test_foundry_rules as rules
from .sdk_models import MARKER, azure_problems, validate_converted

GUIDE = {"guide thread": ex.THREAD_BEFORE, "guide run": ex.RUN_BEFORE, "guide agent": ex.AGENT_BEFORE}
RULE_CASES = {
    "user message": rules.USER_MESSAGE, "assistant message with citations": rules.ASSISTANT_MESSAGE,
    "minimal run": rules.RUN,
    "message list": {"object": "list", "data": [rules.USER_MESSAGE, rules.ASSISTANT_MESSAGE],
                     "first_id": "msg_u1", "last_id": "msg_a1", "has_more": False},
    "minimal assistant": {"id": "asst_1", "object": "assistant", "name": "n", "model": "m", "created_at": 1},
    "minimal thread": {"id": "thread_1", "object": "thread", "created_at": 1, "metadata": {}},
}
MENU = {f"menu: {e.name}": e.text for e in EXAMPLES.values()
        if (detect_payload_kind(e.text) or "").startswith("foundry-")}
FOUNDRY = {**GUIDE, **{k: json.dumps(v) for k, v in RULE_CASES.items()}, **{k: json.dumps(v) for k, v in fc.ALL.items()},
           **{k: v if isinstance(v, str) else json.dumps(v) for k, v in MENU.items()}}

LANGDOCK = {
    "guide request": (ex.LD_REQUEST_BEFORE, lm.AgentChatRequest),
    "guide completion request": (ex.LD_COMPLETE_BEFORE, lm.AgentChatRequest),
    "guide response": (ex.LD_RESPONSE_BEFORE, lm.AgentChatResponse),
    "reference request": (ex.REF_REQUEST_BEFORE, lm.AgentChatRequest),
    "reference response": (ex.REF_RESPONSE_BEFORE, lm.AgentChatResponse),
}


def test_the_cases_cover_every_foundry_kind():
    kinds = {detect_payload_kind(text) for text in FOUNDRY.values()}
    assert kinds == {k for k in PAYLOAD_KINDS if k.startswith("foundry-")}
    assert len(FOUNDRY) >= 23


@pytest.mark.parametrize("name", list(FOUNDRY))
def test_converted_foundry_payload_is_valid_for_its_sdk_model(name):
    result = convert_payload(FOUNDRY[name])
    value = json.loads(result.output)
    model = validate_converted(result.kind, value)
    assert model  # the model's name: which SDK class read it
    if isinstance(value, dict) and MARKER in value:  # kept legacy values are always explained
        assert any(MARKER in n.message for n in result.notes), name
    again = convert_payload(result.output)
    assert not again.changed, name


@pytest.mark.parametrize("name", list(LANGDOCK))
def test_converted_langdock_payload_fits_the_ai_sdk_shape(name):
    text, model = LANGDOCK[name]
    model.model_validate(json.loads(convert_payload(text).output))


def test_the_validator_rejects_what_the_sdk_would_refuse():
    """The azure check is not a rubber stamp: legacy shapes and missing fields fail it."""
    from azure.ai.projects import models as am

    good = {"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"project_connection_id": "c"}]}}
    assert azure_problems(am.Tool, good) == []
    legacy = {"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"connection_id": "c"}]}}
    assert azure_problems(am.Tool, legacy) == [
        "$.bing_grounding.search_configurations[0].project_connection_id: required by BingGroundingSearchConfiguration",
        "$.bing_grounding.search_configurations[0].connection_id: not a field of BingGroundingSearchConfiguration",
    ]
    assert azure_problems(am.Tool, {"type": "connected_agent"}) == [
        "$: type 'connected_agent' is not one of Tool's kinds"]
    assert azure_problems(am.Tool, {"type": "function", "name": "f", "parameters": {}}) == [
        "$.strict: required by FunctionTool"]
    assert azure_problems(am.AgentVersionDetails, {"object": "agent.version"})  # required fields missing


def test_the_guides_own_response_predates_openai_3_54():
    """The guide's documented response (already new, so it comes back unchanged) lacks
    usage.input_tokens_details.cache_write_tokens, which openai 3.54 requires."""
    from openai.types.responses import Response
    from pydantic import ValidationError

    text = json.dumps(ex.RESPONSE_AFTER)
    assert convert_payload(text).output == text
    with pytest.raises(ValidationError, match="cache_write_tokens"):
        Response.model_validate(ex.RESPONSE_AFTER)


def test_usage_without_details_was_invalid_for_openai_response():
    """Why usage gets its details: openai 3.54's Response refuses usage without them."""
    from openai.types.responses import Response
    from pydantic import ValidationError

    value = json.loads(convert_payload(ex.RUN_BEFORE).output)
    Response.model_validate(value)
    bare = {**value, "usage": {"input_tokens": 1216, "output_tokens": 76, "total_tokens": 1292}}
    with pytest.raises(ValidationError):
        Response.model_validate(bare)
