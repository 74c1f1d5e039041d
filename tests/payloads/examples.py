"""Before/after examples from the two migration guides and the Langdock reference, as test data.

The Microsoft guide's JSON (February 2026 edition) is copied field for field; the long
assistant answer inside its response example is shortened, since no test reads it. The
classic-agent pair is printed there as Python dicts (`None`, single quotes); it is written
here as the JSON those objects serialise to. The Langdock guide's examples are JavaScript
object literals; they are written here as the JSON bodies they stand for.
"""
from __future__ import annotations

# --- Microsoft Foundry guide ------------------------------------------------------------

THREAD_BEFORE = """{
  "id": "thread_1234abcd",
  "object": "thread",
  "created_at": 1762217858,
  "metadata": {"agent": "my-awesome-agent"},
  "tool_resources": {}
}"""

CONVERSATION_AFTER = {
    "id": "conv_1234abcd",
    "created_at": 1762217961,
    "metadata": {"agent": "my-awesome-agent"},
    "object": "conversation",
}

RUN_BEFORE = """{
  "id": "run_xyz",
  "object": "thread.run",
  "created_at": 1762218810,
  "assistant_id": "asst_efgh5678",
  "thread_id": "thread_abcd1234",
  "status": "completed",
  "started_at": 1762218810,
  "expires_at": null,
  "cancelled_at": null,
  "failed_at": null,
  "completed_at": 1762218812,
  "required_action": null,
  "last_error": null,
  "model": "gpt-4.1",
  "instructions": "You politely help with math questions. Use the Code Interpreter tool when asked to visualize numbers. Please address the user as Jane Doe. The user has a premium account",
  "tools": [
    {
      "type": "code_interpreter"
    }
  ],
  "tool_resources": {},
  "metadata": {},
  "temperature": 1.0,
  "top_p": 1.0,
  "max_completion_tokens": null,
  "max_prompt_tokens": null,
  "truncation_strategy": {
    "type": "auto",
    "last_messages": null
  },
  "incomplete_details": null,
  "usage": {
    "prompt_tokens": 1216,
    "completion_tokens": 76,
    "total_tokens": 1292,
    "prompt_token_details": {
      "cached_tokens": 0
    }
  },
  "response_format": "auto",
  "tool_choice": "auto",
  "parallel_tool_calls": true
}"""

RESPONSE_AFTER = {
    "id": "resp_3483e9c8dda4f165006909550333588190afc76a645a0e877a",
    "created_at": 1762219267.0,
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "metadata": {
        "x-ms-telemetry-agent-kind": "",
        "x-ms-telemetry-user-agent": "OpenAI/Python 2.4.0",
        "x-ms-telemetry-response-start-time": "2025-11-04T01:21:06.5346780+00:00",
    },
    "model": "gpt-4.1",
    "object": "response",
    "output": [
        {
            "id": "msg_3483e9c8dda4f1650069095503abf881909917865574cddf2c",
            "content": [{"annotations": [], "text": "Of course! (shortened)", "type": "output_text", "logprobs": []}],
            "role": "assistant",
            "status": "completed",
            "type": "message",
        }
    ],
    "parallel_tool_calls": True,
    "temperature": 1.0,
    "tool_choice": "auto",
    "tools": [],
    "top_p": 1.0,
    "background": False,
    "conversation": {"id": "conv_3483e9c8dda4f16500GwcAgtdWlSmbMPzYLjWvDjiSe6LSFcC6"},
    "max_output_tokens": None,
    "max_tool_calls": None,
    "previous_response_id": None,
    "prompt": None,
    "prompt_cache_key": None,
    "reasoning": {"effort": None, "generate_summary": None, "summary": None},
    "safety_identifier": None,
    "service_tier": "default",
    "status": "completed",
    "text": {"format": {"type": "text"}, "verbosity": "medium"},
    "top_logprobs": 0,
    "truncation": "disabled",
    "usage": {
        "input_tokens": 45,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": 264,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 309,
    },
    "user": None,
    "content_filters": None,
    "store": True,
}

AGENT_BEFORE = """{
  "id": "asst_AVKrdr2KJthDnZiJ51nca1jy",
  "object": "assistant",
  "created_at": 1762218496,
  "name": "my-agent",
  "description": null,
  "model": "gpt-4.1",
  "instructions": "You politely help with math questions. Use the Code Interpreter tool when asked to visualize numbers.",
  "tools": [
    {
      "type": "code_interpreter"
    }
  ],
  "top_p": 1.0,
  "temperature": 1.0,
  "tool_resources": {
    "code_interpreter": {
      "file_ids": []
    }
  },
  "metadata": {},
  "response_format": "auto"
}"""

AGENT_AFTER = {
    "metadata": {},
    "object": "agent.version",
    "id": "my-agent:1",
    "name": "my-agent",
    "version": "1",
    "description": "",
    "created_at": 1762219751,
    "definition": {
        "kind": "prompt",
        "model": "gpt-4.1",
        "instructions": "You politely help with math questions. Use the Code Interpreter tool when asked to visualize numbers.",
    },
}

# --- Langdock guide (JavaScript literals written as JSON) -------------------------------

LD_REQUEST_BEFORE = """{
  "assistantId": "asst_123",
  "messages": [
    {
      "role": "user",
      "content": "Hello, how are you?",
      "attachmentIds": ["uuid-1234"]
    }
  ],
  "stream": true
}"""

