"""What `py_flow.Flow` says an expression holds, pinned case by case.

Each snippet wraps the expressions to judge in `probe(...)` (kinds) or `probe_url(...)`
(URL families); the expected sets are the ones the module docstring defines:
`chat.response` / `chat.body` / `chat.result` / `chat.message` for the chat call's
answer, `build.*` for get/create/update, `maybe.*` for a Langdock request to a URL the
file does not show, `other` for values traced elsewhere, `file` for parsed text and the
empty set for what cannot be followed.
"""
from __future__ import annotations

import libcst
import pytest

from helpers.langdock.py_facts import scan
from helpers.langdock.py_flow import Externals, Flow, Recorder, is_env_read, str_of

LD = "https://api.langdock.com"
CHAT = f'"{LD}/assistant/v1/chat/completions"'
HEAD = f"import json\nimport os\n\nimport requests\n\nCHAT = {CHAT}\n"


def _flow(code: str, externals: Externals | None = None, langdock: bool = True):
    module = libcst.parse_module(code)
    literals = scan(module).literals  # the URL analysis of the literals, by node id
    recorder = Recorder()
    module.visit(recorder)
    return Flow(recorder, literals, langdock, externals), recorder, module


def probes(code: str, **kwargs) -> list[set[str]]:
    flow, recorder, _module = _flow(code, **kwargs)
    return [set(flow.kinds(call.args[0].value, scope))
            for call, scope in recorder.calls.get("probe", [])]


def url_probes(code: str, **kwargs) -> tuple[list[set[str]], list[str]]:
    """URL families of each `probe_url(x)`, and the env reads that decide a Langdock URL."""
    flow, recorder, module = _flow(code, **kwargs)
    found = [flow.url_family(call.args[0].value, scope)
             for call, scope in recorder.calls.get("probe_url", [])]
    return found, [module.code_for_node(node) for node in flow.env_urls]


# -- the chat answer, step by step ---------------------------------------------------------------

def test_chat_answer_from_response_to_message():
    code = HEAD + (
        'r = requests.post(CHAT, json={"assistantId": A, "messages": []})\n'
        "data = r.json()\n"
        'result = data["result"]\n'
        "first = result[0]\n"
        "probe(r)\n"
        "probe(data)\n"
        "probe(result)\n"
        "probe(first)\n"
        'probe(data.get("result"))\n'
        'probe(data.get("result", []))\n'
        'probe(data["output"])\n'
        'probe(data.get("output"))\n'
        'probe(first["content"])\n'
        "probe(result[i])\n"
        "probe(data[i])\n"
        'probe(data[b"result"])\n'
        'probe(unknown["result"])\n'
        "probe(unknown[0])\n"
        "probe(r.text)\n"
        "FALLBACK = []\n"
        'probe(data.get("result") or FALLBACK)\n'
        "both = r.json()\n"
        "both = {}\n"
        "probe(both)\n"
        'probe(data.get("result") or [])\n'
        'probe(data.get(key))\n'
    )
    assert probes(code) == [
        {"chat.response"}, {"chat.body"}, {"chat.result"}, {"chat.message"},
        {"chat.result"}, {"chat.result"}, {"other"}, {"other"}, {"other"},
        {"chat.message"}, {"other"}, {"other"}, set(), set(), set(), {"chat.result", "other"},
        {"chat.body", "other"},
        {"chat.result", "other"}, set(),
    ]


def test_loops_and_comprehensions_over_the_answer():
    code = HEAD + (
        'data = requests.post(CHAT, json={"messages": []}).json()\n'
        'for message in data["result"]:\n'
        "    probe(message)\n"
        'for key in data["output"]:\n'
        "    probe(key)\n"
        "for row in rows:\n"
        "    probe(row)\n"
        "for role, text in pairs:\n"
        "    probe(role)\n"
        'texts = [probe(m) for m in data["result"]]\n'
        'for late in reversed(data["result"]):\n'
        "    probe(late)\n"
        'probe(list(data["result"]))\n'
        'probe(sorted(data["result"], key=k))\n'
        'probe(tuple(data["result"]))\n'
        "probe(list())\n"
        'probe(set(data["result"]))\n'
    )
    assert probes(code) == [
        {"chat.message"}, {"other"}, set(), set(), {"chat.message"}, {"chat.message"},
        {"chat.result"}, {"chat.result"}, {"chat.result"}, set(), set(),
    ]


