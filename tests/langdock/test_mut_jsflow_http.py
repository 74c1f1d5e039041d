"""Which calls `js_flow` takes for HTTP requests, where their URL points, which
body they send, and the small helpers around it (`strip`, `env_name`, folder
summaries)."""
from __future__ import annotations

import pytest
from _jsflow_kit import CHAT, LD, flow_of, node_at

from helpers.langdock.js_flow import JsExternals, JsFlow, _is_env, env_name, strip


def calls_of(code: str, kind: str = "javascript") -> list[tuple[str, str | None, tuple | None]]:
    """(call text, family, (url text, body text)) of every top-level call statement."""
    ctx, flow = flow_of(code, kind)
    out = []
    for statement in ctx.tree.root_node.named_children:
        call = strip(statement.named_children[0])
        parts = flow.http_parts(call)
        shown = None if parts is None else tuple(
            None if part is None else ctx.text(part) for part in parts)
        out.append((ctx.text(call), flow.http_family(call), shown))
    return out


def test_request_bodies_are_found_in_the_options_or_as_the_payload():
    code = ("client.post(url, { json: { agentId: A, messages } });\n"
            "client.put(url, { agentId: A, messages });\n"
            "client.patch(url, { headers: H, messages: [] });\n"
            "client.post(url, { headers: H });\n"
            "client.post(url, { method: 'POST' });\n"
            "client.post(url, { query: q });\n"
            "client.delete(url, { query: q });\n"
            "client.request(url, { body: (JSON.stringify({ assistant: cfg })) });\n"
            "client.get(url, opts);\n"
            "client.post(url, opts);\n"
            "fetch(url, opts);\n"
            "fetch(url, made);\n"
            "fetch(url, { body: JSON.stringify() });\n"
            "fetch(url, { body: text });\n"
            "fetch(url, { body: serialize({ messages }) });\n"
            "fetch(url);\n"
            "fetch();\n"
            "client.send(url, { messages: [] });\n"
            "window.fetch(url, { body: JSON.stringify({ messages }) });\n"
            "globalThis.fetch(url, { body: JSON.stringify({ agentId: A }) });\n"
            "self.fetch(url);\n"
            "api.fetch(url, { body: JSON.stringify({ messages }) });\n"
            "post(url, { messages });\n")
    code += ("var opts = { method: 'POST', body: JSON.stringify({ assistantId: A }) };\n"
        "var made = build();\n")
    got = calls_of(code)[:23]
    assert got == [
        ("client.post(url, { json: { agentId: A, messages } })", "chat",
         ("url", "{ agentId: A, messages }")),
        ("client.put(url, { agentId: A, messages })", "chat", ("url", "{ agentId: A, messages }")),
        ("client.patch(url, { headers: H, messages: [] })", "chat",
         ("url", "{ headers: H, messages: [] }")),
        ("client.post(url, { headers: H })", "maybe", ("url", None)),
        ("client.post(url, { method: 'POST' })", "maybe", ("url", None)),
        ("client.post(url, { query: q })", "maybe", ("url", "{ query: q }")),
        ("client.delete(url, { query: q })", "maybe", ("url", None)),
        ("client.request(url, { body: (JSON.stringify({ assistant: cfg })) })", "chat",
         ("url", "{ assistant: cfg }")),
        ("client.get(url, opts)", "chat", ("url", "{ assistantId: A }")),
        ("client.post(url, opts)", "chat", ("url", "{ assistantId: A }")),
        ("fetch(url, opts)", "chat", ("url", "{ assistantId: A }")),
        ("fetch(url, made)", "maybe", ("url", None)),
        ("fetch(url, { body: JSON.stringify() })", "maybe", ("url", None)),
        ("fetch(url, { body: text })", "maybe", ("url", None)),
        ("fetch(url, { body: serialize({ messages }) })", "maybe", ("url", None)),
        ("fetch(url)", "maybe", ("url", None)),
        ("fetch()", None, None),
        ("client.send(url, { messages: [] })", None, None),
        ("window.fetch(url, { body: JSON.stringify({ messages }) })", "chat",
         ("url", "{ messages }")),
        ("globalThis.fetch(url, { body: JSON.stringify({ agentId: A }) })", "chat",
         ("url", "{ agentId: A }")),
        ("self.fetch(url)", "maybe", ("url", None)),
        ("api.fetch(url, { body: JSON.stringify({ messages }) })", None, None),
        ("post(url, { messages })", None, None),
    ]


