"""What one Python module tells its siblings in folder mode (`summarise_python`)."""
from __future__ import annotations

from helpers.langdock.py_flow import Externals
from helpers.langdock.py_summary import summarise_python


def test_module_with_a_chat_call_tells_what_its_function_returns():
    code = ("import requests\n"
            'URL = "https://api.langdock.com/assistant/v1/chat/completions"\n\n\n'
            "def ask(q):\n"
            '    return requests.post(URL, json={"assistantId": "a", "messages": '
            '[{"role": "user", "content": q}]}).json()\n')
    summary = summarise_python(code)
    assert summary.returns == {"ask": frozenset({"chat.body"})}
    assert summary.params == {} and summary.message_params == {}


def test_module_that_only_mentions_langdock_tells_an_empty_summary():
    assert summarise_python("# talks to langdock elsewhere\nx = 1\n") == Externals()


def test_unrelated_or_broken_module_tells_nothing():
    assert summarise_python("def add(a, b):\n    return a + b\n") is None
    assert summarise_python("x = (\n") is None
