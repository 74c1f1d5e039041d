"""Notes of the Python Langdock rules at the edges: environment variables, hosts the
converter cannot check, undocumented endpoints, OpenAI-style stream readers, and code
the converter's parser cannot read."""
from __future__ import annotations

import libcst
import pytest
from _pymisc_kit import assert_notes, converted

from helpers.errors import InputError
from helpers.langdock.python_requests import convert_langdock_python

URLS = "langdock-endpoint-url"


def test_urls_from_the_environment_from_variables_and_from_other_hosts():
    code = ("import os\n\nimport requests\n\n"
            'CHAT = os.environ.get("LANGDOCK_CHAT_URL", '
            '"https://api.langdock.com/assistant/v1/chat/completions")\n'
            'BASE = os.environ["LANGDOCK_BASE"]\n'
            'KEY = os.environ.get("LANGDOCK_KEY")\n'
            'requests.post(CHAT, json={"assistantId": "a", "messages": []})\n'
            'requests.post(f"{BASE}/assistant/v1/chat/completions", '
            'json={"assistantId": "a", "messages": []})\n'
            'requests.get(f"{BASE}/assistant/v1/get?assistantId=a")\n'
            'requests.get(f"{BASE}/assistant/v1/files")\n'
            'requests.get("https://gateway.example/proxy/assistant/v1/models")\n')
    result = converted(code)
    assert result.output == (
        "import os\n\nimport requests\n\n"
        'CHAT = os.environ.get("LANGDOCK_CHAT_URL", '
        '"https://api.langdock.com/agent/v1/chat/completions")\n'
        'BASE = os.environ["LANGDOCK_BASE"]\n'
        'KEY = os.environ.get("LANGDOCK_KEY")\n'
        'requests.post(CHAT, json={"agentId": "a", "messages": []})\n'
        'requests.post(f"{BASE}/agent/v1/chat/completions", '
        'json={"agentId": "a", "messages": []})\n'
        'requests.get(f"{BASE}/agent/v1/get?agentId=a")\n'
        'requests.get(f"{BASE}/assistant/v1/files")\n'
        'requests.get("https://gateway.example/proxy/assistant/v1/models")\n')
    assert_notes(result, [
        # one note for the variable, though its default also decides the chat URL
        (5, "warning", "langdock-env-url",
         "The default of `LANGDOCK_CHAT_URL` was changed to `/agent/v1/`, but a value set"),
        # the host variable is noted once, at its first use
        (9, "info", URLS, "The host of this URL comes from a variable; `/assistant/v1/` was "
                          "changed to `/agent/v1/` on the assumption that it is Langdock"),
        (11, "warning", URLS, "`/assistant/v1/files` is not a documented Assistants API "
                              "endpoint; left unchanged. The Agents API has chat/completions, "
                              "create, get, update, publish, disable and models."),
        (12, "warning", URLS, "`gateway.example` serves a path that looks like Langdock's "
                              "Assistants API, but it is not a Langdock host"),
    ])


def test_only_the_read_of_an_openai_style_delta_is_noted_not_the_check_before_it():
    code = ("import json\n\nimport requests\n\n"
            'URL = "https://api.langdock.com/assistant/v1/chat/completions"\n'
            'r = requests.post(URL, json={"assistantId": "a", "messages": [], "stream": True}, '
            "stream=True)\n"
            "for line in r.iter_lines():\n"
            "    chunk = json.loads(line)\n"
            '    if "delta" in chunk["choices"][0]:\n'
            '        print(chunk["choices"][0]["delta"].get("content", ""))\n')
    result = converted(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        '"assistantId"', '"agentId"')
    assert_notes(result, [
        (10, "warning", "langdock-stream-consumer",
         "This reads OpenAI-style chunks (`choices[0].delta.content`), which Langdock's "
         "streams never contained."),
    ])


def test_valid_python_the_converter_s_parser_cannot_read_is_an_input_error():
    # CPython reads thousands of implicitly joined strings; LibCST's parser gives up
    with pytest.raises(InputError) as info:
        convert_langdock_python("x = " + "'a' " * 5000 + "\n")
    assert info.value.message.startswith("the converter cannot read this code: ")
    assert (info.value.line, info.value.column, info.value.kind) == (1, 1, "python")


def test_a_recursion_error_in_the_converter_s_parser_is_an_input_error(monkeypatch):
    def deep(text):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(libcst, "parse_module", deep)
    with pytest.raises(InputError) as info:
        convert_langdock_python("x = 1\n")
    assert info.value.to_dict()["message"] == "the code is nested too deeply to parse"
    assert (info.value.line, info.value.kind) == (None, "python")