def test_requests_to_unseen_urls_outside_langdock_code_are_not_followed():
    code = ("client.post(url, { headers: H });\n"
            "client.delete(url, { query: q });\n"
            "fetch(url);\n")
    assert [family for _text, family, _parts in calls_of(code)] == [None] * 3


@pytest.mark.parametrize("key", ["messages", "assistantId", "agentId", "assistant", "agent"])
def test_a_body_that_names_an_agent_or_messages_makes_a_chat_call(key):
    code = (f"const payload = {{ {key}: value }};\n"
            "const sent = payload;\n"
            "fetch(endpoint, { method: 'POST', body: JSON.stringify(sent) });\n")
    assert calls_of(code)[2][1] == "chat"


def test_a_body_without_agent_or_messages_is_no_chat_call():
    code = ("const payload = { query: value, model: 'gpt' };\n"
            "fetch(`https://example.com/search`, { method: 'POST', body: JSON.stringify(payload) });\n")
    assert calls_of(code)[1][1] == "other"


def test_url_families():
    code = (f'const CHAT_URL = "{CHAT}";\n'
            "const alias = CHAT_URL;\n"
            "axios.post(alias, payload);\n"
            "axios.post(process.env.LANGDOCK_URL, payload);\n"
            "axios.post(process.env.LANGDOCK_BASE + '/assistant/v1/chat/completions', payload);\n"
            "axios.post(`${process.env.LD}/assistant/v1/create`, payload);\n"
            "axios.post(`${import.meta.env.VITE_LD}/assistant/v1/update`, payload);\n"
            f'axios.post("{LD}/assistant/v1/models", payload);\n'
            f'axios.post("{LD}/assistant/v1/get", payload);\n'
            f'axios.post("{LD}/assistant/v1/disable", payload);\n'
            'axios.post("https://gateway.example.com/assistant/v1/chat/completions", payload);\n'
            f'axios.post("{LD}/agent/v1/chat/completions", payload);\n'
            f'axios.post("{LD}/agent/v1/update", payload);\n'
            f'axios.post("{LD}/agent/v1/models", payload);\n'
            'axios.post("/api/chat", payload);\n'
            'axios.post("http:", payload);\n'
            'axios.post(urlFor("/assistant/v1/chat/completions", "/x"), payload);\n'
            'axios.post(urlFor("/upload"), payload);\n'
            "axios.post(urlFor(id), payload);\n"
            "axios.post(process.env.LD + suffix, payload);\n"
            "axios.post(new URL('/assistant/v1/chat/completions', base), payload);\n"
            "axios.post(new URL(path, base).toString(), payload);\n")
    families = [family for _text, family, _parts in calls_of(code)[2:]]
    assert families == ["chat", "maybe", "chat", "build", "build", "build", "build", "build",
                        "other", "chat", "build", "build", "other", "other", "chat", "other",
                        "maybe", "maybe", "chat", "maybe"]


def test_environment_urls_are_recorded_for_langdock_calls_only():
    code = ("axios.post(process.env.LANGDOCK_BASE + '/assistant/v1/chat/completions', payload);\n"
            "axios.post(process.env.OTHER_BASE + '/search', payload);\n"
            "axios.post(process.env.LD_ADMIN + '/assistant/v1/create', payload);\n"
            "axios.post(base + '/assistant/v1/chat/completions', payload);\n"
            "axios.post(Deno.env.get('LD_URL'), payload);\n")
    ctx, flow = flow_of(code)
    for call in ctx.nodes("call_expression"):
        flow.http_family(call)
    # a whole URL from the environment in Langdock code is taken for Langdock's
    assert sorted({ctx.text(n) for n in flow.env_urls}) == [
        "Deno.env.get('LD_URL')", "process.env.LANGDOCK_BASE", "process.env.LD_ADMIN"]


