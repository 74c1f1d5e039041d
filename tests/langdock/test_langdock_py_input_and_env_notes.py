"""Python input the Langdock converter refuses (with what, where and for which kind), and
the environment-variable notes: each names the variable whose value must change."""
from __future__ import annotations

import pytest

from helpers.errors import InputError
from helpers.langdock.python_requests import convert_langdock_python

LD = "https://api.langdock.com"


@pytest.mark.parametrize("code,message,line,column", [
    ("import requests\nr = requests.post(\n", "Python syntax error: '(' was never closed", 2, 18),
    ("def f():\n\tif x:\n        pass\n",
     "Python syntax error: inconsistent use of tabs and spaces in indentation", 3, 1),
    ("-" * 200_000 + "1\n", "the code is nested too deeply to parse", None, None),
    ("x = " + "[" * 190 + "]" * 190 + "\n", "the code is nested too deeply to convert", None, None),
    (b"\x89PNG\x00", "this is binary data, not text", None, None),
], ids=["unclosed-call", "mixed-indent", "deep-unary", "deep-lists", "binary"])
def test_refused_input_says_what_where_and_which_kind(code, message, line, column):
    with pytest.raises(InputError) as info:
        convert_langdock_python(code)
    error = info.value
    assert (error.message, error.line, error.column, error.kind) == (message, line, column,
                                                                     "python")


def test_blank_input_comes_back_as_python_unchanged():
    result = convert_langdock_python("  \n")
    assert (result.kind, result.output, result.notes) == ("python", "  \n", ())


def test_env_notes_name_the_variable_or_say_this_variable():
    code = (
        "import os\nimport requests\n\n"
        f'a = os.getenv("LD_A", "{LD}/assistant/v1/chat/completions")\n'
        f'b = os.environ.get("LD_B", "{LD}/assistant/v1/chat/completions")\n'
        f'c = os.getenv(NAME, "{LD}/assistant/v1/chat/completions")\n'
        'd = os.environ["LD_D"]\n'
        'requests.post(d, json={"assistantId": "x", "messages": []})\n'
        "e = os.environ[KEY]\n"
        'requests.post(e, json={"assistantId": "x", "messages": []})\n'
    )
    result = convert_langdock_python(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        '"assistantId"', '"agentId"')
    assert result.kind == "python"
    env = [(n.line, n.column, n.message.split(",")[0]) for n in result.notes
           if n.rule == "langdock-env-url"]
    assert env == [
        (4, 5, "The default of `LD_A` was changed to `/agent/v1/`"),
        (5, 5, "The default of `LD_B` was changed to `/agent/v1/`"),
        (6, 5, "The default of `this variable` was changed to `/agent/v1/`"),
        (7, 5, "The Langdock URL comes from `LD_D`"),
        (9, 5, "The Langdock URL comes from `this variable`"),
    ]
