"""Python Langdock code where the data decides: answers followed from the chat
call, requests built outside the literal, run-time ids, notes for what stays."""
from __future__ import annotations

import ast

import libcst
import pytest
from _langdock_kit import py_parses

from helpers.langdock.python_requests import convert_langdock_python
from helpers.payloads.models.langdock import AgentChatRequest

LD = "https://api.langdock.com"


def convert(code: str):
    result = convert_langdock_python(code)
    assert py_parses(result.output)
    again = convert_langdock_python(result.output)
    assert again.output == result.output, "converting twice must change nothing"
    return result


def rules_at(result) -> set[tuple[int, str]]:
    return {(n.line, n.rule) for n in result.notes}


def test_answer_read_in_a_helper_that_takes_the_response():
    code = ("import requests\n\n\n"
            "def text_of(response):\n"
            '    return response["result"][0]["content"][0]["text"]\n\n\n'
            f'r = requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": []}})\n'
            "print(text_of(r.json()))\n")
    result = convert(code)
    assert '    return langdock_text(response["messages"][0])\n' in result.output
    assert result.output.count("def langdock_text(message):") == 1
    # the helper sits after the imports, before its first use
    assert result.output.index("def langdock_text") < result.output.index("def text_of")


def test_answer_returned_by_another_function():
    code = ("import requests\n\n\n"
            "def ask(body):\n"
            f'    return requests.post("{LD}/assistant/v1/chat/completions", json=body).json()\n\n\n'
            'answer = ask({"assistantId": A, "messages": [{"role": "user", "content": "Hi"}]})\n'
            'print(answer.get("result", []))\n')
    result = convert(code)
    assert 'print(answer.get("messages", []))\n' in result.output
    # every caller passes a literal: the literal is converted, nothing is wrapped
    assert ('answer = ask({"agentId": A, "messages": [{"id": "msg_0", "role": "user", '
            '"parts": [{"type": "text", "text": "Hi"}]}]})\n') in result.output
    assert "to_agent_request" not in result.output


def test_upload_response_and_parsed_file_are_not_chat_answers():
    code = ("import json\n\nimport requests\n\n"
            f'r = requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": []}})\n'
            f'up = requests.post("{LD}/attachment/v1/upload", files={{"file": fh}}).json()\n'
            'print(up.get("result"))\n'
            "report = json.loads(text)\n"
            'print(report["result"])\n')
    result = convert(code)
    assert 'print(up.get("result"))\n' in result.output
    assert 'print(report["result"])\n' in result.output
    # the parsed text may be a cached answer: said, not rewritten; the upload is silent
    assert (9, "langdock-untraced-read") in rules_at(result)
    assert not any(n.line == 7 for n in result.notes)


def test_unrelated_data_variable_keeps_its_result():
    code = ("import requests\n\n\n"
            "def ask(q):\n"
            f'    r = requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": []}})\n'
            '    return r.json()["result"]\n\n\n'
            "def stats():\n"
            '    data = requests.get("https://metrics.example.org/api").json()\n'
            '    return data["result"]\n')
    result = convert(code)
    assert '    return r.json()["messages"]\n' in result.output
    assert '    return data["result"]\n' in result.output


