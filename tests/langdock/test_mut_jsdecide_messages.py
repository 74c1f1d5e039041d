"""How the JavaScript converter decides which message literals it rewrites (js_decide):
messages returned by a factory get an id made at run time, literals written once get
deterministic ids, comments inside a message array are no messages, and messages already
handed to `toUIMessages(...)` are not wrapped a second time.

Expected values follow the reference (langdock-aisdk.md, 3.2): an agent message is
`{id, role, parts: [{type: "text", text}]}`; the ids inserted for a literal written once
are `msg_<n>` in source order.
"""
from __future__ import annotations

from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

LD = "https://api.langdock.com"
PARTS = "langdock-message-parts"
FORWARD = "langdock-forwarded-request"


def _notes(result) -> list[tuple[int, int, str, str]]:
    return [(n.line, n.column, n.severity, n.rule) for n in result.notes]


def test_factories_get_run_time_ids_and_literals_written_once_get_msg_ids():
    # `ask` (an arrow returning an object) and `reply` (a function returning one) build a
    # message per call; the comment in the array is no message, and the plain function
    # named `push` is no array push
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        'const ask = (q) => ({ role: "user", content: q });\n'
        "function reply(a) {\n"
        '  return { role: "assistant", content: a };\n'
        "}\n"
        "function push(m) { return m; }\n"
        "const history = [\n"
        "  // earlier turns\n"
        '  reply("hello"),\n'
        '  ask("hi"),\n'
        '  { role: "user", content: "bye" },\n'
        "];\n"
        "push(history);\n"
        'const res = await axios.post(URL, { assistantId: "a", messages: history });\n'
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        'const ask = (q) => ({ id: crypto.randomUUID(), role: "user", '
        'parts: [{ type: "text", text: q }] });\n'
        "function reply(a) {\n"
        '  return { id: crypto.randomUUID(), role: "assistant", '
        'parts: [{ type: "text", text: a }] };\n'
        "}\n"
        "function push(m) { return m; }\n"
        "const history = [\n"
        "  // earlier turns\n"
        '  reply("hello"),\n'
        '  ask("hi"),\n'
        '  { id: "msg_0", role: "user", parts: [{ type: "text", text: "bye" }] },\n'
        "];\n"
        "push(history);\n"
        'const res = await axios.post(URL, { agentId: "a", messages: history });\n'
    )
    assert _notes(result) == [(4, 10, "info", PARTS), (11, 3, "info", PARTS)]
    assert "generated at run time" in result.notes[0].message
    assert "deterministic ids" in result.notes[1].message
    assert js_parses(result.output)
    assert convert_javascript(result.output).output == result.output


def test_an_arrow_factory_outside_any_call_is_still_a_factory():
    # the arrow is assigned, not passed as a callback: only its returned object makes it
    # a factory, so its message gets a run-time id while the literal beside it gets msg_0
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        'const make = (t) => ({ role: "user", content: t });\n'
        'await axios.post(URL, { assistantId: "a", messages: [make("hi"), '
        '{ role: "assistant", content: "ok" }] });\n'
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        'const make = (t) => ({ id: crypto.randomUUID(), role: "user", '
        'parts: [{ type: "text", text: t }] });\n'
        'await axios.post(URL, { agentId: "a", messages: [make("hi"), '
        '{ id: "msg_0", role: "assistant", parts: [{ type: "text", text: "ok" }] }] });\n'
    )
    assert _notes(result) == [(2, 22, "info", PARTS), (3, 66, "info", PARTS)]


def test_messages_already_passed_to_to_ui_messages_are_not_wrapped_again():
    # half-migrated: one call already converts its forwarded messages with the helper,
    # the other still forwards them raw
    helper = (
        "\nfunction toUIMessages(messages) {\n"
        "  return messages.map((message, index) => message.parts ? message : {\n"
        "    id: message.id ?? `msg_${index}`,\n"
        "    role: message.role,\n"
        '    parts: [{ type: "text", text: message.content ?? "" }],\n'
        "  });\n"
        "}\n"
    )
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "export async function first(messages) {\n"
        '  return axios.post(URL, { assistantId: "a", messages: toUIMessages(messages) });\n'
        "}\n"
        "export async function second(messages) {\n"
        '  return axios.post(URL, { assistantId: "a", messages });\n'
        "}\n"
        + helper
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        "export async function first(messages) {\n"
        '  return axios.post(URL, { agentId: "a", messages: toUIMessages(messages) });\n'
        "}\n"
        "export async function second(messages) {\n"
        '  return axios.post(URL, { agentId: "a", messages: toUIMessages(messages) });\n'
        "}\n"
        + helper
    )
    assert _notes(result) == [(6, 46, "warning", FORWARD)]
    assert convert_javascript(result.output).output == result.output


