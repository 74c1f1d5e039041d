"""The JavaScript value flow (`js_flow`) on its own: what each expression holds.

Each snippet is realistic Langdock client code; the expected labels are those
the module docstring defines (`chat.response` for what the chat call returns,
`chat.body` for its parsed JSON, `chat.result` for `body.result`,
`chat.message` for one of its messages, `build.*` for agent management calls,
`other`, `file`, and nothing for a value that cannot be followed).
"""
from __future__ import annotations

import pytest
from _jsflow_kit import CHAT, LD, flow_of, kinds_of, node_at

from helpers.langdock import jstree


def test_fetch_answer_followed_through_json_result_and_messages():
    code = (f'const URL = "{CHAT}";\n'
            "async function ask(q) {\n"
            '  const res = await fetch(URL, { method: "POST", headers: H, '
            'body: JSON.stringify({ assistantId: "a", messages: [] }) });\n'
            "  const data = await res.json();\n"
            "  const list = data.result;\n"
            "  const last = list[list.length - 1];\n"
            '  const named = data["result"];\n'
            "  const text = last.content;\n"
            "  const status = res.status;\n"
            "  const output = data.output;\n"
            "  const joined = list + '';\n"
            "  return [list, last, named, text, status, output, joined, choose(q)];\n"
            "}\n"
            "function choose(flag) {\n"
            "  if (flag) {\n    return URL;\n  }\n"
            "  return fetch(URL, { method: 'POST', body: JSON.stringify(req) });\n"
            "}\n")
    assert kinds_of(code, "res", "data", "list", "last", "named", "text", "status", "output",
                    "joined", "choose(q)", "q") == {
        "res": {"chat.response"}, "data": {"chat.body"}, "list": {"chat.result"},
        "last": {"chat.message"}, "named": {"chat.result"}, "text": {"other"},
        "status": {"other"}, "output": {"other"}, "joined": {"chat.result", "other"},
        "choose(q)": {"other", "chat.response"}, "q": set(),
    }


def test_axios_answer_destructured_renamed_and_iterated():
    code = ('import axios from "axios";\n'
            f'const URL = "{CHAT}";\n'
            "export async function ask(messages) {\n"
            '  const { data } = await axios.post(URL, { assistantId: "a", messages });\n'
            '  const { data: body, status: code } = await axios.post(URL, { assistantId: "a", messages });\n'
            "  const [first] = body.result;\n"
            "  for (const reply of body.result) {\n"
            "    console.log(reply);\n"
            "  }\n"
            "  for (const key in data) {\n"
            "    console.log(key);\n"
            "  }\n"
            "  return [data, body, code, first];\n"
            "}\n")
    assert kinds_of(code, "data", "body", "code", "reply", "key", "first") == {
        "data": {"chat.body"}, "body": {"chat.body"}, "code": {"other"},
        "reply": {"chat.message"}, "key": {"other"},
        "first": set(),  # array patterns are not followed
    }


@pytest.mark.parametrize("method", ["map", "forEach", "filter", "find", "findLast", "some",
                                    "every", "flatMap"])
def test_callbacks_of_array_methods_receive_messages(method):
    code = (f'const r = await fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(req) }});\n'
            "const data = await r.json();\n"
            "const i = 0;\n"
            f"data.result.{method}((m, i) => show(m, i));\n")
    assert kinds_of(code, "m", "i") == {"m": {"chat.message"}, "i": {"other"}}


def test_array_methods_on_the_result():
    code = (f'const r = await fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(req) }});\n'
            "const { result } = await r.json();\n"
            "const a = result.at(-1);\n"
            "const b = result.find(isAssistant);\n"
            "const c = result.findLast(isAssistant);\n"
            "const d = result.pop();\n"
            "const e = result.shift();\n"
            "const f = result.filter(isAssistant);\n"
            "const g = result.slice(1);\n"
            "const h = result.reverse();\n"
            "const k = result.toReversed();\n"
            "const l = result.concat(more);\n"
            "const n = result.join();\n"
            "const o = result.map(String);\n"
            "const p = f.at(0);\n")
    assert kinds_of(code, *"abcdefghklnop") == {
        "a": {"chat.message"}, "b": {"chat.message"}, "c": {"chat.message"},
        "d": {"chat.message"}, "e": {"chat.message"}, "f": {"chat.result"},
        "g": {"chat.result"}, "h": {"chat.result"}, "k": {"chat.result"},
        "l": {"chat.result"}, "n": set(), "o": set(), "p": {"chat.message"},
    }


