"""A request body the JavaScript converter cannot see into (a browser's JSON forwarded by a
server route) is wrapped in `toAgentRequest(...)`, which renames `assistantId`/`assistant`
when the body is sent (js_decide `_request`). Fields the route itself sets on that body
therefore keep their legacy names: renamed in place, the wrapper would overwrite the
route's `agentId` with the client's `assistantId`. Reads that check the client's fields get
an info note, fields Langdock does not document a warning.
"""
from __future__ import annotations

from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

LD = "https://api.langdock.com"
FORWARD = "langdock-forwarded-request"
FIELDS = "langdock-request-fields"
STREAMS = "langdock-stream-consumer"

ROUTE = (
    f'const URL = "{LD}/assistant/v1/chat/completions";\n'
    "export async function POST(req) {\n"
    "  const body = await req.json();\n"
    '  if (!body["assistantId"]) return new Response("no agent", { status: 400 });\n'
    "  body.assistantId = body.assistantId.trim();\n"
    "  body.assistant = undefined;\n"
    "  body.temperature = 0.2;\n"
    '  const upstream = await fetch(URL, { method: "POST", body: JSON.stringify(body) });\n'
    "  return new Response(upstream.body);\n"
    "}\n"
)


def test_fields_a_route_sets_on_a_forwarded_body_keep_their_legacy_names():
    result = convert_javascript(ROUTE)
    head = ROUTE.replace("/assistant/v1/", "/agent/v1/").replace(
        "JSON.stringify(body)", "JSON.stringify(toAgentRequest(body))")
    assert result.output.startswith(head + "\n")
    assert "function toAgentRequest(body) {" in result.output
    assert "function toUIMessages(messages) {" in result.output
    assert _notes(result) == [
        (4, 8, "info", FORWARD),     # the check of the client's `assistantId`
        (5, 3, "info", FORWARD),     # the route's own `assistantId`, converted when sent
        (6, 3, "info", FORWARD),
        (7, 3, "warning", FIELDS),   # `temperature` is no documented request field
        (8, 26, "warning", FORWARD),  # the wrapped body
        (9, 23, "warning", STREAMS),  # the legacy stream passed on
    ]
    messages = [n.message for n in result.notes]
    assert messages[0].startswith("This checks the `assistantId` your own client sends.")
    assert messages[2].startswith("This checks the `assistant` your own client sends.")
    assert messages[3].startswith("`temperature` is not a documented field")
    assert messages[4].startswith("This request body is built outside the code")
    assert js_parses(result.output)
    assert convert_javascript(result.output).output == result.output


def test_fields_set_on_a_body_literal_are_renamed_in_place():
    # the same assignments on a body the converter sees are converted where they stand
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        "const headers = {};\n"
        "headers.Authorization = `Bearer ${process.env.LANGDOCK_API_KEY}`;\n"
        "const body = { messages: [] };\n"
        "body.assistantId = process.env.AGENT_ID;\n"
        "body.maxTokens = 200;\n"
        "await axios.post(URL, body, { headers });\n"
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        "const headers = {};\n"
        "headers.Authorization = `Bearer ${process.env.LANGDOCK_API_KEY}`;\n"
        "const body = { messages: [] };\n"
        "body.agentId = process.env.AGENT_ID;\n"
        "body.maxTokens = 200;\n"
        "await axios.post(URL, body, { headers });\n"
    )
    assert _notes(result) == [(6, 1, "warning", FIELDS)]
    assert result.notes[0].message.startswith("`maxTokens` is not a documented field")


def _notes(result) -> list[tuple[int, int, str, str]]:
    return [(n.line, n.column, n.severity, n.rule) for n in result.notes]


def test_checks_of_the_clients_fields_by_subscript_or_member_get_an_info_note():
    code = (
        f'const URL = "{LD}/assistant/v1/chat/completions";\n'
        'app.post("/chat", async (req, res) => {\n'
        '  if (!req.body["assistantId"] && !req.body.assistant) return res.sendStatus(400);\n'
        "  const { data } = await axios.post(URL, req.body);\n"
        "  res.json(data);\n"
        "});\n"
    )
    result = convert_javascript(code)
    assert result.output.startswith(
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        'app.post("/chat", async (req, res) => {\n'
        '  if (!req.body["assistantId"] && !req.body.assistant) return res.sendStatus(400);\n'
        "  const { data } = await axios.post(URL, toAgentRequest(req.body));\n"
        "  res.json(data);\n"
        "});\n"
    )
    assert _notes(result) == [(3, 8, "info", FORWARD), (3, 36, "info", FORWARD),
                              (4, 26, "warning", FORWARD)]
    assert "`assistantId`" in result.notes[0].message
    assert "`assistant`" in result.notes[1].message
