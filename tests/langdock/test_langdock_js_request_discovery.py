"""How the JavaScript converter finds chat requests the value flow does not see on its own:
bodies handed to the project's own client function together with a chat URL, bodies sent
to a URL that comes from the environment, and answers assigned inside a function to a
variable declared outside it.

Expected values follow the reference (langdock-aisdk.md, 3.2-3.4): agent messages carry
an `id` and text `parts`; the answer lists `messages` instead of `result`.
"""
from __future__ import annotations

import pytest
from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

LD = "https://api.langdock.com"
UNTRACED = "langdock-untraced-read"


def _rules(result) -> list[str]:
    return [n.rule for n in result.notes]


def test_bodies_passed_with_a_chat_url_to_an_own_client_function_are_converted():
    # `send` is no HTTP call the converter knows; its first argument being the chat URL
    # (a literal, a constant, a concatenation, an already-new URL) makes the object a request
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        'const history = [{ role: "user", content: "a" }];\n'
        'history.push({ role: "assistant", content: "b" });\n'
        "send(URL, { messages: history });\n"
        'const messages = [{ role: "user", content: "c" }];\n'
        'send(BASE + "/assistant/v1/chat/completions", { messages });\n'
        f'send("{LD}/agent/v1/chat/completions", '
        '{ messages: [{ role: "user", content: "d" }] });\n'
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        'const history = [{ id: "msg_0", role: "user", parts: [{ type: "text", text: "a" }] }];\n'
        'history.push({ id: "msg_1", role: "assistant", parts: [{ type: "text", text: "b" }] });\n'
        "send(URL, { messages: history });\n"
        'const messages = [{ id: "msg_2", role: "user", parts: [{ type: "text", text: "c" }] }];\n'
        'send(BASE + "/agent/v1/chat/completions", { messages });\n'
        f'send("{LD}/agent/v1/chat/completions", {{ messages: [{{ id: "msg_3", role: "user", '
        'parts: [{ type: "text", text: "d" }] }] });\n'
    )
    assert js_parses(result.output)
    assert convert_javascript(result.output).output == result.output


def test_messages_sent_to_another_endpoint_are_not_chat_messages():
    code = (f'send("{LD}/assistant/v1/models", '
            '{ messages: [{ role: "user", content: "e" }] });\n'
            'const url = "https://example.org/chat";\n'
            'send(url, { messages: [{ role: "user", content: "f" }] });\n')
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/models", "/agent/v1/models")
    assert "langdock-message-parts" not in _rules(result)


@pytest.mark.parametrize("key", ["messages", "assistantId", "agentId", "assistant", "agent"])
def test_a_chat_shaped_body_makes_a_request_to_an_unseen_url_a_chat_request(key):
    # the URL comes from the environment; the body's keys tell it is a chat request, so
    # reading `result` needs no "could not see the URL" note
    code = (
        "const url = process.env.LANGDOCK_URL;\n"
        f"const payload = {{ {key}: x }};\n"
        "const r = await axios.post(url, payload);\n"
        "console.log(r.data.result);\n"
        f"const s = await axios.post(url, {{ {key}: x }});\n"
        "console.log(s.data.result);\n"
    )
    result = convert_javascript(code)
    assert "console.log(r.data.messages);\nconst s" in result.output
    assert result.output.endswith("console.log(s.data.messages);\n")
    assert UNTRACED not in _rules(result)


def test_a_body_without_chat_keys_leaves_the_read_marked_as_untraced():
    code = ("const url = process.env.LANGDOCK_URL;\n"
            'const r = await axios.post(url, { name: "x" });\n'
            "console.log(r.data.result);\n")
    result = convert_javascript(code)
    assert result.output.endswith("console.log(r.data.messages);\n")
    assert [(n.line, n.rule) for n in result.notes if n.rule == UNTRACED] == [(3, UNTRACED)]


def test_answer_assigned_inside_a_function_reaches_the_outer_variable():
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "let res;\n"
        "async function load() {\n"
        '  res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
        "}\n"
        "console.log(res.data.result[0].content[0].text);\n"
    )
    result = convert_javascript(code)
    assert (
        "async function load() {\n"
        '  res = await axios.post(URL, { agentId: "a", messages: [] });\n'
        "}\n"
        "console.log(langdockText(res.data.messages[0]));\n"
    ) in result.output
    assert UNTRACED not in _rules(result)


# (id, environment read, variable name the note gives)
ENV_READS = [
    ("process-env-member", "process.env.LD_URL", "LD_URL"),
    ("process-env-subscript", 'process.env["LD_B"]', "LD_B"),
    ("deno-env-get", 'Deno.env.get("LD_C")', "LD_C"),
    ("name-ending-in-x", 'Deno.env.get("LD_BOX")', "LD_BOX"),
    ("import-meta-env", "import.meta.env.VITE_LD", "VITE_LD"),
]