@pytest.mark.parametrize(("expr", "name"), [
    ("process.env.LANGDOCK_URL", "LANGDOCK_URL"),
    ('process.env["LANGDOCK_URL"]', "LANGDOCK_URL"),
    ("process.env['LANGDOCK_URL']", "LANGDOCK_URL"),
    ('Deno.env.get("LANGDOCK_URL")', "LANGDOCK_URL"),
    ("Deno.env.get('LANGDOCK_URL')", "LANGDOCK_URL"),
    ("import.meta.env.VITE_LANGDOCK_URL", "VITE_LANGDOCK_URL"),
])
def test_environment_variable_names(expr, name):
    ctx, _flow = flow_of(f"const url = ({expr});\n")
    node = node_at(ctx, f"({expr})")
    assert _is_env(ctx, node)
    assert env_name(ctx, strip(node)) == name


@pytest.mark.parametrize("expr", ["process.envx.A", "env.LANGDOCK_URL", "config.process.env.A",
                                  "Deno.env.set('A')", "import.meta.url",
                                  "process.env.LANGDOCK_URL + '/assistant/v1/get'",
                                  "`${process.env.LANGDOCK_URL}/x`"])
def test_not_environment_variables(expr):
    ctx, _flow = flow_of(f"const url = {expr};\n")
    assert not _is_env(ctx, node_at(ctx, expr))


@pytest.mark.parametrize(("code", "kind", "inner"), [
    ("const v = (((x)));", "javascript", "x"),
    ("async function f() { const v = await x; }", "javascript", "x"),
    ("function f() { return await (x).json(); }", "javascript", "x"),
    ("const v = x as Reply;", "typescript", "x"),
    ("const v = x!;", "typescript", "x"),
    ("const v = x satisfies Reply;", "typescript", "x"),
    ("const v = <Reply>x;", "typescript", "x"),
    ("const v = (await (x as any))!;", "typescript", "x"),
    ("const v = (/* parsed */ x);", "javascript", "x"),
    ("const v = <Reply>/* cast */ x;", "typescript", "x"),
    ("const v = (x: Reply);", "typescript", "x"),
    ("const v = await(x, y);", "javascript", "x, y"),
    ("const v = x.y;", "javascript", "x.y"),
])
def test_strip_removes_wrappers_around_a_value(code, kind, inner):
    ctx, _flow = flow_of(code, kind)
    if "json" in code:
        node = node_at(ctx, "await (x)")
    else:
        declarator = ctx.nodes("variable_declarator")[0]
        node = declarator.child_by_field_name("value")
    assert ctx.text(strip(node)) == inner
    assert strip(None) is None


def test_summary_tells_siblings_returns_and_arguments():
    code = (f'const URL = "{CHAT}";\n'
            "export async function ask(q) {\n"
            "  const res = await fetch(URL, { method: 'POST', body: JSON.stringify({ assistantId: A, messages: q }) });\n"
            "  return res.json();\n"
            "}\n"
            "export function reply(data) {\n  return data.result;\n}\n"
            "export function count() {\n  return 1;\n}\n"
            "export function load() {\n  return JSON.parse(text);\n}\n"
            "export function noop() {}\n"
            "export function either(flag) {\n"
            "  if (flag) {\n    return ask(flag);\n  }\n"
            "  return reply(flag);\n"
            "}\n"
            "async function main() {\n"
            "  const data = await ask('hi');\n"
            "  render(data.result[0], 2, data);\n"
            "  render(null, data.result);\n"
            "  render(data);\n"
            "  count(data);\n"
            "  reply(data);\n"
            "}\n")
    _ctx, flow = flow_of(code)
    summary = flow.summary()
    assert summary.returns == {"ask": frozenset({"chat.body"}),
                               "reply": frozenset({"chat.result"}),
                               "either": frozenset({"chat.body", "chat.result"})}
    assert summary.params == {"render": {0: frozenset({"chat.message", "chat.body"}),
                                         1: frozenset({"chat.result"}),
                                         2: frozenset({"chat.body"})}}


def test_sibling_summaries_are_followed():
    code = ("async function main() {\n"
            "  const data = await ask('hi');\n"
            "  const other = await unknown('hi');\n"
            "  return [data.result, other];\n"
            "}\n"
            "export function show(label, message) {\n  return [label, message];\n}\n"
            "show('x', y);\n")
    ctx, flow = flow_of(code)
    ext = JsExternals(returns={"ask": frozenset({"chat.body"})},
                      params={"show": {1: frozenset({"chat.message"})}})
    flow = JsFlow(ctx, ext)
    assert set(flow.kinds(node_at(ctx, "data.result"))) == {"chat.result"}
    assert set(flow.kinds(node_at(ctx, "other"))) == set()
    assert set(flow.kinds(node_at(ctx, "message"))) == {"chat.message"}
    assert set(flow.kinds(node_at(ctx, "label"))) == {"other"}


