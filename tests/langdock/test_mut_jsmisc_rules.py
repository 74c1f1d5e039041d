"""JavaScript rules on realistic Langdock snippets: exact output and exact notes
(line, column, severity, rule, message) for the less-travelled branches."""
from __future__ import annotations

import pytest
from _langdock_kit import js_parses

from helpers.langdock import advice, js_rules
from helpers.langdock.javascript import convert_javascript
from helpers.langdock.js_rules import JsRule, js_rule

LD = "https://api.langdock.com"
CHAT = f"{LD}/assistant/v1/chat/completions"
NEW_CHAT = f"{LD}/agent/v1/chat/completions"
UI_HELPER_HEAD = ("\n// Chat messages as the Agents API takes them; ones with `parts` stay as "
                  "they are.\nfunction toUIMessages(messages) {\n")


def _notes(result):
    return [(n.line, n.column, n.severity, n.rule, n.message) for n in result.notes]


def _converted_twice_is_stable(result, kind="javascript"):
    assert js_parses(result.output, "tsx" if kind == "tsx" else kind)
    again = convert_javascript(result.output, kind=kind)
    assert again.output == result.output


# -- message literals (message_parts) -----------------------------------------------------
def test_every_kind_of_message_literal_in_one_request():
    code = f"""const history = await loadHistory();
const res = await fetch("{CHAT}", {{
  method: "POST",
  headers: {{ Authorization: `Bearer ${{process.env.LANGDOCK_API_KEY}}` }},
  body: JSON.stringify({{
    assistantId: "7d1f",
    messages: [
      ...history,
      {{ role: "system", content: "Be brief." }},
      {{ role: "tool", content: toolOutput }},
      {{ role: "user", content: [{{ type: "text", text: q }}] }},
      {{ role: "user", content: q, parts: [] }},
      {{ role: "user", content: q, attachmentIds: ids, metadata: {{ source: "web" }} }},
      {{ id: "msg_0", role: 'user', content: q }},
      {{ role: 'user', content: other }},
    ],
  }}),
}});
"""
    body = f"""const history = await loadHistory();
const res = await fetch("{NEW_CHAT}", {{
  method: "POST",
  headers: {{ Authorization: `Bearer ${{process.env.LANGDOCK_API_KEY}}` }},
  body: JSON.stringify({{
    agentId: "7d1f",
    messages: toUIMessages([
      ...history,
      {{ id: "msg_1", role: "system", parts: [{{ type: "text", text: "Be brief." }}] }},
      {{ id: "msg_2", role: "tool", parts: [{{ type: "text", text: toolOutput }}] }},
      {{ role: "user", content: [{{ type: "text", text: q }}] }},
      {{ role: "user", content: q, parts: [] }},
      {{ id: "msg_3", role: "user", parts: [{{ type: "text", text: q }}], attachmentIds: ids, metadata: {{ source: "web" }} }},
      {{ id: "msg_0", role: 'user', parts: [{{ type: 'text', text: q }}] }},
      {{ id: 'msg_4', role: 'user', parts: [{{ type: 'text', text: other }}] }},
    ]),
  }}),
}});
"""  # noqa: E501
    result = convert_javascript(code)
    assert result.output.startswith(body + UI_HELPER_HEAD)
    assert result.output.count("function toUIMessages(") == 1
    rule = "langdock-message-parts"
    assert _notes(result) == [
        (7, 15, "warning", "langdock-forwarded-request", advice.FORWARDED_MESSAGES),
        (9, 7, "warning", rule, advice.ROLE_SYSTEM),
        (9, 7, "info", rule, advice.DETERMINISTIC_IDS),
        (10, 7, "warning", rule, advice.ROLE_TOOL),
        (11, 7, "warning", rule, advice.CONTENT_NOT_STRING),
        (12, 7, "warning", rule, advice.CONTENT_AND_PARTS),
        (13, 35, "warning", rule, advice.METADATA_EXISTS),
    ]
    _converted_twice_is_stable(result)


