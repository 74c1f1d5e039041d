"""Folder mode: messages a file hands to a sibling's function that sends them to Langdock are
converted where they are written (js_decide `decide`, through the summaries of sibling
files); a call that passes no messages is left as it is."""
from __future__ import annotations

from helpers.langdock.folder import convert_files

CLIENT = (
    'const URL = "https://api.langdock.com/assistant/v1/chat/completions";\n'
    "export async function send(messages) {\n"
    '  return axios.post(URL, { assistantId: "a", messages });\n'
    "}\n"
)


def test_messages_passed_to_a_siblings_send_function_are_converted_in_the_caller():
    app = ('import { send } from "./client.js";\n'
           'const history = [{ role: "user", content: "hi" }];\n'
           "await send(history);\n"
           "await send();\n")
    results = convert_files({"client.js": CLIENT, "app.js": app})
    assert results["app.js"].output == app.replace(
        '{ role: "user", content: "hi" }',
        '{ id: "msg_0", role: "user", parts: [{ type: "text", text: "hi" }] }')
    assert [(n.line, n.column, n.severity, n.rule) for n in results["app.js"].notes] == [
        (2, 18, "info", "langdock-message-parts")]
    # the sender wraps what it is given, so callers outside the folder are covered too
    assert results["client.js"].output.startswith(
        CLIENT.replace("/assistant/v1/", "/agent/v1/").replace(
            '{ assistantId: "a", messages }', '{ agentId: "a", messages: toUIMessages(messages) }'))


def test_unknown_messages_passed_to_a_siblings_sender_are_wrapped_only_by_the_sender():
    # app.js calls a legacy endpoint itself, yet the messages it hands to `send` are
    # wrapped where they are sent (client.js), not a second time here
    app = ('import { send } from "./client.js";\n'
           'const models = await axios.get("https://api.langdock.com/assistant/v1/models");\n'
           "await send(JSON.parse(saved));\n")
    results = convert_files({"client.js": CLIENT, "app.js": app})
    assert results["app.js"].output == app.replace("/assistant/v1/", "/agent/v1/")
    assert results["app.js"].notes == ()


def test_only_messages_passed_as_the_argument_itself_are_converted_in_the_caller():
    # `quick(messages)` sends its argument as the messages; `ask(opts)` sends
    # `opts.messages`, which the sender wraps, so the caller's object stays as written
    client = (
        'const URL = "https://api.langdock.com/assistant/v1/chat/completions";\n'
        "export async function ask(opts) {\n"
        '  return axios.post(URL, { assistantId: "a", messages: opts.messages });\n'
        "}\n"
        'export const quick = async (messages) => axios.post(URL, { assistantId: "a", messages });\n'
    )
    app = ('import { ask, quick } from "./client.js";\n'
           'await ask({ messages: [{ role: "user", content: "hi" }] });\n'
           'await quick([{ role: "user", content: "yo" }]);\n')
    results = convert_files({"client.js": client, "app.js": app})
    assert results["app.js"].output == (
        'import { ask, quick } from "./client.js";\n'
        'await ask({ messages: [{ role: "user", content: "hi" }] });\n'
        'await quick([{ id: "msg_0", role: "user", parts: [{ type: "text", text: "yo" }] }]);\n')
    assert results["client.js"].output.startswith(
        'const URL = "https://api.langdock.com/agent/v1/chat/completions";\n'
        "export async function ask(opts) {\n"
        '  return axios.post(URL, { agentId: "a", messages: toUIMessages(opts.messages) });\n'
        "}\n"
        'export const quick = async (messages) => axios.post(URL, { agentId: "a", '
        "messages: toUIMessages(messages) });\n")
