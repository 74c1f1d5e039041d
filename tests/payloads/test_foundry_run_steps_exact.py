"""F6 run steps → output items (foundry/run_steps_to_items.py): exact items, unconverted values and notes.

Expected items are written by hand from openai's Responses output item types
(function_call, function_call_output, code_interpreter_call, file_search_call, mcp_call)
and the run step status table in helpers/mapping/values.py.
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload

STEPS_NOTE = ("run steps became the response's output items; the legacy call ids were kept as item ids so you "
              "can trace them (the service assigns new ids)")
CONTAINER_NOTE = "a legacy code interpreter call ran in no container, so container_id is empty"
QUERIES_NOTE = "the legacy call does not say which queries it ran, so queries is empty"


def step(calls=None, **extra):
    doc = {"id": "step_1", "object": "thread.run.step", "type": "tool_calls", "run_id": "run_1"}
    if calls is not None:
        doc["step_details"] = {"type": "tool_calls", "tool_calls": calls}
    doc.update(extra)
    return doc


def convert(doc):
    result = convert_payload(json.dumps(doc, indent=2))
    notes = sorted((n.severity, n.path, n.message) for n in result.notes if n.rule == "F6")
    return json.loads(result.output), notes


def test_function_call_without_output_or_arguments():
    out, notes = convert(step([{"id": "call_a", "type": "function", "function": {"name": "f"}}]))
    assert out == {"object": "list", "data": [
        {"type": "function_call", "id": "call_a", "call_id": "call_a", "name": "f", "arguments": "",
         "status": "completed"}], "first_id": "call_a", "last_id": "call_a", "has_more": False}
    assert notes == [("info", "$", STEPS_NOTE)]


def test_function_call_with_empty_output_keeps_the_output_item():
    out, _ = convert(step([{"id": "call_a", "type": "function", "function": {"name": "f", "arguments": "{}",
                                                                               "output": ""}}]))
    assert out["data"] == [
        {"type": "function_call", "id": "call_a", "call_id": "call_a", "name": "f", "arguments": "{}",
         "status": "completed"},
        {"type": "function_call_output", "id": "call_a_output", "call_id": "call_a", "output": "",
         "status": "completed"}]
    assert out["last_id"] == "call_a_output"


def test_function_call_without_function_object():
    out, _ = convert(step([{"id": "call_b", "type": "function", "function": "f"}]))
    assert out["data"] == [{"type": "function_call", "id": "call_b", "call_id": "call_b", "name": None,
                            "arguments": "", "status": "completed"}]


@pytest.mark.parametrize("status, new, note", [
    (None, "completed", None),
    ("in_progress", "in_progress", None),
    ("failed", "incomplete", ("warning", "status", "step status 'failed' became 'incomplete': output items have no "
                              "failed state")),
    ("cancelled", "incomplete", ("warning", "status", "step status 'cancelled' became 'incomplete': output items "
                                 "have no cancelled state")),
    ("exploded", "completed", ("warning", "status", "step status 'exploded' is unknown; its items are 'completed'")),
])
def test_step_status_reaches_every_item(status, new, note):
    out, notes = convert(step([{"id": "call_m", "type": "mcp", "name": "n", "server_label": "s"}], status=status))
    assert out["data"] == [{"type": "mcp_call", "id": "call_m", "name": "n", "arguments": "",
                            "server_label": "s", "status": new}]
    assert notes == sorted([("info", "$", STEPS_NOTE)] + ([note] if note else []))


def test_mcp_call_with_output_and_arguments():
    out, _ = convert(step([{"id": "call_m", "type": "mcp", "name": "n", "arguments": "{\"q\": 1}",
                            "server_label": "s", "output": "done"}]))
    assert out["data"] == [{"type": "mcp_call", "id": "call_m", "name": "n", "arguments": "{\"q\": 1}",
                            "server_label": "s", "output": "done", "status": "completed"}]
    assert list(out["data"][0]) == ["type", "id", "name", "arguments", "server_label", "output", "status"]


def test_code_interpreter_call_keeps_logs_and_sets_images_aside():
    call = {"id": "call_c", "type": "code_interpreter", "code_interpreter": {"input": "print(1)", "outputs": [
        {"type": "logs"}, {"type": "logs", "logs": "1\n"}, {"type": "image", "image": {"file_id": "f-img"}},
        "odd"]}}
    out, notes = convert(step([call]))
    assert out["data"] == [{"type": "code_interpreter_call", "id": "call_c", "code": "print(1)", "container_id": "",
                            "outputs": [{"type": "logs", "logs": ""}, {"type": "logs", "logs": "1\n"}],
                            "status": "completed"}]
    assert out["unconverted"] == {"code_interpreter_outputs": [
        {"call_id": "call_c", "outputs": [{"type": "image", "image": {"file_id": "f-img"}}, "odd"]}]}
    where = "step_details.tool_calls[0]"
    assert notes == sorted([
        ("info", "$", STEPS_NOTE),
        ("info", where, CONTAINER_NOTE),
        ("warning", f"{where}.code_interpreter", "code interpreter images were files (file_id); a "
         "code_interpreter_call item gives image URLs, so they were kept under `unconverted.code_interpreter_outputs`"
         ": in 2.x, read generated files from the container (containers.files)"),
    ])


def test_code_interpreter_call_without_details():
    out, notes = convert(step([{"id": "call_c", "type": "code_interpreter"}]))
    assert out["data"] == [{"type": "code_interpreter_call", "id": "call_c", "code": "", "container_id": "",
                            "outputs": [], "status": "completed"}]
    assert "unconverted" not in out
    assert ("info", "step_details.tool_calls[0]", CONTAINER_NOTE) in notes


def test_file_search_call_results_and_ranking_options():
    call = {"id": "call_s", "type": "file_search", "file_search": {
        "ranking_options": {"ranker": "auto", "score_threshold": 0.1},
        "results": [
            {"file_id": "f1", "file_name": "a.md", "score": 0.9,
             "content": [{"type": "text", "text": "one "}, {"type": "text"}, "x", {"type": "text", "text": "two"}]},
            {"file_id": "f2", "file_name": "b.md", "score": 0.5, "content": [{"type": "text"}]},
            {"file_id": "f3"},
            "not-a-result"]}}
    out, notes = convert(step([call]))
    assert out["data"] == [{"type": "file_search_call", "id": "call_s", "queries": [], "status": "completed",
                            "results": [
                                {"file_id": "f1", "filename": "a.md", "score": 0.9, "text": "one two"},
                                {"file_id": "f2", "filename": "b.md", "score": 0.5},
                                {"file_id": "f3", "filename": None, "score": None}]}]
    assert out["unconverted"] == {"file_search_ranking_options": [
        {"call_id": "call_s", "ranking_options": {"ranker": "auto", "score_threshold": 0.1}}]}
    where = "step_details.tool_calls[0]"
    assert notes == sorted([
        ("info", "$", STEPS_NOTE),
        ("info", where, QUERIES_NOTE),
        ("info", f"{where}.file_search.ranking_options",
         "ranking_options belong to the tool, not the call; kept under `unconverted`"),
    ])


def test_file_search_call_without_details():
    out, notes = convert(step([{"id": "call_s", "type": "file_search"}]))
    assert out["data"] == [{"type": "file_search_call", "id": "call_s", "queries": [], "status": "completed",
                            "results": []}]
    assert sorted(notes) == sorted([("info", "$", STEPS_NOTE), ("info", "step_details.tool_calls[0]",
                                                               QUERIES_NOTE)])


@pytest.mark.parametrize("call, kind", [
    ({"id": "call_x", "type": "bing_grounding", "bing_grounding": {"q": "x"}}, "'bing_grounding'"),
    ("call_y", "None"),
])
def test_calls_without_item_model_are_kept_under_the_marked_key(call, kind):
    out, notes = convert(step([call]))
    assert out == {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False,
                   "unconverted": {"tool_calls": [call]}}
    assert notes == sorted([
        ("info", "$", STEPS_NOTE),
        ("warning", "step_details.tool_calls[0]",
         f"a {kind} tool call has no conversation item model; it was kept under `unconverted.tool_calls` (the "
         "response shows it as the tool's own call item)"),
    ])


@pytest.mark.parametrize("error, shown", [
    ({"code": "server_error", "message": "boom"}, "boom"),
    ({"code": "rate_limit_exceeded"}, "rate_limit_exceeded"),
    ("broken", "broken"),
])
def test_failed_step_keeps_its_error(error, shown):
    out, notes = convert(step([], status="failed", last_error=error))
    assert out["data"] == []
    assert out["unconverted"] == {"errors": [{"step_id": "step_1", "last_error": error}]}
    assert ("warning", "last_error",
            f"the step failed ({shown}); the error was kept under `unconverted.errors`") in notes


def test_step_usage_is_noted_and_left_out():
    out, notes = convert(step([], usage={"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}))
    assert out == {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
    assert notes == sorted([("info", "$", STEPS_NOTE), ("info", "usage",
                                                       "step usage was left out: usage is reported per response, "
                                                       "not per step")])


@pytest.mark.parametrize("details, shown", [
    ({"type": "message_creation", "message_creation": {"message_id": "msg_7"}}, "'msg_7'"),
    ({"message_creation": "msg_7"}, "None"),
    ({"type": "message_creation"}, "None"),
])
def test_message_creation_step_points_at_the_message_list(details, shown):
    out, notes = convert({"object": "list", "data": [step(step_details=details)], "first_id": "step_1",
                          "last_id": "step_1", "has_more": True})
    assert out == {"object": "list", "data": [], "first_id": "step_1", "last_id": "step_1", "has_more": True}
    assert notes == sorted([
        ("info", "data", STEPS_NOTE),
        ("info", "data[0].step_details", f"this step wrote message {shown}; its content is in the thread's message "
                                         "list: convert that list (foundry-message-list) for the message item"),
    ])


def test_step_without_details_gives_no_items():
    out, notes = convert(step(step_details="x"))
    assert out["data"] == []
    assert notes == [("info", "$", STEPS_NOTE)]


def test_bare_array_of_steps_lists_unconverted_values_in_the_notes():
    doc = [{"type": "message", "role": "user", "content": []},
           step([{"id": "call_x", "type": "openapi", "openapi": {}}])]
    out, notes = convert(doc)
    assert out == [{"type": "message", "role": "user", "content": []}]
    assert notes == sorted([
        ("info", "$", STEPS_NOTE),
        ("warning", "$", "a bare array has no place for unconverted values; they are listed in the notes above"),
        ("warning", "[1].step_details.tool_calls[0]",
         "a 'openapi' tool call has no conversation item model; it was kept under `unconverted.tool_calls` (the "
         "response shows it as the tool's own call item)"),
    ])


def test_bare_array_without_unconverted_values_has_no_warning():
    out, notes = convert([step([{"id": "c", "type": "mcp", "name": "n", "server_label": "s"}])])
    assert out == [{"type": "mcp_call", "id": "c", "name": "n", "arguments": "", "server_label": "s",
                    "status": "completed"}]
    assert notes == [("info", "$", STEPS_NOTE)]


def test_list_ids_come_from_the_items_and_skip_non_string_ids():
    doc = {"object": "list", "first_id": "step_a", "last_id": "step_b", "data": [
        {"type": "message", "id": 5, "role": "user", "content": []},
        step([{"id": "call_1", "type": "mcp", "name": "n", "server_label": "s"},
              {"id": "call_2", "type": "function", "function": {"name": "f", "output": "o"}}])]}
    out, _ = convert(doc)
    assert (out["first_id"], out["last_id"], out["has_more"]) == ("call_1", "call_2_output", False)


def test_calls_and_results_after_ones_that_are_skipped_still_convert():
    calls = [{"id": "call_x", "type": "azure_ai_search"},
             {"id": "call_s", "type": "file_search", "file_search": {"results": ["junk", {"file_id": "f1"}]}}]
    out, _ = convert(step(calls))
    assert out["data"] == [{"type": "file_search_call", "id": "call_s", "queries": [], "status": "completed",
                            "results": [{"file_id": "f1", "filename": None, "score": None}]}]
    assert out["unconverted"] == {"tool_calls": [calls[0]]}
