"""F5 run → response (foundry/run_to_response.py): exact responses and notes.

Expected values are written by hand from openai's Response type (status, error codes,
incomplete reasons, usage details) and the run tables in helpers/mapping (values.py, fields.py).
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload

ID_NOTE = ("info", "id", "the legacy id 'run_1' was kept so you can trace the object; the service assigns new ids "
           "to responses (resp_…) (keep a mapping old → new)")
NO_OUTPUT_NOTE = ("info", "$", "a run carries no output; its answer is in the thread's messages (convert them with "
                  "the foundry-message-list kind), a response lists it in `output`")
PENDING_NOTE = ("warning", "required_action", "required_action became function_call output items: answer them "
                "with function_call_output input items in the next responses.create call (there is no "
                "submit_tool_outputs)")
RUN = {"id": "run_1", "object": "thread.run", "status": "completed", "parallel_tool_calls": True,
       "tool_choice": "auto"}


def convert(doc):
    result = convert_payload(json.dumps(doc, indent=2))
    notes = sorted((n.severity, n.path, n.message) for n in result.notes if n.rule == "F5")
    return json.loads(result.output), notes


def extra_notes(notes):
    """The notes besides the two every minimal run gets."""
    return [n for n in notes if n not in (ID_NOTE, NO_OUTPUT_NOTE)]


def test_minimal_run_becomes_a_minimal_response():
    out, notes = convert(RUN)
    assert out == {"id": "run_1", "object": "response", "created_at": None, "status": "completed", "error": None,
                   "incomplete_details": None, "instructions": None, "metadata": {}, "model": None, "output": [],
                   "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
    assert notes == sorted([ID_NOTE, NO_OUTPUT_NOTE])


def test_optional_fields_keep_their_place_and_values():
    doc = {**RUN, "created_at": 10, "completed_at": 20, "instructions": "Be brief.", "metadata": {"k": "v"},
           "model": "gpt-4.1", "temperature": None, "top_p": 0.5, "parallel_tool_calls": False,
           "tool_choice": "required", "max_completion_tokens": None}
    out, notes = convert(doc)
    assert list(out.items()) == [
        ("id", "run_1"), ("object", "response"), ("created_at", 10), ("status", "completed"), ("completed_at", 20),
        ("error", None), ("incomplete_details", None), ("instructions", "Be brief."), ("metadata", {"k": "v"}),
        ("model", "gpt-4.1"), ("output", []), ("parallel_tool_calls", False), ("temperature", None),
        ("tool_choice", "required"), ("tools", []), ("top_p", 0.5), ("max_output_tokens", None)]
    assert extra_notes(notes) == []


def test_missing_defaults_are_filled_and_noted():
    doc = {"id": "run_1", "object": "thread.run", "status": "completed", "parallel_tool_calls": None}
    out, notes = convert(doc)
    assert (out["parallel_tool_calls"], out["tool_choice"]) == (True, "auto")
    assert extra_notes(notes) == sorted([
        ("info", "parallel_tool_calls", "the run has no parallel_tool_calls; a response needs one, so it is True "
                                        "(the legacy default)"),
        ("info", "$", "the run has no tool_choice; a response needs one, so it is 'auto' (the legacy default)"),
    ])


@pytest.mark.parametrize("status, new, note", [
    ("queued", "queued", None),
    ("incomplete", "incomplete", None),
    ("cancelling", "cancelled", ("warning", "status", "run status 'cancelling' has no response counterpart; it "
                                 "became 'cancelled': responses have no cancelling state")),
    ("expired", "failed", ("warning", "status", "run status 'expired' has no response counterpart; it became "
                           "'failed': responses do not expire; an expired run reads as failed")),
    ("sleeping", "completed", ("error", "status", "unknown run status 'sleeping'; it became 'completed'")),
    (None, "completed", ("error", "status", "unknown run status None; it became 'completed'")),
])
def test_statuses(status, new, note):
    out, notes = convert({**RUN, "status": status})
    assert out["status"] == new
    assert extra_notes(notes) == ([note] if note else [])


@pytest.mark.parametrize("error, new, note", [
    ({"code": "invalid_prompt", "message": "bad"}, {"code": "invalid_prompt", "message": "bad"}, None),
    ({"code": "server_error"}, {"code": "server_error", "message": ""}, None),
    ({"code": "tool_crashed", "message": "m"}, {"code": "server_error", "message": "m"},
     ("warning", "last_error.code", "error code 'tool_crashed' is not a response error code; it became "
                                    "'server_error' (the message is kept)")),
    ({"message": "m"}, {"code": "server_error", "message": "m"},
     ("warning", "last_error.code", "error code None is not a response error code; it became 'server_error' "
                                    "(the message is kept)")),
])
def test_errors(error, new, note):
    out, notes = convert({**RUN, "status": "failed", "last_error": error})
    assert out["error"] == new
    assert extra_notes(notes) == ([note] if note else [])


@pytest.mark.parametrize("reason, new, note", [
    ("content_filter", {"reason": "content_filter"}, None),
    ("max_completion_tokens", {"reason": "max_output_tokens"}, None),
    ("max_prompt_tokens", None, "incomplete reason 'max_prompt_tokens' has no response counterpart: it was kept "
                                "under `unconverted.incomplete_details` (responses have no input token cap; the "
                                "legacy reason is kept under `unconverted`)"),
    ("moon_phase", None, "incomplete reason 'moon_phase' has no response counterpart: it was kept under "
                         "`unconverted.incomplete_details`"),
])
def test_incomplete_reasons(reason, new, note):
    out, notes = convert({**RUN, "status": "incomplete", "incomplete_details": {"reason": reason}})
    assert out["incomplete_details"] == new
    if note:
        assert out["unconverted"] == {"incomplete_details": {"reason": reason}}
    else:
        assert "unconverted" not in out
    assert extra_notes(notes) == ([("warning", "incomplete_details", note)] if note else [])


@pytest.mark.parametrize("strategy, new, note", [
    ({"type": "auto"}, "auto", ("info", "truncation_strategy 'auto' became truncation='auto': the service drops "
                                        "the oldest items when the input does not fit")),
    ({"type": "last_messages", "last_messages": 4}, None,
     ("warning", "truncation_strategy 'last_messages' has no response counterpart (responses keep no last-N window: "
                 "trim the conversation yourself); it was kept under `unconverted.truncation_strategy`")),
    ({"type": "smart"}, None, ("warning", "truncation_strategy 'smart' has no response counterpart (it is not a "
                                          "known strategy); it was kept under `unconverted.truncation_strategy`")),
])
def test_truncation(strategy, new, note):
    out, notes = convert({**RUN, "truncation_strategy": strategy})
    if new is None:
        assert "truncation" not in out
        assert out["unconverted"] == {"truncation_strategy": strategy}
    else:
        assert out["truncation"] == new
        assert "unconverted" not in out
    assert extra_notes(notes) == [(note[0], "truncation_strategy", note[1])]


@pytest.mark.parametrize("key, value", [("required_action", "submit"), ("incomplete_details", "max_tokens"),
                                        ("truncation_strategy", 6)])
def test_fields_that_should_be_objects_are_kept_under_the_marked_key(key, value):
    out, notes = convert({**RUN, key: value})
    assert out["unconverted"] == {key: value}
    assert out["output"] == [] and out["incomplete_details"] is None and "truncation" not in out
    assert extra_notes(notes) == [("warning", key, f"`{key}` should be an object, not {value!r}; it was kept under "
                                                   "`unconverted` (remove that key before sending)")]


def test_pending_tool_calls_become_function_call_items():
    action = {"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": "{\"q\": 1}"}},
        "junk",
        {"id": "call_2", "type": "function", "function": {"name": "ping"}},
        {"id": "call_3", "type": "function"}]}}
    out, notes = convert({**RUN, "status": "requires_action", "required_action": action})
    assert out["output"] == [
        {"type": "function_call", "call_id": "call_1", "name": "lookup", "arguments": "{\"q\": 1}",
         "status": "completed"},
        {"type": "function_call", "call_id": "call_2", "name": "ping", "arguments": "", "status": "completed"},
        {"type": "function_call", "call_id": "call_3", "name": None, "arguments": "", "status": "completed"}]
    assert NO_OUTPUT_NOTE not in notes
    assert PENDING_NOTE in notes


@pytest.mark.parametrize("action", [{"type": "submit_tool_outputs"}, {"submit_tool_outputs": {"tool_calls": "x"}}])
def test_required_action_without_calls_gives_no_items(action):
    out, notes = convert({**RUN, "required_action": action})
    assert out["output"] == []
    assert extra_notes(notes) == [PENDING_NOTE]


@pytest.mark.parametrize("choice, new", [
    ({"type": "function", "function": {"name": "lookup"}}, {"type": "function", "name": "lookup"}),
    ({"type": "function", "function": "lookup"}, {"type": "function", "function": "lookup"}),
    ({"type": "file_search"}, {"type": "file_search"}),
    ("none", "none"),
])
def test_tool_choice(choice, new):
    out, _ = convert({**RUN, "tool_choice": choice})
    assert out["tool_choice"] == new


def test_thread_id_becomes_the_conversation():
    out, notes = convert({**RUN, "thread_id": "thread_9"})
    assert out["conversation"] == {"id": "thread_9"}
    assert extra_notes(notes) == [("info", "thread_id", "thread_id became conversation.id; a migrated thread gets a "
                                                        "new conv_… id, use that one")]


@pytest.mark.parametrize("response_format, text", [
    (None, {"format": {"type": "text"}}),
    ("auto", {"format": {"type": "text"}}),
    ({"type": "json_object"}, {"format": {"type": "json_object"}}),
    ({"type": "text"}, {"format": {"type": "text"}}),
    ({"type": "text", "json_schema": {"name": "s"}}, {"format": {"type": "text"}}),
    ({"type": "json_schema", "json_schema": {"name": "s", "schema": {}, "strict": True}},
     {"format": {"type": "json_schema", "name": "s", "schema": {}, "strict": True}}),
])
def test_response_formats(response_format, text):
    out, notes = convert({**RUN, "response_format": response_format})
    assert out["text"] == text
    assert extra_notes(notes) == []


@pytest.mark.parametrize("response_format", ["json", {"type": "json_schema"}, {"type": "yaml"}])
def test_unknown_response_format_becomes_text_with_a_warning(response_format):
    out, notes = convert({**RUN, "response_format": response_format})
    assert out["text"] == {"format": {"type": "text"}}
    assert extra_notes(notes) == [("warning", "response_format", f"response_format {response_format!r} has no known "
                                                                 "counterpart; set text.format by hand")]


def test_full_usage_carries_every_count_without_a_note():
    usage = {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 125,
             "prompt_token_details": {"cached_tokens": 40, "cache_write_tokens": 7, "audio_tokens": 0},
             "completion_tokens_details": {"reasoning_tokens": 5, "accepted_prediction_tokens": 1}}
    out, notes = convert({**RUN, "usage": usage})
    assert out["usage"] == {"input_tokens": 100,
                            "input_tokens_details": {"cached_tokens": 40, "cache_write_tokens": 7, "audio_tokens": 0},
                            "output_tokens": 20,
                            "output_tokens_details": {"reasoning_tokens": 5, "accepted_prediction_tokens": 1},
                            "total_tokens": 125}
    assert extra_notes(notes) == []


def test_openai_spelling_of_prompt_details_is_read_too():
    usage = {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7,
             "prompt_tokens_details": {"cached_tokens": 2, "cache_write_tokens": 1},
             "completion_tokens_details": {"reasoning_tokens": 0}}
    out, notes = convert({**RUN, "usage": usage})
    assert out["usage"]["input_tokens_details"] == {"cached_tokens": 2, "cache_write_tokens": 1}
    assert extra_notes(notes) == []


def test_empty_usage_is_all_zeros_with_one_note_naming_every_missing_count():
    out, notes = convert({**RUN, "usage": {"prompt_token_details": [1], "completion_tokens_details": "x"}})
    assert out["usage"] == {"input_tokens": 0, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                            "output_tokens": 0, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 0}
    assert extra_notes(notes) == [("info", "usage", "usage counts a response requires but the run did not report are "
                                   "0: the run has no prompt_tokens; the run has no prompt_token_details.cached_tokens;"
                                   " the legacy usage has no count of tokens written to the cache; the run has no "
                                   "completion_tokens; the run has no completion_tokens_details.reasoning_tokens")]


def test_usage_without_total_sums_input_and_output_and_rejects_booleans():
    usage = {"prompt_tokens": 9, "completion_tokens": 4, "prompt_token_details": {"cached_tokens": True,
                                                                                  "cache_write_tokens": 1},
             "completion_tokens_details": {"reasoning_tokens": 2}}
    out, notes = convert({**RUN, "usage": usage})
    assert out["usage"] == {"input_tokens": 9, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 1},
                            "output_tokens": 4, "output_tokens_details": {"reasoning_tokens": 2}, "total_tokens": 13}
    assert extra_notes(notes) == [("info", "usage", "usage counts a response requires but the run did not report are "
                                   "0: the run has no prompt_token_details.cached_tokens")]


def test_fields_without_counterpart_and_unknown_fields_are_noted():
    out, notes = convert({**RUN, "assistant_id": "asst_1", "expires_at": None, "x_region": "eu"})
    assert "assistant_id" not in out and "expires_at" not in out
    assert out["x_region"] == "eu"
    assert extra_notes(notes) == sorted([
        ("warning", "assistant_id", "`assistant_id` (value \"asst_1\") has no counterpart in a response and was left "
                                    "out: reference the new agent by name in responses.create(extra_body="
                                    "{\"agent_reference\": {\"name\": …, \"type\": \"agent_reference\"}})"),
        ("info", "expires_at", "`expires_at` (empty) has no counterpart in a response and was left out: responses do "
                               "not expire"),
        ("warning", "x_region", "`x_region` is not a known field; it was carried over unchanged, check whether a "
                                "response accepts it"),
    ])