def test_literals_are_other_and_a_self_reference_is_not_followed_forever():
    code = HEAD + (
        'probe({"a": 1})\nprobe([1])\nprobe("s")\nprobe(f"x{y}")\nprobe(3)\n'
        "probe([x for x in y])\nprobe({k: v for k, v in y})\nprobe((1, 2))\n"
        "answer = answer or {}\nprobe(answer)\n"
    )
    assert probes(code) == [{"other"}] * 9


def test_awaited_async_answer():
    code = HEAD + (
        "import httpx\n\n\n"
        "async def ask(body):\n"
        "    async with httpx.AsyncClient() as client:\n"
        "        r = await client.post(CHAT, json=body)\n"
        "    probe(r)\n"
        "    probe(await r.json())\n"
        '    probe((await r.json())["result"])\n'
    )
    assert probes(code) == [{"chat.response"}, {"chat.body"}, {"chat.result"}]


def test_parsed_text_of_a_response_and_parsed_files():
    code = HEAD + (
        'r = requests.post(CHAT, json={"messages": []})\n'
        'up = requests.post(f"{BASE}/attachment/v1/upload", files=files)\n'
        "probe(json.loads(r.text))\n"
        "probe(json.loads(r.content))\n"
        'probe(json.loads(r.text)["result"])\n'
        'probe(json.load(open("answer.json")))\n'
        "probe(json.loads(text))\n"
        "probe(json.loads(unknown.text))\n"
        "probe(json.loads(up.text))\n"
        "probe(up)\n"
        "probe(up.json())\n"
        'probe(up.json()["result"])\n'
        "probe(config.json())\n"
        'settings = {"a": 1}\n'
        "probe(settings.json())\n"
        "probe(r.json(strict=False))\n"
        "probe(json.dumps(r.json()))\n"
    )
    assert probes(code) == [
        {"chat.body"}, {"chat.body"}, {"chat.result"}, {"file"}, {"file"}, {"file"},
        {"other.body"}, {"other.response"}, {"other.body"}, {"other"}, set(), {"other"}, set(),
        set(),
    ]


def test_build_answers_are_not_chat_answers():
    code = HEAD + (
        f'g = requests.get("{LD}/assistant/v1/get", params={{"assistantId": A}})\n'
        f'c = requests.post("{LD}/assistant/v1/create", json={{"name": "n"}})\n'
        "probe(g)\nprobe(g.json())\n"
        'probe(g.json()["result"])\nprobe(g.json()["assistant"])\nprobe(c.json())\n'
    )
    assert probes(code) == [{"build.response"}, {"build.body"}, {"other"}, {"other"}, {"build.body"}]


# -- which request is a chat request ---------------------------------------------------------------

def test_request_to_an_unseen_url_is_decided_by_its_body_and_client():
    code = HEAD + (
        'url = os.environ["LANGDOCK_URL"]\n'
        'payload = {"assistantId": A}\n'
        "\n\ndef build(q):\n"
        '    return {"agent": {"name": q}}\n'
        "\n\n"
        'probe(requests.post(url, json={"messages": m}))\n'
        "probe(requests.post(url, json=payload))\n"
        "probe(requests.post(url, json=build(q)))\n"
        'probe(requests.post(url, data=json.dumps({"messages": m})))\n'
        'probe(requests.post(url, content=json.dumps({"agentId": A})))\n'
        'probe(requests.post(url, data={"messages": m}))\n'
        "probe(requests.post(url, data=json.dumps()))\n"
        'probe(requests.post(url, data=encode({"messages": m})))\n'
        "probe(requests.post(url, json=wrap(payload)))\n"
        'probe(requests.post(url, json={"name": "x"}))\n'
        's = requests.post(url, json={"name": "x"})\n'
        "probe(s.json())\n"
        'probe(s.json()["result"])\n'
        'probe(api.post(url, json={"name": "x"}))\n'
        'probe(self.session.post(url, json={"name": "x"}))\n'
        'probe(self._http.post(url, json={"name": "x"}))\n'
        'probe(get_session().post(url, json={"name": "x"}))\n'
        'probe(post(url, json={"name": "x"}))\n'
        'probe(post(url, json={"messages": m}))\n'
    )
    assert probes(code) == [
        {"chat.response"}, {"chat.response"}, {"chat.response"}, {"chat.response"},
        {"chat.response"}, {"maybe.response"}, {"maybe.response"}, {"maybe.response"},
        {"maybe.response"}, {"maybe.response"}, {"maybe.body"}, {"chat.result"},
        set(), {"maybe.response"}, {"maybe.response"}, set(), set(), {"chat.response"},
    ]


