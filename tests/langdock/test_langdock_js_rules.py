"""Per-rule (before, after) pairs for JavaScript and TypeScript, plus the
inputs that must stay unchanged, idempotence and parse checks."""
from __future__ import annotations

import pytest
from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript
from helpers.langdock.js_rules import RULES

LD = "https://api.langdock.com"

# the helper converted reading code calls, appended once at the end of a file
TEXT_HELPER_JS = """
// Text of an Agents API message: its `content` string or its text `parts`.
function langdockText(message) {
  if (typeof message?.content === "string") return message.content;
  return (message?.parts ?? [])
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("");
}
"""
TEXT_HELPER_TS = TEXT_HELPER_JS.replace("(message)", "(message: any): string").replace(
    "(part)", "(part: any)")

# (id, kind, before, after)
PAIRS = [
    # U1: full URLs, every endpoint, query and fragment kept
    ("url-chat", "javascript",
     f'fetch("{LD}/assistant/v1/chat/completions", opts);\n',
     f'fetch("{LD}/agent/v1/chat/completions", opts);\n'),
    ("url-models", "javascript",
     f"axios.get('{LD}/assistant/v1/models');\n",
     f"axios.get('{LD}/agent/v1/models');\n"),
    ("url-disable", "javascript",
     f'axios.patch("{LD}/assistant/v1/disable", {{ assistantId: id, disabled: true }});\n',
     f'axios.patch("{LD}/agent/v1/disable", {{ agentId: id, disabled: true }});\n'),
    ("url-create-fragment", "javascript",
     f'const u = "{LD}/assistant/v1/create#x";\n',
     f'const u = "{LD}/agent/v1/create#x";\n'),
    ("url-dedicated", "javascript",
     'const u = "https://acme.example.org/api/public/assistant/v1/chat/completions";\n',
     'const u = "https://acme.example.org/api/public/agent/v1/chat/completions";\n'),
    ("url-subdomain", "javascript",
     'const u = "https://acme.langdock.com/api/public/assistant/v1/get?assistantId=" + id;\n',
     'const u = "https://acme.langdock.com/api/public/agent/v1/get?agentId=" + id;\n'),
    ("url-template-query", "typescript",
     "const r = await fetch(`${BASE}/assistant/v1/get?assistantId=${id}&x=1`);\n",
     "const r = await fetch(`${BASE}/agent/v1/get?agentId=${id}&x=1`);\n"),
    ("url-bare-path", "javascript",
     'const langdock = axios.create({ baseURL: BASE });\n'
     'langdock.post("/assistant/v1/chat/completions", { agentId: id, messages: [] });\n',
     'const langdock = axios.create({ baseURL: BASE });\n'
     'langdock.post("/agent/v1/chat/completions", { agentId: id, messages: [] });\n'),
    # B1: wire keys, shorthand keys, quoted keys, params, URLSearchParams
    ("key-params", "javascript",
     f'axios.get("{LD}/assistant/v1/get", {{ params: {{ assistantId }} }});\n',
     f'axios.get("{LD}/agent/v1/get", {{ params: {{ agentId: assistantId }} }});\n'),
    ("key-quoted", "javascript",
     f'axios.patch("{LD}/assistant/v1/update", {{ "assistantId": id, creativity: 0.2 }});\n',
     f'axios.patch("{LD}/agent/v1/update", {{ "agentId": id, creativity: 0.2 }});\n'),
    ("key-search-params", "javascript",
     f'const q = new URLSearchParams(); q.set("x", 1); params.set("assistantId", id);\n'
     f'fetch("{LD}/assistant/v1/get?" + params);\n',
     f'const q = new URLSearchParams(); q.set("x", 1); params.set("agentId", id);\n'
     f'fetch("{LD}/agent/v1/get?" + params);\n'),
    # C1: temporary assistant config
    ("temporary-agent", "typescript",
     f"const body = {{ assistant: {{ name: 'R', instructions: 'Be brief.' }}, messages: [] }};\n"
     f"await fetch('{LD}/assistant/v1/chat/completions', {{ body: JSON.stringify(body) }});\n",
     f"const body = {{ agent: {{ name: 'R', instructions: 'Be brief.' }}, messages: [] }};\n"
     f"await fetch('{LD}/agent/v1/chat/completions', {{ body: JSON.stringify(body) }});\n"),
    # C2-C6: message literals, single quotes kept, shorthand content, attachments
    ("message-inline", "javascript",
     f"axios.post('{LD}/assistant/v1/chat/completions', {{ assistantId: A, "
     "messages: [{ role: 'user', content: q, attachmentIds: ids }] });\n",
     f"axios.post('{LD}/agent/v1/chat/completions', {{ agentId: A, "
     "messages: [{ id: 'msg_0', role: 'user', parts: [{ type: 'text', text: q }], "
     "metadata: { attachments: ids } }] });\n"),
    ("message-shorthand", "javascript",
     f'fetch("{LD}/assistant/v1/chat/completions", {{ body: JSON.stringify({{ messages: '
     '[{ role: "user", content, attachmentIds }] }) });\n',
     f'fetch("{LD}/agent/v1/chat/completions", {{ body: JSON.stringify({{ messages: '
     '[{ id: "msg_0", role: "user", parts: [{ type: "text", text: content }], '
     'metadata: { attachments: attachmentIds } }] }) });\n'),
    ("message-named-array-and-push", "typescript",
     'const history = [{ role: "user", content: "Hi" }];\n'
     'history.push({ role: "assistant", content: answer });\n'
     f'await axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId, messages: history }});\n',
     'const history = [{ id: "msg_0", role: "user", parts: [{ type: "text", text: "Hi" }] }];\n'
     'history.push({ id: "msg_1", role: "assistant", parts: [{ type: "text", text: answer }] });\n'
     f'await axios.post("{LD}/agent/v1/chat/completions", {{ agentId: assistantId, messages: history }});\n'),
    ("message-keeps-existing-id", "javascript",
     f'axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: A, messages: [\n'
     '  { id: "msg_0", role: "user", parts: [{ type: "text", text: "a" }] },\n'
     '  { role: "user", content: "b" },\n'
     ']});\n',
     f'axios.post("{LD}/agent/v1/chat/completions", {{ agentId: A, messages: [\n'
     '  { id: "msg_0", role: "user", parts: [{ type: "text", text: "a" }] },\n'
     '  { id: "msg_1", role: "user", parts: [{ type: "text", text: "b" }] },\n'
     ']});\n'),
    # K1: response reads
    ("result-member", "javascript",
     f'const r = await axios.post("{LD}/assistant/v1/chat/completions", {{ agentId: a, messages: [] }});\n'
     "console.log(r.data.result[0].content[0].text);\n",
     f'const r = await axios.post("{LD}/agent/v1/chat/completions", {{ agentId: a, messages: [] }});\n'
     "console.log(langdockText(r.data.messages[0]));\n" + TEXT_HELPER_JS),
    ("result-subscript", "javascript",
     f'const res = await fetch("{LD}/assistant/v1/chat/completions", o);\n'
     'const body = await res.json();\nconst list = body["result"];\n'
     "const text = list[0].content[0].text;\n",
     f'const res = await fetch("{LD}/agent/v1/chat/completions", o);\n'
     'const body = await res.json();\nconst list = body["messages"];\n'
     "const text = langdockText(list[0]);\n" + TEXT_HELPER_JS),
    ("result-optional-chain", "typescript",
     f'const res = await fetch("{LD}/assistant/v1/chat/completions", o);\n'
     "const text: string = (await res.json()).result?.[0]?.content?.[0]?.text;\n",
     f'const res = await fetch("{LD}/agent/v1/chat/completions", o);\n'
     "const text: string = langdockText((await res.json()).messages?.[0]);\n" + TEXT_HELPER_TS),
    # B3: get/create/update responses
    ("agent-wrapper", "typescript",
     f'const res = await axios.get("{LD}/assistant/v1/get", {{ params: {{ assistantId: id }} }});\n'
     "const name: string = res.data.assistant.name;\n",
     f'const res = await axios.get("{LD}/agent/v1/get", {{ params: {{ agentId: id }} }});\n'
     "const name: string = res.data.agent.name;\n"),
]


