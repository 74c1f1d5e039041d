"""Request bodies the JavaScript converter meets outside the simple `{ assistantId, messages }`
literal (js_decide `_request`, `_member_assignments`, `_reads`): a management payload filled
by member assignment, a Koa body (`ctx.request.body`) and a list mapped with a named function
(both wrapped, since no literal can be converted), and an unrelated `content[0].text` read
that must stay as it is.
"""
from __future__ import annotations

from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

FORWARD = "langdock-forwarded-request"
ENDPOINT = "langdock-endpoint-url"
ANSWER = "langdock-response-messages"

CODE = (
    'const LD = "https://api.langdock.com";\n'
    "const payload = {};\n"
    "payload.assistantId = agentId;\n"
    "payload.disabled = true;\n"
    "await axios.patch(`${LD}/assistant/v1/disable`, payload);\n"
    'const doc = JSON.parse(fs.readFileSync("page.json", "utf8"));\n'
    "console.log(doc.content[0].text);\n"
    "function toMessage(t) {\n"
    '  return { role: "user", content: t };\n'
    "}\n"
    'router.post("/chat", async (ctx) => {\n'
    "  const r = await axios.post(`${LD}/assistant/v1/chat/completions`, ctx.request.body);\n"
    "  const s = await axios.post(`${LD}/assistant/v1/chat/completions`, "
    '{ assistantId: "a", messages: texts.map(toMessage) });\n'
    "  ctx.body = s.data.result;\n"
    "});\n"
)


def test_management_payload_koa_body_and_mapped_messages():
    result = convert_javascript(CODE)
    head = (
        'const LD = "https://api.langdock.com";\n'
        "const payload = {};\n"
        "payload.agentId = agentId;\n"
        "payload.disabled = true;\n"
        "await axios.patch(`${LD}/agent/v1/disable`, payload);\n"
        'const doc = JSON.parse(fs.readFileSync("page.json", "utf8"));\n'
        "console.log(doc.content[0].text);\n"
        "function toMessage(t) {\n"
        '  return { role: "user", content: t };\n'
        "}\n"
        'router.post("/chat", async (ctx) => {\n'
        "  const r = await axios.post(`${LD}/agent/v1/chat/completions`, "
        "toAgentRequest(ctx.request.body));\n"
        "  const s = await axios.post(`${LD}/agent/v1/chat/completions`, "
        '{ agentId: "a", messages: toUIMessages(texts.map(toMessage)) });\n'
        "  ctx.body = s.data.messages;\n"
        "});\n"
    )
    assert result.output.startswith(head + "\n")
    assert "function toAgentRequest(body) {" in result.output
    assert "function toUIMessages(messages) {" in result.output
    assert [(n.line, n.column, n.severity, n.rule) for n in result.notes] == [
        (5, 19, "info", ENDPOINT),
        (12, 19, "warning", FORWARD),
        (13, 99, "warning", FORWARD),
        (14, 14, "info", ANSWER),
    ]
    assert result.notes[1].message.startswith("This request body is built outside")
    assert result.notes[2].message.startswith("These messages come from outside")
    assert js_parses(result.output)
    assert convert_javascript(result.output).output == result.output


def test_result_of_a_request_to_an_unseen_url_is_assumed_to_be_a_chat_answer():
    code = ("const url = process.env.LANGDOCK_URL;\n"
            'const r = await axios.post(url, { query: "x" });\n'
            "console.log(r.data.result);\n")
    result = convert_javascript(code)
    assert result.output == code.replace("r.data.result", "r.data.messages")
    assert [(n.line, n.column, n.severity, n.rule) for n in result.notes] == [
        (1, 13, "warning", "langdock-env-url"),
        (3, 13, "info", ANSWER),
        (3, 13, "info", "langdock-untraced-read"),
    ]
    assert result.notes[0].message.startswith("The Langdock URL comes from `LANGDOCK_URL`")
    assert result.notes[2].message.startswith(
        "This reads `result` from the answer of a request whose URL the converter cannot see.")


UNTRACED = "langdock-untraced-read"
UNTRACED_START = ("This reads `result`, but the converter could not follow this value back to "
                  "a Langdock chat call")


def test_result_of_a_cached_answer_is_noted_not_renamed():
    # with no chat call in the file the read is only possibly an answer: info
    code = ('const models = await axios.get("https://api.langdock.com/assistant/v1/models");\n'
            'const saved = JSON.parse(await fs.promises.readFile("answer.json", "utf8"));\n'
            "console.log(saved.result);\n")
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/")
    assert [(n.line, n.column, n.severity, n.rule) for n in result.notes] == [
        (3, 13, "info", UNTRACED)]
    assert result.notes[0].message.startswith(UNTRACED_START)


def test_a_second_body_sent_by_the_same_name_is_converted_too():
    # `body` is the literal already sent above or a stricter one; both are requests, and
    # messages pushed from a `function` callback get run-time ids
    code = (
        'const URL = "https://api.langdock.com/assistant/v1/chat/completions";\n'
        "const history = [];\n"
        'items.forEach(function (t) { history.push({ role: "user", content: t }); });\n'
        'const base = { assistantId: "a", messages: history };\n'
        "await axios.post(URL, base);\n"
        "let body = base;\n"
        'if (strict) body = { assistantId: "b", temperature: 0, messages: [] };\n'
        "const res = await axios.post(URL, body);\n"
        "const cached = await mystery.json();\n"
        "console.log(res.data.result, cached.result);\n"
    )
    result = convert_javascript(code)
    assert result.output == (
        'const URL = "https://api.langdock.com/agent/v1/chat/completions";\n'
        "const history = [];\n"
        "items.forEach(function (t) { history.push({ id: crypto.randomUUID(), role: \"user\", "
        'parts: [{ type: "text", text: t }] }); });\n'
        'const base = { agentId: "a", messages: history };\n'
        "await axios.post(URL, base);\n"
        "let body = base;\n"
        'if (strict) body = { agentId: "b", temperature: 0, messages: [] };\n'
        "const res = await axios.post(URL, body);\n"
        "const cached = await mystery.json();\n"
        "console.log(res.data.messages, cached.result);\n"
    )
    assert [(n.line, n.column, n.severity, n.rule) for n in result.notes] == [
        (3, 43, "info", "langdock-message-parts"),
        (7, 40, "warning", "langdock-request-fields"),
        (10, 30, "warning", UNTRACED),  # a chat call is in the file: more likely an answer
        (10, 13, "info", ANSWER),
    ]
    assert result.notes[2].message.startswith(UNTRACED_START)
