"""Tools, tool resources, runs and run steps convert to the values written out here by hand."""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload

from . import foundry_cases as fc


def convert(obj):
    result = convert_payload(json.dumps(obj, indent=2))
    return json.loads(result.output), result


def by_path(result):
    notes = {}
    for note in result.notes:
        notes.setdefault(note.path, []).append(note)
    return notes


def test_every_tool_of_an_agent_takes_its_2x_shape():
    out, result = convert(fc.AGENT_ALL_TOOLS)
    assert out["definition"]["tools"] == [
        {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["file-data1"]}},
        {"type": "file_search", "vector_store_ids": ["vs_docs"], "max_num_results": 8,
         "ranking_options": {"ranker": "auto", "score_threshold": 0.4}},
        {"type": "function", "name": "get_rate", "description": "Exchange rate",
         "parameters": {"type": "object", "properties": {"pair": {"type": "string"}}, "required": ["pair"]},
         "strict": False},
        {"type": "bing_grounding", "bing_grounding": {"search_configurations": [
            {"market": "de-DE", "count": 3, "project_connection_id": "conn-bing"}]}},
        {"type": "azure_ai_search", "azure_ai_search": {"indexes": [
            {"index_name": "manuals", "query_type": "semantic", "top_k": 4, "filter": "", "index_asset_id": "",
             "project_connection_id": "conn-search"}]}},
        {"type": "openapi", "openapi": {"name": "weather", "description": "city weather",
                                        "spec": {"openapi": "3.0.0", "info": {"title": "w", "version": "1"},
                                                 "paths": {}},
                                        "auth": {"type": "project_connection",
                                                 "security_scheme": {"project_connection_id": "conn-weather"}},
                                        "default_params": ["format"]}},
        {"type": "mcp", "server_label": "docs", "server_url": "https://mcp.example.org/sse",
         "allowed_tools": ["search_docs"], "require_approval": "never"},
        fc.AGENT_ALL_TOOLS["tools"][7],  # azure_function: the same JSON in both generations
        # connected agent: the function the application answers by asking that agent
        {"type": "function", "name": "fx_helper", "description": "knows currencies",
         "parameters": {"type": "object", "properties": {"request": {
             "type": "string", "description": "What to ask the agent, with everything it needs to answer."}},
             "required": ["request"], "additionalProperties": False},
         "strict": True},
    ]
    # Nothing is lost: what has no 2.x place (the connected agent's legacy id, data sources) sits under the marked key.
    assert out["unconverted"] == {
        "connected_agents": [{"id": "asst_helper", "name": "fx_helper", "description": "knows currencies"}],
        "tool_resources": {"code_interpreter": {"data_sources": [
            {"uri": "azureml://datastores/x/paths/a.csv", "type": "uri_asset"}]}},
    }
    notes = by_path(result)
    assert [n.severity for n in notes["tools[8]"]] == ["warning"]
    message = notes["tools[8]"][0].message
    assert "asst_helper" in message and "unconverted.connected_agents" in message and "workflow agent" in message
    text_lines = json.dumps(fc.AGENT_ALL_TOOLS, indent=2).splitlines()
    tool_line = text_lines.index('      "type": "connected_agent",')  # 0-based: the line after the tool's "{"
    assert (notes["tools[8]"][0].line, notes["tools[8]"][0].column) == (tool_line, 5)
    assert any("default-2024-11-15" in n.message for n in notes["tools[1].file_search.ranking_options.ranker"])
    assert notes["tool_resources.code_interpreter.data_sources"][0].severity == "warning"


def test_openapi_managed_and_anonymous_auth_keep_their_shape():
    out, _ = convert(fc.AGENT_OPENAPI_MANAGED)
    assert [t["openapi"]["auth"] for t in out["definition"]["tools"]] == [
        {"type": "managed_identity", "security_scheme": {"audience": "https://inventory.example.com"}},
        {"type": "anonymous"},
    ]


