"""Base URLs that end at the API version (`.../assistant/v1/` or `.../assistant/v1`, the
endpoint appended later) are Langdock URLs like any other: rewritten on a Langdock host,
noted on another host. They used to be left unchanged, so every request built on them
still went to the Assistants API."""
from __future__ import annotations

from _pymisc_kit import assert_notes, converted

from helpers.langdock.javascript import convert_javascript
from helpers.langdock.urls import Finding, TextEdit, analyse

FOREIGN = "`gw.example` serves a path that looks like Langdock's Assistants API"


def test_analyse_reads_a_base_url_with_and_without_the_closing_slash():
    slash = analyse(["https://api.langdock.com/assistant/v1/"])
    assert slash.findings == [Finding("langdock", None, "api.langdock.com")]
    assert slash.edits == [TextEdit(0, 24, 38, "/agent/v1/")]
    bare = analyse(["https://api.langdock.com/assistant/v1"])
    assert bare.findings == [Finding("langdock", None, "api.langdock.com")]
    assert bare.edits == [TextEdit(0, 24, 37, "/agent/v1")]
    # before an interpolation: `f"{HOST}/assistant/v1{path}"`
    assert analyse([None, "/assistant/v1", None]).edits == [TextEdit(1, 0, 13, "/agent/v1")]
    # more text after it is another path (`/assistant/v10`), not this API
    assert analyse(["https://api.langdock.com/assistant/v1", None, "x"]).edits == [
        TextEdit(0, 24, 37, "/agent/v1")]
    assert analyse(["https://api.langdock.com/assistant/v12"]).findings == []
    assert analyse(["https://api.langdock.com/assistant/v1", "x"]).findings == []


def test_python_base_urls_are_rewritten_and_foreign_ones_noted():
    code = ("import requests\n\n"
            'BASE = "https://api.langdock.com/assistant/v1/"\n'
            'ROOT = "https://api.langdock.com/assistant/v1"\n'
            'OTHER = "https://gw.example/assistant/v1"\n'
            'requests.post(BASE + "chat/completions", json={"assistantId": "a", "messages": []})\n'
            'requests.get(f"{ROOT}/models")\n')
    result = converted(code)
    assert result.output == code.replace("api.langdock.com/assistant/v1",
                                         "api.langdock.com/agent/v1").replace(
        '"assistantId"', '"agentId"')
    assert_notes(result, [(5, "warning", "langdock-endpoint-url", FOREIGN)])


def test_javascript_base_urls_are_rewritten_and_foreign_ones_noted():
    code = ('const BASE = "https://api.langdock.com/assistant/v1/";\n'
            'const OTHER = "https://gw.example/assistant/v1/";\n'
            'fetch(BASE + "chat/completions", { method: "POST", '
            'body: JSON.stringify({ assistantId: "a", messages: [] }) });\n')
    result = convert_javascript(code)
    assert result.output == code.replace("api.langdock.com/assistant/v1/",
                                         "api.langdock.com/agent/v1/").replace(
        "assistantId", "agentId")
    assert convert_javascript(result.output).output == result.output
    assert [(n.line, n.severity, n.rule) for n in result.notes] == [
        (2, "warning", "langdock-endpoint-url")]
    assert FOREIGN in result.notes[0].message
