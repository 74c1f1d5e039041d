"""An endpoint appended to a name that holds the base URL (`f"{BASE}/create"`,
`BASE + "/get"`): the request is followed like one with the whole URL written out,
so the agent-management answer is read as `agent`, not `assistant`."""
from __future__ import annotations

import pytest

from helpers.langdock.javascript import convert_javascript
from helpers.langdock.python_requests import convert_langdock_python

PY = '''import os
import requests

BASE = os.environ.get("LANGDOCK_BASE_URL", "https://api.langdock.com") + "/assistant/v1"


def make():
    res = requests.post({url}, json={{"name": "Helper"}})
    return res.json()["assistant"]["id"]
'''

JS = '''const BASE = (process.env.LANGDOCK_BASE_URL ?? "https://api.langdock.com") + "/assistant/v1";
async function make() {{
  const res = await fetch({url}, {{ method: "POST", body: JSON.stringify({{ name: "Helper" }}) }});
  const data = await res.json();
  return data.assistant.id;
}}
'''


@pytest.mark.parametrize("url", ['f"{BASE}/create"', 'BASE + "/create"'])
def test_python_build_answer_after_a_base_name(url):
    code = PY.format(url=url)
    out = convert_langdock_python(code).output
    assert out == code.replace('"/assistant/v1"', '"/agent/v1"').replace(
        '["assistant"]["id"]', '["agent"]["id"]')
    assert convert_langdock_python(out).output == out


@pytest.mark.parametrize("url", ["`${BASE}/create`", 'BASE + "/create"'])
def test_javascript_build_answer_after_a_base_name(url):
    code = JS.format(url=url)
    out = convert_javascript(code).output
    assert out == code.replace('"/assistant/v1"', '"/agent/v1"').replace(
        "data.assistant.id", "data.agent.id")
    assert convert_javascript(out).output == out


@pytest.mark.parametrize("url", ['f"{BASE}/files"', 'f"{OTHER}/create"'])
def test_python_other_paths_or_bases_are_not_followed(url):
    code = PY.format(url=url).replace("BASE = ", 'OTHER = "https://example.com/v2"\nBASE = ')
    out = convert_langdock_python(code).output
    assert '["assistant"]["id"]' in out  # not shown to be an agent answer: left as it is


def test_javascript_other_base_is_not_followed():
    code = 'const OTHER = "https://example.com/v2";\n' + JS.format(url="`${OTHER}/create`")
    assert "data.assistant.id" in convert_javascript(code).output
