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
    with pytest.raises(InputError) as caught:
        convert_code(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    assert caught.value.message == "this is binary data, not text"
    assert (caught.value.line, caught.value.column) == (None, None)  # no line in binary data


def test_non_utf8_bytes_are_located():
    with pytest.raises(InputError) as caught:
        convert_code(b"x = 1\ny = '\xff'\n")
    assert (caught.value.line, caught.value.column) == (2, 6)  # the byte after `y = '`
    assert str(caught.value) == "line 2, column 6: this is not UTF-8 text"


def test_a_megabyte_of_python_converts():
    chunk = "thread = client.threads.create()\n" + "x = 1  # filler\n" * 40
    source = chunk * (1_000_000 // len(chunk) + 1)
    result = convert_code(source)
    assert len(source) > 1_000_000
    assert result.output.count("openai_client.conversations.create()") == source.count("client.threads.create()")


def test_too_large_input_is_refused():
    with pytest.raises(InputError) as caught:
        convert_code("x = 1\n" * 1_000_000)
    assert caught.value.message == "the input has 6,000,000 characters; the limit is 5,242,880"


def test_deep_nesting_does_not_crash():
    with pytest.raises(InputError) as caught:
        convert_code("x = " + "(" * 5000 + ")" * 5000)
    assert "too many nested parentheses" in caught.value.message
    # CPython refuses the 201st open parenthesis: after `x = ` and 200 of them, column 205
    assert (caught.value.line, caught.value.column) == (1, 205)


def test_half_a_snippet_is_located():
    with pytest.raises(InputError) as caught:
        convert_code("agent = client.create_agent(\n    model='gpt-4.1',\n    name='half'")
    # the parenthesis that is never closed: `agent = client.create_agent` is 27 characters
    assert (caught.value.line, caught.value.column) == (1, 28)
    assert "'(' was never closed" in caught.value.message


def test_unknown_kind_is_an_input_error():
    with pytest.raises(helpers.UnknownKindError) as caught:
        convert("x = 1", kind="cobol")
    assert caught.value.message.startswith("unknown kind 'cobol'; choose one of: python, javascript")
    assert caught.value.kind == "cobol"


def test_empty_input_is_unchanged():
    result = convert_code("")
    assert result.output == "" and not result.changed


def test_public_errors_are_documented():
    assert issubclass(InputError, helpers.WorkbookError)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_result_or_an_input_error(text):
    import ast

    try:
        result = convert_code(text)
    except InputError as exc:
        # located inside the text: a real line, a real column on it
        assert exc.message and exc.line is not None, exc
        if "\r" in text:  # Python ends a line at a lone \r too, helpers.inputs at \n only
            return
        lines = text.split("\n")
        assert 1 <= exc.line <= len(lines), (exc.line, len(lines))
        assert exc.column is None or 1 <= exc.column <= len(lines[exc.line - 1]) + 1, exc
        return
    assert result.source == text and result.kind == "python"
    ast.parse(result.output)
    if not result.changed:
        assert result.output == text  # unchanged means byte for byte


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
    assert convert_code(result.output).output == result.output  # converting twice changes nothing


@pytest.mark.parametrize("text", ['{"assistantId": "a", "messages": [}', '[{"role": "user",'])
def test_broken_json_is_reported_as_json(text):
    with pytest.raises(InputError) as caught:
        convert(text)
    assert "Python" not in caught.value.message and caught.value.message.startswith("invalid JSON")
    # the first character JSON cannot take: the `}` after `[`, the end after the comma
    assert (caught.value.line, caught.value.column) == (1, len(text) if text.endswith("}") else len(text) + 1)


def test_a_syntax_error_cpython_places_at_column_0_is_reported_at_column_1():
    # CPython reports `@0` at offset 0; columns the user sees start at 1.
    with pytest.raises(InputError) as caught:
        helpers.convert_code("@0")
    assert (caught.value.line, caught.value.column) == (1, 1)