def test_a_message_written_once_inside_an_arrow_function_gets_a_msg_id():
    # built once per call of `ask`: a fixed id is unique in its request; the ones pushed
    # from a `forEach` callback are built many times and get a run-time id
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "const ask = async (q, extra) => {\n"
        '  const history = [{ role: "user", content: q }];\n'
        '  extra.forEach((e) => history.push({ role: "user", content: e }));\n'
        '  return axios.post(URL, { assistantId: "a", messages: history });\n'
        "};\n"
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        "const ask = async (q, extra) => {\n"
        '  const history = [{ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }];\n'
        '  extra.forEach((e) => history.push({ id: crypto.randomUUID(), role: "user", '
        'parts: [{ type: "text", text: e }] }));\n'
        '  return axios.post(URL, { agentId: "a", messages: history });\n'
        "};\n"
    )
    assert _notes(result) == [(3, 20, "info", PARTS), (4, 37, "info", PARTS)]


def test_messages_set_on_a_body_sent_twice_are_wrapped_once():
    # a retry sends the same body again: its forwarded messages get one wrapper and one note
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "export async function ask(req) {\n"
        '  const body = { assistantId: "a" };\n'
        "  body.messages = req.body.messages;\n"
        "  const first = await axios.post(URL, body);\n"
        "  if (first.status === 200) return first;\n"
        "  return axios.post(URL, body);\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output.startswith(
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        "export async function ask(req) {\n"
        '  const body = { agentId: "a" };\n'
        "  body.messages = toUIMessages(req.body.messages);\n"
        "  const first = await axios.post(URL, body);\n"
        "  if (first.status === 200) return first;\n"
        "  return axios.post(URL, body);\n"
        "}\n\n"
    )
    assert result.output.count("toUIMessages(") == 2  # the call and the helper's definition
    assert _notes(result) == [(4, 19, "warning", FORWARD)]


def test_objects_returned_by_a_function_expression_callback_are_messages():
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        'await axios.post(URL, { assistantId: "a", messages: texts.map(function (t) '
        '{ return { role: "user", content: t }; }) });\n'
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        'await axios.post(URL, { agentId: "a", messages: texts.map(function (t) '
        '{ return { id: crypto.randomUUID(), role: "user", '
        'parts: [{ type: "text", text: t }] }; }) });\n'
    )
    assert _notes(result) == [(2, 85, "info", PARTS)]


def test_a_function_or_method_inside_a_callback_writes_its_message_once_per_call():
    # the nearest function decides: a declared function or a method builds one message
    # per call, even when it sits inside a route callback or an object a callback builds
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        'app.post("/chat", async (req, res) => {\n'
        "  function firstTurn(q) {\n"
        '    return axios.post(URL, { assistantId: "a", messages: [{ role: "user", content: q }] });\n'
        "  }\n"
        "  res.json((await firstTurn(req.body.q)).data);\n"
        "});\n"
        "export const handlers = routes.map((route) => ({\n"
        "  async chat(q) {\n"
        '    return axios.post(URL, { assistantId: "a", messages: [{ role: "user", content: q }] });\n'
        "  },\n"
        "}));\n"
    )
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        '{ assistantId: "a", messages: [{ role: "user", content: q }] }',
        '{ agentId: "a", messages: [{ id: "msg_0", role: "user", '
        'parts: [{ type: "text", text: q }] }] }', 1).replace(
        '{ assistantId: "a", messages: [{ role: "user", content: q }] }',
        '{ agentId: "a", messages: [{ id: "msg_1", role: "user", '
        'parts: [{ type: "text", text: q }] }] }', 1)
    assert _notes(result) == [(4, 59, "info", PARTS)]