def test_resources_no_tool_reads_are_kept_under_the_marked_key():
    out, result = convert(fc.AGENT_ORPHAN_RESOURCES)
    assert out["definition"]["tools"] == [{"type": "code_interpreter", "container": {"type": "auto"}}]
    assert out["unconverted"] == {"tool_resources": {"file_search": {"vector_store_ids": ["vs_unused"]},
                                                     "file_search_extra": {"x": 1}}}
    messages = {n.path: n.message for n in result.notes}
    assert "no file_search tool reads it" in messages["tool_resources.file_search.vector_store_ids"]
    assert "not a known tool resource" in messages["tool_resources.file_search_extra.x"]


def test_mcp_headers_move_onto_the_tool_with_a_warning():
    agent = {"id": "a", "object": "assistant", "name": "m", "model": "gpt-4.1",
             "tools": [{"type": "mcp", "server_label": "gh", "server_url": "https://x.example/mcp"}],
             "tool_resources": {"mcp": [{"server_label": "gh", "headers": {"X-Team": "a"}},
                                        {"server_label": "other", "require_approval": "always"}]}}
    out, result = convert(agent)
    assert out["definition"]["tools"] == [{"type": "mcp", "server_label": "gh", "server_url": "https://x.example/mcp",
                                           "headers": {"X-Team": "a"}}]
    assert out["unconverted"] == {"tool_resources": {"mcp": [{"server_label": "other",
                                                              "require_approval": "always"}]}}
    assert any(n.severity == "warning" and "headers" in n.message for n in result.notes)


def test_azure_ai_search_without_indexes_is_flagged():
    agent = {"id": "a", "object": "assistant", "name": "s", "model": "m", "tools": [{"type": "azure_ai_search"}]}
    out, result = convert(agent)
    assert out["definition"]["tools"] == [{"type": "azure_ai_search", "azure_ai_search": {"indexes": []}}]
    assert any(n.path == "tools[0]" and n.severity == "warning" for n in result.notes)


def test_incomplete_run_maps_reason_usage_truncation_and_defaults():
    out, result = convert(fc.RUN_INCOMPLETE)
    assert out["status"] == "incomplete"
    assert out["incomplete_details"] == {"reason": "max_output_tokens"}
    assert out["max_output_tokens"] == 64
    assert out["usage"] == {"input_tokens": 300, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                            "output_tokens": 64, "output_tokens_details": {"reasoning_tokens": 0},
                            "total_tokens": 364}
    assert "truncation" not in out
    assert out["unconverted"] == {"truncation_strategy": {"type": "last_messages", "last_messages": 6}}
    assert (out["parallel_tool_calls"], out["tool_choice"]) == (False, "required")
    assert any(n.path == "truncation_strategy" and n.severity == "warning" for n in result.notes)


def test_run_cut_by_the_prompt_cap_keeps_its_reason_under_the_marked_key():
    out, result = convert(fc.RUN_INCOMPLETE_PROMPT)
    assert out["incomplete_details"] is None
    assert out["unconverted"] == {"incomplete_details": {"reason": "max_prompt_tokens"}}
    # the defaults a response needs are filled and said
    assert (out["parallel_tool_calls"], out["tool_choice"]) == (True, "auto")
    assert sum("legacy default" in n.message for n in result.notes) == 2


