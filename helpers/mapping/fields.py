"""Legacy object fields → 2.x fields, per object: `{legacy field: (new field or None, note)}`.

A new field of None means there is no counterpart: the rules leave the field out
and write the note as its advice.
"""
from __future__ import annotations

Fields = dict[str, tuple[str | None, str]]

AGENT: Fields = {
    "id": ("id", "the agent is addressed by name; its first version id is <name>:1"),
    "object": ("object", "'assistant' becomes 'agent.version'"),
    "name": ("name", "letters, digits and inner hyphens, at most 63 characters"),
    "description": ("description", ""),
    "created_at": ("created_at", "the service stamps the new version when it is created"),
    "model": ("definition.model", "the definition is a prompt definition (kind 'prompt')"),
    "instructions": ("definition.instructions", ""),
    "tools": ("definition.tools", "each tool in its 2.x shape"),
    "tool_resources": ("definition.tools", "folded into the tools that use them"),
    "temperature": ("definition.temperature", "1.0 is the default and is left out"),
    "top_p": ("definition.top_p", "1.0 is the default and is left out"),
    "response_format": ("definition.text.format", "'auto' is the default (plain text) and is left out"),
    "metadata": ("metadata", "values must be strings, at most 16 keys"),
}

THREAD: Fields = {
    "id": ("id", "the service gives a migrated conversation a new conv_… id"),
    "object": ("object", "'thread' becomes 'conversation'"),
    "created_at": ("created_at", ""),
    "metadata": ("metadata", ""),
    "tool_resources": (None, "attach files and vector stores to the agent's tools instead"),
}

MESSAGE: Fields = {
    "id": ("id", "the service assigns new item ids"),
    "object": ("type", "'thread.message' becomes an item of type 'message'"),
    "role": ("role", ""),
    "content": ("content", "text parts become input_text (user) or output_text (assistant)"),
    "status": ("status", ""),
    "created_at": (None, "items carry no timestamp"),
    "thread_id": (None, "the item lives in the conversation you add it to"),
    "assistant_id": (None, "responses name the agent through agent_reference"),
    "run_id": (None, "responses replace runs"),
    "completed_at": (None, "items carry no timestamp"),
    "incomplete_at": (None, "items carry no timestamp"),
    "incomplete_details": (None, "see the response's incomplete_details"),
    "attachments": (None, "send files as input_file content or through the agent's file_search/"
                          "code_interpreter tools"),
    "metadata": (None, "items carry no metadata; keep it on the conversation"),
}

RUN: Fields = {
    "id": ("id", "responses get resp_… ids"),
    "object": ("object", "'thread.run' becomes 'response'"),
    "created_at": ("created_at", ""),
    "completed_at": ("completed_at", ""),
    "status": ("status", "see the run status rows"),
    "last_error": ("error", "{code, message}"),
    "incomplete_details": ("incomplete_details", "see the incomplete reason rows"),
    "instructions": ("instructions", ""),
    "metadata": ("metadata", ""),
    "model": ("model", ""),
    "parallel_tool_calls": ("parallel_tool_calls", ""),
    "temperature": ("temperature", ""),
    "top_p": ("top_p", ""),
    "tool_choice": ("tool_choice", "{type: function, function: {name}} becomes {type: function, name}"),
    "tools": ("tools", "each tool in its 2.x shape"),
    "tool_resources": ("tools", "folded into the tools that use them"),
    "thread_id": ("conversation.id", "a migrated thread gets a new conv_… id"),
    "max_completion_tokens": ("max_output_tokens", ""),
    "response_format": ("text.format", ""),
    "usage": ("usage", "see the usage rows"),
    "truncation_strategy": ("truncation", "see the truncation rows"),
    "required_action": ("output", "pending tool calls become function_call items"),
    "assistant_id": (None, "reference the new agent by name in responses.create(extra_body="
                           "{\"agent_reference\": {\"name\": …, \"type\": \"agent_reference\"}})"),
    "started_at": (None, "responses report created_at and completed_at only"),
    "expires_at": (None, "responses do not expire"),
    "cancelled_at": (None, "responses report created_at and completed_at only"),
    "failed_at": (None, "responses report created_at and completed_at only"),
    "max_prompt_tokens": (None, "there is no input token cap; use truncation='auto' or trim the input"),
}

RUN_STEP: Fields = {
    "step_details.message_creation": ("message item", "the message itself is in the thread's message "
                                                      "list: convert that list"),
    "step_details.tool_calls[].function": ("function_call + function_call_output items", ""),
    "step_details.tool_calls[].code_interpreter": ("code_interpreter_call item", "input becomes code; "
                                                   "image outputs become files of the container"),
    "step_details.tool_calls[].file_search": ("file_search_call item", "results keep file_id, "
                                              "file name and score"),
    "step_details.tool_calls[].mcp": ("mcp_call item", ""),
    "usage": (None, "usage is reported per response, not per step"),
    "run_id": (None, "the items belong to the response that replaces the run"),
}


def dropped(fields: Fields) -> dict[str, str]:
    """The fields with no counterpart, each with its advice."""
    return {key: note for key, (new, note) in fields.items() if new is None}


def kept(fields: Fields) -> set[str]:
    """The fields that have a counterpart."""
    return {key for key, (new, _) in fields.items() if new is not None}
