"""F1-F5: per-rule before/after pairs for Foundry objects, checked against openai's own types."""
from __future__ import annotations

import json

import pytest
from openai.types.conversations import ConversationItemList, Message

from helpers.errors import InputError
from helpers.payloads import convert_payload
from helpers.payloads.models.foundry import AgentVersion, ConversationItemList as ItemListModel
from helpers.payloads.models.foundry import ConversationMessage, Response


def convert(obj, **options):
    return convert_payload(json.dumps(obj), **options)


def out(obj, **options):
    return json.loads(convert(obj, **options).output)


USER_MESSAGE = {
    "id": "msg_u1", "object": "thread.message", "created_at": 1762218800, "thread_id": "thread_1",
    "role": "user", "content": [{"type": "text", "text": {"value": "Plot y = 4x + 9", "annotations": []}}],
    "assistant_id": None, "run_id": None, "attachments": [], "metadata": {}, "status": "completed",
}
ASSISTANT_MESSAGE = {
    "id": "msg_a1", "object": "thread.message", "created_at": 1762218812, "thread_id": "thread_1",
    "role": "assistant",
    "content": [{"type": "text", "text": {"value": "See the chart [1].", "annotations": [
        {"type": "file_citation", "text": "[1]", "start_index": 14, "end_index": 17,
         "file_citation": {"file_id": "assistant-file1"}},
        {"type": "url_citation", "text": "[2]", "start_index": 18, "end_index": 21,
         "url_citation": {"url": "https://example.org", "title": "Example"}}]}},
        {"type": "image_file", "image_file": {"file_id": "assistant-img1"}}],
    "assistant_id": "asst_1", "run_id": "run_1", "attachments": [{"file_id": "f1", "tools": []}],
    "metadata": {"k": "v"}, "status": "completed",
}


@pytest.mark.parametrize(
    "before, after",
    [
        (USER_MESSAGE, {"type": "message", "id": "msg_u1", "status": "completed", "role": "user",
                        "content": [{"type": "input_text", "text": "Plot y = 4x + 9"}]}),
        (ASSISTANT_MESSAGE, {"type": "message", "id": "msg_a1", "status": "completed", "role": "assistant",
                             "content": [
                                 {"type": "output_text", "text": "See the chart [1].", "annotations": [
                                     {"type": "file_citation", "file_id": "assistant-file1", "filename": "", "index": 14},
                                     {"type": "url_citation", "url": "https://example.org", "title": "Example",
                                      "start_index": 18, "end_index": 21}]},
                                 {"type": "input_image", "file_id": "assistant-img1", "detail": "auto"}]}),
    ],
)
def test_thread_message_becomes_a_conversation_item(before, after):
    result = out(before)
    assert result == after
    Message.model_validate(result)
    ConversationMessage.model_validate(result)


def test_message_fields_without_counterpart_are_noted():
    result = convert(ASSISTANT_MESSAGE)
    paths = {n.path for n in result.notes}
    assert {"thread_id", "assistant_id", "run_id", "created_at", "attachments", "metadata"} <= paths
    severities = {n.path: n.severity for n in result.notes if n.rule == "F3" and n.path in ("attachments", "metadata")}
    assert severities == {"attachments": "warning", "metadata": "warning"}


def test_message_list_becomes_an_item_list():
    before = {"object": "list", "data": [USER_MESSAGE, ASSISTANT_MESSAGE], "first_id": "msg_u1",
              "last_id": "msg_a1", "has_more": False}
    result = convert(before)
    after = json.loads(result.output)
    assert result.kind == "foundry-message-list"
    assert [item["role"] for item in after["data"]] == ["user", "assistant"]
    assert after["data"][0]["content"][0]["type"] == "input_text"
    assert after["data"][1]["content"][0]["type"] == "output_text"
    assert {k: after[k] for k in ("object", "first_id", "last_id", "has_more")} == \
        {"object": "list", "first_id": "msg_u1", "last_id": "msg_a1", "has_more": False}
    ConversationItemList.model_validate(after)
    ItemListModel.model_validate(after)
    assert any(n.path == "data[1].attachments" for n in result.notes)


def test_bare_array_of_thread_messages_converts_element_by_element():
    result = convert([USER_MESSAGE])
    assert result.kind == "foundry-message-list"
    assert json.loads(result.output)[0]["type"] == "message"


RUN = {"id": "run_1", "object": "thread.run", "created_at": 1, "assistant_id": "asst_1",
       "thread_id": "thread_1", "status": "completed", "model": "gpt-4.1", "instructions": "Be kind.",
       "tools": [], "metadata": {}, "usage": None}


@pytest.mark.parametrize(
    "status, expected",
    [("queued", "queued"), ("in_progress", "in_progress"), ("completed", "completed"),
     ("failed", "failed"), ("cancelled", "cancelled"), ("incomplete", "incomplete"),
     ("requires_action", "completed"), ("cancelling", "cancelled"), ("expired", "failed")],
)
def test_run_status_mapping(status, expected):
    result = convert({**RUN, "status": status})
    assert json.loads(result.output)["status"] == expected
    renamed = any(n.path == "status" for n in result.notes)
    assert renamed == (status != expected)


