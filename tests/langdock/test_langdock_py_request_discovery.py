"""How the Python converter recognises a chat request whose URL it cannot see (it
comes from the environment): by the body it sends. A chat body (reference, 2.2 and
3.2: `messages`, `assistantId`/`agentId`, `assistant`/`agent`) makes the answer a chat
answer, so `result` becomes `messages`; any other body leaves the read with a note."""
from __future__ import annotations

import pytest
from _langdock_kit import py_parses

from helpers.langdock.python_requests import convert_langdock_python

UNTRACED = "langdock-untraced-read"
HEAD = 'import os\nimport requests\n\nurl = os.environ["LANGDOCK_URL"]\n'


def _rules(result) -> list[str]:
    return [n.rule for n in result.notes]


@pytest.mark.parametrize("key", ["messages", "assistantId", "agentId", "assistant", "agent"])
def test_chat_shaped_body_makes_the_answer_a_chat_answer(key):
    code = (HEAD + f'payload = {{"{key}": x}}\n'
            "r = requests.post(url, json=payload)\n"
            'print(r.json()["result"])\n'
            f's = requests.post(url, json={{"{key}": x}})\n'
            'print(s.json()["result"])\n')
    result = convert_langdock_python(code)
    assert 'print(r.json()["messages"])\ns = ' in result.output
    assert result.output.endswith('print(s.json()["messages"])\n')
    assert UNTRACED not in _rules(result)


def test_body_without_chat_keys_leaves_result_with_a_warning():
    # next to a chat request, a request with another body is no chat request
    code = (HEAD + 'r = requests.post(url, json={"messages": []})\nprint(r.json()["result"])\n'
            's = requests.post(url, json={"name": "x"})\nprint(s.json()["result"])\n')
    result = convert_langdock_python(code)
    assert result.output == code.replace('r.json()["result"]', 'r.json()["messages"]')
    [note] = [n for n in result.notes if n.rule == UNTRACED]
    assert (note.line, note.severity) == (8, "warning")
    assert note.message.startswith("This reads `result`, but the converter could not follow")


def test_only_request_to_an_unseen_url_is_assumed_to_be_the_chat_call():
    code = HEAD + 's = requests.post(url, json={"name": "x"})\nprint(s.json()["result"])\n'
    result = convert_langdock_python(code)
    assert result.output == code.replace('["result"]', '["messages"]')
    [note] = [n for n in result.notes if n.rule == UNTRACED]
    assert (note.line, note.severity) == (6, "info")
    assert note.message.startswith("This reads `result` from the answer of a request whose URL")


def test_result_read_in_a_module_without_chat_calls_is_only_a_hint():
    code = '# talks to langdock\n\n\ndef show(data):\n    print(data["result"])\n'
    result = convert_langdock_python(code)
    assert result.output == code
    [note] = result.notes
    assert (note.line, note.column, note.severity, note.rule) == (5, 11, "info", UNTRACED)


def test_body_returned_by_a_function_of_the_module_is_followed():
    # was a bug: the messages were converted but the read of the answer kept `result`
    # inside `langdock_text(...)` and got a "could not follow" warning
    code = (
        HEAD
        + "\n\ndef build(question):\n"
        '    return {"assistantId": "a", "messages": [{"role": "user", "content": question}]}\n'
        "\n\ndef ask(question):\n"
        "    r = requests.post(url, json=build(question))\n"
        '    return r.json()["result"][0]["content"][0]["text"]\n'
    )
    result = convert_langdock_python(code)
    assert (
        "def build(question):\n"
        '    return {"agentId": "a", "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": question}]}]}\n'
        "\n\ndef ask(question):\n"
        "    r = requests.post(url, json=build(question))\n"
        '    return langdock_text(r.json()["messages"][0])\n'
    ) in result.output
    assert UNTRACED not in _rules(result)
    assert py_parses(result.output)
    assert convert_langdock_python(result.output).output == result.output


@pytest.mark.parametrize("body,converted", [
    ('{"messages": [{"role": "user", "content": "hi"}]}',
     '{"messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "hi"}]}]}'),
    ('{"assistant": {"name": "n", "instructions": "i"}}',
     '{"agent": {"name": "n", "instructions": "i"}}'),
])
def test_literal_body_passed_by_every_caller_is_converted(body, converted):
    code = (HEAD + "\n\ndef ask(payload):\n"
            "    return requests.post(url, json=payload).json()\n"
            f"\n\nask({body})\n")
    result = convert_langdock_python(code)
    assert result.output == code.replace(body, converted)


def test_unknown_body_to_an_unseen_url_is_not_wrapped_but_its_result_is_assumed_chat():
    # a parameter nobody in the module passes, a body from an unknown function: not
    # known to be chat requests, so no run-time wrapper; the `result` reads decide
    code = (HEAD + "\n\ndef ask(body):\n"
            "    r = requests.post(url, json=body)\n"
            '    return r.json()["result"]\n'
            "\n\ndef ask2(q):\n"
            "    r = requests.post(url, json=make_body(q))\n"
            '    return r.json()["result"]\n')
    result = convert_langdock_python(code)
    assert result.output == code.replace('["result"]', '["messages"]')
    assert [(n.line, n.severity) for n in result.notes if n.rule == UNTRACED] == [
        (9, "info"), (14, "info")]
    assert "langdock-forwarded-request" not in _rules(result)


def test_text_read_of_an_answer_not_known_to_be_chat_is_left_whole():
    # next to a chat call, a request to an unseen URL keeps `result`, so its text read must stay whole too
    code = (HEAD + 'r = requests.post(url, json={"messages": []})\n'
            's = requests.post(url, json={"name": "x"})\n'
            'print(s.json()["result"][0]["content"][0]["text"])\n')
    result = convert_langdock_python(code)
    assert result.output.endswith('print(s.json()["result"][0]["content"][0]["text"])\n')