def test_parameters_take_what_the_call_sites_pass():
    code = (f'const URL = "{CHAT}";\n'
            "function pick(first, second) {\n  return second;\n}\n"
            "const show = (label, value = null) => value.result;\n"
            "const api = {\n  read: function (reply) {\n    return reply;\n  },\n};\n"
            "async function main() {\n"
            "  const res = await fetch(URL, { method: 'POST', body: JSON.stringify(req) });\n"
            "  const body = await res.json();\n"
            "  const x = pick(1, body);\n"
            "  const y = show('a', body);\n"
            "  const z = api.read(body.result[0]);\n"
            "  const w = pick(body);\n"
            "}\n")
    assert kinds_of(code, "first", "second", "label", "value", "reply", "x", "y", "w") == {
        "first": {"other", "chat.body"}, "second": {"chat.body"}, "label": {"other"},
        "value": {"chat.body"}, "reply": {"chat.message"},
        "x": {"chat.body"}, "y": {"chat.result"}, "w": {"chat.body"},
    }


def test_typescript_parameters_and_wrappers():
    code = (f'const URL = "{CHAT}";\n'
            "function answer(reply: Response, extra?: string, { verbose }: Opts = {}) {\n"
            "  return reply;\n}\n"
            "async function main() {\n"
            "  const res = await fetch(URL, { method: 'POST', body: JSON.stringify(req) });\n"
            "  const a = (await res.json()) as Reply;\n"
            "  const b = a!.result satisfies unknown[];\n"
            "  const c = <Reply>a;\n"
            "  answer(res, 'x', {});\n"
            "}\n")
    assert kinds_of(code, "reply", "extra", "a", "b", "c", "verbose", kind="typescript") == {
        "reply": {"chat.response"}, "extra": {"other"}, "a": {"chat.body"},
        "b": {"chat.result"}, "c": {"chat.body"}, "verbose": set(),
    }


def test_then_callbacks_receive_what_the_promise_resolves_to():
    code = (f'const req = fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(b) }});\n'
            "req.then((res, extra) => res.json(), (err) => err);\n"
            "const p = req.then(onOk);\n"
            "const extra = 1;\n"
            "req.then(async function (res) {\n  const body = await res.json();\n  return body.result;\n});\n")
    ctx, flow = flow_of(code)
    res = [n for n in jstree.walk(ctx.tree.root_node) if ctx.text(n) == "res"]
    assert [set(flow.kinds(n)) for n in res] == [{"chat.response"}] * 4
    assert set(flow.kinds(node_at(ctx, "body"))) == {"chat.body"}
    # only the first callback of `then` gets the value; `p` is a promise of unknown value
    assert set(flow.kinds(node_at(ctx, "err"))) == set()
    assert set(flow.kinds(node_at(ctx, "p"))) == set()
    assert set(flow.kinds(node_at(ctx, "extra", 0))) == {"other"}


def test_reassigned_answer_holds_both_values_and_cycles_end():
    code = (f'let data = await fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(b) }});\n'
            "data = await data.json();\n"
            "let a = b;\nlet b = a;\n"
            "console.log(data.result, a, b);\n")
    assert kinds_of(code, "data", "data.result", "a", "b") == {
        "data": {"chat.response", "chat.body"}, "data.result": {"chat.result"},
        "a": set(), "b": set(),
    }


def test_assignment_goes_to_the_scope_that_declares_the_name():
    code = (f'const URL = "{CHAT}";\n'
            "let answer;\n"
            "async function load() {\n"
            "  const res = await fetch(URL, { method: 'POST', body: JSON.stringify(req) });\n"
            "  answer = await res.json();\n"
            "  holder.answer = 1;\n"
            "}\n"
            "function show() {\n  return answer.result;\n}\n")
    ctx, flow = flow_of(code)
    assert set(flow.kinds(node_at(ctx, "answer.result"))) == {"chat.result"}
    program = ctx.tree.root_node.id
    assert [how[0] for how in flow.bindings[(program, "answer")]] == ["value"]


def test_build_calls_and_unknown_urls():
    code = ("async function main(url) {\n"
            f"  const got = await axios.get(`{LD}/assistant/v1/get?assistantId=${{id}}`);\n"
            "  const info = got.data;\n"
            "  const up = await fetch('https://api.langdock.com/attachment/v1/upload', { method: 'POST', body: form });\n"
            "  const file = JSON.parse(text);\n"
            "  const anything = await fetch(url);\n"
            "  const parsed = await anything.json();\n"
            "  return [info.assistant, up, file.result, parsed.result];\n"
            "}\n")
    assert kinds_of(code, "got", "info", "info.assistant", "up", "file", "anything",
                    "parsed", "parsed.result") == {
        "got": {"build.response"}, "info": {"build.body"}, "info.assistant": {"other"},
        "up": {"other.response"}, "file": {"file"}, "anything": {"maybe.response"},
        "parsed": {"maybe.body"}, "parsed.result": {"chat.result"},
    }


def test_outside_langdock_code_unknown_urls_are_not_followed():
    code = ("async function main(url) {\n"
            "  const res = await fetch(url);\n"
            "  const data = await res.json();\n"
            "  return data.result;\n"
            "}\n")
    assert kinds_of(code, "res", "data", "data.result") == {
        "res": set(), "data": set(), "data.result": set(),
    }