def test_a_chat_shaped_body_sent_to_another_api_is_no_langdock_chat_request():
    # OpenAI-style APIs (Langdock's own model proxies too) take `messages`
    code = HEAD + (
        'B = {"model": "gpt-4o", "messages": m}\n'
        'probe(requests.post("https://api.openai.com/v1/chat/completions", json=B))\n'
        f'probe(requests.post("{LD}/openai/eu/v1/chat/completions", json=B))\n'
        'probe(requests.post("https://gw.example.com/assistant/v1/chat/completions", json=B))\n'
        f'probe(requests.post("{LD}" + path, json=B))\n'
        'probe(requests.post("https://acme.example.com/api/public" + path, json=B))\n'
    )
    assert probes(code) == [{"other.response"}, {"other.response"}, {"other.response"},
                            {"chat.response"}, {"chat.response"}]


def test_outside_langdock_code_an_unseen_url_is_no_langdock_call():
    code = HEAD + (
        'url = os.environ["SERVICE_URL"]\n'
        'probe(requests.post(url, json={"messages": m}))\n'
        'probe(requests.post(url, json={"name": "x"}))\n'
        f"probe(requests.post({CHAT}))\n"
    )
    assert probes(code, langdock=False) == [set(), set(), {"chat.response"}]


@pytest.mark.parametrize("links,family", [(3, {"chat.response"}), (4, {"maybe.response"})])
def test_a_chat_body_is_followed_through_four_names(links, family):
    chain = 'p0 = {"messages": m}\n' + "".join(f"p{i} = p{i - 1}\n" for i in range(1, links + 1))
    code = HEAD + chain + f"probe(requests.post(url, json=p{links}))\n"
    assert probes(code) == [family]


def test_which_argument_is_the_url():
    code = HEAD + (
        'B = {"name": "x"}\n'
        "probe(requests.post(CHAT, json=B))\n"
        "probe(requests.post(url=CHAT, json=B))\n"
        'probe(requests.request("POST", CHAT, json=B))\n'
        'probe(requests.request("POST", url=CHAT, json=B))\n'
        'probe(httpx.stream("POST", CHAT, json=B))\n'
        'probe(requests.request("POST"))\n'
        "probe(requests.head(CHAT))\n"
        "probe(post(CHAT, json=B))\n"
        'probe(requests.post(headers=H, url="https://example.org/x", json=B))\n'
    )
    assert probes(code) == [
        {"chat.response"}, {"chat.response"}, {"chat.response"}, {"chat.response"},
        {"chat.response"}, set(), set(), {"chat.response"}, {"other.response"},
    ]


def test_a_chat_url_wins_over_build_and_build_over_other():
    code = HEAD + (
        f'u = "{LD}/assistant/v1/get"\n'
        "u = CHAT\n"
        f'v = "{LD}/assistant/v1/update"\n'
        'v = "https://example.org/x"\n'
        'B = {"name": "x"}\n'
        "probe(requests.post(u, json=B))\n"
        "probe(requests.post(v, json=B))\n"
        'probe(requests.post(f"{BASE}/v2/items", json=B))\n'
    )
    assert probes(code) == [{"chat.response"}, {"build.response"}, {"other.response"}]


def test_with_statements_and_annotated_assignments_bind_the_answer():
    code = HEAD + (
        'with requests.post(CHAT, json={"messages": []}, stream=True) as r:\n'
        "    probe(r)\n"
        'with httpx.stream("POST", CHAT, json=body) as (a, b):\n'
        "    probe(a)\n"
        "data: dict = r.json()\n"
        "probe(data)\n"
        "late: dict\n"
        "probe(late)\n"
        "x = y = r.json()\n"
        "probe(x)\nprobe(y)\n"
    )
    assert probes(code) == [{"chat.response"}, set(), {"chat.body"}, set(), {"chat.body"}, {"chat.body"}]
    _flow_, recorder, _module = _flow(code)
    assert "late" not in recorder.module_scope.bindings


# -- functions, parameters, scopes ---------------------------------------------------------------

def test_parameters_take_what_the_callers_pass():
    code = HEAD + (
        "r = requests.post(CHAT, json=b)\n"
        "\n\ndef show(resp, extra=None):\n"
        "    probe(resp)\n"
        "    probe(extra)\n"
        "\n\ndef keyed(*, resp):\n"
        "    probe(resp)\n"
        "\n\ndef starred(resp):\n"
        "    probe(resp)\n"
        "\n\n"
        "show(r.json())\n"
        'show(resp={"a": 1})\n'
        "keyed(resp=r.json())\n"
        "keyed(other=1)\n"
        'pending = [{"a": 1}]\n'
        "starred(*pending)\n"
    )
    assert probes(code) == [{"chat.body", "other"}, set(), {"chat.body"}, set()]


