"""`convert_payload` itself (helpers/payloads/convert.py): every input error, exactly, and the P1 path.

Each expected error is written out in full (message, line, column, path, kind) so that a
wrong place or a lost kind is caught, not only the error type.
"""
from __future__ import annotations

import json

import pytest

from helpers.errors import InputError, UnknownKindError
from helpers.payloads import convert as convert_module
from helpers.payloads import convert_payload
from helpers.payloads.kinds import PAYLOAD_KINDS, RESPONSE_SHAPES, STREAM_FORMATS


def error(text, kind=None, **options):
    with pytest.raises(InputError) as info:
        convert_payload(text, kind, **options)
    return type(info.value), info.value.to_dict()


def test_unknown_kind():
    assert error("{}", "yaml") == (UnknownKindError, {
        "message": "unknown payload kind 'yaml'; choose one of: " + ", ".join(PAYLOAD_KINDS),
        "line": None, "column": None, "path": None, "kind": "yaml"})


def test_unknown_stream_format_and_response_shape():
    assert error("{}", "json", stream_format="sse") == (InputError, {
        "message": f"stream_format must be one of {STREAM_FORMATS}, not 'sse'",
        "line": None, "column": None, "path": None, "kind": "json"})
    assert error("{}", "json", response_shape="rows") == (InputError, {
        "message": f"response_shape must be one of {RESPONSE_SHAPES}, not 'rows'",
        "line": None, "column": None, "path": None, "kind": "json"})


@pytest.mark.parametrize("text", ["", "  \n\t"])
def test_empty_input(text):
    assert error(text, "foundry-run") == (InputError, {"message": "the input is empty", "line": None,
                                                       "column": None, "path": None, "kind": "foundry-run"})


def test_text_that_is_neither_json_nor_a_stream():
    assert error("hello there") == (InputError, {
        "message": "this is neither a JSON payload nor a stream transcript", "line": 1, "column": 1, "path": None,
        "kind": None})


def test_broken_json_without_a_kind_is_located_by_the_parser():
    _, err = error('  {"a": 1,\n  "b": }')
    assert (err["line"], err["column"]) == (2, 8)


@pytest.mark.parametrize("text, shown", [("5", "a number"), ("2.5", "a number"), ("null", "null"),
                                         ("true", "a boolean"), ('"run"', "a string")])
def test_a_scalar_is_not_a_payload(text, shown):
    assert error(text, "foundry-run") == (InputError, {
        "message": f"expected a JSON object, got {shown}", "line": 1, "column": 1, "path": "$",
        "kind": "foundry-run"})


def test_an_explicit_kind_that_does_not_fit_the_payload():
    assert error('{"object": "thread.run", "id": "run_1"}', "foundry-agent") == (InputError, {
        "message": "this looks like a 'foundry-run' payload, not 'foundry-agent'", "line": None, "column": None,
        "path": "$", "kind": "foundry-agent"})


def test_an_array_for_a_kind_that_takes_an_object():
    assert error("[1, 2]", "foundry-agent") == (InputError, {
        "message": "expected a JSON object for 'foundry-agent', got an array", "line": 1, "column": 1, "path": "$",
        "kind": "foundry-agent"})


def test_an_array_of_chat_messages_is_checked_against_the_message_model():
    text = '[\n  {"role": "user", "content": "x"},\n  "oops"\n]'
    assert error(text, "langdock-chat-request") == (InputError, {
        "message": "Input should be a valid dictionary or instance of LegacyMessageIn (schema of "
                   "langdock-chat-request)", "line": 3, "column": 3, "path": "[1]", "kind": "langdock-chat-request"})


def test_a_chat_request_is_checked_against_the_request_model():
    assert error('{"messages": 5}', "langdock-chat-request") == (InputError, {
        "message": "Input should be a valid list (schema of langdock-chat-request)", "line": 1, "column": 2,
        "path": "messages", "kind": "langdock-chat-request"})


def test_an_explicit_kind_keeps_detected_false():
    result = convert_payload('{"object": "thread", "id": "thread_1"}', "foundry-thread")
    assert (result.kind, result.detected) == ("foundry-thread", False)
    result = convert_payload('{"object": "thread", "id": "thread_1"}')
    assert (result.kind, result.detected) == ("foundry-thread", True)


def test_a_printed_python_dict_is_read_as_json_and_written_as_json():
    text = "{'object': 'thread', 'id': 'thread_1', 'metadata': {'city': 'Köln'}, 'tool_resources': None}"
    result = convert_payload(text, "foundry-thread")
    # the thread's own key order, indented by 2, non-ASCII kept, a final newline
    assert result.output == ('{\n  "object": "conversation",\n  "id": "thread_1",\n'
                             '  "metadata": {\n    "city": "Köln"\n  }\n}\n')
    p1 = [(n.severity, n.line, n.path, n.message) for n in result.notes if n.rule == "P1"]
    assert p1 == [("info", None, "$", "the input was a Python dict (as the SDK prints it); it was read as JSON and "
                                      "the result is written as JSON")]
    assert all(n.line is None for n in result.notes)


def test_a_printed_python_dict_of_another_kind_is_refused():
    assert error("{'object': 'thread.run', 'id': 'run_1'}", "foundry-agent") == (InputError, {
        "message": "this looks like a 'foundry-run' payload, not 'foundry-agent'", "line": None, "column": None,
        "path": "$", "kind": "foundry-agent"})


def test_a_printed_python_dict_already_new_comes_back_as_it_was():
    text = "{'id': 'conv_1', 'object': 'conversation', 'created_at': 1, 'metadata': {}}"
    result = convert_payload(text, "foundry-thread")
    assert result.output == text
    assert not result.changed


@pytest.mark.parametrize("raised, message", [(RecursionError, "the input is nested too deeply to convert"),
                                             (MemoryError, "the input is too large to convert")])
def test_resource_limits_are_input_errors_that_keep_the_kind(monkeypatch, raised, message):
    def fail(*_args):
        raise raised()

    monkeypatch.setattr(convert_module, "_convert", fail)
    assert error("{}", "foundry-run") == (InputError, {"message": message, "line": None, "column": None,
                                                       "path": None, "kind": "foundry-run"})


def test_the_output_of_a_json_kind_is_laid_out_like_the_input():
    text = json.dumps({"object": "thread", "id": "thread_1", "created_at": 5, "metadata": {}})
    assert convert_payload(text).output == ('{"object": "conversation", "id": "thread_1", "created_at": 5, '
                                            '"metadata": {}}')
