"""Per-rule (before, after) pairs for Python requests/httpx code, the inputs
that must stay unchanged, idempotence, parse checks and note positions."""
from __future__ import annotations

import libcst
import pytest
from _langdock_kit import py_parses

from helpers.langdock.py_rules import RULES
from helpers.langdock.python_requests import (
    convert_langdock_python,
    looks_like_langdock,
    rewrite_langdock_python,
)

LD = "https://api.langdock.com"

# the helper converted reading code calls, as it must appear after the imports
TEXT_HELPER = '''

def langdock_text(message):
    """Text of an Agents API message: its `content` string or its text `parts`."""
    if isinstance(message.get("content"), str):
        return message["content"]
    return "".join(part.get("text", "") for part in message.get("parts") or []
                   if part.get("type") == "text")


'''

PAIRS = [
    ("url-constant",
     f'LANGDOCK_URL = "{LD}/assistant/v1/chat/completions"\n',
     f'LANGDOCK_URL = "{LD}/agent/v1/chat/completions"\n'),
    ("url-single-quotes-models",
     f"r = requests.get('{LD}/assistant/v1/models')\n",
     f"r = requests.get('{LD}/agent/v1/models')\n"),
    ("url-fstring-query",
     'r = httpx.get(f"{BASE}/assistant/v1/get?assistantId={aid}")\n',
     'r = httpx.get(f"{BASE}/agent/v1/get?agentId={aid}")\n'),
    ("url-env-default",
     f'URL = os.environ.get("LANGDOCK_ASSISTANT_URL", "{LD}/assistant/v1/chat/completions")\n',
     f'URL = os.environ.get("LANGDOCK_ASSISTANT_URL", "{LD}/agent/v1/chat/completions")\n'),
    ("url-dedicated",
     'URL = "https://ai.acme.example/api/public/assistant/v1/create"\n',
     'URL = "https://ai.acme.example/api/public/agent/v1/create"\n'),
    ("key-payload-and-params",
     f'requests.get("{LD}/assistant/v1/get", params={{"assistantId": assistant_id}})\n',
     f'requests.get("{LD}/agent/v1/get", params={{"agentId": assistant_id}})\n'),
    ("key-dict-call",
     f'requests.get("{LD}/assistant/v1/get", params=dict(assistantId=ASSISTANT_ID))\n',
     f'requests.get("{LD}/agent/v1/get", params=dict(agentId=ASSISTANT_ID))\n'),
    ("temporary-agent",
     f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistant": '
     '{"name": "R", "instructions": "Be brief."}, "messages": []})\n',
     f'requests.post("{LD}/agent/v1/chat/completions", json={{"agent": '
     '{"name": "R", "instructions": "Be brief."}, "messages": []})\n'),
    ("message-inline",
     f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, '
     '"messages": [{"role": "user", "content": prompt, "attachmentIds": ids}]})\n',
     f'requests.post("{LD}/agent/v1/chat/completions", json={{"agentId": A, '
     '"messages": [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": prompt}], '
     '"metadata": {"attachments": ids}}]})\n'),
    ("message-single-quotes-multiline",
     "payload = {\n    'assistantId': A,\n    'messages': [\n        {\n"
     "            'role': 'user',\n            'content': 'Hi',\n        },\n    ],\n}\n"
     f"requests.post('{LD}/assistant/v1/chat/completions', json=payload)\n",
     "payload = {\n    'agentId': A,\n    'messages': [\n        {\n"
     "            'id': 'msg_0',\n            'role': 'user',\n"
     "            'parts': [{'type': 'text', 'text': 'Hi'}],\n        },\n    ],\n}\n"
     f"requests.post('{LD}/agent/v1/chat/completions', json=payload)\n"),
    ("message-named-list-and-append",
     'history = [{"role": "user", "content": "Hi"}]\n'
     'history.append({"role": "assistant", "content": answer})\n'
     f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": history}})\n',
     'history = [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}]\n'
     'history.append({"id": "msg_1", "role": "assistant", "parts": [{"type": "text", "text": answer}]})\n'
     f'requests.post("{LD}/agent/v1/chat/completions", json={{"agentId": A, "messages": history}})\n'),
    ("result-chain",
     'import requests\n'
     'p = {"assistantId": A, "messages": []}\n'
     f'r = requests.post("{LD}/assistant/v1/chat/completions", json=p)\n'
     'data = r.json()\nprint(data["result"][0]["content"][0]["text"])\n',
     'import requests\n' + TEXT_HELPER +
     'p = {"agentId": A, "messages": []}\n'
     f'r = requests.post("{LD}/agent/v1/chat/completions", json=p)\n'
     'data = r.json()\nprint(langdock_text(data["messages"][0]))\n'),
    ("result-get-and-message-var",
     'import requests\n'
     'p = {"assistantId": A, "messages": []}\n'
     f'r = requests.post("{LD}/assistant/v1/chat/completions", json=p)\n'
     'msgs = r.json().get("result", [])\nfirst = msgs[0]\ntext = first["content"][0]["text"]\n',
     'import requests\n' + TEXT_HELPER +
     'p = {"agentId": A, "messages": []}\n'
     f'r = requests.post("{LD}/agent/v1/chat/completions", json=p)\n'
     'msgs = r.json().get("messages", [])\nfirst = msgs[0]\ntext = langdock_text(first)\n'),
    ("agent-wrapper",
     f'r = requests.post("{LD}/assistant/v1/create", json=body)\n'
     'new_id = r.json()["assistant"]["id"]\n',
     f'r = requests.post("{LD}/agent/v1/create", json=body)\n'
     'new_id = r.json()["agent"]["id"]\n'),
]


