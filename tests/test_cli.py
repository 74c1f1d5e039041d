"""The command line, run as users run it: `python -m helpers convert ...`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEGACY = "thread = client.agents.threads.create()\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_diff_is_the_default_and_nothing_is_written(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(LEGACY)
    done = run("convert", "app.py", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "-thread = client.agents.threads.create()" in done.stdout
    assert "+thread = openai_client.conversations.create()" in done.stdout
    assert script.read_text() == LEGACY
    assert "1 file(s): 1 would change, 0 failed" in done.stderr


def test_write_rewrites_in_place_and_is_idempotent(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(LEGACY)
    assert run("convert", "--write", "app.py", cwd=tmp_path).returncode == 0
    converted = script.read_text()
    assert "openai_client.conversations.create()" in converted
    again = run("convert", "app.py", cwd=tmp_path)
    assert again.stdout == "" and "0 would change" in again.stderr


def test_json_lines_for_a_folder_tree(tmp_path):
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "a.py").write_text(LEGACY)
    (tmp_path / "pkg" / "sub" / "b.py").write_text("print('untouched')\n")
    (tmp_path / "pkg" / "notes.txt").write_text("not converted\n")
    done = run("convert", "--json", "pkg", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["path"]).name for r in rows] == ["a.py", "b.py"]
    first = rows[0]
    assert set(first) >= {"path", "kind", "changed", "output", "notes"}
    assert first["kind"] == "python" and first["changed"] is True
    assert all(set(n) >= {"line", "severity", "rule", "message"} for n in first["notes"])
    assert rows[1]["changed"] is False


def test_bad_file_is_located_with_exit_2_and_no_traceback(tmp_path):
    (tmp_path / "broken.py").write_text("x = 1\ndef f(:\n")
    (tmp_path / "good.py").write_text(LEGACY)
    done = run("convert", "broken.py", "good.py", cwd=tmp_path)
    assert done.returncode == 2
    assert "broken.py:2:7: error: this is not valid Python" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "+thread = openai_client.conversations.create()" in done.stdout


def test_binary_file_with_python_suffix(tmp_path):
    (tmp_path / "blob.py").write_bytes(b"\x00\x01\x02binary")
    done = run("convert", "blob.py", cwd=tmp_path)
    assert done.returncode == 2 and "binary" in done.stderr and "Traceback" not in done.stderr


def test_missing_file(tmp_path):
    done = run("convert", "nowhere.py", cwd=tmp_path)
    assert done.returncode == 2 and "nowhere.py: error: cannot read" in done.stderr


def test_kinds_lists_code_kinds(tmp_path):
    done = run("kinds", cwd=tmp_path)
    assert done.returncode == 0
    assert "python" in done.stdout and "javascript" in done.stdout


def test_payloads_streams_and_javascript_by_suffix(tmp_path):
    (tmp_path / "request.json").write_text('{"assistantId": "a", "messages": [{"role": "user", "content": "hi"}]}')
    (tmp_path / "legacy.sse").write_text('data: {"type":"message","content":"Hi"}\n\ndata: {"type":"done"}\n')
    (tmp_path / "client.mjs").write_text(
        'const r = await fetch("https://api.langdock.com/assistant/v1/models");\n'
    )
    done = run("convert", "--json", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = {Path(r["path"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    assert rows["request.json"]["kind"] == "langdock-chat-request"
    assert '"agentId": "a"' in rows["request.json"]["output"]
    assert rows["legacy.sse"]["kind"] == "langdock-stream"
    assert rows["legacy.sse"]["output"].rstrip().endswith("data: [DONE]")
    assert rows["client.mjs"]["kind"] == "javascript"
    assert "/agent/v1/models" in rows["client.mjs"]["output"]


def test_stream_format_and_forced_kind(tmp_path):
    (tmp_path / "capture.txt").write_text('data: {"type":"message","content":"Hi"}\n\ndata: {"type":"done"}\n')
    done = run("convert", "--json", "--kind", "langdock-stream", "--stream-format", "data-stream",
               "capture.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)
    assert '0:"Hi"' in row["output"]
    assert row["extras"]["headers"]["X-Vercel-AI-Data-Stream"] == "v1"


def test_invalid_json_file_is_located(tmp_path):
    (tmp_path / "bad.json").write_text('{"assistantId": "a",\n "messages": [}\n')
    done = run("convert", "bad.json", cwd=tmp_path)
    assert done.returncode == 2
    assert "bad.json:2:" in done.stderr and "Traceback" not in done.stderr
