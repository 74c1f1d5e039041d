"""Stored Langdock chats → the new message shape: streamed, reported, resumable."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers.payloads.models.langdock import AgentChatRequest

ROOT = Path(__file__).resolve().parents[2]


def legacy_chat(n: int) -> dict:
    return {
        "id": f"chat-{n}",
        "assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40",
        "messages": [
            {"role": "user", "content": f"question {n}", "attachmentIds": [f"file-{n}"]},
            {"role": "assistant", "content": f"answer {n}"},
            {"role": "user", "content": f"follow-up {n}"},
        ],
    }


def write_history(path: Path, count: int) -> None:
    with path.open("w") as out:
        for n in range(count):
            out.write(json.dumps(legacy_chat(n)) + "\n")


def migrate(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", "migrate", "langdock-history", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_chats_take_the_new_shape_with_unique_ids(tmp_path):
    source, target, report = tmp_path / "chats.jsonl", tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    write_history(source, 3)
    done = migrate(str(source), str(target), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "3 chat(s), 9 message(s) converted" in done.stdout
    chats = [json.loads(line) for line in target.read_text().splitlines()]
    first = chats[0]
    assert first["agentId"] == "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40" and "assistantId" not in first
    assert first["messages"][0] == {"id": "chat-0-0", "role": "user", "parts": [{"type": "text", "text": "question 0"}],
                                    "metadata": {"attachments": ["file-0"]}}
    AgentChatRequest.model_validate({k: v for k, v in first.items() if k != "id"})
    ids = [m["id"] for chat in chats for m in chat["messages"]]
    assert len(ids) == len(set(ids)) == 9
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert [(r["old_id"], r["messages_in"], r["messages_out"], r["notes"]) for r in rows] == [
        ("chat-0", 3, 3, []), ("chat-1", 3, 3, []), ("chat-2", 3, 3, [])]
    assert list(first) == ["id", "agentId", "messages"]


def test_a_line_that_is_not_a_chat_is_kept_and_reported(tmp_path):
    source, target, report = tmp_path / "chats.jsonl", tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    source.write_text(json.dumps(legacy_chat(1)) + "\n{broken\n" + json.dumps([{"role": "user", "content": "bare"}]) + "\n")
    done = migrate(str(source), str(target), "--report", str(report))
    assert done.returncode == 1
    lines = target.read_text().splitlines()
    assert lines[1] == "{broken"  # never dropped
    assert json.loads(lines[2]) == [{"id": "line3-0", "role": "user", "parts": [{"type": "text", "text": "bare"}]}]
    errors = [json.loads(r) for r in report.read_text().splitlines() if "error" in json.loads(r)]
    assert errors[0]["old_id"] == "line2"


def test_folder_of_chat_files_mirrors_into_a_folder(tmp_path):
    (tmp_path / "in" / "team").mkdir(parents=True)
    (tmp_path / "in" / "team" / "a.json").write_text(json.dumps(legacy_chat(7)))
    (tmp_path / "in" / "b.json").write_text(json.dumps({"result": [
        {"id": "m1", "role": "assistant", "content": [{"type": "text", "text": "stored answer"}]}]}))
    done = migrate(str(tmp_path / "in"), str(tmp_path / "out"), "--state", str(tmp_path / "state.sqlite3"))
    assert done.returncode == 0, done.stderr
    converted = json.loads((tmp_path / "out" / "team" / "a.json").read_text())
    assert converted["messages"][1]["parts"] == [{"type": "text", "text": "answer 7"}]
    response = json.loads((tmp_path / "out" / "b.json").read_text())
    assert response["messages"][0]["id"] == "m1"


def test_dry_run_writes_nothing(tmp_path):
    source = tmp_path / "chats.jsonl"
    write_history(source, 2)
    done = migrate(str(source), str(tmp_path / "out.jsonl"), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "dry run" in done.stdout
    assert not (tmp_path / "out.jsonl").exists()
    assert not list(tmp_path.glob("*.sqlite3"))


def test_killed_three_times_then_resumed_gives_every_chat_exactly_once(tmp_path):
    source, target, report = tmp_path / "chats.jsonl", tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    count = 20000
    write_history(source, count)
    args = [sys.executable, "-m", "helpers", "migrate", "langdock-history", str(source), str(target),
            "--report", str(report), "--state", str(tmp_path / "state.sqlite3")]
    chooser = random.Random(7)
    for _ in range(3):
        process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chooser.uniform(0.5, 1.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
    interrupted = len(target.read_text().splitlines()) if target.exists() else 0
    assert interrupted < count  # the kills really came before the end
    finished = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    chats = [json.loads(line) for line in target.read_text().splitlines()]
    assert [c["id"] for c in chats] == [f"chat-{n}" for n in range(count)]
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert [r["old_id"] for r in rows] == [f"chat-{n}" for n in range(count)]
