"""What the JavaScript converter decides about a whole file (`js_facts`): whether it
is Langdock code at all, which literals are Langdock URLs, which objects are chat
requests and which message literals they send."""
from __future__ import annotations

import pytest

from helpers.langdock import advice
from helpers.langdock.javascript import convert_javascript

IDS = (1, "info", "langdock-message-parts", advice.DETERMINISTIC_IDS)
REQUEST = 'const body = {{ agentId: {agent}, messages: [{{ role: "user", content: q }}] }};\n'
CONVERTED = ('const body = {{ agentId: {agent}, messages: [{{ id: "msg_0", role: "user", '
             'parts: [{{ type: "text", text: q }}] }}] }};\n')


@pytest.mark.parametrize("lead,agent", [
    ("// Send the question to LangDock\n", "AGENT_ID"),  # the name, any capitalisation
    ('const defaultAssistant = "7d1f";\n', "defaultAssistant"),  # an identifier
    ("config.assistantKey = key;\n", "key"),  # a property
    ("const { assistant: cfg } = settings;\n", "id"),  # a destructured property
])
def test_half_migrated_request_in_langdock_code_gets_ui_messages(lead, agent):
    code = lead + REQUEST.format(agent=agent)
    result = convert_javascript(code)
    assert result.output == lead + CONVERTED.format(agent=agent)
    column = REQUEST.format(agent=agent).index("{ role") + 1
    assert [(n.line, n.column, n.severity, n.rule, n.message) for n in result.notes] == [
        (2, column, *IDS[1:])]


def test_shorthand_assistant_id_marks_langdock_code():
    code = 'const body = { assistantId, messages: [{ role: "user", content: q }] };\n'
    result = convert_javascript(code)
    assert result.output == (
        'const body = { agentId: assistantId, messages: [{ id: "msg_0", role: "user", '
        'parts: [{ type: "text", text: q }] }] };\n')


def test_the_same_request_without_any_langdock_sign_is_left_alone():
    code = "// Send the question to the model\n" + REQUEST.format(agent="AGENT_ID")
    result = convert_javascript(code)
    assert (result.output, result.notes) == (code, ())


def test_a_query_key_literal_is_renamed_only_in_langdock_code():
    plain = 'const url = BASE + "?assistantId=" + id;\n'
    assert convert_javascript(plain).output == plain
    code = f'const BASE = "https://api.langdock.com/assistant/v1/get";\n{plain}'
    assert convert_javascript(code).output == (
        'const BASE = "https://api.langdock.com/agent/v1/get";\n'
        'const url = BASE + "?agentId=" + id;\n')


def test_a_path_on_a_foreign_host_makes_foreign_code_nothing_renamed():
    code = ('await fetch("https://gateway.example.com/assistant/v1/chat/completions", '
            '{ body: JSON.stringify({ assistantId: id, messages: [{ role: "user", '
            "content: q }] }) });\n")
    result = convert_javascript(code)
    assert result.output == code
    assert [(n.line, n.column, n.severity, n.rule, n.message) for n in result.notes] == [
        (1, 13, "warning", "langdock-endpoint-url",
         advice.FOREIGN_HOST.format(host="gateway.example.com"))]


def test_messages_pushed_onto_the_sent_array_are_converted_others_not():
    code = """const history = [];
history.push({ role: "user", content: q }, { role: "assistant", content: a });
history.unshift({ role: "user", content: first });
messages.unshift({ role: "system", content: s });
const body = { assistantId: id, messages: history };
router.push({ role: "x", content: y });
"""
    result = convert_javascript(code)
    assert result.output == """const history = [];
history.push({ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }, { id: "msg_1", role: "assistant", parts: [{ type: "text", text: a }] });
history.unshift({ id: "msg_2", role: "user", parts: [{ type: "text", text: first }] });
messages.unshift({ role: "system", content: s });
const body = { agentId: id, messages: history };
router.push({ role: "x", content: y });
"""  # noqa: E501
    assert [(n.line, n.column, n.rule) for n in result.notes] == [
        (2, 14, "langdock-message-parts")]


def test_already_new_chat_url_still_converts_a_legacy_message_list():
    code = ('const r = await fetch("https://api.langdock.com/agent/v1/chat/completions", '
            '{ method: "POST", body: JSON.stringify({ messages: [{ role: "user", content: q }] '
            "}) });\n")
    result = convert_javascript(code)
    assert result.output == code.replace(
        '{ role: "user", content: q }',
        '{ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }')


def test_only_objects_sent_or_naming_an_agent_are_requests():
    code = (
        'await axios.post("https://api.langdock.com/assistant/v1/chat/completions", '
        '{ assistantId: id, messages: [{ role: "user", content: q }] });\n'
        'const draft = { messages: [{ role: "user", content: q }] };\n'
        "const recent = { assistantId: id, messages: history.slice(-10) };\n"
    )
    result = convert_javascript(code)
    assert result.output == (
        'await axios.post("https://api.langdock.com/agent/v1/chat/completions", '
        '{ agentId: id, messages: [{ id: "msg_0", role: "user", parts: [{ type: "text", '
        'text: q }] }] });\n'
        'const draft = { messages: [{ role: "user", content: q }] };\n'
        "const recent = { agentId: id, messages: history.slice(-10) };\n"
    )
    assert [(n.line, n.column, n.rule) for n in result.notes] == [
        (1, 106, "langdock-message-parts")]


def test_names_reused_across_functions_do_not_send_the_lookup_in_circles():
    # `messages` -> `history` -> `messages`: the same names declared in two functions
    code = """function toRequest(history) {
  const messages = history;
  return { assistantId: ASSISTANT, messages };
}
function archive(messages) {
  const history = messages;
  save(history);
}
"""
    result = convert_javascript(code)
    assert result.output == code.replace("{ assistantId: ASSISTANT,", "{ agentId: ASSISTANT,")
    assert result.notes == ()


def test_a_deeply_nested_draft_with_messages_is_not_a_request():
    code = """const URL = "https://api.langdock.com/assistant/v1/chat/completions";
export async function drafts(items) {
  if (items.length) {
    for (const item of items) {
      const draft = { messages: [{ role: "user", content: item.text }] };
      localStorage.setItem(item.id, JSON.stringify(draft));
    }
  }
}
"""
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/")
    assert result.notes == ()


def test_only_a_chat_url_makes_the_object_posted_to_it_a_request():
    # a loop of aliases leads to no URL; `/agent/v1/get` is not the chat endpoint
    code = """// Langdock helpers
let primary = fallback;
let fallback = primary;
await postJson(primary, { messages: [{ role: "user", content: q }] });
await postJson("https://api.langdock.com/agent/v1/get", { messages: [{ role: "user", content: q }] });
await postJson("https://api.langdock.com/agent/v1/chat/completions", { messages: [{ role: "user", content: q }] });
"""  # noqa: E501
    result = convert_javascript(code)
    last = code.splitlines()[-1]
    assert result.output == code.replace(last, last.replace(
        '{ role: "user", content: q }',
        '{ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }'))
    assert [(n.line, n.column, n.rule) for n in result.notes] == [
        (6, 83, "langdock-message-parts")]
