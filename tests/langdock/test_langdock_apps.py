"""Application-shaped Langdock code (tests/langdock/apps) converts to working code.

See `_apps_kit` for what "working" means: every legacy line is rewritten or
noted, and runnable apps run against a fake Agents API with both answer shapes,
sending bodies that validate with the project's pydantic request model.
"""
from __future__ import annotations

import shutil

import pytest
from _apps_kit import APPS, CASES, assess, convert_files
from _langdock_kit import js_parses, py_parses

import helpers
from helpers.langdock.folder import convert_files as convert_folder


def _needs_node(case: str) -> bool:
    names, entry = CASES[case]
    return entry is not None and not entry.endswith(".py")


@pytest.mark.parametrize("case", list(CASES))
def test_app_converts_to_working_code(case):
    if _needs_node(case) and shutil.which("node") is None:
        pytest.skip("needs Node.js to run the converted app")
    verdict, results = assess(case)
    assert verdict.unmarked == [], "legacy lines left without a note"
    assert verdict.run_errors == []
    for name, result in results.items():
        if name.endswith(".py"):
            assert py_parses(result.output)
        else:
            assert js_parses(result.output, result.kind)


@pytest.mark.parametrize("case", list(CASES))
def test_converting_an_app_twice_changes_nothing(case):
    first = convert_files(CASES[case][0])
    again = convert_folder({name: result.output for name, result in first.items()})
    for name, result in again.items():
        assert result.output == first[name].output, name
        assert not result.changed


def test_folder_mode_follows_values_across_files():
    names = CASES["folder_py"][0]
    alone = helpers.convert((APPS / "folder_py/app.py").read_text(), kind="python")
    together = convert_files(names)["folder_py/app.py"]
    # on its own, app.py cannot know what `chat` returns or sends: the read stays, noted
    assert 'data["result"][0]["content"][0]["text"]' in alone.output
    assert any(n.rule == "langdock-untraced-read" for n in alone.notes)
    # with its sibling, the message literal and the answer read are converted
    assert 'langdock_text(data["messages"][0])' in together.output
    assert '"parts": [{"type": "text", "text": f"Summarise: {headline}"}]' in together.output


def test_folder_mode_for_javascript():
    names = CASES["folder_js"][0]
    app = convert_files(names)["folder_js/app.js"]
    assert "return langdockText(data.messages[0]);" in app.output
    assert 'id: "msg_0"' in app.output
    client = convert_files(names)["folder_js/client.js"]
    assert "messages: toUIMessages(messages)" in client.output


def test_folder_mode_leaves_other_kinds_alone():
    results = convert_folder({"notes.json": '{"assistantId": "x", "messages": []}'})
    assert results["notes.json"].kind == "langdock-chat-request"


def test_folder_mode_follows_the_answer_into_a_reader_in_another_module():
    sources = {
        "readers.py": ('def first_text(response):\n'
                       '    return response["result"][0]["content"][0]["text"]\n'),
        "main.py": ("import requests\nfrom readers import first_text\n\n"
                    'r = requests.post("https://api.langdock.com/assistant/v1/chat/completions",\n'
                    '                  json={"assistantId": "a", "messages": []})\n'
                    "print(first_text(r.json()))\n"),
    }
    results = convert_folder(sources)
    assert '    return langdock_text(response["messages"][0])\n' in results["readers.py"].output
    assert "def langdock_text(message):" in results["readers.py"].output
    # converting the converted folder again changes nothing
    again = convert_folder({name: r.output for name, r in results.items()})
    assert all(not r.changed for r in again.values())


def test_folder_mode_reader_in_another_javascript_file():
    sources = {
        "readers.js": ("function firstText(res) {\n  return res.data.result[0].content[0].text;\n}\n"
                       "module.exports = { firstText };\n"),
        "main.js": ('const { firstText } = require("./readers");\n'
                    'axios.post("https://api.langdock.com/assistant/v1/chat/completions", '
                    "{ assistantId: A, messages: [] }).then((res) => console.log(firstText(res)));\n"),
    }
    results = convert_folder(sources)
    assert "  return langdockText(res.data.messages[0]);\n" in results["readers.js"].output