@pytest.mark.parametrize("read,name", [e[1:] for e in ENV_READS], ids=[e[0] for e in ENV_READS])
def test_env_default_note_names_the_variable(read, name):
    code = f'const base = {read} || "{LD}/assistant/v1/chat/completions";\n'
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/")
    [note] = result.notes
    assert (note.line, note.column, note.severity, note.rule) == (1, 14, "warning",
                                                                  "langdock-env-url")
    assert note.message.startswith(f"The default of `{name}` was changed to `/agent/v1/`")


@pytest.mark.parametrize("read,name", [e[1:] for e in ENV_READS], ids=[e[0] for e in ENV_READS])
def test_env_url_note_names_the_variable(read, name):
    code = (f"const url = {read};\n"
            'await fetch(url, { method: "POST", body: JSON.stringify({ assistantId: "a" }) });\n')
    result = convert_javascript(code)
    env = [n for n in result.notes if n.rule == "langdock-env-url"]
    assert [(n.line, n.column) for n in env] == [(1, 13)]
    assert env[0].message.startswith(f"The Langdock URL comes from `{name}`, which is set")


def test_parsed_unknown_value_is_untraced_but_parsed_non_response_is_not_an_answer():
    code = (
        f'const r = await axios.post("{LD}/assistant/v1/chat/completions", '
        '{ assistantId: "a", messages: [] });\n'
        "const j = await mystery.json();\n"
        "console.log(j.result);\n"
        "const k = await r.data.json();\n"
        "console.log(k.result);\n"
    )
    result = convert_javascript(code)
    assert result.output.endswith("console.log(j.result);\nconst k = await r.data.json();\n"
                                  "console.log(k.result);\n")
    assert [(n.line, n.rule) for n in result.notes] == [(3, UNTRACED)]


def test_answer_returned_by_a_method_is_followed_through_this_only():
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "class Client {\n"
        '  async ask() { const r = await axios.post(URL, { assistantId: "a", messages: [] }); '
        "return r.data; }\n"
        "  async show() { const d = await this.ask(); console.log(d.result[0].content[0].text); }\n"
        "  async other(peer) { const e = await peer.ask(); "
        "console.log(e.result[0].content[0].text); }\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert (
        "  async show() { const d = await this.ask(); console.log(langdockText(d.messages[0])); }\n"
        "  async other(peer) { const e = await peer.ask(); "
        "console.log(e.result[0].content[0].text); }\n"
    ) in result.output
    assert [(n.line, n.rule) for n in result.notes if n.rule == UNTRACED] == [(5, UNTRACED)]


def test_returns_of_nested_callbacks_are_not_the_functions_returns():
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "function setup() {\n"
        '  client.on("x", async () => { const r = await axios.post(URL, { assistantId: "a", '
        "messages: [] }); return r.data; });\n"
        "  if (!client) return;\n"
        "  return 1;\n"
        "}\n"
        "const d = setup();\n"
        "console.log(d.result);\n"
    )
    result = convert_javascript(code)
    assert "const d = setup();\nconsole.log(d.result);\n" in result.output


def test_text_read_of_an_answer_assumed_to_be_chat_uses_the_text_helper():
    code = ("const url = process.env.LANGDOCK_URL;\n"
            'const s = await axios.post(url, { name: "x" });\n'
            "console.log(s.data.result[0].content[0].text);\n"
            "console.log(s.status.result);\n")
    result = convert_javascript(code)
    assert result.output.startswith(
        "const url = process.env.LANGDOCK_URL;\n"
        'const s = await axios.post(url, { name: "x" });\n'
        "console.log(langdockText(s.data.messages[0]));\n"
        "console.log(s.status.result);\n")


def test_text_read_of_an_answer_not_known_to_be_chat_is_left_whole():
    # next to a chat call, a request to an unseen URL keeps `result`, so its text read must stay whole too
    code = (f'await axios.post("{LD}/assistant/v1/chat/completions", '
            '{ assistantId: "a", messages: [] });\n'
            "const url = process.env.LANGDOCK_URL;\n"
            'const s = await axios.post(url, { name: "x" });\n'
            "console.log(s.data.result[0].content[0].text);\n")
    result = convert_javascript(code)
    assert "console.log(s.data.result[0].content[0].text);\n" in result.output


def test_body_from_an_unknown_function_is_assumed_chat_only_by_the_reads():
    code = ("const url = process.env.LANGDOCK_URL;\n"
            "const r = await axios.post(url, makeBody());\n"
            "console.log(r.data.result);\n"
            "const meta = r.data.meta;\n"
            "console.log(meta.result);\n")
    result = convert_javascript(code)
    assert result.output == code.replace("r.data.result", "r.data.messages")
    # the read of the answer says it was assumed; `meta.result` is no answer read at all
    assert [(n.line, n.severity) for n in result.notes if n.rule == UNTRACED] == [(3, "info")]
