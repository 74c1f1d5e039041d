"""Requests to other APIs in Langdock Python code keep their bodies and answers.

A chat-shaped body (`messages`) makes a request to a URL the file does not show a
Langdock chat request; a URL that is shown and belongs to another API does not
become one by its body: OpenAI-style chat APIs (Langdock's own model proxies under
`/openai/`, `/anthropic/`, ...) take `messages` too, and a gateway that copies the
legacy path keeps it (reference 1.1: rewrite only Langdock hosts or `/api/public`).
"""
from __future__ import annotations

from _langdock_kit import py_parses

from helpers.langdock.python_requests import convert_langdock_python

LD = "https://api.langdock.com"

PROXY = (
    "import requests\n"
    "\n"
    f'LD = "{LD}"\n'
    "\n"
    "\n"
    "def ask(question):\n"
    '    r = requests.post(f"{LD}/assistant/v1/chat/completions",\n'
    '                      json={"assistantId": AGENT, "messages": [{"role": "user", "content": question}]})\n'
    '    return r.json()["result"]\n'
    "\n"
    "\n"
    "def summarize(text):\n"
    '    p = requests.post(f"{LD}/openai/eu/v1/chat/completions",\n'
    '                      json={"model": "gpt-4o", "messages": [{"role": "user", "content": text}]})\n'
    '    return p.json()["choices"][0]["message"]["content"]\n'
    "\n"
    "\n"
    "def direct(text):\n"
    '    o = requests.post("https://api.openai.com/v1/chat/completions",\n'
    '                      json={"model": "gpt-4o", "messages": [{"role": "system", "content": text}]})\n'
    '    return o.json()["choices"][0]["message"]["content"]\n'
)


def test_model_proxy_and_openai_requests_next_to_the_agent_call_stay_as_they_are():
    result = convert_langdock_python(PROXY)
    expected = PROXY.replace(
        '"{LD}/assistant/v1/chat/completions"', '"{LD}/agent/v1/chat/completions"'
    ).replace(
        '{"assistantId": AGENT, "messages": [{"role": "user", "content": question}]}',
        '{"agentId": AGENT, "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": question}]}]}',
    ).replace('return r.json()["result"]', 'return r.json()["messages"]')
    assert result.output == expected
    assert [(n.line, n.severity, n.rule) for n in result.notes] == [
        (7, "info", "langdock-endpoint-url"),
        (8, "info", "langdock-message-parts"),
        (9, "info", "langdock-response-messages"),
    ]
    assert py_parses(result.output)
    assert convert_langdock_python(result.output).output == result.output


def test_a_gateway_copy_of_the_legacy_api_keeps_its_body_and_answer():
    # (an `assistantId` key would still be renamed: the key rule renames it in every dict)
    code = (
        "# client for our Langdock gateway\n"
        "import requests\n"
        "\n"
        'r = requests.post("https://gateway.example.com/assistant/v1/chat/completions",\n'
        '                  json={"messages": [{"role": "user", "content": "Hi"}]})\n'
        'print(r.json()["result"][0]["content"][0]["text"])\n'
    )
    result = convert_langdock_python(code)
    assert result.output == code
    [note] = result.notes
    assert (note.line, note.severity, note.rule) == (4, "warning", "langdock-endpoint-url")
    assert note.message.startswith("`gateway.example.com` serves a path that looks like Langdock's")


def test_urls_from_a_getenv_imported_from_os_are_noted_like_os_getenv():
    code = (
        "from os import getenv\n"
        "\n"
        "import requests\n"
        "\n"
        'URL = getenv("LANGDOCK_CHAT_URL")\n'
        f'BUILD = getenv("LANGDOCK_GET_URL", "{LD}/assistant/v1/get")\n'
        'r = requests.post(URL, json={"assistantId": A, "messages": []})\n'
        'agent = requests.get(BUILD, params={"assistantId": A}).json()["assistant"]\n'
    )
    result = convert_langdock_python(code)
    assert result.output == (
        code.replace("/assistant/v1/get", "/agent/v1/get")
        .replace('"assistantId"', '"agentId"')
        .replace('.json()["assistant"]', '.json()["agent"]')
    )
    assert [(n.line, n.column, n.severity, n.rule) for n in result.notes] == [
        (5, 7, "warning", "langdock-env-url"),
        (6, 9, "warning", "langdock-env-url"),
    ]
    assert result.notes[0].message.startswith(
        "The Langdock URL comes from `LANGDOCK_CHAT_URL`, which is set outside the code")
    assert result.notes[1].message.startswith("The default of `LANGDOCK_GET_URL` was changed")
