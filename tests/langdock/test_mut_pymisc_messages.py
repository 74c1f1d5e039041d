"""Message dicts of a Python chat request (rule `langdock-message-parts`) and bodies
the request flow recognises only by their keys."""
from __future__ import annotations

from _pymisc_kit import CHAT_NEW, CHAT_OLD, IDS, assert_notes, converted

PARTS = "langdock-message-parts"
FIELDS = "langdock-request-fields"


def test_every_kind_of_legacy_message_in_one_history():
    code = ("import requests\n\n" + CHAT_OLD
            + "history = [\n"
            '    {"id": "msg_0", "role": "user", "content": "Hi"},\n'
            '    {"""role""": "assistant", """content""": "Hello"},\n'
            '    {"role": "system", "content": "Be brief.", "attachmentIds": ["f1"], '
            '"metadata": {"k": 1}},\n'
            '    {"role": "tool", "content": "42"},\n'
            '    {"role": "user", "content": [{"type": "text", "text": "x"}]},\n'
            '    {"role": "user", "content": "y", "parts": []},\n'
            '    {"role": "user"},\n'
            '    {"role": "user", "content": "z", "attachments": ["f2"]},\n'
            "]\n"
            'requests.post(URL, json={"assistantId": "a1", "messages": history})\n')
    result = converted(code)
    assert result.output == (
        "import requests\n\n" + CHAT_NEW
        + "history = [\n"
        # an id in use is kept and skipped when numbering the others
        '    {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "Hi"}]},\n'
        # keys the converter writes use plain double quotes next to a triple-quoted key
        '    {"id": "msg_1", """role""": "assistant", '
        '"""parts""": [{"type": "text", "text": "Hello"}]},\n'
        # `metadata` exists: `attachmentIds` is not moved into it
        '    {"id": "msg_2", "role": "system", "parts": [{"type": "text", "text": "Be brief."}], '
        '"attachmentIds": ["f1"], "metadata": {"k": 1}},\n'
        '    {"id": "msg_3", "role": "tool", "parts": [{"type": "text", "text": "42"}]},\n'
        '    {"role": "user", "content": [{"type": "text", "text": "x"}]},\n'
        '    {"role": "user", "content": "y", "parts": []},\n'
        '    {"role": "user"},\n'
        '    {"id": "msg_4", "role": "user", "parts": [{"type": "text", "text": "z"}], '
        '"attachments": ["f2"]},\n'
        "]\n"
        'requests.post(URL, json={"agentId": "a1", "messages": history})\n')
    assert_notes(result, [
        (5, "info", PARTS, IDS),
        (7, "warning", PARTS, '`role: "system"` is not part of the legacy schema'),
        (7, "warning", PARTS, "This message already has `metadata`; move the `attachmentIds`"),
        (8, "warning", PARTS, "A `tool` message with string content has no UI-message"),
        (9, "warning", PARTS, "This message's `content` is not a string"),
        (10, "warning", PARTS, "This message has both `content` and `parts`"),
        (12, "warning", FIELDS, "`attachments` is not a field Langdock reads on a message"),
    ])


def test_a_body_known_only_by_its_agent_key_makes_an_unseen_url_a_chat_call():
    # five names away the URL-independent check gives up; the request flow goes further
    code = ("import requests\n\n\n"
            "def ask(url):\n"
            '    d = {"assistantId": "a1", "temperature": 0.1}\n'
            "    c1 = d\n    c2 = c1\n    c3 = c2\n    c4 = c3\n    c5 = c4\n"
            "    return requests.post(url, json=c5)\n")
    result = converted(code)
    assert result.output == code.replace('"assistantId"', '"agentId"')
    assert_notes(result, [
        (5, "warning", FIELDS, "`temperature` is not a documented field of "
                               "`/agent/v1/chat/completions` (documented: agentId"),
    ])
