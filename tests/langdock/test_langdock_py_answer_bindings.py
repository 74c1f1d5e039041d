"""The Python converter follows a chat answer through `with ... as r` and through
comprehension variables, so message reads there are converted (reference 3.4: the
answer lists `messages`, whose `content` is a string and whose text is in `parts`)."""
from __future__ import annotations

from _langdock_kit import py_parses

from helpers.langdock.python_requests import convert_langdock_python


def test_with_target_and_comprehension_variables_carry_the_answer():
    code = ("import requests\n\n"
            'URL = "https://api.langdock.com/assistant/v1/chat/completions"\n'
            "with lock:\n"
            '    pass\n'
            'with requests.post(URL, json={"assistantId": "a", "messages": []}) as r:\n'
            "    data = r.json()\n"
            'texts = [m["content"][0]["text"] for m in data["result"]]\n'
            'parts = [p for m in data["result"] for p in m["content"]]\n')
    result = convert_langdock_python(code)
    assert result.output.endswith(
        'URL = "https://api.langdock.com/agent/v1/chat/completions"\n'
        "with lock:\n"
        "    pass\n"
        'with requests.post(URL, json={"agentId": "a", "messages": []}) as r:\n'
        "    data = r.json()\n"
        'texts = [langdock_text(m) for m in data["messages"]]\n'
        'parts = [p for m in data["messages"] for p in langdock_parts(m)]\n')
    assert "def langdock_text(message):" in result.output
    assert "def langdock_parts(message):" in result.output
    assert "langdock-untraced-read" not in [n.rule for n in result.notes]
    assert py_parses(result.output)
