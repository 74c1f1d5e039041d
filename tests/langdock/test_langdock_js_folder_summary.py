"""What a JavaScript/TypeScript file tells its siblings in folder mode (`summarise`):
functions that return a chat answer, and what a file passes to functions defined elsewhere.
Only chat values are told; other values and parsed files (`JSON.parse`) are not."""
from __future__ import annotations

from helpers.langdock.folder import summarise
from helpers.langdock.js_summary import summarise_javascript

LD = "https://api.langdock.com"

APP = (
    "name();\n"  # a call of a function defined here comes first: it must not end the scan
    f'const URL = "{LD}/assistant/v1/chat/completions";\n'
    "export async function ask(q) {\n"
    '  const r = await fetch(URL, { method: "POST", body: JSON.stringify({ assistantId: "a",'
    ' messages: [{ role: "user", content: q }] }) });\n'
    '  if (q === "") return r;\n'
    "  return r.json();\n"
    "}\n"
    'export function name() { return "x"; }\n'
    "export function load(text) { return JSON.parse(text); }\n"
    "export async function answerId() {\n"
    '  const r = await axios.post(URL, { assistantId: "a", messages: [] });\n'
    "  return r.data.id;\n"
    "}\n"
    'const res = await axios.post(URL, { assistantId: "a", messages: [] });\n'
    "show(res, JSON.parse(s));\n"
    "show(res.data, res.data.id);\n"
)


def test_summary_tells_chat_returns_and_chat_arguments_only():
    table = summarise({"app.js": APP})["javascript"]
    # `ask` returns the response on one path and its parsed body on the other
    assert table.returns == {"ask": frozenset({"chat.response", "chat.body"})}
    # both calls of `show` pass a chat value first; the id and the parsed file are not told
    assert table.params == {"show": {0: frozenset({"chat.response", "chat.body"})}}
    assert table.message_params == {}


def test_typescript_file_is_read_with_the_typescript_grammar_even_with_a_stray_surrogate():
    # `<number>count` is valid TypeScript but not TSX; the lone surrogate in the comment
    # (possible in pasted text) must not make the file unreadable
    ts = ("// note \ud800\n"
          f'const URL: string = "{LD}/assistant/v1/chat/completions";\n'
          "const n = <number>count;\n"
          'export async function ask(): Promise<any> { return fetch(URL, { method: "POST" }); }\n')
    summary = summarise_javascript(ts, "typescript")
    assert summary is not None
    assert summary.returns == {"ask": frozenset({"chat.response"})}


def test_file_that_is_not_langdock_code_tells_nothing():
    assert summarise_javascript("export function add(a, b) { return a + b; }\n",
                                "javascript") is None
