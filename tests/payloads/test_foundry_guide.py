"""The Microsoft guide's before/after JSON pairs convert to the documented "current" shapes.

Compared: the keys and the values our rules map. Not compared, because only the service can
know them: new ids (`conv_…`, `resp_…`), creation times of the new objects, telemetry metadata,
the response's output and token counts (a different call), and service defaults the run did
not carry (`background`, `reasoning`, `service_tier`, `store`, `truncation`, …).
"""
from __future__ import annotations

import json

from openai.types.conversations import Conversation

from helpers.payloads import convert_payload
from helpers.payloads.models.foundry import AgentVersion, Response
from helpers.payloads.models.foundry import Conversation as ConversationModel

from . import examples as ex

SERVICE_ONLY_RESPONSE_KEYS = {
    "background", "max_tool_calls", "previous_response_id", "prompt", "prompt_cache_key",
    "reasoning", "safety_identifier", "service_tier", "top_logprobs", "user",
    "content_filters", "store",
}


def test_thread_becomes_the_documented_conversation():
    result = convert_payload(ex.THREAD_BEFORE)
    out = json.loads(result.output)
    assert result.kind == "foundry-thread" and result.changed
    assert set(out) == set(ex.CONVERSATION_AFTER)
    assert out["object"] == "conversation"
    assert out["metadata"] == ex.CONVERSATION_AFTER["metadata"]
    # id and created_at are assigned by the service; the legacy id is kept and noted
    assert out["id"] == "thread_1234abcd"
    assert any(n.path == "id" for n in result.notes)
    assert any(n.path == "tool_resources" for n in result.notes)
    Conversation.model_validate(out)
    ConversationModel.model_validate(out)


def test_documented_conversation_is_left_alone():
    text = json.dumps(ex.CONVERSATION_AFTER, indent=2)
    result = convert_payload(text)
    assert result.kind == "foundry-thread" and not result.changed and result.output == text


def test_run_becomes_the_documented_response():
    result = convert_payload(ex.RUN_BEFORE)
    out = json.loads(result.output)
    assert result.kind == "foundry-run"
    documented = ex.RESPONSE_AFTER
    assert set(out) - {"completed_at"} <= set(documented)
    assert set(documented) - set(out) == SERVICE_ONLY_RESPONSE_KEYS
    for key in ("object", "status", "model", "error", "incomplete_details", "parallel_tool_calls",
                "temperature", "top_p", "tool_choice", "max_output_tokens", "text"):
        assert out[key] == {**documented, "text": {"format": {"type": "text"}}}[key], key
    assert set(out["usage"]) <= set(documented["usage"])
    # The run counted cached tokens (0) but never cache writes or reasoning tokens: those are 0, noted.
    assert out["usage"] == {"input_tokens": 1216, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                            "output_tokens": 76, "output_tokens_details": {"reasoning_tokens": 0},
                            "total_tokens": 1292}
    usage_note = next(n for n in result.notes if n.path == "usage")
    assert "cache" in usage_note.message and "reasoning_tokens" in usage_note.message
    assert "prompt_token_details.cached_tokens" not in usage_note.message  # that one was counted
    # The run's truncation_strategy {"type": "auto"} keeps its behaviour; the guide's response came
    # from another call that used the default ("disabled").
    assert out["truncation"] == "auto"
    assert out["conversation"] == {"id": "thread_abcd1234"}
    Response.model_validate(out)


def test_run_fields_without_counterpart_are_noted_with_their_path():
    result = convert_payload(ex.RUN_BEFORE)
    noted = {n.path for n in result.notes}
    for path in ("assistant_id", "expires_at", "started_at", "max_prompt_tokens",
                 "truncation_strategy", "tool_resources", "thread_id"):
        assert path in noted, path
    by_path = {n.path: n for n in result.notes}
    assert by_path["truncation_strategy"].line == 28


def test_documented_response_is_left_alone():
    text = json.dumps(ex.RESPONSE_AFTER, indent=2)
    result = convert_payload(text)
    assert result.kind == "foundry-run" and not result.changed


def test_classic_agent_becomes_the_documented_agent_version():
    result = convert_payload(ex.AGENT_BEFORE)
    out = json.loads(result.output)
    assert result.kind == "foundry-agent"
    assert list(out) == list(ex.AGENT_AFTER)
    for key in ("metadata", "object", "id", "name", "version", "description"):
        assert out[key] == ex.AGENT_AFTER[key], key
    # The guide's create_version call leaves the code interpreter out (its full example adds
    # CodeInterpreterTool back); we keep the agent's tool, so only `tools` is extra.
    assert {k: v for k, v in out["definition"].items() if k != "tools"} == ex.AGENT_AFTER["definition"]
    assert out["definition"]["tools"] == [{"type": "code_interpreter", "container": {"type": "auto"}}]
    AgentVersion.model_validate(out)


def test_documented_agent_version_is_left_alone():
    text = json.dumps(ex.AGENT_AFTER, indent=2)
    result = convert_payload(text)
    assert result.kind == "foundry-agent" and not result.changed


# The guide prints the classic agent as Python shows it; pasted like that, it still converts.
AGENT_BEFORE_AS_PRINTED = """{ 
  'id': 'asst_AVKrdr2KJthDnZiJ51nca1jy', 
  'object': 'assistant', 
  'created_at': 1762218496, 
  'name': 'my-agent', 
  'description': None, 
  'model': 'gpt-4.1', 
  'instructions': 'You politely help with math questions. Use the Code Interpreter tool when asked to visualize numbers.', 
  'tools': [ 
    { 
      'type': 'code_interpreter' 
    } 
  ], 
  'top_p': 1.0, 
  'temperature': 1.0, 
  'tool_resources': { 
    'code_interpreter': { 
      'file_ids': [      
      ] 
    } 
  }, 
  'metadata': { 
  }, 
  'response_format': 'auto' 
} 
"""


def test_classic_agent_as_printed_by_python_converts_like_its_json():
    from helpers.payloads import detect_payload_kind

    assert detect_payload_kind(AGENT_BEFORE_AS_PRINTED) == "foundry-agent"
    printed = convert_payload(AGENT_BEFORE_AS_PRINTED)
    assert json.loads(printed.output) == json.loads(convert_payload(ex.AGENT_BEFORE).output)
    assert any(n.rule == "P1" for n in printed.notes)
    assert all(n.line is None for n in printed.notes)


def test_printed_agent_version_is_left_alone():
    printed = repr(ex.AGENT_AFTER)
    result = convert_payload(printed)
    assert result.kind == "foundry-agent" and result.output == printed


def test_python_dict_that_is_no_foundry_object_is_not_a_payload():
    from helpers.payloads import detect_payload_kind

    assert detect_payload_kind("{'role': 'user', 'content': 'hi'}") is None