def test_messages_built_in_a_loop_get_run_time_ids():
    code = ("import requests\n\nmsgs = []\nfor turn in history:\n"
            '    msgs.append({"role": turn["role"], "content": turn["text"]})\n'
            f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": msgs}})\n')
    result = convert(code)
    assert ('    msgs.append({"id": str(uuid.uuid4()), "role": turn["role"], '
            '"parts": [{"type": "text", "text": turn["text"]}]})\n') in result.output
    assert result.output.startswith("import requests\nimport uuid\n")


def test_comprehension_messages_reuse_an_existing_uuid_import():
    code = ("import uuid\n\nimport requests\n\n"
            'body = {"assistantId": A, "messages": [{"role": r, "content": c} for r, c in turns]}\n'
            f'requests.post("{LD}/assistant/v1/chat/completions", json=body)\n')
    result = convert(code)
    assert result.output.count("import uuid") == 1
    assert '[{"id": str(uuid.uuid4()), "role": r, "parts": [{"type": "text", "text": c}]} for r, c in turns]' in result.output


def test_literal_lists_keep_deterministic_ids():
    code = (f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": [\n'
            '    {"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]})\n')
    result = convert(code)
    assert '"id": "msg_0"' in result.output and '"id": "msg_1"' in result.output
    assert "uuid" not in result.output


def test_subscript_assignments_on_the_request():
    code = ("import requests\n\n"
            'payload = {"messages": [{"role": "user", "content": q}]}\n'
            'payload["assistantId"] = A\n'
            'payload["assistant"] = {"name": "Helper", "instructions": "Be brief."}\n'
            'payload["messages"][0]["attachmentIds"] = [file_id]\n'
            f'requests.post("{LD}/assistant/v1/chat/completions", json=payload)\n')
    result = convert(code)
    assert result.output.splitlines()[3:6] == [
        'payload["agentId"] = A',
        'payload["agent"] = {"name": "Helper", "instructions": "Be brief."}',
        'payload["messages"][0].setdefault("metadata", {})["attachments"] = [file_id]',
    ]


def test_assistant_key_on_an_unrelated_dict_stays():
    code = ("import requests\n\nsettings = {}\n"
            'settings["assistant"] = "default"\n'
            f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": []}})\n')
    result = convert(code)
    assert 'settings["assistant"] = "default"\n' in result.output


def test_forwarded_browser_body_is_converted_when_sent():
    code = ("import requests\nfrom flask import request\n\n\n"
            '@app.post("/chat")\ndef chat():\n'
            "    body = request.get_json()\n"
            '    if "assistantId" not in body:\n'
            '        return {"error": "missing"}, 400\n'
            f'    return requests.post("{LD}/assistant/v1/chat/completions", json=body).json()\n')
    result = convert(code)
    assert "json=to_agent_request(body)" in result.output
    assert "def to_agent_request(body):" in result.output and "def to_ui_messages(" in result.output
    # a note where it is forwarded and one where the client's key is checked
    assert {(10, "langdock-forwarded-request"), (8, "langdock-forwarded-request")} <= rules_at(result)
    assert '    if "assistantId" not in body:\n' in result.output


def test_messages_from_a_parameter_are_converted_when_sent():
    code = ("import requests\n\n\ndef ask(history):\n"
            f'    return requests.post("{LD}/assistant/v1/chat/completions",\n'
            '                         json={"assistantId": A, "messages": history})\n')
    result = convert(code)
    assert 'json={"agentId": A, "messages": to_ui_messages(history)})' in result.output
    assert "to_agent_request" not in result.output
    assert (6, "langdock-forwarded-request") in rules_at(result)


def test_already_migrated_forwarding_comes_back_unchanged():
    code = ("import requests\n\n\ndef ask(history):\n"
            f'    return requests.post("{LD}/agent/v1/chat/completions",\n'
            '                         json={"agentId": A, "messages": history})\n')
    result = convert_langdock_python(code)
    assert result.output == code and not result.changed


@pytest.mark.parametrize("code", [
    ("import httpx\n\n"
     f'with httpx.stream("POST", "{LD}/assistant/v1/chat/completions",\n'
     '                  json={"assistantId": A, "messages": [{"role": "user", "content": q}], "stream": True}) as r:\n'
     "    pass\n"),
    ("import json\n\nimport requests\n\n"
     f'requests.post("{LD}/assistant/v1/chat/completions", stream=True,\n'
     '              data=json.dumps({"assistantId": A, "messages": [{"role": "user", "content": q}]}))\n'),
], ids=["httpx-stream", "requests-data-json-dumps"])
def test_bodies_inside_streaming_calls(code):
    result = convert(code)
    assert '"agentId": A' in result.output
    assert '{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": q}]}' in result.output


def test_get_url_from_environment_and_query_string():
    code = ("import os\nfrom urllib.parse import urlencode\n\nimport requests\n\n"
            'url = os.environ["LANGDOCK_GET_URL"] + "?" + urlencode({"assistantId": aid})\n'
            "agent = requests.get(url).json()\n")
    result = convert(code)
    assert 'urlencode({"agentId": aid})' in result.output
    [note] = [n for n in result.notes if n.rule == "langdock-env-url"]
    assert note.line == 6 and "LANGDOCK_GET_URL" in note.message


def test_env_default_rewritten_and_noted():
    code = ("import os\n\nimport requests\n\n"
            f'URL = os.getenv("LANGDOCK_URL", "{LD}/assistant/v1/chat/completions")\n'
            'requests.post(URL, json={"assistantId": A, "messages": []})\n')
    result = convert(code)
    assert f'"{LD}/agent/v1/chat/completions"' in result.output
    [note] = [n for n in result.notes if n.rule == "langdock-env-url"]
    assert note.line == 5 and "LANGDOCK_URL" in note.message and ".env" in note.message


def test_undocumented_root_fields_and_misnamed_attachments_are_noted():
    code = (f'requests.post("{LD}/assistant/v1/chat/completions", json={{\n'
            '    "assistantId": A,\n'
            '    "temperature": 0.2,\n'
            '    "max_tokens": 500,\n'
            '    "messages": [{"role": "user", "content": q, "attachments": [fid]}],\n'
            "})\n")
    result = convert(code)
    fields = {n.line for n in result.notes if n.rule == "langdock-request-fields"}
    assert fields == {3, 4, 5}
    assert '"temperature": 0.2' in result.output  # carried over, not dropped


def test_stream_consumers_are_noted():
    code = ("import json\n\nimport requests\nfrom fastapi.responses import StreamingResponse\n\n"
            f'r = requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": [], "stream": True}}, stream=True)\n'
            'proxy = StreamingResponse(r.iter_lines(), media_type="text/event-stream")\n'
            "for line in r.iter_lines():\n"
            '    if line.startswith("0:"):\n'
            "        print(json.loads(line[2:]))\n"
            "    chunk = json.loads(line[6:])\n"
            '    print(chunk["choices"][0]["delta"]["content"])\n')
    result = convert(code)
    streams = {n.line: n.message for n in result.notes if n.rule == "langdock-stream-consumer"}
    assert set(streams) == {7, 9, 12}
    assert "x-vercel-ai-ui-message-stream" in streams[7]
    assert "AI SDK 4 data stream" in streams[9]
    assert "text-delta" in streams[12]


def test_legacy_sse_loop_reads_the_new_events():
    code = (f'with requests.post("{LD}/assistant/v1/chat/completions", json=body, stream=True) as r:\n'
            "    for line in r.iter_lines(decode_unicode=True):\n"
            "        event = json.loads(line[6:])\n"
            '        if event["type"] == "message":\n'
            '            print(event["content"], end="")\n'
            '        elif event.get("type") == "done":\n'
            "            break\n")
    result = convert(code)
    assert ('        if event["type"] == "text-delta":\n'
            '            print(event["delta"], end="")\n'
            '        elif event.get("type") == "finish":\n'
            "            break\n") in result.output
    assert (2, "langdock-sse-loop") in rules_at(result)


def _helpers(output: str) -> dict:
    """The helper functions the converter wrote (our own generated code), loaded."""
    tree = ast.parse(output)
    namespace: dict = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in (
            "langdock_text", "langdock_parts", "to_ui_messages", "to_agent_request"
        ):
            exec(compile(ast.Module([node], []), "<helper>", "exec"), namespace)  # noqa: S102
    return namespace


def test_written_helpers_do_what_they_say():
    code = ("import requests\n\n\ndef forward(body):\n"
            f'    r = requests.post("{LD}/assistant/v1/chat/completions", json=body)\n'
            '    return r.json()["result"][0]["content"][0]["text"]\n')
    helpers = _helpers(convert(code).output)
    legacy = {"assistantId": "7d1f", "stream": True, "messages": [
        {"role": "user", "content": "Hi", "attachmentIds": ["f1"]},
        {"id": "m9", "role": "user", "parts": [{"type": "text", "text": "new"}]}]}
    converted = helpers["to_agent_request"](legacy)
    AgentChatRequest.model_validate(converted)
    assert converted["agentId"] == "7d1f" and "assistantId" not in converted
    assert converted["messages"][0] == {"id": "msg_0", "role": "user", "metadata": {"attachments": ["f1"]},
                                        "parts": [{"type": "text", "text": "Hi"}]}
    assert converted["messages"][1]["id"] == "m9"
    assert helpers["to_agent_request"](converted) == converted  # already new: unchanged
    text = helpers["langdock_text"]
    assert text({"role": "assistant", "content": "plain"}) == "plain"
    assert text({"role": "assistant", "parts": [{"type": "step-start"}, {"type": "text", "text": "a"},
                                                {"type": "text", "text": "b"}]}) == "ab"


def test_notes_are_located_in_the_input():
    code = "\n\n" + ("import requests\n"
                     f'requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, '
                     '"messages": [], "temperature": 1})\n')
    [note] = [n for n in convert(code).notes if n.rule == "langdock-request-fields"]
    line = code.splitlines()[3]
    assert (note.line, note.column) == (4, line.index('"temperature"') + 1)


def test_helpers_follow_a_module_docstring_and_future_import():
    code = ('"""Tool."""\nfrom __future__ import annotations\n\nimport requests\n'
            "def f(r):\n"
            '    return r.json()["result"][0]["content"][0]["text"]\n'
            f'f(requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": []}}))\n')
    result = convert(code)
    module = libcst.parse_module(result.output)
    names = [type(s).__name__ for s in module.body]
    assert names[:4] == ["SimpleStatementLine", "SimpleStatementLine", "SimpleStatementLine", "FunctionDef"]
    assert result.output.startswith('"""Tool."""\nfrom __future__ import annotations\n\nimport requests\n')


def test_loop_over_a_message_parts_reads_parts_in_both_shapes():
    code = ("import requests\n\n"
            f'resp = requests.post("{LD}/assistant/v1/chat/completions", json={{"assistantId": A, "messages": []}})\n'
            'text = ""\n'
            'for msg in resp.json()["result"]:\n'
            '    for part in msg["content"]:\n'
            '        if part["type"] == "text":\n'
            '            text += part["text"]\n')
    result = convert(code)
    assert '    for part in langdock_parts(msg):\n' in result.output
    helpers = _helpers(result.output)
    parts = helpers["langdock_parts"]
    assert parts({"content": "x"}) == [{"type": "text", "text": "x"}]
    assert parts({"parts": [{"type": "reasoning", "text": "r"}]}) == [{"type": "reasoning", "text": "r"}]


def test_appends_onto_the_request_and_urls_held_by_the_instance():
    code = ("import requests\n\n\nclass Bot:\n"
            "    def __init__(self, base):\n"
            '        self.url = f"{base}/assistant/v1/chat/completions"\n'
            "        self.session = requests.Session()\n\n"
            "    def ask(self, q):\n"
            '        payload = {"assistantId": A, "messages": []}\n'
            '        payload["messages"].append({"role": "user", "content": q})\n'
            "        r = self.session.post(self.url, json=payload)\n"
            '        return r.json()["result"][0]["content"][0]["text"]\n')
    result = convert(code)
    assert ('        payload["messages"].append({"id": "msg_0", "role": "user", '
            '"parts": [{"type": "text", "text": q}]})\n') in result.output
    assert '        return langdock_text(r.json()["messages"][0])\n' in result.output


def test_sse_loop_that_never_stops_is_only_noted():
    code = (f'with requests.post("{LD}/assistant/v1/chat/completions", json=body, stream=True) as r:\n'
            "    for line in r.iter_lines():\n"
            "        event = json.loads(line[6:])\n"
            '        if event["type"] == "message":\n'
            '            print(event["content"])\n')
    result = convert(code)
    # rewriting would reach `data: [DONE]` (not JSON) and crash: keep it, say why
    assert '        if event["type"] == "message":\n' in result.output
    [note] = [n for n in result.notes if n.rule == "langdock-sse-loop"]
    assert "[DONE]" in note.message and note.line == 2
