"""How far the JavaScript converter follows a request body or a message list back to the
literal it rewrites (js_decide `_Sources`): through up to six names, through a function's
returns (also a recursive one), and into `.push(...)` calls on the very array sent.
Past that the value counts as built elsewhere and, in a file that calls the legacy
endpoint, is wrapped in the run-time helper with a warning.
"""
from __future__ import annotations

from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

LD = "https://api.langdock.com"
URL = f'const URL = "{LD}/assistant/v1/chat/completions";\n'
NEW_URL = f'const URL = "{LD}/agent/v1/chat/completions";\n'
PARTS = "langdock-message-parts"
FORWARD = "langdock-forwarded-request"


def _notes(result) -> list[tuple[int, int, str, str]]:
    return [(n.line, n.column, n.severity, n.rule) for n in result.notes]


def _aliases(count: int) -> str:
    """`m0` holds the literal; `m1`..`m<count>` each copy the one before."""
    return "".join(f"const m{i} = m{i - 1};\n" for i in range(1, count + 1))


def test_a_message_list_reached_through_five_names_is_converted():
    code = (URL + 'const m0 = [{ role: "user", content: "hi" }];\n' + _aliases(5)
            + 'await axios.post(URL, { assistantId: "a", messages: m5 });\n')
    result = convert_javascript(code)
    assert result.output == (
        NEW_URL + 'const m0 = [{ id: "msg_0", role: "user", parts: [{ type: "text", text: "hi" }] }];\n'
        + _aliases(5) + 'await axios.post(URL, { agentId: "a", messages: m5 });\n')
    assert _notes(result) == [(2, 13, "info", PARTS)]


def test_a_message_list_six_names_away_is_wrapped_instead():
    code = (URL + 'const m0 = [{ role: "user", content: "hi" }];\n' + _aliases(6)
            + 'await axios.post(URL, { assistantId: "a", messages: m6 });\n')
    result = convert_javascript(code)
    head = (NEW_URL + 'const m0 = [{ role: "user", content: "hi" }];\n' + _aliases(6)
            + 'await axios.post(URL, { agentId: "a", messages: toUIMessages(m6) });\n')
    assert result.output.startswith(head + "\n// Chat messages as the Agents API takes them")
    assert "function toUIMessages(messages) {" in result.output
    assert "function toAgentRequest" not in result.output
    assert _notes(result) == [(9, 53, "warning", FORWARD)]
    assert result.notes[0].message.startswith("These messages come from outside the code")
    assert js_parses(result.output)


def test_a_body_reached_through_three_names_is_converted_in_place():
    code = (URL + 'const base = { assistantId: "a", messages: [] };\n'
            "const b1 = base;\nconst b2 = b1;\nconst b3 = b2;\n"
            "await axios.post(URL, b3);\n")
    result = convert_javascript(code)
    assert result.output == code.replace("assistant/v1", "agent/v1").replace(
        "assistantId", "agentId")
    assert result.notes == ()


def test_a_recursive_body_builder_is_converted_and_wrapped():
    # the function returns either itself (followed until the depth limit, so the value
    # counts as unknown) or a literal (converted in place); the call gets the wrapper,
    # which passes an already converted body through
    code = (URL + "function buildBody(retries) {\n"
            "  if (retries > 0) return buildBody(retries - 1);\n"
            '  return { assistantId: "a", messages: [] };\n'
            "}\n"
            "await axios.post(URL, buildBody(2));\n")
    result = convert_javascript(code)
    head = (NEW_URL + "function buildBody(retries) {\n"
            "  if (retries > 0) return buildBody(retries - 1);\n"
            '  return { agentId: "a", messages: [] };\n'
            "}\n"
            "await axios.post(URL, toAgentRequest(buildBody(2)));\n")
    assert result.output.startswith(head)
    assert "function toAgentRequest(body) {" in result.output
    assert _notes(result) == [(6, 7, "warning", FORWARD)]
    assert result.notes[0].message.startswith("This request body is built outside the code")