def test_cycles_and_values_the_flow_cannot_read_end_as_unknown():
    code = ("let a = b;\nlet b = a;\n"
            "let p = q;\nlet q = p;\n"
            "fetch(a, { method: 'POST', body: JSON.stringify(p) });\n"
            "fetch(config.url, { method: 'POST', body: JSON.stringify(makeBody()) });\n"
            "fetch(new URL(path, base), { method: 'POST', body: JSON.stringify([assistantId]) });\n")
    assert [family for _text, family, _parts in calls_of(code)[4:]] == ["maybe"] * 3


def test_parameters_of_callbacks_without_a_known_caller_stay_unknown():
    code = (f'const r = await fetch("{CHAT}", {{ method: "POST", body: JSON.stringify(req) }});\n'
            "const body = await r.json();\n"
            "function total(first, ...rest) {\n  return [first, rest];\n}\n"
            "total(body, body);\n"
            "setTimeout((tick) => tick, 10);\n"
            "new Promise(function (done) { done(body); });\n")
    ctx, flow = flow_of(code)
    got = {name: set(flow.kinds(node_at(ctx, name))) for name in ("first", "rest", "tick", "done")}
    assert got == {"first": {"chat.body"}, "rest": set(), "tick": set(), "done": set()}


def test_the_url_decides_before_the_body_and_the_body_before_another_url():
    code = (f'const BASE = "{LD}/assistant/v1";\n'
            f'axios.post("{LD}/assistant/v1/create", {{ assistant: {{ name: "Helper" }} }});\n'
            "axios.post('/api/chat', { messages: history });\n"
            "axios.post('/api/search', { query: q });\n"
            f'axios.post("{CHAT}" + query, {{ query: q }});\n'
            "fetch(`${BASE}/assistant/v1/${endpoint}`, { method: 'POST', body: '{}' });\n"
            f'fetch("{LD}/assistant/v1/threads", {{ method: "POST", body: "{{}}" }});\n')
    assert [family for _text, family, _parts in calls_of(code)[1:]] == [
        "build", "chat", "other", "chat", "maybe", "other"]


def test_answers_of_agent_management_calls_and_other_endpoints():
    code = (f'const created = await axios.post("{LD}/assistant/v1/create", {{ assistant: cfg }});\n'
            f'const uploaded = await fetch("{LD}/attachment/v1/upload", {{ method: "POST", body: form }});\n'
            "const info = created.data;\n"
            "const upload = await uploaded.json();\n"
            "const again = await upload.json();\n"
            "const revived = await uploaded.json(reviver);\n"
            "for (const part of info) {\n  console.log(part);\n}\n"
            "for (const item of somewhere) {\n  console.log(item);\n}\n")
    ctx, flow = flow_of(code)
    got = {name: set(flow.kinds(node_at(ctx, name)))
           for name in ("created", "info", "upload", "again", "revived", "part", "item")}
    assert got == {"created": {"build.response"}, "info": {"build.body"},
                   "upload": {"other.body"}, "again": {"other"}, "revived": set(),
                   "part": {"other"}, "item": set()}


def test_returns_of_nested_functions_do_not_count_for_the_outer_one():
    code = (f'const URL = "{CHAT}";\n'
            "async function ask(items) {\n"
            "  const res = await fetch(URL, { method: 'POST', body: JSON.stringify(req) });\n"
            "  items.forEach((x) => {\n    return 1;\n  });\n"
            "  function inner() {\n    return 'x';\n  }\n"
            "  return res.json();\n"
            "}\n"
            "const data = await ask([]);\n")
    ctx, flow = flow_of(code)
    assert set(flow.kinds(node_at(ctx, "data"))) == {"chat.body"}
    ask = flow.functions["ask"][0]
    assert [ctx.text(value) for value in flow.returns(ask)] == ["res.json()"]


@pytest.mark.parametrize(("expr", "name"), [
    ("process.env[KEY_NAME]", "KEY_NAME"),
    ("Deno.env.get(KEY_NAME)", "KEY_NAME"),
    ("Deno.env.get()", "Deno.env.get()"),
])
def test_environment_variable_names_that_are_not_strings(expr, name):
    ctx, _flow = flow_of(f"const url = {expr};\n")
    assert env_name(ctx, node_at(ctx, expr)) == name