def test_expired_run_with_tools_and_cached_tokens():
    out, result = convert(fc.RUN_EXPIRED_WITH_TOOLS)
    assert out["status"] == "failed"
    assert out["tools"] == [
        {"type": "file_search", "vector_store_ids": ["vs_run"], "ranking_options": {"ranker": "auto", "score_threshold": 0.2}},
        {"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"project_connection_id": "conn-bing"}]}},
    ]
    assert out["usage"]["input_tokens_details"] == {"cached_tokens": 4, "cache_write_tokens": 0}
    usage_note = next(n for n in result.notes if n.path == "usage")
    assert "cache" in usage_note.message and "cached_tokens" not in usage_note.message.replace("cache_write", "")


@pytest.mark.parametrize("code, expected", [("rate_limit_exceeded", "rate_limit_exceeded"),
                                            ("invalid_prompt", "invalid_prompt"),
                                            ("tool_crashed", "server_error")])
def test_run_errors_become_response_error_codes(code, expected):
    out, result = convert({**fc.RUN_FAILED, "last_error": {"code": code, "message": "m"}})
    assert out["error"] == {"code": expected, "message": "m"}
    assert any(n.path == "last_error.code" for n in result.notes) == (code != expected)


def test_run_steps_become_output_items():
    out, result = convert(fc.RUN_STEPS)
    assert out["data"] == [
        {"type": "function_call", "id": "call_f1", "call_id": "call_f1", "name": "get_rate",
         "arguments": "{\"pair\": \"EURUSD\"}", "status": "completed"},
        {"type": "function_call_output", "id": "call_f1_output", "call_id": "call_f1", "output": "1.08",
         "status": "completed"},
        {"type": "code_interpreter_call", "id": "call_ci1", "code": "print(2 * 21)", "container_id": "",
         "outputs": [{"type": "logs", "logs": "42\n"}], "status": "completed"},
        {"type": "file_search_call", "id": "call_fs1", "queries": [], "status": "completed",
         "results": [{"file_id": "file-man", "filename": "manual.pdf", "score": 0.82, "text": "Press reset."}]},
        {"type": "mcp_call", "id": "call_m1", "name": "search_docs", "arguments": "{}", "server_label": "docs",
         "status": "incomplete"},
    ]
    assert (out["first_id"], out["last_id"], out["has_more"]) == ("call_f1", "call_m1", False)
    assert out["unconverted"] == {
        "code_interpreter_outputs": [{"call_id": "call_ci1", "outputs": [{"type": "image", "image": {"file_id": "file-plot"}}]}],
        "file_search_ranking_options": [{"call_id": "call_fs1", "ranking_options": {"ranker": "auto", "score_threshold": 0.0}}],
        "tool_calls": [fc.STEP_TOOL_CALLS["step_details"]["tool_calls"][3]],
        "errors": [{"step_id": "step_c3", "last_error": {"code": "server_error", "message": "tool crashed"}}],
    }
    notes = by_path(result)
    assert "msg_answer" in notes["data[1].step_details"][0].message
    assert notes["data[2].status"][0].severity == "warning"  # failed → incomplete


def test_one_run_step_becomes_an_item_list():
    out, result = convert(fc.STEP_TOOL_CALLS)
    assert result.kind == "foundry-run-steps" and out["object"] == "list"
    assert [item["type"] for item in out["data"]] == ["function_call", "function_call_output",
                                                      "code_interpreter_call", "file_search_call"]


def test_thread_tool_resources_are_kept_not_dropped():
    out, result = convert(fc.THREAD_WITH_RESOURCES)
    assert out == {"id": "thread_r1", "object": "conversation", "created_at": 1762000200,
                   "metadata": {"user": "u1"},
                   "unconverted": {"tool_resources": {"code_interpreter": {"file_ids": ["file-t1"]}}}}
    assert [n.severity for n in result.notes if n.path == "tool_resources"] == ["warning"]


def test_converted_bare_message_array_is_recognised_again():
    out, result = convert(fc.MESSAGES_ARRAY)
    again = convert_payload(result.output)
    assert again.kind == "foundry-message-list" and not again.changed
    assert out[1]["status"] == "incomplete"


@pytest.mark.parametrize("reason, expected", [("max_completion_tokens", {"reason": "max_output_tokens"}),
                                              ("content_filter", {"reason": "content_filter"}),
                                              ("max_prompt_tokens", None)])
def test_incomplete_reasons(reason, expected):
    out, _ = convert({**fc.RUN_BASE, "status": "incomplete", "incomplete_details": {"reason": reason}})
    assert out["incomplete_details"] == expected
    assert ("unconverted" in out) == (expected is None)


@pytest.mark.parametrize("status, expected", [("completed", "completed"), ("in_progress", "in_progress"),
                                              ("failed", "incomplete"), ("cancelled", "incomplete"),
                                              ("expired", "incomplete")])
def test_run_step_statuses(status, expected):
    step = {**fc.STEP_FAILED, "status": status, "last_error": None}
    out, _ = convert(step)
    assert [item["status"] for item in out["data"]] == [expected]
