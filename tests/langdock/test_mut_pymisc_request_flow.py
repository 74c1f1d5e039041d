"""How far a Python chat body or message list is followed back (py_requests_flow):
names, chains of names, `await`, `+`, subscript assignments, starred elements and
sibling modules. What the module shows is converted in place; what it does not
show is wrapped in the run-time helper, with a note that says so."""
from __future__ import annotations

from _pymisc_kit import (
    CHAT_NEW,
    CHAT_OLD,
    FORWARDED_BODY,
    FORWARDED_MESSAGES,
    IDS,
    TO_AGENT_REQUEST,
    TO_UI_MESSAGES,
    assert_notes,
    converted,
)

from helpers.langdock.folder import convert_files

FWD = "langdock-forwarded-request"
FIELDS = "langdock-request-fields"
PARTS = "langdock-message-parts"


def _chain(last: str) -> str:
    return ("import requests\n\n" + CHAT_OLD
            + 'b0 = {"assistantId": "a1", "messages": [{"role": "user", "content": "Hi"}]}\n'
            + "".join(f"b{i} = b{i - 1}\n" for i in range(1, 8))
            + f"requests.post(URL, json={last})\n")


def test_a_body_five_names_away_is_still_converted_in_place():
    result = converted(_chain("b5"))
    assert result.output == (
        "import requests\n\n" + CHAT_NEW
        + 'b0 = {"agentId": "a1", "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": "Hi"}]}]}\n'
        + "".join(f"b{i} = b{i - 1}\n" for i in range(1, 8))
        + "requests.post(URL, json=b5)\n")
    assert_notes(result, [(4, "info", PARTS, IDS)])


def test_a_body_six_names_away_is_too_far_and_is_converted_at_run_time():
    # the seventh step (b0's dict) is past the depth the converter follows
    result = converted(_chain("b6"))
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW
        + 'b0 = {"agentId": "a1", "messages": [{"role": "user", "content": "Hi"}]}\n'
        + "".join(f"b{i} = b{i - 1}\n" for i in range(1, 8))
        + "requests.post(URL, json=to_agent_request(b6))\n")
    assert_notes(result, [(12, "warning", FWD, FORWARDED_BODY)])


def test_awaited_builders_and_self_extending_lists_are_followed():
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "async def build():\n"
            '    return {"assistantId": "a1", "messages": [{"role": "user", "content": "Hi"}]}\n'
            "\n\n"
            "async def ask(client):\n"
            '    history = [{"role": "user", "content": "Hi"}]\n'
            '    history = history + [{"role": "assistant", "content": "Hello"}]\n'
            '    requests.post(URL, json={"assistantId": "a1", "messages": history})\n'
            "    requests.post(URL)\n"
            "    return await client.post(URL, json=await build())\n")
    result = converted(code)
    assert result.output == (
        "import requests\n\n" + CHAT_NEW + "\n\n"
        "async def build():\n"
        '    return {"agentId": "a1", "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": "Hi"}]}]}\n'
        "\n\n"
        "async def ask(client):\n"
        '    history = [{"id": "msg_1", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}]\n'
        '    history = history + [{"id": "msg_2", "role": "assistant", '
        '"parts": [{"type": "text", "text": "Hello"}]}]\n'
        '    requests.post(URL, json={"agentId": "a1", "messages": history})\n'
        "    requests.post(URL)\n"
        "    return await client.post(URL, json=await build())\n")
    # the note sits at the first message the request flow met (the first call's)
    assert_notes(result, [(11, "info", PARTS, IDS)])


