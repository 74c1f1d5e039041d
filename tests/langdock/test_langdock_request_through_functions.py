"""A chat body that reaches the request through a function parameter. When every caller
in the file passes a literal, the literals are converted in place (agent keys, message
`id` and `parts`, reference 3.2). When one caller passes something the file does not
show, the body is wrapped in the run-time helper and every caller's literal stays as it
is: converting it too would convert it twice."""
from __future__ import annotations

from helpers.langdock.javascript import convert_javascript
from helpers.langdock.python_requests import convert_langdock_python

LD = "https://api.langdock.com"
JS_HEAD = (f'const URL = "{LD}/assistant/v1/chat/completions";\n'
           "async function ask(body) { return axios.post(URL, body); }\n"
           "async function askWith(opts) { return axios.post(URL, opts.body); }\n")
JS_NEW_HEAD = JS_HEAD.replace("/assistant/v1/", "/agent/v1/")
PY_HEAD = ("import requests\n\n"
           f'URL = "{LD}/assistant/v1/chat/completions"\n\n\n'
           "def ask(body, timeout=10):\n"
           "    return requests.post(URL, json=body, timeout=timeout)\n\n\n")


def test_js_literals_every_caller_passes_are_converted_in_place():
    code = JS_HEAD + (
        'ask({ assistantId: "a", messages: [{ role: "user", content: "one" }] });\n'
        'ask({ assistantId: "a", messages: [{ role: "user", content: "two" }] });\n'
        'askWith({ body: { assistantId: "a", '
        'messages: [{ role: "user", content: "three" }] } });\n')
    result = convert_javascript(code)
    assert result.output == JS_NEW_HEAD + (
        'ask({ agentId: "a", messages: [{ id: "msg_0", role: "user", '
        'parts: [{ type: "text", text: "one" }] }] });\n'
        'ask({ agentId: "a", messages: [{ id: "msg_1", role: "user", '
        'parts: [{ type: "text", text: "two" }] }] });\n'
        'askWith({ body: { agentId: "a", messages: [{ id: "msg_2", role: "user", '
        'parts: [{ type: "text", text: "three" }] }] } });\n')
    assert "langdock-forwarded-request" not in [n.rule for n in result.notes]


def test_js_one_unseen_caller_wraps_the_body_and_keeps_every_literal():
    calls = ('ask({ assistantId: "a", messages: [{ role: "user", content: "one" }] });\n'
             "ask(req.body);\n"
             'askWith({ body: { assistantId: "a", '
             'messages: [{ role: "user", content: "x" }] } });\n'
             "askWith({ other: 1 });\n")
    result = convert_javascript(JS_HEAD + calls)
    assert result.output.startswith(
        f'const URL = "{LD}/agent/v1/chat/completions";\n'
        "async function ask(body) { return axios.post(URL, toAgentRequest(body)); }\n"
        "async function askWith(opts) { return axios.post(URL, toAgentRequest(opts.body)); }\n"
        + calls)
    assert "function toAgentRequest(body) {" in result.output
    assert [n.line for n in result.notes if n.rule == "langdock-forwarded-request"] == [2, 3]


def test_js_a_caller_that_passes_no_body_makes_it_unseen():
    calls = 'ask();\nask({ assistantId: "a", messages: [] });\n'
    result = convert_javascript(JS_HEAD + calls)
    assert "return axios.post(URL, toAgentRequest(body)); }\n" in result.output
    assert 'ask();\nask({ assistantId: "a", messages: [] });\n' in result.output


def test_py_literals_every_caller_passes_are_converted_in_place():
    code = PY_HEAD + (
        'ask({"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n'
        'ask(body={"assistantId": "a", "messages": [{"role": "user", "content": "two"}]})\n')
    result = convert_langdock_python(code)
    assert result.output == PY_HEAD.replace("/assistant/v1/", "/agent/v1/") + (
        'ask({"agentId": "a", "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": "one"}]}]})\n'
        'ask(body={"agentId": "a", "messages": [{"id": "msg_1", "role": "user", '
        '"parts": [{"type": "text", "text": "two"}]}]})\n')


def test_py_one_unseen_caller_wraps_the_body_and_keeps_every_literal():
    calls = ('ask({"assistantId": "a", "messages": [{"role": "user", "content": "one"}]})\n'
             "ask(request_body)\n"
             "ask()\n")
    result = convert_langdock_python(PY_HEAD + calls)
    assert result.output.endswith(
        "def ask(body, timeout=10):\n"
        "    return requests.post(URL, json=to_agent_request(body), timeout=timeout)\n\n\n"
        + calls)
    assert [n.line for n in result.notes if n.rule == "langdock-forwarded-request"] == [7]


def test_py_method_parameters_are_counted_without_self():
    code = ("import requests\n\n"
            f'URL = "{LD}/assistant/v1/chat/completions"\n\n\n'
            "class Client:\n"
            "    def ask(self, body):\n"
            "        return requests.post(URL, json=body)\n\n"
            "    def hello(self):\n"
            '        return self.ask({"assistantId": "a", "messages": '
            '[{"role": "user", "content": "hi"}]})\n')
    result = convert_langdock_python(code)
    assert result.output.endswith(
        '        return self.ask({"agentId": "a", "messages": [{"id": "msg_0", "role": "user", '
        '"parts": [{"type": "text", "text": "hi"}]}]})\n')
    assert "to_agent_request" not in result.output


def test_py_literal_in_a_callers_local_variable_stays_when_another_caller_is_unseen():
    calls = ("def hello():\n"
             '    payload = {"assistantId": "a", '
             '"messages": [{"role": "user", "content": "one"}]}\n'
             "    return ask(payload)\n\n\n"
             "ask(request_body)\n")
    result = convert_langdock_python(PY_HEAD + calls)
    assert result.output.endswith(
        "    return requests.post(URL, json=to_agent_request(body), timeout=timeout)\n\n\n"
        + calls)


def test_js_body_member_unseen_in_one_caller_wraps_the_body():
    calls = ('askWith({ body: { assistantId: "a", messages: [] } });\n'
             "askWith({ body: incoming });\n")
    result = convert_javascript(JS_HEAD + calls)
    assert ("async function askWith(opts) { return axios.post(URL, toAgentRequest(opts.body)); }\n"
            + calls) in result.output
