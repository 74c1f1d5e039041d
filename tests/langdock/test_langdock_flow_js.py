"""JavaScript/TypeScript Langdock code where the data decides: answers followed
from the chat call, requests built outside the literal, run-time ids, notes for
what stays, and the written helpers run under Node."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript
from helpers.payloads.models.langdock import AgentChatRequest

LD = "https://api.langdock.com"


def convert(code: str, kind: str = "javascript"):
    result = convert_javascript(code, kind=kind)
    assert js_parses(result.output, result.kind)
    again = convert_javascript(result.output, kind=kind)
    assert again.output == result.output, "converting twice must change nothing"
    return result


def rules_at(result) -> set[tuple[int, str]]:
    return {(n.line, n.rule) for n in result.notes}


def test_answer_read_in_a_helper_that_takes_the_response():
    code = ('const axios = require("axios");\n\n'
            "function answerOf(res) {\n"
            '  return res.data.result.map((m) => m.content[0].text).join("");\n}\n\n'
            "async function ask(q) {\n"
            f'  const res = await axios.post("{LD}/assistant/v1/chat/completions", '
            '{ assistantId: A, messages: [{ role: "user", content: q }] });\n'
            "  return answerOf(res);\n}\n")
    result = convert(code)
    assert '  return res.data.messages.map((m) => langdockText(m)).join("");\n' in result.output
    assert result.output.count("function langdockText(message) {") == 1


def test_answer_returned_by_another_function():
    code = ("async function send(body) {\n"
            f'  const res = await fetch("{LD}/assistant/v1/chat/completions", '
            '{ method: "POST", body: JSON.stringify(body) });\n'
            "  return res.json();\n}\n\n"
            "async function main() {\n"
            '  const data = await send({ assistantId: A, messages: [{ role: "user", content: "Hi" }] });\n'
            "  console.log(data.result.at(-1).content[0].text);\n}\n")
    result = convert(code)
    assert "  console.log(langdockText(data.messages.at(-1)));\n" in result.output
    # the only caller passes a literal: it is converted in place, nothing wrapped
    assert ('send({ agentId: A, messages: [{ id: "msg_0", role: "user", '
            'parts: [{ type: "text", text: "Hi" }] }] })') in result.output
    assert "toAgentRequest" not in result.output


def test_upload_answer_and_parsed_file_are_not_chat_answers():
    code = ('const fs = require("fs");\n\n'
            "async function run(form) {\n"
            f'  const up = await fetch("{LD}/attachment/v1/upload", {{ method: "POST", body: form }});\n'
            "  const data = await up.json();\n"
            '  const saved = JSON.parse(fs.readFileSync("last.json", "utf8"));\n'
            f'  const res = await fetch("{LD}/assistant/v1/chat/completions", '
            '{ method: "POST", body: JSON.stringify({ assistantId: A, messages: [] }) });\n'
            "  return [data.attachmentId, data.result, saved.result];\n}\n")
    result = convert(code)
    assert "  return [data.attachmentId, data.result, saved.result];\n" in result.output
    [note] = [n for n in result.notes if n.rule == "langdock-untraced-read"]
    assert note.line == 8 and note.column == code.splitlines()[7].index("saved.result") + 1


def test_messages_pushed_in_loops_and_callbacks_get_run_time_ids():
    code = ("export async function ask(history: { role: string; text: string }[]) {\n"
            "  const messages: any[] = [];\n"
            "  history.forEach((turn) => {\n"
            "    messages.push({ role: turn.role, content: turn.text });\n"
            "  });\n"
            "  for (const extra of extras) {\n"
            '    messages.push({ role: "user", content: extra });\n'
            "  }\n"
            f'  return fetch("{LD}/assistant/v1/chat/completions", {{\n'
            '    method: "POST",\n'
            "    body: JSON.stringify({ assistantId: A, messages }),\n"
            "  });\n}\n")
    result = convert(code, "typescript")
    assert ("    messages.push({ id: crypto.randomUUID(), role: turn.role, "
            'parts: [{ type: "text", text: turn.text }] });\n') in result.output
    assert ('    messages.push({ id: crypto.randomUUID(), role: "user", '
            'parts: [{ type: "text", text: extra }] });\n') in result.output
    assert '"msg_0"' not in result.output


def test_objects_returned_by_a_map_callback_are_messages():
    code = ("const body = { assistantId: A, messages: history.map((h) => ({ role: h.role, content: h.text })) };\n"
            f'fetch("{LD}/assistant/v1/chat/completions", {{ method: "POST", body: JSON.stringify(body) }});\n')
    result = convert(code)
    assert ('messages: history.map((h) => ({ id: crypto.randomUUID(), role: h.role, '
            'parts: [{ type: "text", text: h.text }] }))') in result.output


def test_member_assignments_on_the_request():
    code = ('const body = { messages: [{ role: "user", content: q }] };\n'
            "body.assistantId = A;\n"
            'body.assistant = { name: "Helper", instructions: "Be brief." };\n'
            "body.messages[0].attachmentIds = [fileId];\n"
            "const settings = {};\n"
            'settings.assistant = "default";\n'
            f'fetch("{LD}/assistant/v1/chat/completions", {{ method: "POST", body: JSON.stringify(body) }});\n')
    result = convert(code)
    assert result.output.splitlines()[1:6] == [
        "body.agentId = A;",
        'body.agent = { name: "Helper", instructions: "Be brief." };',
        "(body.messages[0].metadata ??= {}).attachments = [fileId];",
        "const settings = {};",
        'settings.assistant = "default";',
    ]


def test_express_proxy_forwards_a_converted_body_and_the_new_stream():
    code = ('app.post("/api/chat", async (req, res) => {\n'
            "  if (!req.body.assistantId) return res.status(400).end();\n"
            f'  const upstream = await fetch("{LD}/assistant/v1/chat/completions", {{\n'
            '    method: "POST",\n'
            "    body: JSON.stringify(req.body),\n"
            "  });\n"
            "  Readable.fromWeb(upstream.body).pipe(res);\n"
            "});\n")
    result = convert(code)
    assert "    body: JSON.stringify(toAgentRequest(req.body)),\n" in result.output
    assert "  if (!req.body.assistantId) return res.status(400).end();\n" in result.output
    assert {(2, "langdock-forwarded-request"), (3, "langdock-forwarded-request"),
            (7, "langdock-stream-consumer")} <= rules_at(result)
    forwarded = next(n for n in result.notes if n.line == 3)
    assert "parts" in forwarded.message and "metadata" in forwarded.message


def test_next_route_converts_the_browser_messages_it_forwards():
    code = ("export async function POST(req: Request) {\n"
            "  const { messages, assistantId } = await req.json();\n"
            f'  const upstream = await fetch("{LD}/assistant/v1/chat/completions", {{\n'
            '    method: "POST",\n'
            "    body: JSON.stringify({ assistantId, messages, stream: true }),\n"
            "  });\n"
            '  return new Response(upstream.body, { headers: { "Content-Type": "text/event-stream" } });\n'
            "}\n")
    result = convert(code, "typescript")
    assert ("    body: JSON.stringify({ agentId: assistantId, messages: toUIMessages(messages), "
            "stream: true }),\n") in result.output
    assert "function toUIMessages(messages: any[]): any[] {" in result.output
    assert {(5, "langdock-forwarded-request"), (7, "langdock-stream-consumer")} <= rules_at(result)


def test_own_langdock_function_is_not_the_ai_sdk_provider():
    code = ("function langdock(path) {\n  return `https://api.langdock.com${path}`;\n}\n"
            'fetch(langdock("/attachment/v1/upload"), { method: "POST" });\n')
    result = convert(code)
    assert result.output == code and result.notes == ()


def test_env_urls_and_fields_langdock_ignores():
    code = (f'const URL = process.env.LANGDOCK_URL || "{LD}/assistant/v1/chat/completions";\n'
            "const GET = process.env.LANGDOCK_GET_URL;\n"
            "axios.post(URL, { assistantId: A, max_tokens: 200, messages: "
            '[{ role: "user", content: q, files: [id] }] });\n'
            "axios.get(GET, { params: { assistantId: A } });\n")
    result = convert(code)
    env = {n.line: n.message for n in result.notes if n.rule == "langdock-env-url"}
    assert set(env) == {1, 2}
    assert "LANGDOCK_URL" in env[1] and "LANGDOCK_GET_URL" in env[2]
    fields = [n.message for n in result.notes if n.rule == "langdock-request-fields"]
    assert any("`max_tokens`" in m for m in fields) and any("`files`" in m for m in fields)
    assert "axios.get(GET, { params: { agentId: A } });" in result.output


def test_stream_readers_of_other_formats_are_noted():
    code = (f'const res = await fetch("{LD}/assistant/v1/chat/completions", {{ method: "POST", '
            "body: JSON.stringify({ assistantId: A, messages: [], stream: true }) });\n"
            "for (const line of lines) {\n"
            '  if (line.startsWith("0:")) handle(JSON.parse(line.slice(2)));\n'
            "  const chunk = JSON.parse(line.slice(6));\n"
            "  process.stdout.write(chunk.choices[0].delta.content);\n"
            "}\n")
    result = convert(code)
    streams = {n.line: n.message for n in result.notes if n.rule == "langdock-stream-consumer"}
    assert set(streams) == {3, 5}
    assert "AI SDK 4 data stream" in streams[3] and "text-delta" in streams[5]


def test_already_new_proxy_comes_back_byte_for_byte():
    code = ("export async function POST(req: Request) {\n"
            "  const { messages, agentId } = await req.json();\n"
            f'  const r = await fetch("{LD}/agent/v1/chat/completions", {{ method: "POST",\n'
            "    body: JSON.stringify({ agentId, messages, stream: true }) });\n"
            "  return new Response(r.body);\n}\n")
    result = convert_javascript(code, kind="typescript")
    assert result.output == code and not result.changed and result.notes == ()


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_written_helpers_run_under_node(tmp_path):
    code = ("async function forward(req) {\n"
            f'  const r = await fetch("{LD}/assistant/v1/chat/completions", '
            "{ body: JSON.stringify(req.body) });\n"
            "  const data = await r.json();\n"
            "  return data.result[0].content[0].text;\n}\n")
    output = convert(code).output
    helpers = output[output.index("// Text of an"):]
    legacy = {"assistantId": "7d1f", "stream": True, "messages": [
        {"role": "user", "content": "Hi", "attachmentIds": ["f1"]},
        {"id": "m9", "role": "user", "parts": [{"type": "text", "text": "new"}]}]}
    script = tmp_path / "check.js"
    script.write_text(helpers + f"""
