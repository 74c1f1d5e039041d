"""JavaScript: a base URL without its closing slash is rewritten, and a request to
another API keeps its messages even when it sits next to a Langdock chat call."""
from __future__ import annotations

import pytest

from helpers.langdock.javascript import convert_javascript

CHAT = """const BASE = "https://api.langdock.com/assistant/v1";
async function ask(text) {
  const res = await fetch(`${BASE}/chat/completions`, {
    method: "POST",
    body: JSON.stringify({ assistantId: "a1", messages: [{ role: "user", content: text }] }),
  });
  return res.json();
}
"""


def test_base_url_without_closing_slash_becomes_the_agent_base():
    out = convert_javascript(CHAT).output
    assert 'const BASE = "https://api.langdock.com/agent/v1";' in out
    assert "/assistant/v1" not in out
    assert 'agentId: "a1"' in out
    assert convert_javascript(out).output == out


@pytest.mark.parametrize("url", [
    "https://hooks.example.com/log",
    "https://api.openai.com/v1/chat/completions",
    "https://api.langdock.com/openai/eu/v1/chat/completions",
])
def test_messages_sent_to_another_api_stay_as_they_are(url):
    other = (f'\nasync function log(text) {{\n  await fetch("{url}", {{ method: "POST", '
             'body: JSON.stringify({ messages: [{ role: "user", content: text }] }) });\n}\n')
    out = convert_javascript(CHAT + other).output
    assert out.endswith(other)  # untouched, while the Langdock call above is converted
    assert 'messages: [{ id: "msg_0", role: "user", parts: [{ type: "text", text: text }] }]' in out


def test_langdock_dedicated_deployment_still_counts_as_langdock():
    code = CHAT.replace("https://api.langdock.com/assistant/v1",
                        "https://ai.example.com/api/public/assistant/v1")
    out = convert_javascript(code).output
    assert "https://ai.example.com/api/public/agent/v1" in out
    assert 'parts: [{ type: "text", text: text }]' in out


FORWARDER = """async function ask(body) {
  const res = await fetch("https://api.langdock.com/assistant/v1/chat/completions", {
    method: "POST",
    body: JSON.stringify(body),
  });
  return res.json();
}
export async function POST(req) {
  return Response.json(await ask(await req.json()));
}
export async function hello() {
  return ask({ assistantId: "a1", messages: [{ role: "user", content: "hi" }] });
}
"""


def test_objects_passed_to_a_wrapped_forwarder_stay_legacy_on_a_second_run():
    once = convert_javascript(FORWARDER).output
    assert "body: JSON.stringify(toAgentRequest(body))," in once
    # the wrapper converts what `hello` passes, so that object keeps its legacy shape
    assert 'return ask({ assistantId: "a1", messages: [{ role: "user", content: "hi" }] });' in once
    assert convert_javascript(once).output == once


def test_undocumented_endpoint_keeps_its_whole_url_query_included():
    code = 'const a = await fetch("https://api.langdock.com/assistant/v1/files/x?assistantId=" + id);\n'
    result = convert_javascript(code)
    assert result.output == code
    assert [(n.line, n.severity, n.rule) for n in result.notes] == [
        (1, "warning", "langdock-endpoint-url")]
    assert "left unchanged" in result.notes[0].message


@pytest.mark.parametrize("operator, expected", [
    ("??", "The default of `LD` was changed"),
    ("||", "The default of `LD` was changed"),
    ("+", "The Langdock URL comes from `LD`"),  # a host in front of the path: no default
])
def test_env_note_tells_a_default_from_a_host(operator, expected):
    url = '"https://api.langdock.com/assistant/v1/chat/completions"' if operator != "+" \
        else '"/assistant/v1/chat/completions"'
    code = (f"const r = await fetch(process.env.LD {operator} {url}, "
            '{ method: "POST", body: JSON.stringify({ assistantId: "a", messages: [] }) });\n')
    notes = [n for n in convert_javascript(code).notes if n.rule == "langdock-env-url"]
    assert len(notes) == 1 and notes[0].message.startswith(expected)
