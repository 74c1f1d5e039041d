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


def test_bodies_and_messages_already_going_through_the_helpers_are_left_alone():
    # half-migrated: the helpers (the user's own versions) are in place, one URL is not
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def to_ui_messages(messages):\n"
            '    return [dict(m, id=f"msg_{i}") for i, m in enumerate(messages)]\n'
            "\n\n"
            "def to_agent_request(body):\n"
            "    body = dict(body)\n"
            '    body["messages"] = to_ui_messages(body.get("messages") or [])\n'
            "    return body\n"
            "\n\n"
            "def forward(body):\n"
            "    return requests.post(URL, json=to_agent_request(body))\n"
            "\n\n"
            "def ask(history):\n"
            '    return requests.post(URL, json={"assistantId": "a1", '
            '"messages": to_ui_messages(history)})\n')
    result = converted(code)
    assert result.output == code.replace(CHAT_OLD, CHAT_NEW).replace(
        '{"assistantId": "a1"', '{"agentId": "a1"')
    assert result.notes == ()


def test_a_second_run_keeps_the_literals_of_a_wrapped_forwarder_s_callers():
    # the first run wraps `body` (one caller is unseen) and leaves the callers' dicts
    # as the client's; a second run must leave them too, not rename their keys
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def ask(body):\n"
            "    return requests.post(URL, json=body)\n"
            "\n\n"
            'ask({"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n'
            "ask(request_body)\n")
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW + "\n\n"
        "def ask(body):\n"
        "    return requests.post(URL, json=to_agent_request(body))\n"
        "\n\n"
        'ask({"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n'
        "ask(request_body)\n")
    assert_notes(result, [(7, "warning", FWD, FORWARDED_BODY)])


def test_locals_a_shared_default_and_subscript_assignments_inside_a_function():
    code = ("import requests\n\n" + CHAT_OLD
            + 'DEFAULT = {"assistantId": "a1", "messages": [{"role": "user", "content": "Hi"}]}\n'
            "requests.post(URL, json=DEFAULT)\n"
            "\n\n"
            "def ask(question, message, key):\n"
            '    first = {"role": "user", "content": question}\n'
            '    older = [{"role": "assistant", "content": "Earlier"}]\n'
            "    body = DEFAULT\n"
            "    if question:\n"
            '        body = {"assistantId": "a1", "messages": [message, first]}\n'
            '    body["messages"] = older + [first]\n'
            '    body["messages"].append(message)\n'
            "    body[key] = 1\n"
            "    return requests.post(URL, json=body)\n")
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW
        + 'DEFAULT = {"agentId": "a1", "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": "Hi"}]}]}\n'
        "requests.post(URL, json=DEFAULT)\n"
        "\n\n"
        "def ask(question, message, key):\n"
        '    first = {"id": "msg_1", "role": "user", '
        '"parts": [{"type": "text", "text": question}]}\n'
        '    older = [{"id": "msg_2", "role": "assistant", '
        '"parts": [{"type": "text", "text": "Earlier"}]}]\n'
        "    body = DEFAULT\n"
        "    if question:\n"
        '        body = {"agentId": "a1", "messages": to_ui_messages([message, first])}\n'
        '    body["messages"] = older + [first]\n'
        '    body["messages"].append(message)\n'
        "    body[key] = 1\n"
        "    return requests.post(URL, json=body)\n")
    # `body[key]` names no field: no note for it
    assert_notes(result, [(4, "info", PARTS, IDS), (13, "warning", FWD, FORWARDED_MESSAGES)])


def test_checks_of_the_client_s_agent_keys_on_a_forwarded_body_are_noted():
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def proxy(incoming):\n"
            '    if "assistantId" not in incoming and "assistant" not in incoming:\n'
            '        raise ValueError("no assistant")\n'
            '    if incoming.get("stream"):\n'
            "        pass\n"
            '    agent = incoming.get("assistantId")\n'
            "    return requests.post(URL, json=incoming)\n")
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW + "\n\n"
        "def proxy(incoming):\n"
        '    if "assistantId" not in incoming and "assistant" not in incoming:\n'
        '        raise ValueError("no assistant")\n'
        '    if incoming.get("stream"):\n'
        "        pass\n"
        '    agent = incoming.get("assistantId")\n'
        "    return requests.post(URL, json=to_agent_request(incoming))\n")
    assert_notes(result, [
        (7, "info", FWD, "This checks the `assistantId` your own client sends."),
        (7, "info", FWD, "This checks the `assistant` your own client sends."),
        (11, "info", FWD, "This checks the `assistantId` your own client sends."),
        (12, "warning", FWD, FORWARDED_BODY),
    ])


