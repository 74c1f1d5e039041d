"""Bad input gets a located InputError from the API, never another exception."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers import InputError, convert, convert_code


@pytest.mark.parametrize(
    "source,line,column",
    [
        ("client.create_agent(model='m'\n", 1, 20),
        ("def f(:\n    pass\n", 1, 7),
        ("const x = 1;\n", 1, 7),
        ("x = 1\n  y = 2\n", 2, 2),
    ],
)
def test_syntax_errors_are_located(source, line, column):
    with pytest.raises(InputError) as caught:
        convert_code(source)
    assert caught.value.line == line
    assert caught.value.column == column
    assert f"line {line}" in str(caught.value)


def test_binary_is_refused_clearly():
    with pytest.raises(InputError, match="binary"):
        convert_code(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")


def test_non_utf8_bytes_are_located():
    with pytest.raises(InputError) as caught:
        convert_code(b"x = 1\ny = '\xff'\n")
    assert caught.value.line == 2


def test_a_megabyte_of_python_converts():
    chunk = "thread = client.threads.create()\n" + "x = 1  # filler\n" * 40
    source = chunk * (1_000_000 // len(chunk) + 1)
    result = convert_code(source)
    assert len(source) > 1_000_000
    assert result.output.count("openai_client.conversations.create()") == source.count("client.threads.create()")


def test_too_large_input_is_refused():
    with pytest.raises(InputError, match="limit"):
        convert_code("x = 1\n" * 1_000_000)


def test_deep_nesting_does_not_crash():
    with pytest.raises(InputError):
        convert_code("x = " + "(" * 5000 + ")" * 5000)


def test_half_a_snippet_is_located():
    with pytest.raises(InputError) as caught:
        convert_code("agent = client.create_agent(\n    model='gpt-4.1',\n    name='half'")
    assert caught.value.line is not None


def test_unknown_kind_is_an_input_error():
    with pytest.raises(InputError, match="unknown kind"):
        convert("x = 1", kind="cobol")


def test_empty_input_is_unchanged():
    result = convert_code("")
    assert result.output == "" and not result.changed


def test_public_errors_are_documented():
    assert issubclass(InputError, helpers.WorkbookError)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_result_or_an_input_error(text):
    try:
        result = convert_code(text)
    except InputError:
        return
    assert isinstance(result.output, str)


LEGACY_WORDS = st.sampled_from([
    "client", ".", "threads", "runs", "messages", "create", "create_agent", "(", ")", "=", "run", "agent",
    "thread_id=", "agent_id=", ",", "\n", " ", "while", ":", "    ", "status", "beta", "assistants", "'x'",
    "get", "list", "for", "in", "m", "content[0].text.value", "await ", "with ", " as ", "#c",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LEGACY_WORDS, max_size=40).map("".join))
def test_legacy_looking_fragments_never_raise_other_errors(text):
    try:
        result = convert_code(text)
    except InputError:
        return
    import ast

    ast.parse(result.output)
    assert not [n for n in result.notes if "internal error" in n.message]


@pytest.mark.parametrize("text", ['{"assistantId": "a", "messages": [}', '[{"role": "user",'])
def test_broken_json_is_reported_as_json(text):
    with pytest.raises(InputError) as caught:
        convert(text)
    assert "Python" not in caught.value.message
    assert caught.value.line == 1 and caught.value.column is not None