const legacy = {json.dumps(legacy)};
const once = toAgentRequest(legacy);
console.log(JSON.stringify({{
  once, twice: toAgentRequest(once),
  a: langdockText({{ role: "assistant", content: "plain" }}),
  b: langdockText({{ role: "assistant", parts: [{{ type: "step-start" }}, {{ type: "text", text: "a" }},
                                             {{ type: "text", text: "b" }}] }}),
}}));
""")
    done = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    AgentChatRequest.model_validate(seen["once"])
    assert seen["once"]["agentId"] == "7d1f" and "assistantId" not in seen["once"]
    assert seen["once"]["messages"][0] == {"id": "msg_0", "role": "user", "parts": [
        {"type": "text", "text": "Hi"}], "metadata": {"attachments": ["f1"]}}
    assert seen["twice"] == seen["once"]
    assert (seen["a"], seen["b"]) == ("plain", "ab")


def test_loops_over_message_parts_read_parts_in_both_shapes():
    code = (f'const r = await axios.post("{LD}/assistant/v1/chat/completions", {{ assistantId: A, messages: [] }});\n'
            "for (const part of r.data.result[0].content) { console.log(part.text); }\n"
            'const texts = r.data.result[1].content.filter((p) => p.type === "text");\n')
    result = convert(code)
    assert "for (const part of langdockParts(r.data.messages[0])) {" in result.output
    assert 'const texts = langdockParts(r.data.messages[1]).filter((p) => p.type === "text");' in result.output
    assert result.output.count("function langdockParts(message) {") == 1


def test_messages_pushed_onto_the_request_member():
    code = ('const payload = { assistantId: "7d1f" };\n'
            "payload.messages = [];\n"
            'payload.messages.push({ role: "user", content: q });\n'
            f'const json = await (await fetch("{LD}/assistant/v1/chat/completions", '
            "{ method: \"POST\", body: JSON.stringify(payload) })).json();\n"
            "console.log(json.result[json.result.length - 1].content[0].text);\n")
    result = convert(code)
    assert 'payload.messages.push({ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] });' in result.output
    assert "langdockText(json.messages[json.messages.length - 1])" in result.output


def test_other_api_behind_a_variable_url_is_noted_not_rewritten():
    code = (f'const a = await fetch("{LD}/assistant/v1/chat/completions", '
            "{ method: \"POST\", body: JSON.stringify({ assistantId: A, messages: [] }) });\n"
            "const w = await fetch(weatherUrl);\n"
            "const forecast = await w.json();\n"
            "console.log(forecast.result);\n")
    result = convert(code)
    assert "console.log(forecast.result);\n" in result.output
    assert (4, "langdock-untraced-read") in rules_at(result)


def test_literal_messages_inside_a_returned_call_keep_deterministic_ids():
    code = ("async function ask(q) {\n"
            f'  return fetch("{LD}/assistant/v1/chat/completions", {{ method: "POST",\n'
            '    body: JSON.stringify({ assistantId: A, messages: [{ role: "user", content: q }] }) });\n'
            "}\n"
            "function userMessage(text) {\n"
            '  return { role: "user", content: text };\n'
            "}\n"
            f'fetch("{LD}/assistant/v1/chat/completions", {{ method: "POST",\n'
            "  body: JSON.stringify({ assistantId: A, messages: [userMessage(a), userMessage(b)] }) });\n")
    result = convert(code)
    assert 'messages: [{ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }]' in result.output
    # a factory builds many messages: its id is made at run time
    assert '  return { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: text }] };' in result.output


def test_sse_loop_that_leaves_at_done_reads_the_new_events():
    code = (f'const res = await fetch("{LD}/assistant/v1/chat/completions", opts);\n'
            "const reader = res.body.getReader();\nconst decoder = new TextDecoder();\n"
            "let out = '';\n"
            "outer: while (true) {\n"
            "  const { done, value } = await reader.read();\n"
            "  if (done) break;\n"
            "  for (const line of decoder.decode(value).split('\\n')) {\n"
            "    if (!line.startsWith('data: ')) continue;\n"
            "    const event = JSON.parse(line.slice(6));\n"
            "    if (event.type === 'message') out += event.content;\n"
            "    else if (event.type === 'done') break outer;\n"
            "  }\n"
            "}\n")
    result = convert(code)
    assert "    if (event.type === 'text-delta') out += event.delta;\n" in result.output
    assert "    else if (event.type === 'finish') break outer;\n" in result.output
    [note] = [n for n in result.notes if n.rule == "langdock-sse-loop"]
    assert note.line == 5 and "[DONE]" in note.message