# The guide also renames the id value (asst_123 → agent_123); the real API keeps the same id,
# so only the key is expected to change. Its message id is "msg_1"; ours count from 0.
LD_REQUEST_AFTER = {
    "agentId": "asst_123",
    "messages": [
        {
            "id": "msg_0",
            "role": "user",
            "parts": [{"type": "text", "text": "Hello, how are you?"}],
            "metadata": {"attachments": ["uuid-1234"]},
        }
    ],
    "stream": True,
}

LD_RESPONSE_BEFORE = """{
  "result": [
    {
      "id": "msg_456",
      "role": "assistant",
      "content": [{"type": "text", "text": "I'm doing well, thank you!"}]
    }
  ]
}"""

LD_RESPONSE_AFTER = {
    "messages": [{"id": "msg_456", "role": "assistant", "content": "I'm doing well, thank you!"}]
}

LD_COMPLETE_BEFORE = """{
  "assistantId": "asst_123",
  "messages": [
    {"role": "user", "content": "What's the weather today?", "attachmentIds": []}
  ],
  "stream": false
}"""

# The guide's "after" drops the empty attachment list; we keep it as metadata.attachments: []
# (lossless, documented in rule C6), so that key is the one expected difference.
LD_COMPLETE_AFTER = {
    "agentId": "asst_123",
    "messages": [
        {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "What's the weather today?"}],
         "metadata": {"attachments": []}}
    ],
    "stream": False,
}

LD_LEGACY_STREAM = (
    'data: {"type":"message","content":"Hello"}\n'
    'data: {"type":"message","content":" world"}\n'
    'data: {"type":"done"}\n'
)

# --- Langdock reference section 7 --------------------------------------------------------

REF_REQUEST_BEFORE = """{
  "assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40",
  "messages": [
    {"role": "user", "content": "Summarise the attached contract.", "attachmentIds": ["b3e2a9c1-0f44-4d6b-8a21-5e7c9d1f2a33"]},
    {"role": "assistant", "content": "It is a two-year service agreement."},
    {"role": "user", "content": "Which clauses mention penalties?"}
  ],
  "output": {"type": "array", "schema": {"type": "object", "properties": {"clause": {"type": "string"}}}},
  "maxSteps": 5,
  "stream": false
}"""

REF_REQUEST_AFTER = {
    "agentId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40",
    "messages": [
        {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Summarise the attached contract."}],
         "metadata": {"attachments": ["b3e2a9c1-0f44-4d6b-8a21-5e7c9d1f2a33"]}},
        {"id": "msg_1", "role": "assistant", "parts": [{"type": "text", "text": "It is a two-year service agreement."}]},
        {"id": "msg_2", "role": "user", "parts": [{"type": "text", "text": "Which clauses mention penalties?"}]},
    ],
    "output": {"type": "array", "schema": {"type": "object", "properties": {"clause": {"type": "string"}}}},
    "maxSteps": 5,
    "stream": False,
}

REF_RESPONSE_BEFORE = """{
  "result": [
    {"id": "r1", "role": "assistant", "content": [
      {"type": "tool-call", "toolCallId": "call_9", "toolName": "search_contracts", "args": {"term": "penalty"}}]},
    {"id": "r2", "role": "tool", "content": [
      {"type": "tool-result", "toolCallId": "call_9", "toolName": "search_contracts", "result": {"matches": [7, 12]}}]},
    {"id": "r3", "role": "assistant", "content": [
      {"type": "text", "text": "Clauses 7 and 12 "}, {"type": "text", "text": "contain penalties."}]}
  ],
  "output": [{"clause": "7"}, {"clause": "12"}]
}"""

REF_RESPONSE_SHAPE1 = {
    "messages": [{"id": "r3", "role": "assistant", "content": "Clauses 7 and 12 contain penalties."}],
    "output": [{"clause": "7"}, {"clause": "12"}],
}

REF_RESPONSE_SHAPE2 = {
    "id": "r3",
    "role": "assistant",
    "parts": [
        {"type": "step-start"},
        {"type": "tool-search_contracts", "toolCallId": "call_9", "state": "output-available",
         "input": {"term": "penalty"}, "output": {"matches": [7, 12]}},
        {"type": "step-start"},
        {"type": "text", "text": "Clauses 7 and 12 contain penalties."},
    ],
    "output": [{"clause": "7"}, {"clause": "12"}],
}

REF_LEGACY_STREAM = (
    'data: {"type":"message","content":"Clauses 7 and 12 "}\n\n'
    'data: {"type":"message","content":"contain penalties."}\n\n'
    'data: {"type":"done"}\n\n'
)

REF_V4_STREAM = (
    'f:{"messageId":"msg_stream_0"}\n'
    '0:"Clauses 7 and 12 "\n'
    '0:"contain penalties."\n'
    'e:{"finishReason":"stop","isContinued":false}\n'
    'd:{"finishReason":"stop"}\n'
)

REF_V5_STREAM = "".join(
    f"data: {event}\n\n"
    for event in (
        '{"type":"start","messageId":"msg_stream_0"}',
        '{"type":"start-step"}',
        '{"type":"text-start","id":"txt_0"}',
        '{"type":"text-delta","id":"txt_0","delta":"Clauses 7 and 12 "}',
        '{"type":"text-delta","id":"txt_0","delta":"contain penalties."}',
        '{"type":"text-end","id":"txt_0"}',
        '{"type":"finish-step"}',
        '{"type":"finish"}',
        "[DONE]",
    )
)
