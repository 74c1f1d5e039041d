"""`"result" in data` checks the legacy answer's shape: on a traced chat answer it
becomes `"messages" in data` (else the check is silently false after migration)."""
from __future__ import annotations

from helpers.langdock.javascript import convert_javascript
from helpers.langdock.python_requests import convert_langdock_python

PY = '''import requests


def ask(text):
    r = requests.post("https://api.langdock.com/assistant/v1/chat/completions",
                      json={"assistantId": "a1", "messages": [{"role": "user", "content": text}]})
    data = r.json()
    if "result" not in data:
        raise RuntimeError("no answer")
    return data
'''

JS = '''async function ask(text) {
  const res = await fetch("https://api.langdock.com/assistant/v1/chat/completions", {
    method: "POST",
    body: JSON.stringify({ assistantId: "a1", messages: [{ role: "user", content: text }] }),
  });
  const data = await res.json();
  if (!("result" in data)) throw new Error("no answer");
  return data;
}
'''


def test_python_in_check_on_the_chat_answer_is_renamed():
    result = convert_langdock_python(PY)
    assert '    if "messages" not in data:\n' in result.output
    assert '"result"' not in result.output
    shape = [n for n in result.notes if n.rule == "langdock-response-messages"]
    assert [n.line for n in shape] == [8]
    assert not [n for n in result.notes if n.rule == "langdock-untraced-read"]
    assert convert_langdock_python(result.output).output == result.output


def test_python_in_check_on_another_dict_stays():
    code = PY + '\n\ndef check(config):\n    return "result" in config\n'
    out = convert_langdock_python(code).output
    assert out.endswith('\n\ndef check(config):\n    return "result" in config\n')


def test_javascript_in_check_on_the_chat_answer_is_renamed():
    result = convert_javascript(JS)
    assert '  if (!("messages" in data)) throw new Error("no answer");\n' in result.output
    assert '"result"' not in result.output
    assert [n.line for n in result.notes if n.rule == "langdock-response-messages"] == [7]
    assert convert_javascript(result.output).output == result.output


def test_javascript_other_in_checks_stay():
    code = JS + 'function has(config, key) { return "result" in config && key in config; }\n'
    out = convert_javascript(code).output
    assert out.endswith('function has(config, key) { return "result" in config && key in config; }\n')
