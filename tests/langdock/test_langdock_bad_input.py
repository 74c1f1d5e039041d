"""Bad input for both Langdock code converters: located syntax errors, binary,
empty, oversized and 1 MB inputs."""
from __future__ import annotations

import pytest
from _langdock_kit import js_parses, py_parses

from helpers.errors import InputError
from helpers.langdock.javascript import convert_javascript
from helpers.langdock.python_requests import convert_langdock_python

LD = "https://api.langdock.com"


@pytest.mark.parametrize("code,line,column", [
    ("const a = 1;\nconst b = (;\n", 2, 11),
    ("const x = {\n  a: 1,\n", 3, 1),
    ("let ok = 1;\nlet ü = @;\n", 2, 9),
])
def test_js_syntax_error_is_located(code, line, column):
    with pytest.raises(InputError) as info:
        convert_javascript(code)
    assert (info.value.line, info.value.column) == (line, column)


def test_ts_syntax_error_is_located():
    with pytest.raises(InputError) as info:
        convert_javascript("let a: number = 1;\nlet b: = 2;\n", kind="typescript")
    assert info.value.line == 2


@pytest.mark.parametrize("convert", [convert_javascript, convert_langdock_python])
def test_binary_is_refused(convert):
    with pytest.raises(InputError):
        convert(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


@pytest.mark.parametrize("convert", [convert_javascript, convert_langdock_python])
@pytest.mark.parametrize("code", ["", "   \n\n", b""])
def test_empty_is_unchanged(convert, code):
    result = convert(code)
    assert not result.changed and result.notes == ()


@pytest.mark.parametrize("convert", [convert_javascript, convert_langdock_python])
def test_too_large_is_refused(convert):
    with pytest.raises(InputError):
        convert("x = 1\n" * 1_000_000)


def test_unknown_js_kind_is_refused():
    with pytest.raises(InputError):
        convert_javascript("let a = 1;", kind="coffeescript")


def test_python_syntax_error_is_located():
    with pytest.raises(InputError) as info:
        convert_langdock_python("import requests\nr = requests.post(\n")
    assert info.value.line is not None and info.value.column is not None


def test_python_deep_nesting_is_an_input_error():
    with pytest.raises(InputError):
        convert_langdock_python("x = " + "[" * 5000 + "]" * 5000 + "\n")


def test_js_one_megabyte():
    block = (f'await axios.post("{LD}/assistant/v1/chat/completions", '
             '{ assistantId: a, messages: [{ role: "user", content: q }] });\n')
    code = block * (1_000_000 // len(block))
    result = convert_javascript(code)
    assert result.output.count("/agent/v1/") == code.count("/assistant/v1/")
    assert js_parses(result.output)


def test_python_one_megabyte():
    # LibCST needs about 25 us per source byte of dense calls (about 30 s for 1 MB
    # of them), so the megabyte here is mostly a docstring with a few real calls.
    block = (f'r = requests.post("{LD}/assistant/v1/chat/completions", json={{'
             '"assistantId": a, "messages": [{"role": "user", "content": q}]})\n')
    filler = '"""' + ("lorem ipsum dolor sit amet\n" * 37_000) + '"""\n'
    code = block * 50 + filler + block * 50
    assert len(code) > 1_000_000
    result = convert_langdock_python(code)
    assert result.output.count("/agent/v1/") == 100
    assert py_parses(result.output)