def test_method_parameters_skip_self_and_module_functions_keep_it():
    code = HEAD + (
        "class Bot:\n"
        "    class Config:\n"
        "        frozen = True\n"
        "\n"
        "    def show(self, resp):\n"
        "        probe(resp)\n"
        "\n"
        "    @classmethod\n"
        "    def build(cls, resp):\n"
        "        probe(resp)\n"
        "\n"
        "    def run(self):\n"
        "        r = requests.post(CHAT, json=b)\n"
        "        self.show(r.json())\n"
        '        self.build(r.json()["result"])\n'
        "\n\n"
        "def patched(self, resp):\n"
        "    probe(resp)\n"
        "\n\n"
        'patched(bot, requests.post(CHAT, json=b))\n'
    )
    flow, recorder, _module = _flow(code)
    assert [params for _scope, params in recorder.functions["show"]] == [["resp"]]
    assert [params for _scope, params in recorder.functions["patched"]] == [["self", "resp"]]
    assert probes(code) == [{"chat.body"}, {"chat.result"}, {"chat.response"}]


def test_external_callers_and_returns_in_folder_mode():
    externals = Externals(
        returns={"fetch_answer": frozenset({"chat.body"})},
        params={"render": {0: frozenset({"chat.message"})},
                "keyed": {0: frozenset({"chat.body"})}},
    )
    code = HEAD + (
        "\n\ndef render(message):\n"
        "    probe(message)\n"
        "\n\ndef keyed(*, body):\n"
        "    probe(body)\n"
        "\n\n"
        "probe(fetch_answer(q))\n"
        "probe(api.fetch_answer(q))\n"
        'probe(fetch_answer(q)["result"])\n'
        "probe(fetch_other(q))\n"
    )
    assert probes(code, externals=externals) == [
        {"chat.message"}, set(), {"chat.body"}, {"chat.body"}, {"chat.result"}, set()]
    assert probes(code) == [set(), set(), set(), set(), set(), set()]


def test_functions_of_the_module_return_what_they_return():
    code = HEAD + (
        "\n\ndef ask(q):\n"
        "    if not q:\n"
        "        return\n"
        '    return requests.post(CHAT, json={"messages": q}).json()\n'
        "\n\n"
        "class Bot:\n"
        "    def ask(self, q):\n"
        "        return ask(q)\n"
        "\n"
        "    def run(self):\n"
        "        probe(self.ask(1))\n"
        "\n"
        "    @classmethod\n"
        "    def make(cls):\n"
        '        probe(cls.ask(1)["result"])\n'
        "\n\n"
        "probe(ask(1))\n"
        "probe(client.ask(1))\n"
        "probe(missing(1))\n"
    )
    assert probes(code) == [{"chat.body"}, {"chat.result"}, {"chat.body"}, set(), set()]


def test_names_resolve_in_their_own_scope_first():
    code = HEAD + (
        "r = requests.post(CHAT, json=b)\n"
        "answer = r.json()\n"
        "\n\ndef reader(r):\n"
        "    probe(answer)\n"
        "    probe(r)\n"
        "\n\ndef shadow():\n"
        '    answer = {"k": 1}\n'
        "    probe(answer)\n"
        "\n\n"
        'reader({"x": 1})\n'
        "probe(nowhere)\n"
    )
    assert probes(code) == [{"chat.body"}, {"other"}, {"other"}, set()]


def test_self_attributes_are_urls_for_the_whole_class():
    code = HEAD + (
        "class Client:\n"
        "    def __init__(self):\n"
        f'        self.url = "{LD}" + "/assistant/v1/chat/completions"\n'
        "        self.session = requests.Session()\n"
        "        other.url = 'https://example.org/x'\n"
        "\n"
        "    def ask(self, body):\n"
        '        probe(self.session.post(self.url, json={"name": "x"}))\n'
        '        probe(self.session.post(other.url, json={"name": "x"}))\n'
    )
    flow, recorder, _module = _flow(code)
    assert set(recorder.module_scope.bindings) == {"CHAT", "self.url", "self.session"}
    assert probes(code) == [{"chat.response"}, {"maybe.response"}]


# -- URL families --------------------------------------------------------------------------------