def test_keyword_only_bodies_are_unseen_even_when_the_caller_passes_a_literal():
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def ask(*, body):\n"
            "    return requests.post(URL, json=body)\n"
            "\n\n"
            'ask(body={"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n')
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW + "\n\n"
        "def ask(*, body):\n"
        "    return requests.post(URL, json=to_agent_request(body))\n"
        "\n\n"
        'ask(body={"agentId": "a", "messages": [{"role": "user", "content": "one"}]})\n')
    assert_notes(result, [(7, "warning", FWD, FORWARDED_BODY)])


def test_a_forwarder_with_a_keyword_only_override_keeps_its_positional_callers_dicts():
    code = ("import requests\n\n" + CHAT_OLD + "\n\n"
            "def forward(payload, *, override=None):\n"
            "    body = override\n"
            "    if body is None:\n"
            "        body = payload\n"
            "    return requests.post(URL, json=body)\n"
            "\n\n"
            'forward({"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n'
            "forward(request_body)\n")
    result = converted(code)
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW + "\n\n"
        "def forward(payload, *, override=None):\n"
        "    body = override\n"
        "    if body is None:\n"
        "        body = payload\n"
        "    return requests.post(URL, json=to_agent_request(body))\n"
        "\n\n"
        'forward({"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n'
        "forward(request_body)\n")
    assert_notes(result, [(10, "warning", FWD, FORWARDED_BODY)])


def test_a_bodyless_request_to_an_unseen_url_does_not_count_as_a_chat_call():
    # the only request goes to a URL the module does not show: reading `result` tells it
    # is the chat endpoint, renamed with a note that says so
    code = ("import requests\n\n"
            'LANGDOCK_KEY = "x"\n'
            "\n\n"
            "def ask(url):\n"
            '    return requests.post(url, headers={"Authorization": LANGDOCK_KEY}).json()["result"]\n')
    result = converted(code)
    assert result.output == code.replace('["result"]', '["messages"]')
    assert_notes(result, [
        (7, "info", "langdock-response-messages", "The agent endpoint answers with `messages`"),
        (7, "info", "langdock-untraced-read", "This reads `result` from the answer of a request "
                                              "whose URL the converter"),
    ])


def test_messages_passed_to_siblings_that_send_them_are_converted_in_every_caller():
    api = ("import requests\n\n"
           "from relay import relay\n\n" + CHAT_OLD + "\n\n"
           "def send(history):\n"
           '    return requests.post(URL, json={"assistantId": "a", "messages": history})\n'
           "\n\n"
           'relay([{"role": "user", "content": "ping"}])\n')
    relay = ("import requests\n\n" + CHAT_OLD + "\n\n"
             "def relay(messages):\n"
             '    return requests.post(URL, json={"assistantId": "a", "messages": messages})\n')
    models = ("import requests\n\n"
              'MODELS = "https://api.langdock.com/assistant/v1/models"\n'
              "requests.get(MODELS)\n")
    app = ("from api import send\n\n"
           'MODELS = "https://api.langdock.com/assistant/v1/models"\n'
           'send([{"role": "user", "content": "Hi"}])\n'
           "send(load_history())\n"
           "send()\n")
    results = convert_files({"api.py": api, "relay.py": relay, "models.py": models,
                             "app.py": app})
    assert results["api.py"].output == (
        "import requests\n\n"
        "from relay import relay\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW + "\n\n"
        "def send(history):\n"
        '    return requests.post(URL, json={"agentId": "a", "messages": to_ui_messages(history)})\n'
        "\n\n"
        'relay([{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "ping"}]}])\n')
    assert_notes(results["api.py"], [(9, "warning", FWD, FORWARDED_MESSAGES),
                                      (12, "info", PARTS, IDS)])
    assert results["models.py"].output == models.replace("/assistant/v1/", "/agent/v1/")
    assert results["models.py"].notes == ()
    # what app.py passes is converted where it is written; the unseen value is left to
    # the wrapper in api.py (no second wrapper here)
    assert results["app.py"].output == (
        "from api import send\n\n"
        'MODELS = "https://api.langdock.com/agent/v1/models"\n'
        'send([{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]}])\n'
        "send(load_history())\n"
        "send()\n")
    assert_notes(results["app.py"], [(4, "info", PARTS, IDS)])