@pytest.mark.parametrize("kind,before,after", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_rule_pairs(kind, before, after):
    result = convert_javascript(before, kind=kind)
    assert result.output == after
    assert result.kind == kind
    assert js_parses(result.output, kind)
    again = convert_javascript(result.output, kind=kind)
    assert again.output == result.output and not again.changed


NOTE_CASES = [
    # (id, kind, code, expected (line, rule) notes that must be present)
    ("update-publish", "javascript",
     f'await axios.patch("{LD}/assistant/v1/update", {{ assistantId: id, name }});\n',
     [(1, "langdock-publish-after-update")]),
    ("unknown-host", "javascript",
     "fetch(`${BASE}/assistant/v1/chat/completions`);\n",
     [(1, "langdock-endpoint-url")]),
    ("both-agent-keys", "javascript",
     f'axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: a,\n'
     '  assistant: { name: "x", instructions: "y" }, messages: [] });\n',
     [(1, "langdock-temporary-agent")]),
    ("system-role", "javascript",
     f'axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: a, messages: [\n'
     '  { role: "system", content: "Be brief." }] });\n',
     [(2, "langdock-message-parts")]),
    ("openai-style-content", "javascript",
     f'axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: a, messages: [\n'
     '  { role: "user", content: [{ type: "text", text: "hi" }] }] });\n',
     [(2, "langdock-message-parts")]),
    ("spread-history", "javascript",
     f'axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: a, messages: [\n'
     "  ...history] });\n",
     [(1, "langdock-forwarded-request")]),
    ("content-loop", "javascript",
     f'const r = await axios.post("{LD}/assistant/v1/chat/completions", b);\n'
     "for (const part of r.data.result[0].content) { console.log(part.text); }\n",
     [(2, "langdock-response-messages")]),
]


@pytest.mark.parametrize("kind,code,expected", [c[1:] for c in NOTE_CASES],
                         ids=[c[0] for c in NOTE_CASES])
def test_notes(kind, code, expected):
    result = convert_javascript(code, kind=kind)
    found = {(n.line, n.rule) for n in result.notes}
    assert set(expected) <= found
    assert js_parses(result.output, kind)


def test_system_and_openai_content_are_kept():
    code = (f'axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: a, messages: [\n'
            '  { role: "user", content: [{ type: "text", text: "hi" }] }] });\n')
    result = convert_javascript(code)
    assert 'content: [{ type: "text", text: "hi" }]' in result.output


UNCHANGED = [
    ("migrated-call", "javascript",
     f'await axios.post("{LD}/agent/v1/chat/completions", {{ agentId: "7d1f", messages: [\n'
     '  { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] }], stream: false });\n'
     "const text = r.data.messages[0].content;\n"),
    ("unrelated-fetch", "javascript",
     'const res = await fetch("https://example.org/api/items");\n'
     "const data = await res.json();\nconsole.log(data.result, data.items);\n"),
    ("attachment-upload", "javascript",
     f'await axios.post("{LD}/attachment/v1/upload", form, {{ headers }});\n'),
    ("model-proxy-region", "javascript",
     f'await fetch("{LD}/openai/eu/v1/chat/completions", {{ method: "POST" }});\n'),
    ("export-assistants", "javascript",
     f'await fetch("{LD}/export/assistants", {{ method: "POST" }});\n'),
    ("websocket-message-type", "javascript",
     'ws.onmessage = (e) => { const data = JSON.parse(e.data);\n'
     '  if (data.type === "message") { show(data.content); } };\n'),
    ("destructured-own-body", "typescript",
     "const { assistantId } = req.body as { assistantId: string };\n"),
    ("empty-ish", "javascript", "// nothing here\n"),
]


@pytest.mark.parametrize("kind,code", [u[1:] for u in UNCHANGED], ids=[u[0] for u in UNCHANGED])
def test_unchanged(kind, code):
    result = convert_javascript(code, kind=kind)
    assert result.output == code and not result.changed
    assert result.notes == ()


def test_foreign_host_is_noted_not_rewritten():
    code = ('fetch("http://localhost:5000/assistant/v1/chat/completions", { body: '
            'JSON.stringify({ assistantId: "x", messages: [{ role: "user", content: "hi" }] }) });\n')
    result = convert_javascript(code)
    assert not result.changed
    [note] = result.notes
    assert (note.line, note.column, note.rule) == (1, 7, "langdock-endpoint-url")
    assert "localhost:5000" in note.message


def test_gateway_prefix_is_not_langdock():
    code = 'fetch("/proxy/assistant/v1/chat/completions");\n'
    result = convert_javascript(code)
    assert not result.changed and [n.rule for n in result.notes] == ["langdock-endpoint-url"]


def test_unknown_endpoint_is_noted():
    code = f'fetch("{LD}/assistant/v1/threads");\n'
    result = convert_javascript(code)
    assert not result.changed
    assert "threads" in result.notes[0].message


def test_comments_and_layout_survive():
    code = (f'// call Langdock\nconst URL = "{LD}/assistant/v1/chat/completions"; /* keep */\n'
            "\n\n  const   x =  1 ;   // odd spacing\n")
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/")


def test_tsx_kind():
    code = ("const App = () => <Chat url={'https://api.langdock.com/assistant/v1/chat/completions'} />;\n")
    result = convert_javascript(code, kind="tsx")
    assert result.kind == "tsx" and "/agent/v1/" in result.output
    assert js_parses(result.output, "tsx")


def test_registry_lists_documented_rules():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) >= 9
    for rule in RULES:
        doc = __import__(rule.apply.__module__, fromlist=["x"]).__doc__
        assert "Before:" in doc and "After:" in doc, rule.name