def test_url_families_of_literals_and_expressions():
    code = HEAD + (
        "probe_url(CHAT)\n"
        f'probe_url("{LD}/assistant/v1/get")\n'
        f'probe_url("{LD}/assistant/v1/models")\n'
        f'probe_url("{LD}/assistant/v1/disable")\n'
        'probe_url("https://gateway.example.com/assistant/v1/chat/completions")\n'
        f'probe_url("{LD}/assistant/v1/files")\n'
        'probe_url(f"{BASE}/assistant/v1/{endpoint}")\n'
        f'probe_url("{LD}/agent/v1/chat/completions")\n'
        f'probe_url("{LD}/agent/v1/get?agentId=1")\n'
        'probe_url("https://example.org/api")\n'
        'probe_url("/v2/status")\n'
        'probe_url("plain")\n'
        f'probe_url("{LD}" "/assistant/v1/chat/completions")\n'
        'probe_url("/api" "/v2")\n'
        'probe_url(f"{BASE}/agent/v1/chat/completions")\n'
        'probe_url(f"{BASE}/agent/v1/create")\n'
        'probe_url(f"{BASE}")\n'
        f'probe_url("{LD}" + "/assistant/v1/chat/completions")\n'
        'probe_url(path + "/v2/status")\n'
        'probe_url("{}/agent/v1/chat/completions".format(base))\n'
        f'probe_url(urljoin("{LD}", "/agent/v1/chat/completions"))\n'
        f'probe_url(urljoin("{LD}", "/v2/x"))\n'
        "probe_url(urljoin(base, path))\n"
        "probe_url(unknown)\n"
        'probe_url(config["url"])\n'
        'probe_url(f"{BASE}/openai/eu/v1/chat/completions")\n'
        'probe_url("https://api.openai.com/v1/chat/completions")\n'
        'probe_url("https://acme.example.com/api/public")\n'
        'probe_url("http://[broken")\n'
        'probe_url(urljoin("https://example.org", "/v2"))\n'
        'probe_url(f"https://{host}/v2/items")\n'
    )
    families, env = url_probes(code)
    # "foreign": a gateway's copy of the legacy path, an unknown endpoint, another host,
    # one of Langdock's other APIs; a dedicated deployment's own domain is not foreign
    assert families == [
        {"chat"}, {"build"}, {"build"}, {"build"}, {"foreign"}, {"foreign"}, set(), {"chat"},
        {"build"}, {"foreign"}, {"other"}, set(), {"chat", "other"}, {"other"}, {"chat"},
        {"build"}, set(), {"chat", "other"}, {"other"}, {"chat"}, {"chat"}, {"other"}, set(),
        set(), set(), {"foreign"}, {"foreign"}, {"other"}, {"other"}, {"foreign", "other"},
        {"other"},
    ]
    assert env == []


