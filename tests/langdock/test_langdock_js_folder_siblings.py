"""Folder mode, JavaScript: a file that never names Langdock is still Langdock code when
it calls a sibling's function that returns a chat answer or sends its argument as chat
messages, or defines a function siblings pass chat answers to. A file that calls none of
them is left alone."""
from __future__ import annotations

import pytest

from helpers.langdock.folder import convert_files

CLIENT = (
    'const URL = "https://api.langdock.com/assistant/v1/chat/completions";\n'
    "async function send(messages) {\n"
    '  await axios.post(URL, { assistantId: "a", messages });\n'
    "}\n"
    "async function fetchAnswer(q) {\n"
    '  const res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
    "  return res.data;\n"
    "}\n"
    'const res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
    "render(res.data);\n"
)


@pytest.mark.parametrize("app,expected", [
    ('const data = await fetchAnswer("q");\nconsole.log(data.result[0].content[0].text);\n',
     'const data = await fetchAnswer("q");\nconsole.log(langdockText(data.messages[0]));\n'),
    ('await send([{ role: "user", content: "hi" }]);\n',
     'await send([{ id: "msg_0", role: "user", parts: [{ type: "text", text: "hi" }] }]);\n'),
    ("function render(data) { console.log(data.result[0].content[0].text); }\n",
     "function render(data) { console.log(langdockText(data.messages[0])); }\n"),
], ids=["calls-a-function-returning-an-answer", "calls-a-function-sending-messages",
        "defines-a-function-given-answers"])
def test_file_using_a_siblings_chat_function_is_converted(app, expected):
    result = convert_files({"client.js": CLIENT, "app.js": app})["app.js"]
    assert result.output.startswith(expected)


def test_file_calling_no_sibling_chat_function_is_left_alone():
    app = "const data = await other();\nconsole.log(data.result);\n"
    result = convert_files({"client.js": CLIENT, "app.js": app})["app.js"]
    assert result.output == app and result.notes == ()