def test_options_and_bodies_passed_in_as_parameters_are_not_followed():
    code = ("async function send(url, opts, payload) {\n"
            "  await fetch(url, opts);\n"
            "  await fetch(url, { method: 'POST', body: JSON.stringify(payload) });\n"
            "  for (const body of [{ messages: [] }]) {\n"
            "    await fetch(url, { method: 'POST', body: JSON.stringify(body) });\n"
            "  }\n"
            "}\n"
            "send(LANGDOCK_URL, { method: 'POST', body: JSON.stringify({ assistantId: A }) }, "
            "{ assistantId: A });\n")
    ctx, flow = flow_of(code)
    calls = [c for c in ctx.nodes("call_expression") if ctx.text(c).startswith("fetch")]
    got = []
    for call in calls:
        body = flow.http_parts(call)[1]
        got.append((flow.http_family(call), None if body is None else ctx.text(body)))
    assert got == [("maybe", None), ("maybe", "payload"), ("maybe", "body")]


def test_every_value_a_url_name_is_given_counts():
    code = (f'let endpoint = "{CHAT}";\n'
            "if (offline) endpoint = '/api/fallback';\n"
            "fetch(endpoint, { method: 'POST', body: JSON.stringify(payload) });\n"
            "let other = '/api/fallback';\n"
            "if (online) other = `https://api.langdock.com/assistant/v1/get?assistantId=${id}`;\n"
            "fetch(other, { method: 'POST', body: JSON.stringify(payload) });\n")
    assert [family for _text, family, _parts in calls_of(code)[2::3]] == ["chat", "build"]


def test_urls_and_bodies_are_followed_through_several_names():
    code = (f'const u0 = "{CHAT}";\n'
            "const u1 = u0;\nconst u2 = u1;\nconst u3 = u2;\nconst u4 = u3;\nconst u5 = u4;\n"
            "fetch(u5, { method: 'POST', body: '{}' });\n"
            "const b0 = { messages: [] };\n"
            "const b1 = b0;\nconst b2 = b1;\nconst b3 = b2;\n"
            "fetch(target, { method: 'POST', body: JSON.stringify(b3) });\n"
            "fetch(urlFor('/assistant/v1/create'), { method: 'POST', body: '{}' });\n"
            "let url = u0;\n"
            "url = url + '?page=' + page;\n"
            "fetch(url, { method: 'POST', body: '{}' });\n"
            "let safe = u0;\n"
            "safe = encodeURI(safe);\n"
            "fetch(safe, { method: 'POST', body: '{}' });\n"
            "const v2 = u1 + '?v=2';\nconst v3 = v2;\nconst v4 = v3;\n"
            "fetch(v4, { method: 'POST', body: '{}' });\n")
    families = [family for _text, family, _parts in calls_of(code) if family is not None]
    assert families == ["chat", "chat", "build", "chat", "chat", "chat"]


def test_a_get_with_a_key_instead_of_a_url_is_no_request():
    code = (f'const LD = "{LD}";\n'
            "headers.get('content-type');\n"
            "Deno.env.get('LANGDOCK_API_KEY');\n"
            "cache.get(`answer`);\n"
            "client.get(endpoint);\n"
            "client.get('');\n"
            "client.get(`${base}${path}`);\n")
    assert [family for _text, family, _parts in calls_of(code)[1:]] == [
        None, None, None, "maybe", None, "maybe"]


def test_url_family_labels():
    code = (f'const chat = "{CHAT}";\n'
            f'const made = `{LD}/assistant/v1/create`;\n'
            "const gateway = 'https://gw.example.com/assistant/v1/chat/completions';\n"
            "const proxy = '/api/chat';\n"
            "const key = 'accept';\n"
            "const joined = chat + '?x=1';\n"
            "use(chat, made, gateway, proxy, key, joined);\n")
    ctx, flow = flow_of(code)
    args = ctx.nodes("call_expression")[-1].child_by_field_name("arguments").named_children
    assert [flow.url_family(arg) for arg in args] == [
        # a gateway's copy of the legacy path is another API ("foreign"): its body does not decide
        {"chat"}, {"build"}, {"foreign"}, {"other"}, set(), {"chat"}]
