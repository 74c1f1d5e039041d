"""Legacy Foundry payloads that exercise every tool, resource, status and reason (test data).

Written for this project from the field lists of azure-ai-agents 1.1.0 and openai's beta
Assistants types; ids, names and values are made up.
"""
from __future__ import annotations

AGENT_ALL_TOOLS = {
    "id": "asst_tools1", "object": "assistant", "created_at": 1762000000, "name": "Research Desk",
    "description": "answers with sources", "model": "gpt-4.1", "instructions": "Cite what you use.",
    "tools": [
        {"type": "code_interpreter"},
        {"type": "file_search", "file_search": {"max_num_results": 8,
                                                "ranking_options": {"ranker": "default_2024_08_21",
                                                                    "score_threshold": 0.4}}},
        {"type": "function", "function": {"name": "get_rate", "description": "Exchange rate",
                                          "parameters": {"type": "object", "properties": {
                                              "pair": {"type": "string"}}, "required": ["pair"]}}},
        {"type": "bing_grounding", "bing_grounding": {"search_configurations": [
            {"connection_id": "conn-bing", "market": "de-DE", "count": 3}]}},
        {"type": "azure_ai_search"},
        {"type": "openapi", "openapi": {"name": "weather", "description": "city weather",
                                        "spec": {"openapi": "3.0.0", "info": {"title": "w", "version": "1"},
                                                 "paths": {}},
                                        "auth": {"type": "connection",
                                                 "security_scheme": {"connection_id": "conn-weather"}},
                                        "default_params": ["format"]}},
        {"type": "mcp", "server_label": "docs", "server_url": "https://mcp.example.org/sse",
         "allowed_tools": ["search_docs"]},
        {"type": "azure_function", "azure_function": {
            "function": {"name": "stock", "description": "stock level",
                         "parameters": {"type": "object", "properties": {}}},
            "input_binding": {"type": "storage_queue", "storage_queue": {
                "queue_service_endpoint": "https://q.example.net", "queue_name": "in"}},
            "output_binding": {"type": "storage_queue", "storage_queue": {
                "queue_service_endpoint": "https://q.example.net", "queue_name": "out"}}}},
        {"type": "connected_agent", "connected_agent": {"id": "asst_helper", "name": "fx_helper",
                                                         "description": "knows currencies"}},
    ],
    "tool_resources": {
        "code_interpreter": {"file_ids": ["file-data1"],
                             "data_sources": [{"uri": "azureml://datastores/x/paths/a.csv", "type": "uri_asset"}]},
        "file_search": {"vector_store_ids": ["vs_docs"]},
        "azure_ai_search": {"indexes": [{"index_connection_id": "conn-search", "index_name": "manuals",
                                         "query_type": "semantic", "top_k": 4, "filter": "", "index_asset_id": ""}]},
        "mcp": [{"server_label": "docs", "require_approval": "never"}],
    },
    "temperature": 0.3, "top_p": 1.0, "metadata": {"team": "fx"}, "response_format": "auto",
}

AGENT_OPENAPI_MANAGED = {
    "id": "asst_api2", "object": "assistant", "name": "api-caller", "model": "gpt-4.1",
    "tools": [
        {"type": "openapi", "openapi": {"name": "inventory", "spec": {"openapi": "3.0.0", "paths": {}},
                                        "auth": {"type": "managed_identity",
                                                 "security_scheme": {"audience": "https://inventory.example.com"}}}},
        {"type": "openapi", "openapi": {"name": "public", "spec": {"openapi": "3.0.0", "paths": {}},
                                        "auth": {"type": "anonymous"}}},
    ],
}

AGENT_ORPHAN_RESOURCES = {
    "id": "asst_orphan", "object": "assistant", "name": "plain", "model": "gpt-4.1",
    "tools": [{"type": "code_interpreter"}],
    "tool_resources": {"file_search": {"vector_store_ids": ["vs_unused"]},
                       "file_search_extra": {"x": 1}},
}

RUN_BASE = {
    "id": "run_c1", "object": "thread.run", "created_at": 1762000100, "assistant_id": "asst_tools1",
    "thread_id": "thread_c1", "model": "gpt-4.1", "instructions": "Be brief.", "tools": [], "metadata": {},
}

RUN_INCOMPLETE = {
    **RUN_BASE, "status": "incomplete", "incomplete_details": {"reason": "max_completion_tokens"},
    "max_completion_tokens": 64, "usage": {"prompt_tokens": 300, "completion_tokens": 64, "total_tokens": 364},
    "truncation_strategy": {"type": "last_messages", "last_messages": 6},
    "parallel_tool_calls": False, "tool_choice": "required",
}

RUN_INCOMPLETE_PROMPT = {
    **RUN_BASE, "status": "incomplete", "incomplete_details": {"reason": "max_prompt_tokens"},
    "max_prompt_tokens": 500, "usage": {"prompt_tokens": 500, "completion_tokens": 0, "total_tokens": 500},
}

RUN_FAILED = {
    **RUN_BASE, "status": "failed", "last_error": {"code": "rate_limit_exceeded", "message": "try later"},
    "usage": None,
}