def test_message_lists_with_unseen_parts_are_wrapped_whatever_their_shape():
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def ask(message, history, body):\n"
            '    requests.post(URL, json={"assistantId": "a1", "messages": [message]})\n'
            '    requests.post(URL, json={"assistantId": "a1", "messages": '
            '[*history, {"role": "user", "content": "x"}]})\n'
            '    requests.post(URL, json={"assistantId": "a1", "messages": history or []})\n'
            '    requests.post(URL, json={"assistantId": "a1", '
            '"messages": history if history else []})\n'
            '    requests.post(URL, json={"assistantId": "a1", "messages": (message,)})\n'
            "    requests.post(URL, json=body or {})\n")
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW + "\n\n"
        "def ask(message, history, body):\n"
        '    requests.post(URL, json={"agentId": "a1", "messages": to_ui_messages([message])})\n'
        '    requests.post(URL, json={"agentId": "a1", "messages": to_ui_messages('
        '[*history, {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "x"}]}])})\n'
        '    requests.post(URL, json={"agentId": "a1", "messages": to_ui_messages(history or [])})\n'
        '    requests.post(URL, json={"agentId": "a1", '
        '"messages": to_ui_messages(history if history else [])})\n'
        '    requests.post(URL, json={"agentId": "a1", "messages": to_ui_messages((message,))})\n'
        "    requests.post(URL, json=to_agent_request(body or {}))\n")
    assert_notes(result, [
        (7, "warning", FWD, FORWARDED_MESSAGES),
        (8, "warning", FWD, FORWARDED_MESSAGES),
        (8, "info", PARTS, IDS),
        (9, "warning", FWD, FORWARDED_MESSAGES),
        (10, "warning", FWD, FORWARDED_MESSAGES),
        (11, "warning", FWD, FORWARDED_MESSAGES),
        (12, "warning", FWD, FORWARDED_BODY),
    ])


def test_fields_set_by_subscript_on_a_shared_body():
    code = ("import requests\n\n" + CHAT_OLD
            + 'BASE = {"assistantId": "a1"}\n'
            "\n\n"
            "def ask(extra):\n"
            "    body = BASE\n"
            '    body["messages"] = [{"role": "user", "content": "Hello"}] + extra\n'
            '    body["assistant"] = {"name": "x"}\n'
            '    body["temperature"] = 0.2\n'
            '    body["attachmentIds"] = ["f1"]\n'
            "    return requests.post(URL, json=body)\n")
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW
        + 'BASE = {"agentId": "a1"}\n'
        "\n\n"
        "def ask(extra):\n"
        "    body = BASE\n"
        '    body["messages"] = to_ui_messages([{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": "Hello"}]}] + extra)\n'
        '    body["agent"] = {"name": "x"}\n'
        '    body["temperature"] = 0.2\n'
        '    body["attachmentIds"] = ["f1"]\n'
        "    return requests.post(URL, json=body)\n")
    assert_notes(result, [
        (9, "warning", FWD, FORWARDED_MESSAGES),
        (9, "info", PARTS, IDS),
        (11, "warning", FIELDS, "`temperature` is not a documented field"),
        (12, "warning", FIELDS, "`attachmentIds` is not a documented field"),
    ])


API = ("import requests\n\n" + CHAT_OLD + "\n\n"
       "def send(history, *, question):\n"
       '    return requests.post(URL, json={"assistantId": "a", "messages": history + [question]})\n')


def test_a_sibling_s_positional_messages_are_converted_where_they_are_written():
    app = ("from api import send\n\n"
           'send([{"role": "user", "content": "Hi"}], question={"role": "user", "content": "Go"})\n'
           'send(question={"role": "user", "content": "x"})\n')
    results = convert_files({"api.py": API, "app.py": app})
    assert results["api.py"].output == (
        "import requests\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW + "\n\n"
        "def send(history, *, question):\n"
        '    return requests.post(URL, json={"agentId": "a", '
        '"messages": to_ui_messages(history + [question])})\n')
    assert_notes(results["api.py"], [(7, "warning", FWD, FORWARDED_MESSAGES)])
    # the keyword-only `question` has no position to follow: it stays for the wrapper
    assert results["app.py"].output == (
        "from api import send\n\n"
        'send([{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}], '
        'question={"role": "user", "content": "Go"})\n'
        'send(question={"role": "user", "content": "x"})\n')
    assert_notes(results["app.py"], [(3, "info", PARTS, IDS)])