def test_only_pushes_and_unshifts_onto_the_array_sent_add_messages():
    code = (URL + 'const history = [{ role: "user", content: "hi" }];\n'
            'history.push({ role: "assistant", content: "hello" });\n'
            'history.unshift({ role: "user", content: "context" });\n'
            'audit.push({ role: "user", content: "logged" });\n'
            'state.queue.push({ role: "user", content: "later" });\n'
            'await axios.post(URL, { assistantId: "a", messages: history });\n')
    result = convert_javascript(code)
    assert result.output == (
        NEW_URL + 'const history = [{ id: "msg_0", role: "user", '
        'parts: [{ type: "text", text: "hi" }] }];\n'
        'history.push({ id: "msg_1", role: "assistant", '
        'parts: [{ type: "text", text: "hello" }] });\n'
        'history.unshift({ id: "msg_2", role: "user", '
        'parts: [{ type: "text", text: "context" }] });\n'
        'audit.push({ role: "user", content: "logged" });\n'
        'state.queue.push({ role: "user", content: "later" });\n'
        'await axios.post(URL, { agentId: "a", messages: history });\n')
    assert _notes(result) == [(2, 18, "info", PARTS)]
    assert convert_javascript(result.output).output == result.output


def test_a_retrying_sender_that_calls_itself_is_wrapped_and_its_caller_kept():
    # `send` passes its own `body` back to itself, so no caller shows the whole value:
    # the send is wrapped and the one literal caller stays in the legacy shape (the
    # wrapper converts it when it is sent)
    code = (URL + "async function send(body, retries = 2) {\n"
            "  try {\n"
            "    return await axios.post(URL, body);\n"
            "  } catch (e) {\n"
            "    if (retries > 0) return send(body, retries - 1);\n"
            "    throw e;\n"
            "  }\n"
            "}\n"
            'await send({ assistantId: "a", messages: [{ role: "user", content: "hi" }] });\n')
    result = convert_javascript(code)
    assert result.output.startswith(
        code.replace("/assistant/v1/", "/agent/v1/").replace(
            "axios.post(URL, body)", "axios.post(URL, toAgentRequest(body))") + "\n")
    assert _notes(result) == [(4, 18, "warning", FORWARD)]


def test_a_function_return_counts_as_one_step_of_the_six():
    # the call, then four names: the literal is six steps away and still converted
    code = (URL + 'const m0 = [{ role: "user", content: "hi" }];\n' + _aliases(4)
            + "function history() { return m4; }\n"
            + 'await axios.post(URL, { assistantId: "a", messages: history() });\n')
    result = convert_javascript(code)
    assert result.output == (
        NEW_URL + 'const m0 = [{ id: "msg_0", role: "user", parts: [{ type: "text", text: "hi" }] }];\n'
        + _aliases(4) + "function history() { return m4; }\n"
        + 'await axios.post(URL, { agentId: "a", messages: history() });\n')
    assert _notes(result) == [(2, 13, "info", PARTS)]


ASK = ("async function ask(opts) {\n"
       '  return axios.post(URL, { assistantId: "a", messages: opts.messages });\n'
       "}\n")
NEW_ASK = ASK.replace("assistantId", "agentId")
SEND = ("async function send(msgs) {\n"
        '  return axios.post(URL, { assistantId: "a", messages: msgs });\n'
        "}\n")
NEW_SEND = SEND.replace("assistantId", "agentId")
LITERAL = 'const m0 = [{ role: "user", content: "hi" }];\n'
NEW_LITERAL = 'const m0 = [{ id: "msg_0", role: "user", parts: [{ type: "text", text: "hi" }] }];\n'


def test_messages_of_every_caller_are_converted_where_the_caller_writes_them():
    # `opts.messages` and `msgs` come from this file's only callers: the caller's list is
    # converted in place (no wrapper); the parameter, the caller's argument and four
    # names are six steps
    for sender, new_sender, call in ((ASK, NEW_ASK, "await ask({ messages: m4 });\n"),
                                     (SEND, NEW_SEND, "await send(m4);\n")):
        code = URL + LITERAL + _aliases(4) + sender + call
        result = convert_javascript(code)
        assert result.output == NEW_URL + NEW_LITERAL + _aliases(4) + new_sender + call
        assert _notes(result) == [(2, 13, "info", PARTS)]


def test_messages_one_name_further_from_the_sender_are_wrapped_by_it():
    code = URL + LITERAL + _aliases(5) + ASK + "await ask({ messages: m5 });\n"
    result = convert_javascript(code)
    assert result.output.startswith(
        NEW_URL + LITERAL + _aliases(5)
        + NEW_ASK.replace("messages: opts.messages", "messages: toUIMessages(opts.messages)")
        + "await ask({ messages: m5 });\n\n")
    assert _notes(result) == [(9, 56, "warning", FORWARD)]