def test_a_message_that_is_a_variable_is_noted_and_the_literals_converted():
    code = ('const body = {\n  assistantId: "7d1f",\n  messages: [\n    lastAnswer,\n'
            '    { role: "user", content: q },\n  ],\n};\n')
    result = convert_javascript(code)
    assert result.output == (
        'const body = {\n  agentId: "7d1f",\n  messages: [\n    lastAnswer,\n'
        '    { id: "msg_0", role: "user", parts: [{ type: "text", text: q }] },\n  ],\n};\n')
    assert _notes(result) == [
        (4, 5, "warning", "langdock-message-parts", advice.SPREAD_MESSAGES),
        (5, 5, "info", "langdock-message-parts", advice.DETERMINISTIC_IDS),
    ]


def test_ids_of_multiline_messages_go_on_their_own_line_with_the_members_indent():
    code = """const body = {
  assistantId: "7d1f",
  messages: [
    {
      /* from the form */ role: "user",
      content: question,
    },
    {
      // follow-up
\t    role: "user",
      content: followUp,
    },
  ],
};
"""
    # a comment in front of the first member keeps the id on that line (not copied)
    expected = """const body = {
  agentId: "7d1f",
  messages: [
    {
      /* from the form */ id: "msg_0", role: "user",
      parts: [{ type: "text", text: question }],
    },
    {
      // follow-up
\t    id: "msg_1",
\t    role: "user",
      parts: [{ type: "text", text: followUp }],
    },
  ],
};
"""
    result = convert_javascript(code)
    assert result.output == expected
    assert _notes(result) == [(4, 5, "info", "langdock-message-parts", advice.DETERMINISTIC_IDS)]
    _converted_twice_is_stable(result)


def test_an_object_saved_elsewhere_with_messages_is_not_a_chat_request():
    code = (
        f'const LANGDOCK_URL = "{CHAT}";\n'
        "const res = await axios.post(LANGDOCK_URL, "
        '{ assistantId: id, messages: [{ role: "user", content: q }] });\n'
        'await cache.set(keyFor(user), { messages: [{ role: "user", content: q }], '
        "savedAt: Date.now() });\n"
        'await axios.post(LANGDOCK_URL + "?trace=1", '
        '{ messages: [{ role: "user", content: again }] });\n'
    )
    result = convert_javascript(code)
    assert result.output == (
        f'const LANGDOCK_URL = "{NEW_CHAT}";\n'
        "const res = await axios.post(LANGDOCK_URL, { agentId: id, messages: "
        '[{ id: "msg_0", role: "user", parts: [{ type: "text", text: q }] }] });\n'
        'await cache.set(keyFor(user), { messages: [{ role: "user", content: q }], '
        "savedAt: Date.now() });\n"
        'await axios.post(LANGDOCK_URL + "?trace=1", { messages: '
        '[{ id: "msg_1", role: "user", parts: [{ type: "text", text: again }] }] });\n'
    )
    assert _notes(result) == [(2, 74, "info", "langdock-message-parts",
                               advice.DETERMINISTIC_IDS)]


# -- temporary agents -----------------------------------------------------------------------
def test_temporary_assistant_keys_of_every_spelling_become_agent():
    code = f"""await axios.post("{CHAT}", {{
  assistant,
  messages,
}});
await axios.post("{CHAT}", {{
  "assistant": {{ name: "Reviewer", instructions: "Be brief." }},
  'assistantId': id,
  messages,
}});
"""
    body = f"""await axios.post("{NEW_CHAT}", {{
  agent: assistant,
  messages: toUIMessages(messages),
}});
await axios.post("{NEW_CHAT}", {{
  "agent": {{ name: "Reviewer", instructions: "Be brief." }},
  'agentId': id,
  messages: toUIMessages(messages),
}});
"""
    result = convert_javascript(code)
    assert result.output.startswith(body + UI_HELPER_HEAD)
    assert _notes(result) == [
        (3, 3, "warning", "langdock-forwarded-request", advice.FORWARDED_MESSAGES),
        (5, 76, "error", "langdock-temporary-agent", advice.BOTH_AGENT_KEYS),
        (8, 3, "warning", "langdock-forwarded-request", advice.FORWARDED_MESSAGES),
    ]
    _converted_twice_is_stable(result)