@pytest.mark.parametrize("before,after", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_rule_pairs(before, after):
    result = convert_langdock_python(before)
    assert result.output == after
    assert py_parses(result.output)
    again = convert_langdock_python(result.output)
    assert again.output == result.output and not again.changed


NOTE_CASES = [
    ("update-publish",
     'requests.patch(f"{BASE}/assistant/v1/update", json={"assistantId": a, "name": n})\n',
     [(1, "langdock-publish-after-update")]),
    ("sse-loop",
     f'with requests.post("{LD}/assistant/v1/chat/completions", json=p, stream=True) as r:\n'
     "    for line in r.iter_lines():\n"
     "        event = json.loads(line[6:])\n"
     '        if event.get("type") == "message":\n'
     '            print(event["content"])\n',
     [(2, "langdock-sse-loop")]),
    ("content-other-use",
     f'data = requests.post("{LD}/assistant/v1/chat/completions", json=p).json()\n'
     'for msg in data["result"]:\n'
     '    print(len(msg["content"]))\n',
     [(2, "langdock-response-messages"), (3, "langdock-response-messages")]),
    ("system-role",
     f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": a,\n'
     '    "messages": [{"role": "system", "content": "Be brief."}]})\n',
     [(2, "langdock-message-parts")]),
]


@pytest.mark.parametrize("code,expected", [c[1:] for c in NOTE_CASES],
                         ids=[c[0] for c in NOTE_CASES])
def test_notes(code, expected):
    result = convert_langdock_python(code)
    assert set(expected) <= {(n.line, n.rule) for n in result.notes}
    assert py_parses(result.output)


UNCHANGED = [
    ("migrated",
     f'r = requests.post("{LD}/agent/v1/chat/completions", json={{"agentId": A, "messages": '
     '[{"id": "m", "role": "user", "parts": [{"type": "text", "text": "hi"}]}]})\n'
     'print(r.json()["messages"][0]["content"])\n'),
    ("unrelated-requests",
     'r = requests.get("https://example.org/api")\ndata = r.json()\nprint(data["result"])\n'),
    ("openai-assistants",
     "run = client.beta.threads.runs.create(thread_id=t.id, assistant_id=assistant.id)\n"),
    ("attachment-upload",
     f'r = requests.post("{LD}/attachment/v1/upload", files={{"file": fh}})\n'
     'attachment_id = r.json()["attachmentId"]\n'),
    ("model-proxy",
     f'r = requests.post("{LD}/anthropic/eu/v1/messages", json=body)\n'),
    ("comments-only", "# langdock notes\n"),
]


@pytest.mark.parametrize("code", [u[1] for u in UNCHANGED], ids=[u[0] for u in UNCHANGED])
def test_unchanged(code):
    result = convert_langdock_python(code)
    assert result.output == code and not result.changed
    assert result.notes == ()


def test_foreign_host_is_noted_not_rewritten():
    code = ('r = requests.post("http://localhost:8080/assistant/v1/chat/completions", '
            'json={"assistantId": "x", "messages": [{"role": "user", "content": "hi"}]})\n')
    result = convert_langdock_python(code)
    assert not result.changed
    [note] = result.notes
    assert (note.line, note.column, note.rule) == (1, 19, "langdock-endpoint-url")


def test_comments_survive_and_values_stay():
    code = ("# talk to Langdock\n"
            f'URL = "{LD}/assistant/v1/chat/completions"  # endpoint\n'
            'payload = {"assistantId": "asst_123",  # the same UUID works for agents\n'
            '           "messages": []}\n')
    result = convert_langdock_python(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        '"assistantId"', '"agentId"')


def test_rewrite_returns_same_module_without_langdock_code():
    module = libcst.parse_module("import os\nprint(os.getcwd())\n")
    new_module, notes = rewrite_langdock_python(module)
    assert new_module is module and notes == []


def test_notes_point_into_given_module():
    code = "\n\n" + 'U = "http://gw.local/assistant/v1/chat/completions"\n'
    _module, notes = rewrite_langdock_python(libcst.parse_module(code))
    assert [(n.line, n.column) for n in notes] == [(3, 5)]


@pytest.mark.parametrize("text,expected", [
    (f'URL = "{LD}/assistant/v1/get"', True),
    ('payload = {"assistantId": x}', True),
    ("# LangDock", True),
    ("import openai", False),
])
def test_looks_like_langdock(text, expected):
    assert looks_like_langdock(text) is expected


def test_registry_lists_documented_rules():
    names = {rule.name for rule in RULES}
    assert len(names) >= 8
    for rule in RULES:
        doc = __import__(rule.apply.__module__, fromlist=["x"]).__doc__
        assert "Before:" in doc and "After:" in doc, rule.name
