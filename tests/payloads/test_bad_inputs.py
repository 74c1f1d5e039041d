"""Bad input reaches the user as a located InputError, never as another exception."""
from __future__ import annotations

import json

import pytest

from helpers.errors import InputError, UnknownKindError
from helpers.payloads import convert_payload


@pytest.mark.parametrize(
    "text, line, column",
    [
        ('{\n  "assistantId": "a",\n  "messages": [\n    {"role": "user" "content": "x"}\n  ]\n}', 4, 21),
        ('{"agentId": "a",}', 1, 17),
        ('[\n1,\n2,,\n]', 3, 3),
        ('{"a": tru}', 1, 7),
    ],
)
def test_invalid_json_has_line_and_column(text, line, column):
    with pytest.raises(InputError) as info:
        convert_payload(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert "invalid JSON" in info.value.message


@pytest.mark.parametrize("kind", [None, "langdock-chat-request", "foundry-run"])
@pytest.mark.parametrize("text", ["42", '"a string"', "null", "true"])
def test_non_object_json(text, kind):
    with pytest.raises(InputError) as info:
        convert_payload(text, kind=kind or "langdock-chat-request")
    assert info.value.path == "$"


def test_array_for_an_object_kind():
    with pytest.raises(InputError, match="array"):
        convert_payload("[1]", kind="foundry-run")


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", b"\xff\xfe{", "abc\x00def"])
def test_binary(data):
    with pytest.raises(InputError, match="binary|UTF-8"):
        convert_payload(data)


@pytest.mark.parametrize("text", ["", "   ", b"", "\n\n"])
def test_empty(text):
    with pytest.raises(InputError, match="empty"):
        convert_payload(text, kind="langdock-chat-request")


def test_undetectable_text():
    with pytest.raises(InputError) as info:
        convert_payload("print('hello')")
    assert info.value.line == 1


def test_bytes_are_accepted():
    out = convert_payload('{"assistantId": "a", "messages": []}'.encode())
    assert json.loads(out.output) == {"agentId": "a", "messages": []}


def test_moderately_nested_input_converts():
    text = '{"agentId": "a", "messages": [], "x": ' + "[" * 50 + "]" * 50 + "}"
    result = convert_payload(text)
    assert not result.changed and result.output == text


@pytest.mark.parametrize("depth", [5000, 200000])
def test_deeply_nested(depth):
    text = '{"agentId": "a", "messages": [], "x": ' + "[" * depth + "]" * depth + "}"
    try:
        result = convert_payload(text)
    except InputError as exc:  # not InternalError: the depth is the input's
        assert "nested too deeply" in exc.message
    else:
        assert not result.changed and result.output == text


def test_deeply_nested_stream_value():
    text = 'data: {"type":"message","content":' + "[" * 100000 + "]" * 100000 + "}\n"
    with pytest.raises(InputError):
        convert_payload(text)


def test_one_megabyte_request():
    messages = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"message {i} " + "x" * 80}
                for i in range(10000)]
    text = json.dumps({"assistantId": "a", "messages": messages})
    assert len(text) > 1_000_000
    result = convert_payload(text)
    out = json.loads(result.output)
    assert len(out["messages"]) == 10000 and out["messages"][-1]["id"] == "msg_9999"


def test_too_large():
    with pytest.raises(InputError, match="limit"):
        convert_payload('{"a": "' + "x" * (6 * 1024 * 1024) + '"}')


def test_unknown_kind():
    with pytest.raises(UnknownKindError):
        convert_payload("{}", kind="nope")


@pytest.mark.parametrize("options", [{"stream_format": "v6"}, {"response_shape": "parts"}])
def test_bad_options(options):
    with pytest.raises(InputError):
        convert_payload("{}", **options)


@pytest.mark.parametrize(
    "text, path",
    [
        ('{"assistantId": "a", "messages": "hi"}', "messages"),
        ('{"assistantId": "a", "messages": ["hi"]}', "messages[0]"),
        ('{"result": [{"role": "assistant", "content": 5}]}', "result[0].content"),
        ('{"id": "r", "object": "thread.run", "usage": {"prompt_tokens": "many"}}', "usage.prompt_tokens"),
    ],
)
def test_schema_problems_have_a_path(text, path):
    kind = json.loads(text).get("object") and None or ("langdock-chat-request" if "messages" in text else None)
    with pytest.raises(InputError) as info:
        convert_payload(text, kind=kind)
    assert info.value.path == path and info.value.line == 1