RUN_EXPIRED_WITH_TOOLS = {
    **RUN_BASE, "status": "expired",
    "tools": [{"type": "file_search", "file_search": {"ranking_options": {"ranker": "auto", "score_threshold": 0.2}}},
              {"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"connection_id": "conn-bing"}]}}],
    "tool_resources": {"file_search": {"vector_store_ids": ["vs_run"]}},
    "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12,
              "prompt_token_details": {"cached_tokens": 4}},
}

RUN_REQUIRES_ACTION = {
    **RUN_BASE, "status": "requires_action",
    "tools": [{"type": "function", "function": {"name": "get_rate", "parameters": {"type": "object"},
                                                "strict": True}}],
    "required_action": {"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": [
        {"id": "call_r1", "type": "function", "function": {"name": "get_rate", "arguments": "{\"pair\": \"EURUSD\"}"}}]}},
    "parallel_tool_calls": True, "tool_choice": {"type": "function", "function": {"name": "get_rate"}},
}

STEP_TOOL_CALLS = {
    "id": "step_c1", "object": "thread.run.step", "created_at": 1762000101, "run_id": "run_c1",
    "assistant_id": "asst_tools1", "thread_id": "thread_c1", "type": "tool_calls", "status": "completed",
    "usage": {"prompt_tokens": 50, "completion_tokens": 9, "total_tokens": 59},
    "step_details": {"type": "tool_calls", "tool_calls": [
        {"id": "call_f1", "type": "function", "function": {"name": "get_rate", "arguments": "{\"pair\": \"EURUSD\"}",
                                                           "output": "1.08"}},
        {"id": "call_ci1", "type": "code_interpreter", "code_interpreter": {
            "input": "print(2 * 21)", "outputs": [{"type": "logs", "logs": "42\n"},
                                                  {"type": "image", "image": {"file_id": "file-plot"}}]}},
        {"id": "call_fs1", "type": "file_search", "file_search": {
            "ranking_options": {"ranker": "auto", "score_threshold": 0.0},
            "results": [{"file_id": "file-man", "file_name": "manual.pdf", "score": 0.82,
                         "content": [{"type": "text", "text": "Press reset."}]}]}},
        {"id": "call_b1", "type": "bing_grounding", "bing_grounding": {"requesturl": "https://bing.example/q"}},
    ]},
}

STEP_MESSAGE = {
    "id": "step_c2", "object": "thread.run.step", "created_at": 1762000102, "run_id": "run_c1",
    "type": "message_creation", "status": "completed",
    "step_details": {"type": "message_creation", "message_creation": {"message_id": "msg_answer"}},
}

STEP_FAILED = {
    "id": "step_c3", "object": "thread.run.step", "run_id": "run_c1", "type": "tool_calls", "status": "failed",
    "last_error": {"code": "server_error", "message": "tool crashed"},
    "step_details": {"type": "tool_calls", "tool_calls": [
        {"id": "call_m1", "type": "mcp", "name": "search_docs", "arguments": "{}", "server_label": "docs",
         "output": None}]},
}

RUN_STEPS = {"object": "list", "data": [STEP_TOOL_CALLS, STEP_MESSAGE, STEP_FAILED],
             "first_id": "step_c1", "last_id": "step_c3", "has_more": False}

THREAD_WITH_RESOURCES = {
    "id": "thread_r1", "object": "thread", "created_at": 1762000200, "metadata": {"user": "u1"},
    "tool_resources": {"code_interpreter": {"file_ids": ["file-t1"]}},
}

MESSAGES_ARRAY = [
    {"id": "msg_1", "object": "thread.message", "created_at": 1, "thread_id": "thread_r1", "role": "user",
     "content": [{"type": "text", "text": {"value": "Plot it", "annotations": []}},
                 {"type": "image_url", "image_url": {"url": "https://img.example/a.png", "detail": "low"}}],
     "attachments": [], "metadata": {}, "status": "completed"},
    {"id": "msg_2", "object": "thread.message", "created_at": 2, "thread_id": "thread_r1", "role": "assistant",
     "content": [{"type": "text", "text": {"value": "Saved as chart.png", "annotations": [
         {"type": "file_path", "text": "chart.png", "start_index": 9, "end_index": 18,
          "file_path": {"file_id": "file-chart"}}]}}],
     "status": "incomplete"},
]

ALL = {
    "agent with every tool": AGENT_ALL_TOOLS,
    "agent with openapi auth kinds": AGENT_OPENAPI_MANAGED,
    "agent with resources no tool reads": AGENT_ORPHAN_RESOURCES,
    "incomplete run (max_completion_tokens)": RUN_INCOMPLETE,
    "incomplete run (max_prompt_tokens)": RUN_INCOMPLETE_PROMPT,
    "failed run": RUN_FAILED,
    "expired run with tools": RUN_EXPIRED_WITH_TOOLS,
    "run waiting for tool outputs": RUN_REQUIRES_ACTION,
    "run step list": RUN_STEPS,
    "one run step": STEP_TOOL_CALLS,
    "bare array of run steps": [STEP_MESSAGE, STEP_FAILED],
    "thread with tool resources": THREAD_WITH_RESOURCES,
    "bare array of messages": MESSAGES_ARRAY,
}
