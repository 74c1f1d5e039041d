"""Notes the JavaScript converter writes about reading Langdock's answer (js_decide
`_reads`, `_stream_notes`): a stream passed on unchanged (SSE proxy), AI SDK 4
data-stream prefixes, OpenAI-style `choices[0].delta` reads; and the text helper it
appends only when the file does not define it at top level already.

The facts behind the notes are in langdock-aisdk.md (2.4, 3.5): the Agents API streams
the AI SDK 5 UI message stream, so every consumer of the legacy stream must change.
"""
from __future__ import annotations

from helpers.langdock.javascript import convert_javascript

LD = "https://api.langdock.com"
URL = f'const URL = "{LD}/assistant/v1/chat/completions";\n'
NEW_URL = f'const URL = "{LD}/agent/v1/chat/completions";\n'
STREAMS = "langdock-stream-consumer"
ANSWER = "langdock-response-messages"


def _notes(result) -> list[tuple[int, int, str, str]]:
    return [(n.line, n.column, n.severity, n.rule) for n in result.notes]


def test_every_way_of_passing_the_stream_on_gets_a_proxy_note():
    code = (
        'import { Readable } from "node:stream";\n'
        + URL
        + "export async function relay(res) {\n"
        '  const upstream = await fetch(URL, { method: "POST", body: JSON.stringify('
        '{ assistantId: "a", messages: [], stream: true }) });\n'
        "  await upstream.body.pipeTo(res.writable);\n"
        "  console.log(upstream.body);\n"
        "  return new Response(upstream.body);\n"
        "}\n"
        "export async function relayAxios(res) {\n"
        '  const upstream = await axios.post(URL, { assistantId: "a", messages: [], '
        'stream: true }, { responseType: "stream" });\n'
        "  upstream.data.pipe(res);\n"
        "  Readable.fromWeb(upstream.data);\n"
        "  const reader = upstream.body;\n"
        "  console.log(upstream.data.length);\n"
        "  await pipeline(upstream.data, res);\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        "assistantId", "agentId")
    # logging the stream or reading its length passes nothing on; `pipeline` does
    assert _notes(result) == [(5, 9, "warning", STREAMS), (7, 23, "warning", STREAMS),
                              (11, 3, "warning", STREAMS), (12, 20, "warning", STREAMS),
                              (15, 18, "warning", STREAMS)]
    assert all(n.message.startswith("This passes Langdock's stream through unchanged.")
               for n in result.notes)


def test_v4_prefixes_and_openai_deltas_are_noted_other_reads_are_not():
    code = (
        URL
        + 'const res = await fetch(URL, { method: "POST", body: JSON.stringify('
        '{ assistantId: "a", messages: [], stream: true }) });\n'
        "const text = await res.text();\n"
        'for (const line of text.split("\\n")) {\n'
        '  if (line.startsWith("0:")) console.log(JSON.parse(line.slice(2)));\n'
        '  if (line.startsWith("e:")) break;\n'
        "  if (line.startsWith('0:\"')) console.log(line);\n"
        "  const chunk = JSON.parse(line);\n"
        "  console.log(chunk.choices[0].delta.content, chunk.items[0].delta, chunk.delta);\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/").replace(
        "assistantId", "agentId")
    assert _notes(result) == [(5, 7, "warning", STREAMS), (7, 7, "warning", STREAMS),
                              (9, 15, "warning", STREAMS)]
    assert "AI SDK 4 data-stream lines" in result.notes[0].message
    assert "AI SDK 4 data-stream lines" in result.notes[1].message
    assert "`choices[0].delta.content`" in result.notes[2].message


def test_a_text_helper_defined_at_top_level_is_used_not_appended_again():
    # the file was partly migrated by hand: its own `langdockText` stays as written and
    # its body (which reads `content` of the message it is given) gets no note
    helper = (
        "function langdockText(message) {\n"
        '  if (typeof message?.content === "string") return message.content;\n'
        '  return (message?.content ?? []).map((part) => part.text).join("");\n'
        "}\n"
    )
    code = (
        URL + helper
        + 'const res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
        "console.log(langdockText(res.data.result[0]));\n"
        "console.log(res.data.result[0].content[0].text);\n"
    )
    result = convert_javascript(code)
    assert result.output == (
        NEW_URL + helper
        + 'const res = await axios.post(URL, { agentId: "a", messages: [] });\n'
        "console.log(langdockText(res.data.messages[0]));\n"
        "console.log(langdockText(res.data.messages[0]));\n"
    )
    assert _notes(result) == [(7, 26, "info", ANSWER)]
    assert convert_javascript(result.output).output == result.output


def test_a_nested_function_of_the_same_name_does_not_count_as_the_helper():
    code = (
        URL
        + 'const res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
        "console.log(res.data.result[0].content[0].text);\n"
        "function wrap() {\n"
        "  function langdockText(message) {\n"
        "    return message.content;\n"
        "  }\n"
        "  return langdockText;\n"
        "}\n"
    )
    result = convert_javascript(code)
    assert result.output.startswith(
        NEW_URL
        + 'const res = await axios.post(URL, { agentId: "a", messages: [] });\n'
        "console.log(langdockText(res.data.messages[0]));\n"
        "function wrap() {\n"
        "  function langdockText(message) {\n"
        "    return message.content;\n"
        "  }\n"
        "  return langdockText;\n"
        "}\n"
        "\n// Text of an Agents API message: its `content` string or its text `parts`.\n"
        "function langdockText(message) {\n"
    )
    assert _notes(result) == [(3, 13, "info", ANSWER)]


def test_an_env_default_used_by_the_call_gets_one_note_and_openai_reads_none():
    code = (
        'const base = process.env.LD_URL || "https://api.langdock.com/assistant/v1/chat/completions";\n'
        'const res = await axios.post(base, { assistantId: "a", messages: [] });\n'
        'const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [] });\n'
        "console.log(completion.choices[0].message.content, res.data.result[0].content[0].text);\n"
    )
    result = convert_javascript(code)
    assert result.output.startswith(
        'const base = process.env.LD_URL || "https://api.langdock.com/agent/v1/chat/completions";\n'
        'const res = await axios.post(base, { agentId: "a", messages: [] });\n'
        'const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [] });\n'
        "console.log(completion.choices[0].message.content, langdockText(res.data.messages[0]));\n"
        "\n// Text of an Agents API message")
    assert _notes(result) == [(1, 14, "warning", "langdock-env-url"), (4, 52, "info", ANSWER)]
    assert result.notes[0].message.startswith("The default of `LD_URL` was changed to `/agent/v1/`")


def test_a_text_read_left_on_an_untraced_answer_does_not_stop_later_reads():
    code = (
        URL
        + "const other = await axios.post(process.env.OTHER_URL, makeBody());\n"
        "console.log(other.data.result[0].content[0].text);\n"
        'const res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
        "console.log(res.data.result[0].content[0].text);\n"
        "for (const m of res.data.result) console.log(m.content);\n"
    )
    result = convert_javascript(code)
    assert result.output.startswith(
        NEW_URL
        + "const other = await axios.post(process.env.OTHER_URL, makeBody());\n"
        "console.log(other.data.result[0].content[0].text);\n"
        'const res = await axios.post(URL, { agentId: "a", messages: [] });\n'
        "console.log(langdockText(res.data.messages[0]));\n"
        "for (const m of res.data.messages) console.log(m.content);\n\n")
    assert _notes(result) == [
        (2, 32, "warning", "langdock-env-url"),
        (3, 13, "warning", ANSWER),  # if it is an answer, `content` is no list any more
        (3, 13, "warning", "langdock-untraced-read"),
        (5, 13, "info", ANSWER),
        (6, 46, "warning", ANSWER),  # `content` of a message: a string now, not parts
    ]
    assert result.notes[-1].message.startswith("`content` of an Agents API response message")