@pytest.mark.parametrize("links,families", [(4, {"chat"}), (5, set())])
def test_a_url_is_followed_through_six_names(links, families):
    chain = "u0 = CHAT\n" + "".join(f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    found, _env = url_probes(HEAD + chain + f"probe_url(u{links})\n")
    # CHAT itself is one more name away from the literal
    assert found == [families]


def test_environment_reads_that_decide_a_langdock_url():
    code = HEAD + (
        f'probe_url(os.getenv("CHAT_URL", "{LD}/assistant/v1/chat/completions"))\n'
        f'probe_url(os.environ.get("GET_URL", "{LD}/assistant/v1/get"))\n'
        'probe_url(os.environ.get("BASE_URL"))\n'
        'probe_url(os.getenv("OTHER_URL", "https://example.org/api"))\n'
        'probe_url(os.getenv("EMPTY_URL", ""))\n'
        'probe_url(os.environ["LANGDOCK_URL"])\n'
        'probe_url(environ["RAW_URL"])\n'
        'probe_url(settings.get("SETTING_URL"))\n'
    )
    families, env = url_probes(code)
    assert families == [{"chat"}, {"build"}, set(), {"foreign"}, set(), set(), set(), set()]
    assert env == [
        f'os.getenv("CHAT_URL", "{LD}/assistant/v1/chat/completions")',
        f'os.environ.get("GET_URL", "{LD}/assistant/v1/get")',
        'os.environ.get("BASE_URL")',
        'os.environ["LANGDOCK_URL"]',
        'environ["RAW_URL"]',
    ]


def test_nothing_holds_nothing():
    flow, recorder, _module = _flow(HEAD)
    assert flow.kinds(None, recorder.module_scope) == frozenset()
    assert flow.url_family(None, recorder.module_scope) == set()


def test_a_request_is_judged_once():
    code = HEAD + 'url = os.environ["LANGDOCK_URL"]\nr = requests.post(url, json=b)\n'
    flow, recorder, _module = _flow(code)
    [(call, scope)] = recorder.calls["post"]
    assert flow.http_family(call, scope) == "maybe"
    assert flow.http_family(call, scope) == "maybe"
    assert len(flow.env_urls) == 1


# -- folder-mode summary ---------------------------------------------------------------------------

def test_summary_tells_siblings_returns_and_arguments():
    code = HEAD + (
        "\n\ndef ask(q):\n"
        '    return requests.post(CHAT, json={"messages": q}).json()\n'
        "\n\ndef fetch_agent(a):\n"
        f'    return requests.get("{LD}/assistant/v1/get", params={{"assistantId": a}})\n'
        "\n\ndef upload(f):\n"
        f'    return requests.post("{LD}/attachment/v1/upload", files=f).json()\n'
        "\n\ndef texts(data):\n"
        '    return data["result"]\n'
        "\n\ndef raw(q):\n"
        '    return requests.post(CHAT, json={"messages": q})\n'
        "\n\ndef first(q):\n"
        "    if q:\n"
        '        return ask(q)["result"]\n'
        '    return ask(q)["result"][0]\n'
        "\n\ndef agent_info(a):\n"
        f'    return requests.get("{LD}/assistant/v1/get", params={{"assistantId": a}}).json()\n'
        "\n\n"
        'r = ask("hi")\n'
        'render(r, "title", r["result"])\n'
        'render(r["result"][0])\n'
        "render(body=r)\n"
        "log(upload(f), open(p))\n"
        "store(json.load(fh))\n"
        "ask(r)\n"
    )
    flow, _recorder, _module = _flow(code)
    summary = flow.summary()
    assert summary.returns == {"ask": frozenset({"chat.body"}),
                               "fetch_agent": frozenset({"build.response"}),
                               "raw": frozenset({"chat.response"}),
                               "first": frozenset({"chat.result", "chat.message"}),
                               "agent_info": frozenset({"build.body"})}
    assert summary.params == {
        "render": {0: frozenset({"chat.body", "chat.message"}), 2: frozenset({"chat.result"})},
        "log": {0: frozenset({"other.body"})},
    }
    assert summary.message_params == {}


# -- what the recorder notes -----------------------------------------------------------------------

def test_dicts_built_in_loops_and_message_factories():
    code = (
        "for item in items:\n"
        '    a = {"a": item}\n'
        'b = {"b": 1}\n'
        "while pending:\n"
        '    c = {"c": 1}\n'
        'd = [{"d": t} for t in texts]\n'
        'e = list({"e": t} for t in texts)\n'
        'f = lambda t: {"f": t}\n'
        "\n\ndef make(t):\n"
        '    return {"g": t}\n'
        "\n\ndef helper():\n"
        '    h = {"h": 1}\n'
        '    return [{"r": 1}]\n'
        "\n\nfor item in items:\n"
        "    def inner():\n"
        '        i = {"i": 2}\n'
        '    j = {"j": 3}\n'
        'k = {"k": 4}\n'
        "for outer in rows:\n"
        "    for inner in outer:\n"
        "        pass\n"
        '    n = {"n": 5}\n'
    )
    module = libcst.parse_module(code)
    recorder = Recorder()
    module.visit(recorder)
    dicts = []

    class Dicts(libcst.CSTVisitor):
        def visit_Dict(self, node):
            dicts.append(node)

    module.visit(Dicts())
    looped = {module.code_for_node(d) for d in dicts if id(d) in recorder.in_loop}
    # only dicts: a returned list is no message factory
    assert len(recorder.in_loop) == len(looped)
    assert looped == {'{"a": item}', '{"c": 1}', '{"d": t}', '{"e": t}', '{"f": t}', '{"g": t}',
                      '{"j": 3}', '{"n": 5}'}
    scopes = {module.code_for_node(d): recorder.scope_of[id(d)].name for d in dicts}
    assert scopes['{"h": 1}'] == "helper" and scopes['{"i": 2}'] == "inner"
    assert scopes['{"k": 4}'] == "<module>" and recorder.scope == recorder.module_scope


def test_recorded_calls_subscript_assignments_and_scopes():
    code = (
        "def ask(q):\n"
        '    body["assistantId"] = q\n'
        '    return body["messages"]\n'
        "\n\n"
        "factory()(x)\n"
        "handlers[0](x)\n"
        "client.session.post(u)\n"
        'payload["stream"] = True\n'
    )
    module = libcst.parse_module(code)
    recorder = Recorder()
    module.visit(recorder)
    assert set(recorder.calls) == {"factory", "post"}
    assert [(module.code_for_node(t), module.code_for_node(v), s.name)
            for t, v, s, _assign in recorder.sub_assigns] == [
        ('body["assistantId"]', "q", "ask"), ('payload["stream"]', "True", "<module>")]
    subscripts = {module.code_for_node(node): recorder.scope_of[id(node)].name
                  for node in _nodes(module, libcst.Subscript)}
    assert subscripts['body["messages"]'] == "ask"
    assert subscripts["handlers[0]"] == "<module>"
    [(call, scope)] = recorder.calls["post"]
    assert recorder.scope_of[id(call)] is scope is recorder.module_scope


def _nodes(module, kind):
    found = []

    class Collect(libcst.CSTVisitor):
        def on_visit(self, node):
            if isinstance(node, kind):
                found.append(node)
            return True

    module.visit(Collect())
    return found


# -- small readers ---------------------------------------------------------------------------------

def _expr(code: str):
    return libcst.parse_expression(code)


@pytest.mark.parametrize("code,expected", [
    ('os.environ["X"]', True), ('environ["X"]', True), ('config["X"]', False),
    ('os.getenv("X")', True), ('os.environ.get("X")', True), ('environ.get("X", "d")', True),
    ('settings.get("X")', False), ('os.environ.setdefault("X", "d")', False),
    ("os.environ", False), ('getattr(os, "environ")', False), ('self.environ.get("X")', True),
    ('getenv("X")', True), ('get("X")', False), ('handlers["x"]()', False),
])
def test_is_env_read(code, expected):
    assert is_env_read(_expr(code)) is expected


@pytest.mark.parametrize("code,expected", [
    ('"result"', "result"), ("'result'", "result"), ('r"a\\b"', "a\\b"), ('"a\\tb"', "a\tb"),
    ('b"result"', None), ('Rb"result"', None), ('f"result"', None), ("result", None),
])
def test_str_of(code, expected):
    assert str_of(_expr(code)) == expected


def test_str_of_a_literal_python_cannot_evaluate():
    assert str_of(libcst.SimpleString('"\\N{NO SUCH CHARACTER NAME}"')) is None
    assert str_of(None) is None


# -- names, cycles and depth limits in every branch ------------------------------------------------

def test_urls_behind_names_in_defaults_arguments_and_self_attributes():
    code = HEAD + (
        "DEFAULT = CHAT\n"
        "loop = wrap(loop)\n"
        "\n\nclass Client:\n"
        "    def __init__(self):\n"
        "        self.url = CHAT\n"
        '        self.base = self.base + "/v2"\n'
        "\n"
        "    def ask(self):\n"
        "        probe_url(self.url)\n"
        "        probe_url(self.base)\n"
        "\n\n"
        'probe_url(os.getenv("CHAT_URL", DEFAULT))\n'
        "probe_url(urljoin(CHAT, query))\n"
        'probe_url(urljoin(query, "/v2/x"))\n'
        "probe_url(loop)\n"
        'probe_url(CHAT + "?stream=1")\n'
    )
    families, env = url_probes(code)
    assert families == [{"chat"}, {"other"}, {"chat"}, {"chat"}, {"other"}, set(), {"chat"}]
    assert env == ['os.getenv("CHAT_URL", DEFAULT)']


@pytest.mark.parametrize("links,families", [(3, {"chat"}), (4, set())])
def test_an_env_default_is_followed_within_the_same_limit(links, families):
    chain = "u0 = CHAT\n" + "".join(f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    found, env = url_probes(HEAD + chain + f'probe_url(os.getenv("URL", u{links}))\n')
    assert found == [families]
    assert len(env) == (1 if families else 0)


@pytest.mark.parametrize("links,families", [(3, {"chat"}), (4, set())])
def test_an_url_argument_is_followed_within_the_same_limit(links, families):
    chain = "u0 = CHAT\n" + "".join(f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    found, _env = url_probes(HEAD + chain + f'probe_url(urljoin(u{links}, "q"))\n')
    # "q" is no URL: an empty family next to the followed one
    assert found == [families]


def test_chat_bodies_behind_names_cycles_and_returned_names():
    code = HEAD + (
        'url = os.environ["LANGDOCK_URL"]\n'
        "cycle_a = cycle_b\n"
        "cycle_b = cycle_a\n"
        "\n\ndef build(q):\n"
        '    body = {"messages": q}\n'
        "    return body\n"
        "\n\n"
        "probe(requests.post(url, json=cycle_a))\n"
        "probe(requests.post(url, json=build(q)))\n"
    )
    assert probes(code) == [{"maybe.response"}, {"chat.response"}]


@pytest.mark.parametrize("links,families", [(3, {"chat"}), (4, set())])
@pytest.mark.parametrize("template", ['{u} + "?stream=1"', '"?stream=1" + {u}'])
def test_both_sides_of_a_sum_are_followed_within_the_same_limit(template, links, families):
    chain = "u0 = CHAT\n" + "".join(f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    found, _env = url_probes(HEAD + chain + f"probe_url({template.format(u=f'u{links}')})\n")
    assert found == [families]


@pytest.mark.parametrize("path", [
    "/attachment/v1/upload", "/knowledge/search", "/export/users", "/openai/eu/v1/chat/completions",
    "/anthropic/eu/v1/messages", "/mistral/eu/v1/fim/completions",
    "/google/eu/v1beta/models/gemini:generateContent",
])
def test_paths_of_langdocks_other_apis_are_foreign(path):
    found, _env = url_probes(HEAD + f'probe_url(f"{{BASE}}{path}")\n')
    assert found == [{"foreign"}]


def test_templates_builds_missing_self_attributes_and_called_expressions():
    code = HEAD + (
        'TEMPLATE = "{}/agent/v1/chat/completions"\n'
        "\n\nclass Client:\n"
        "    def ask(self):\n"
        "        probe_url(self.missing)\n"
        "\n\n"
        "probe_url(TEMPLATE.format(base))\n"
        'probe_url(urljoin(base, "/agent/v1/get"))\n'
        'probe(handlers["chat"](x))\n'
        "probe(make_client()(x))\n"
    )
    families, _env = url_probes(code)
    assert families == [set(), {"chat"}, {"build"}]
    assert probes(code) == [set(), set()]


@pytest.mark.parametrize("links,families", [(3, {"chat"}), (4, set())])
def test_a_self_attribute_is_followed_within_the_same_limit(links, families):
    chain = "u0 = CHAT\n" + "".join(f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    code = HEAD + chain + (
        "\n\nclass Client:\n"
        "    def __init__(self):\n"
        f"        self.url = u{links}\n"
        "\n"
        "    def ask(self):\n"
        "        probe_url(self.url)\n"
    )
    found, _env = url_probes(code)
    assert found == [families]


@pytest.mark.parametrize("links,families", [(4, True), (5, False)])
@pytest.mark.parametrize("literal,found", [
    (f'"{LD}/assistant/v1/chat/completions" "?stream=1"', {"chat"}),
    (f'"{LD}" "/assistant/v1/chat/completions"', {"chat", "other"}),
])
def test_both_parts_of_an_implicit_concatenation_are_followed_within_the_limit(
        literal, found, links, families):
    chain = f"u0 = {literal}\n" + "".join(f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    result, _env = url_probes(HEAD + chain + f"probe_url(u{links})\n")
    assert result == [found if families else set()]


@pytest.mark.parametrize("links,family", [(2, {"chat.response"}), (3, {"maybe.response"})])
def test_a_body_returned_by_a_function_is_followed_within_the_same_limit(links, family):
    chain = 'p0 = {"messages": m}\n' + "".join(f"p{i} = p{i - 1}\n" for i in range(1, links + 1))
    code = HEAD + chain + (
        f"\n\ndef build():\n    return p{links}\n\n\n"
        "probe(requests.post(url, json=build()))\n"
    )
    assert probes(code) == [family]


@pytest.mark.parametrize("links,families", [(4, {"chat"}), (5, set())])
def test_a_url_template_is_followed_within_the_same_limit(links, families):
    chain = 'u0 = "{}/agent/v1/chat/completions"\n' + "".join(
        f"u{i} = u{i - 1}\n" for i in range(1, links + 1))
    found, _env = url_probes(HEAD + chain + f"probe_url(u{links}.format(base))\n")
    assert found == [families]


def test_every_assignment_of_a_self_attribute_counts():
    code = HEAD + (
        "class Client:\n"
        "    def __init__(self):\n"
        "        self.url = CHAT\n"
        "\n"
        "    def use_proxy(self):\n"
        '        self.url = "https://proxy.example.com/chat"\n'
        "\n"
        "    def ask(self):\n"
        "        probe_url(self.url)\n"
    )
    found, _env = url_probes(code)
    assert found == [{"chat", "foreign"}]
