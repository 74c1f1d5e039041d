"""Whole conversions that depend on what `js_flow` follows: TypeScript type
assertions around the answer, environment URLs that are (not) Langdock's,
answers passed through `then`, callbacks and parameters."""
from __future__ import annotations

from _langdock_kit import js_parses

from helpers.langdock.javascript import convert_javascript

LD = "https://api.langdock.com"


def convert(code: str, kind: str = "javascript"):
    result = convert_javascript(code, kind=kind)
    assert js_parses(result.output, result.kind)
    assert convert_javascript(result.output, kind=kind).output == result.output
    return result


def notes_of(result) -> list[tuple[int, str, str]]:
    return [(n.line, n.severity, n.rule) for n in result.notes]


def test_answer_behind_an_angle_bracket_type_assertion_is_renamed():
    code = ("type Reply = { result: { role: string; content: string }[] };\n"
            "export async function ask(q: string) {\n"
            f'  const res = await fetch("{LD}/assistant/v1/chat/completions", {{\n'
            '    method: "POST",\n'
            "    body: JSON.stringify({ assistantId: process.env.AGENT_ID, messages: [] }),\n"
            "  });\n"
            "  const data = <Reply>await res.json();\n"
            "  return data.result.length;\n"
            "}\n")
    result = convert(code, "typescript")
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        "assistantId:", "agentId:").replace("data.result.length", "data.messages.length")
    assert notes_of(result) == [(8, "info", "langdock-response-messages")]


def test_environment_base_of_another_service_gets_no_langdock_note():
    code = ('const axios = require("axios");\n'
            "async function ask(q) {\n"
            "  const res = await axios.post(process.env.LANGDOCK_URL, "
            '{ assistantId: AGENT, messages: [{ role: "user", content: q }] });\n'
            '  const hits = await axios.get(process.env.SEARCH_URL + "/search?q=" + q);\n'
            "  return [res.data.result, hits.data];\n"
            "}\n")
    result = convert(code)
    assert result.output == code.replace("assistantId:", "agentId:").replace(
        '{ role: "user", content: q }',
        '{ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }').replace(
        "res.data.result", "res.data.messages")
    env = [(n.line, n.column, n.severity) for n in result.notes if n.rule == "langdock-env-url"]
    assert env == [(3, 32, "warning")]
    assert "`LANGDOCK_URL`" in [n for n in result.notes if n.rule == "langdock-env-url"][0].message


def test_answer_followed_through_then_and_array_callbacks():
    code = ("function ask(messages) {\n"
            f'  return fetch("{LD}/assistant/v1/chat/completions", {{\n'
            '    method: "POST",\n'
            '    headers: { "Content-Type": "application/json" },\n'
            '    body: JSON.stringify({ assistantId: "agent-1", messages }),\n'
            "  })\n"
            "    .then((res) => res.json())\n"
            "    .then((json) => json);\n"
            "}\n\n"
            f'fetch("{LD}/assistant/v1/chat/completions", {{ method: "POST", body: JSON.stringify(req) }})'
            ".then(async (res) => {\n"
            "  const body = await res.json();\n"
            "  body.result.forEach((message) => console.log(message.content[0].text));\n"
            "});\n")
    result = convert(code)
    assert "  body.messages.forEach((message) => console.log(langdockText(message)));\n" \
        in result.output
    assert ".then((json) => json);\n" in result.output


def test_window_fetch_is_a_fetch():
    code = ("export async function ask(question) {\n"
            f'  const res = await window.fetch("{LD}/assistant/v1/chat/completions", {{\n'
            '    method: "POST",\n'
            '    body: JSON.stringify({ assistantId: "agent-1", messages: [] }),\n'
            "  });\n"
            "  const data = await res.json();\n"
            "  return data.result.length;\n"
            "}\n")
    result = convert(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        "assistantId:", "agentId:").replace("data.result.length", "data.messages.length")
    assert notes_of(result) == [(7, "info", "langdock-response-messages")]


def test_answer_behind_a_commented_parenthesis_is_renamed():
    code = ('import axios from "axios";\n'
            "export async function ask(history) {\n"
            f'  const res = await axios.post("{LD}/assistant/v1/chat/completions", '
            '{ assistantId: "agent-1", messages: [] });\n'
            "  const data = (/* the chat answer */ res.data);\n"
            "  return data.result.length;\n"
            "}\n")
    result = convert(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        "assistantId:", "agentId:").replace("data.result.length", "data.messages.length")
    assert notes_of(result) == [(5, "info", "langdock-response-messages")]


def test_a_value_read_from_a_map_by_key_is_no_request_answer():
    code = ("// Shows the answer the Langdock client saved last time.\n"
            'const entry = store.get("last-answer");\n'
            "console.log(entry.data.result);\n")
    result = convert(code)
    assert result.output == code
    assert notes_of(result) == [(3, "info", "langdock-untraced-read")]


def test_new_url_with_a_host_from_the_environment():
    code = ("export async function ask(question) {\n"
            '  const res = await fetch(new URL("/api/public/assistant/v1/chat/completions", '
            "process.env.LANGDOCK_HOST), {\n"
            '    method: "POST",\n'
            '    body: JSON.stringify({ assistantId: "agent-1", messages: [] }),\n'
            "  });\n"
            '  const hits = await fetch(new URL("/search", process.env.SEARCH_HOST));\n'
            "  const data = await res.json();\n"
            "  return data.result.length;\n"
            "}\n")
    result = convert(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        "assistantId:", "agentId:").replace("data.result.length", "data.messages.length")
    assert notes_of(result) == [(2, "warning", "langdock-env-url"),
                                (8, "info", "langdock-response-messages")]
    assert "`LANGDOCK_HOST`" in result.notes[0].message