# -- the AI SDK provider note ----------------------------------------------------------------
def test_a_langdock_provider_from_a_package_is_noted_only_where_called_directly():
    code = """import { streamText } from "ai";
import { langdock } from "@langdock/ai-sdk";
const providers = { langdock };
const a = streamText({ model: langdock({ apiKey, agentId }), messages });
const b = streamText({ model: providers.langdock({ agentId }), messages });
"""
    result = convert_javascript(code, kind="typescript")
    assert result.output == code
    assert _notes(result) == [
        (4, 31, "warning", "langdock-no-ai-sdk-provider", advice.NO_PROVIDER)]


@pytest.mark.parametrize("definition", [
    'import { langdock } from "./langdock-client";\n',
    'import langdock from "../lib/langdock.js";\n',
    "function langdock(options) { return makeClient(options); }\n",
    "const langdock = createLangdockClient();\n",
])
def test_a_langdock_function_of_the_app_itself_gets_no_provider_note(definition):
    code = definition + "const result = streamText({ model: langdock({ agentId }), messages });\n"
    result = convert_javascript(code)
    assert (result.output, result.notes) == (code, ())


# -- useChat, query keys ----------------------------------------------------------------------
def test_use_chat_pointed_at_langdock_is_noted_and_search_params_keys_renamed():
    code = f"""const {{ messages, sendMessage }} = useChat(options, {{
  api: "{NEW_CHAT}",
}});
useChat({{ api: "/api/chat" }});
useChat({{ api: process.env.CHAT_URL }});
useChat({{ id: "support" }});
useChat({{ api: `/assistant/v1/chat/completions` }});
const params = new URLSearchParams();
params.set(key, "x");
params.append("assistantId", id);
searchParams.set('assistantId', id);
query.set("assistantId", id);
"""
    result = convert_javascript(code)
    assert result.output == (
        code.replace('append("assistantId"', 'append("agentId"')
        .replace("searchParams.set('assistantId'", "searchParams.set('agentId'")
        .replace("`/assistant/v1/", "`/agent/v1/")
    )
    assert _notes(result) == [
        (1, 35, "warning", "langdock-use-chat", advice.USE_CHAT_DIRECT),
        (7, 1, "warning", "langdock-use-chat", advice.USE_CHAT_DIRECT),
    ]  # no note on the bare path: the file names api.langdock.com


# -- endpoint URLs ------------------------------------------------------------------------------
def test_undocumented_endpoints_are_noted_and_left_alone():
    code = (f'await axios.get("{LD}/assistant/v1/list");\n'
            "const u = `${BASE}/assistant/v1/threads`;\n")
    result = convert_javascript(code)
    assert result.output == code
    assert _notes(result) == [
        (1, 17, "warning", "langdock-endpoint-url",
         advice.UNKNOWN_ENDPOINT.format(endpoint="list")),
        (2, 11, "warning", "langdock-endpoint-url",
         advice.UNKNOWN_ENDPOINT.format(endpoint="threads")),
    ]


# -- the registry ---------------------------------------------------------------------------------
def test_js_rule_registers_name_function_and_the_first_docstring_line(monkeypatch):
    registered: list[JsRule] = []
    monkeypatch.setattr(js_rules, "RULES", registered)

    def noop(ctx) -> None:
        return None

    assert js_rule("test-noop")(noop) is noop
    assert registered == [JsRule("test-noop", noop, "JavaScript rules on realistic Langdock "
                                 "snippets: exact output and exact notes")]


def test_typescript_import_require_of_a_local_langdock_module_gets_no_provider_note():
    call = "const r = streamText({ model: langdock({ agentId }), messages });\n"
    local = 'import langdock = require("./langdock");\n' + call
    assert convert_javascript(local, kind="typescript").notes == ()
    other = 'import fs = require("fs");\nimport "./polyfills";\n' + call
    result = convert_javascript(other, kind="typescript")
    assert result.output == other
    assert _notes(result) == [
        (3, 31, "warning", "langdock-no-ai-sdk-provider", advice.NO_PROVIDER)]