def test_local_functions_called_directly_and_through_this():
    code = (f'const URL = "{CHAT}";\n'
            "class Client {\n"
            "  async send(body) {\n"
            "    const res = await fetch(URL, { method: 'POST', body: JSON.stringify(body) });\n"
            "    return res.json();\n"
            "  }\n"
            "  async ask(q) {\n"
            "    const data = await this.send({ assistantId: 'a', messages: [q] });\n"
            "    const other = await other.send(q);\n"
            "    const nothing = await this.missing(q);\n"
            "    return data.result;\n"
            "  }\n"
            "}\n"
            "const send2 = async () => (await fetch(URL, { method: 'POST', body: '{}' })).json();\n"
            "const viaArrow = await send2();\n")
    assert kinds_of(code, "data", "other", "nothing", "viaArrow") == {
        "data": {"chat.body"}, "other": set(), "nothing": set(), "viaArrow": {"chat.body"},
    }


def test_values_of_literals_and_operators():
    code = ("const a = { x: 1 };\nconst b = [1];\nconst c = 'x';\nconst d = `x`;\n"
            "const e = 2;\nconst f = c + d;\nconst g = !c;\nconst h = null;\n")
    assert kinds_of(code, *"abcdefgh") == {
        "a": {"other"}, "b": {"other"}, "c": {"other"}, "d": {"other"}, "e": {"other"},
        "f": {"other"}, "g": set(), "h": set(),
    }


def test_patterns_the_flow_does_not_follow_stay_unknown():
    code = (f'const r = await fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(req) }});\n'
            "const body = await r.json();\n"
            "const { result: { length } } = body;\n"
            "const [head] = body.result;\n"
            "for (const { content } of body.result) {\n  console.log(content);\n}\n"
            "const texts = body.result.map(m => m.content);\n"
            "const key = pick();\n"
            "const byKey = body[key];\n"
            "const picked = body.result[key];\n"
            "const unknown = other[0];\n"
            "function early() {\n  return;\n}\n"
            "const nothing = early();\n")
    assert kinds_of(code, "length", "head", "content", "m", "byKey", "picked", "unknown",
                    "nothing") == {
        "length": set(), "head": set(), "content": set(), "m": {"chat.message"},
        "byKey": {"other"}, "picked": {"chat.message"}, "unknown": set(), "nothing": set(),
    }


def test_function_and_generator_expressions_are_local_functions_with_their_own_scope():
    code = (f'const URL = "{CHAT}";\n'
            "const send = function (payload) {\n"
            "  const res = fetch(URL, { method: 'POST', body: JSON.stringify(payload) });\n"
            "  return res;\n"
            "};\n"
            "const replies = async function* (answer) {\n"
            "  const res = 1;\n"
            "  for (const message of answer.result) yield message;\n"
            "  return res;\n"
            "};\n"
            "function* numbers(res) {\n  yield res;\n}\n"
            "const res = send({ assistantId: 'a', messages: [] });\n"
            "const data = await res.json();\n"
            "const gen = replies(data);\n"
            "numbers(data);\n")
    ctx, flow = flow_of(code)
    assert set(flow.kinds(node_at(ctx, "data"))) == {"chat.body"}
    assert set(flow.kinds(node_at(ctx, "message"))) == {"chat.message"}
    # each function body is a scope: `res` inside `replies` is its own number
    assert set(flow.kinds(node_at(ctx, "res", 3))) == {"other"}
    assert set(flow.kinds(node_at(ctx, "gen"))) == {"other"}
    assert set(flow.kinds(node_at(ctx, "res", 5))) == {"chat.body"}
    assert sorted(flow.functions) == ["numbers", "replies", "send"]


def test_only_plain_names_are_bound():
    code = (f'const r = await fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(req) }});\n'
            "let pending;\n"
            "const body = await r.json();\n"
            "const { [field]: picked, result: { length }, result: list, status } = body;\n"
            "holder.answer = body;\n"
            "holder[key] = body;\n"
            "for (const { content } of body.result) {}\n"
            "for (pending of body.result) {}\n"
            "function show({ verbose }, reply, [first]) {\n  return reply;\n}\n"
            "show({}, body.result[0], []);\n")
    ctx, flow = flow_of(code)
    program = ctx.tree.root_node.id
    bound = {name: [how[0] for how in hows] for (scope, name), hows in flow.bindings.items()
             if scope == program}
    assert bound == {"r": ["value"], "body": ["value"], "list": ["field"],
                     "status": ["field"], "pending": ["element"]}
    show = flow.functions["show"][0]
    assert [(name, hows[0][0], hows[0][2]) for (scope, name), hows in flow.bindings.items()
            if scope == show.id] == [("reply", "param", 1)]
    assert set(flow.kinds(node_at(ctx, "reply"))) == {"chat.message"}
    assert set(flow.kinds(node_at(ctx, "pending"))) == {"chat.message"}
    assert set(flow.kinds(node_at(ctx, "list"))) == {"chat.result"}
