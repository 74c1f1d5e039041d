"""Renamed subscript keys keep the quote style of the code they are in."""
from __future__ import annotations

from helpers.langdock.python_requests import convert_langdock_python


def test_single_quoted_result_key_stays_single_quoted():
    code = ("import requests\n"
            "r = requests.post('https://api.langdock.com/assistant/v1/chat/completions', "
            "json={'assistantId': 'a', 'messages': []})\n"
            "print(r.json()['result'])\n")
    result = convert_langdock_python(code)
    assert result.output == (
        "import requests\n"
        "r = requests.post('https://api.langdock.com/agent/v1/chat/completions', "
        "json={'agentId': 'a', 'messages': []})\n"
        "print(r.json()['messages'])\n")