def test_run_error_usage_limits_and_format_map():
    before = {**RUN, "status": "failed", "last_error": {"code": "rate_limit_exceeded", "message": "slow down"},
              "max_completion_tokens": 500, "incomplete_details": {"reason": "max_completion_tokens"},
              "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
              "response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}},
              "tool_choice": {"type": "function", "function": {"name": "lookup"}}}
    after = out(before)
    assert after["error"] == {"code": "rate_limit_exceeded", "message": "slow down"}
    assert after["max_output_tokens"] == 500
    assert after["incomplete_details"] == {"reason": "max_output_tokens"}
    assert after["usage"] == {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                              "output_tokens": 5, "output_tokens_details": {"reasoning_tokens": 0},
                              "total_tokens": 15}
    assert after["text"] == {"format": {"type": "json_schema", "name": "x", "schema": {"type": "object"}}}
    assert after["tool_choice"] == {"type": "function", "name": "lookup"}
    Response.model_validate(after)


def test_required_action_becomes_function_call_items():
    before = {**RUN, "status": "requires_action", "required_action": {"type": "submit_tool_outputs",
              "submit_tool_outputs": {"tool_calls": [{"id": "call_1", "type": "function",
                                                      "function": {"name": "lookup", "arguments": "{\"q\":1}"}}]}}}
    result = convert(before)
    after = json.loads(result.output)
    assert after["output"] == [{"type": "function_call", "call_id": "call_1", "name": "lookup",
                                "arguments": "{\"q\":1}", "status": "completed"}]
    assert any(n.path == "required_action" and n.severity == "warning" for n in result.notes)


def test_tools_and_tool_resources_fold_together():
    agent = {"id": "asst_9", "object": "assistant", "name": "helper", "model": "gpt-4.1", "instructions": "x",
             "tools": [{"type": "code_interpreter"}, {"type": "file_search", "file_search": {"max_num_results": 5}},
                       {"type": "function", "function": {"name": "f", "description": "d",
                                                          "parameters": {"type": "object"}}},
                       {"type": "bing_grounding", "bing_grounding": {"search_configurations": []}}],
             "tool_resources": {"code_interpreter": {"file_ids": ["file-1"]},
                                "file_search": {"vector_store_ids": ["vs_1"]}},
             "temperature": 0.2, "top_p": 1.0, "metadata": {}}
    result = convert(agent)
    after = json.loads(result.output)
    assert after["definition"]["tools"] == [
        {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["file-1"]}},
        {"type": "file_search", "vector_store_ids": ["vs_1"], "max_num_results": 5},
        {"type": "function", "name": "f", "description": "d", "parameters": {"type": "object"}, "strict": False},
        {"type": "bing_grounding", "bing_grounding": {"search_configurations": []}},
    ]
    assert after["definition"]["temperature"] == 0.2 and "top_p" not in after["definition"]
    assert any(n.path == "tools[3]" for n in result.notes)
    AgentVersion.model_validate(after)


@pytest.mark.parametrize("name, expected", [("My Agent!", "My-Agent"), (None, "asst_9"[:4] + "-9"), ("a" * 80, "a" * 63)])
def test_agent_names_are_made_valid_with_a_note(name, expected):
    result = convert({"id": "asst_9", "object": "assistant", "name": name, "model": "m"})
    after = json.loads(result.output)
    assert after["name"] == expected and after["id"] == f"{expected}:1"
    assert any(n.path == "name" for n in result.notes)
    AgentVersion.model_validate(after)


def test_unknown_fields_are_carried_and_noted():
    result = convert({**RUN, "x_custom": {"a": 1}})
    assert json.loads(result.output)["x_custom"] == {"a": 1}
    assert any(n.path == "x_custom" for n in result.notes)


@pytest.mark.parametrize("obj", [USER_MESSAGE, ASSISTANT_MESSAGE, RUN,
                                 {"id": "thread_1", "object": "thread", "created_at": 1, "metadata": {}},
                                 {"id": "asst_1", "object": "assistant", "name": "n", "model": "m"}])
def test_foundry_conversion_is_idempotent(obj):
    first = convert(obj)
    second = convert_payload(first.output)
    assert second.kind == first.kind and not second.changed and second.output == first.output


def test_wrong_kind_given_explicitly_is_an_input_error():
    with pytest.raises(InputError) as info:
        convert_payload(json.dumps(RUN), kind="foundry-thread")
    assert "foundry-run" in info.value.message


def test_schema_problem_is_located():
    bad = json.dumps({"id": "m", "object": "thread.message", "role": "user", "content": "text"}, indent=2)
    with pytest.raises(InputError) as info:
        convert_payload(bad)
    assert info.value.path == "content" and info.value.line == 5
