"""Python Langdock rules on less common shapes: lists grown with insert/extend and in
loops, both agent keys in one request, `.get("assistant")` on a get response, a legacy
stream loop that reads `event.get("content")`, and byte strings (never URLs to rewrite)."""
from __future__ import annotations

from _pymisc_kit import (
    CHAT_NEW,
    CHAT_OLD,
    FORWARDED_MESSAGES,
    IDS,
    TO_UI_MESSAGES,
    assert_notes,
    converted,
)

PARTS = "langdock-message-parts"
RUNTIME = "Messages built in a loop or a factory now get an id generated at run time"


def test_grown_lists_both_agent_keys_and_a_get_response():
    code = ("import json\n\nimport requests\n\n" + CHAT_OLD
            + 'RAW = b"https://api.langdock.com/assistant/v1/models"\n'
            'history = [{"role": "user", "content": "Hi"}]\n'
            'history.insert(0, {"role": "user", "content": "First"})\n'
            'history.extend([{"role": "assistant", "content": "Ok"}])\n'
            'for q in ["a", "b"]:\n'
            '    history.append({"role": "user", "content": q})\n'
            'history += [{"role": "user", "content": x} for x in ["c"]]\n'
            'requests.post(URL, json={"assistantId": "a", "assistant": {"name": "x"}, '
            '"messages": history})\n'
            'info = requests.get("https://api.langdock.com/assistant/v1/get", '
            'params={"assistantId": "a"}).json()\n'
            'name = info.get("assistant")["name"]\n')
    result = converted(code)
    assert result.output == (
        "import json\n\nimport requests\nimport uuid\n\n" + CHAT_NEW
        + 'RAW = b"https://api.langdock.com/assistant/v1/models"\n'
        'history = [{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}]\n'
        'history.insert(0, {"id": "msg_1", "role": "user", '
        '"parts": [{"type": "text", "text": "First"}]})\n'
        'history.extend([{"id": "msg_2", "role": "assistant", '
        '"parts": [{"type": "text", "text": "Ok"}]}])\n'
        'for q in ["a", "b"]:\n'
        '    history.append({"id": str(uuid.uuid4()), "role": "user", '
        '"parts": [{"type": "text", "text": q}]})\n'
        'history += [{"id": str(uuid.uuid4()), "role": "user", '
        '"parts": [{"type": "text", "text": x}]} for x in ["c"]]\n'
        'requests.post(URL, json={"agentId": "a", "agent": {"name": "x"}, '
        '"messages": history})\n'
        'info = requests.get("https://api.langdock.com/agent/v1/get", '
        'params={"agentId": "a"}).json()\n'
        'name = info.get("agent")["name"]\n')
    assert_notes(result, [
        (7, "info", PARTS, IDS),
        (11, "info", PARTS, RUNTIME),
        (13, "error", "langdock-temporary-agent",
         "The request names an agent id and a temporary agent config"),
    ])


def test_a_legacy_stream_loop_that_reads_the_event_with_get():
    code = ("import json\n\nimport requests\n\n" + CHAT_OLD + "\n\n"
            "def ask(q):\n"
            '    r = requests.post(URL, json={"assistantId": "a", '
            '"messages": [{"role": "user", "content": q}], "stream": True}, stream=True)\n'
            "    for line in r.iter_lines():\n"
            "        event = json.loads(line[6:])\n"
            '        if event["type"] == "message":\n'
            "            print(event.get('content'), end=\"\")\n"
            '        elif event["type"] == "done":\n'
            "            return\n")
    result = converted(code)
    assert result.output == (
        "import json\n\nimport requests\n\n" + CHAT_NEW + "\n\n"
        "def ask(q):\n"
        '    r = requests.post(URL, json={"agentId": "a", "messages": [{"id": "msg_0", '
        '"role": "user", "parts": [{"type": "text", "text": q}]}], "stream": True}, '
        "stream=True)\n"
        "    for line in r.iter_lines():\n"
        "        event = json.loads(line[6:])\n"
        '        if event["type"] == "text-delta":\n'
        "            print(event.get('delta'), end=\"\")\n"
        '        elif event["type"] == "finish":\n'
        "            return\n")
    assert_notes(result, [
        (9, "info", PARTS, IDS),
        (10, "warning", "langdock-sse-loop", "This loop parsed the legacy stream; it now reads "
                                            "the AI SDK 5 UI message stream"),
    ])


def test_a_list_extended_by_a_value_the_module_does_not_build_is_converted_at_run_time():
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def ask(saved, question):\n"
            '    history = [{"role": "user", "content": question}]\n'
            "    history.extend(saved)\n"
            '    return requests.post(URL, json={"assistantId": "a", "messages": history})\n')
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW + "\n\n"
        "def ask(saved, question):\n"
        '    history = [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": question}]}]\n'
        "    history.extend(saved)\n"
        '    return requests.post(URL, json={"agentId": "a", '
        '"messages": to_ui_messages(history)})\n')
    assert_notes(result, [
        (7, "info", PARTS, IDS),
        (9, "warning", "langdock-forwarded-request", FORWARDED_MESSAGES),
    ])
