"""Classic threads and agents → conversations and agent versions, against the local service.

The big tests do what the issue asks: 1,000 threads of 20 messages, the
migration killed with SIGKILL at random points three times and resumed; then
every message must be in its conversation exactly once, in order, and the
report must account for every thread. Once cleanly, once with 5% of the
service's answers being 429 or 503.
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.local import start
from helpers.local.seed import message_text, seed
from helpers.migrate.foundry_agents import migrate_agents
from helpers.migrate.foundry_threads import all_thread_ids, migrate_threads
from helpers.migrate.report import Report
from helpers.migrate.state import State

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def svc():
    service = start()
    yield service
    service.stop()


def _texts(openai_client, conversation_id: str) -> list[tuple[str, str]]:
    items = openai_client.conversations.items.list(conversation_id=conversation_id, order="asc", limit=100)
    return [(item.role, item.content[0].text) for item in items]


def test_threads_become_conversations_in_order_with_metadata(svc, tmp_path):
    legacy, openai_client = svc.agents_client(), svc.project_openai_client()
    seeded = seed(legacy, threads=3, messages=25)  # more than one batch of 20 items
    report = Report(tmp_path / "report.jsonl")
    totals = migrate_threads(seeded["threads"], legacy, openai_client, State(tmp_path / "s.db"), report, concurrency=2)
    report.close()
    assert (totals.threads, totals.messages, totals.failed) == (3, 75, 0)
    rows = {r["old_id"]: r for r in map(json.loads, (tmp_path / "report.jsonl").read_text().splitlines())}
    for index, thread_id in enumerate(seeded["threads"]):
        conversation = openai_client.conversations.retrieve(rows[thread_id]["new_id"])
        assert conversation.metadata == {"migrated_from": thread_id, "seed": str(index)}
        expected = [("user" if m % 2 == 0 else "assistant", message_text(index, m)) for m in range(25)]
        assert _texts(openai_client, conversation.id) == expected
    # The attachment on every fifth user message is still attached, as an input_file part.
    first = list(openai_client.conversations.items.list(conversation_id=rows[seeded["threads"][0]]["new_id"],
                                                        order="asc"))
    assert [p.type for p in first[4].content] == ["input_text", "input_file"]
    # What items cannot hold is reported, never silently dropped.
    assert {n["field"] for n in rows[seeded["threads"][0]]["not_carried"]} >= {"created_at"}


def test_running_again_migrates_nothing_twice(svc, tmp_path):
    legacy, openai_client = svc.agents_client(), svc.project_openai_client()
    seeded = seed(legacy, threads=4, messages=3)
    state = State(tmp_path / "s.db")
    first = migrate_threads(seeded["threads"], legacy, openai_client, state, Report(None))
    again = migrate_threads(seeded["threads"], legacy, openai_client, state, Report(None))
    assert (first.threads, again.threads, again.already) == (4, 0, 4)


def test_a_partial_conversation_is_completed_not_duplicated(svc, tmp_path):
    legacy, openai_client = svc.agents_client(), svc.project_openai_client()
    seeded = seed(legacy, threads=1, messages=30)
    thread_id = seeded["threads"][0]
    state = State(tmp_path / "s.db")
    # As if a run had created the conversation with the first batch and been killed before the rest.
    from helpers.migrate.foundry_items import message_to_item

    items = [message_to_item(m.as_dict())[0] for m in legacy.messages.list(thread_id=thread_id, order="asc")]
    conversation = openai_client.conversations.create(items=items[:20])
    state.put(f"thread:{thread_id}", {"status": "partial", "conversation_id": conversation.id})
    migrate_threads([thread_id], legacy, openai_client, state, Report(None))
    assert [text for _, text in _texts(openai_client, conversation.id)] == [message_text(0, m) for m in range(30)]


def test_dry_run_writes_nothing(svc, tmp_path):
    legacy, openai_client = svc.agents_client(), svc.project_openai_client()
    seeded = seed(legacy, threads=2, messages=2)
    state = State(None)
    totals = migrate_threads(seeded["threads"], legacy, openai_client, state, Report(None), dry_run=True)
    assert (totals.threads, totals.messages) == (2, 4)
    assert totals.differences and totals.differences[0]["not_carried"]
    assert state.get(f"thread:{seeded['threads'][0]}") is None


def test_agents_become_versions_with_valid_unique_names(svc, tmp_path):
    legacy, project = svc.agents_client(), svc.project_client()
    seed(legacy, threads=0, messages=0)
    legacy.create_agent(model="gpt-4o", name="Math Tutor", instructions="A second tutor.")
    report_path = tmp_path / "report.jsonl"
    report = Report(report_path)
    totals = migrate_agents(legacy.list_agents(order="asc"), project, State(tmp_path / "s.db"), report)
    report.close()
    assert totals == {"agents": 4, "already": 0, "failed": 0}
    rows = [json.loads(line) for line in report_path.read_text().splitlines()]
    names = {row["name"] for row in rows}
    assert len(names) == 4 and {"Math-Tutor", "Math-Tutor-2", "support-bot"} <= names
    unnamed = (names - {"Math-Tutor", "Math-Tutor-2", "support-bot"}).pop()
    assert re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?", unnamed)
    tutor = project.agents.get_version(agent_name="Math-Tutor", agent_version="1")
    assert tutor.definition["tools"][0]["type"] == "code_interpreter"


def _serve(data: Path, threads: int, messages: int, faults: float) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "helpers", "serve", "--data", str(data), "--seed-threads", str(threads),
         "--messages", str(messages), "--faults", str(faults)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    for line in server.stdout:
        if line.startswith("Local service on"):
            return server
    raise AssertionError("the service did not start")


@pytest.mark.parametrize("faults", [0.0, 0.05], ids=["clean", "faults-5%"])
def test_killed_three_times_then_resumed(tmp_path, faults):
    data, report = tmp_path / "service", tmp_path / "report.jsonl"
    threads, messages = 1000, 20
    server = _serve(data, threads, messages, faults)
    env = dict(os.environ, WORKBOOK_SERVICE_DATA=str(data))
    command = [sys.executable, "-m", "helpers", "migrate", "foundry", "--threads", "--local", "--quiet",
               "--concurrency", "8", "--report", str(report), "--state", str(tmp_path / "state.sqlite3")]
    chooser = random.Random(11 if faults else 5)
    try:
        for _ in range(3):
            run = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(chooser.uniform(2.0, 6.0))
            run.send_signal(signal.SIGKILL)
            run.wait()
        interrupted = len(report.read_text().splitlines()) if report.exists() else 0
        assert interrupted < threads  # the kills came before the end
        finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        assert finished.returncode == 0, finished.stdout + finished.stderr
        rows = [json.loads(line) for line in report.read_text().splitlines()]
        assert not [r for r in rows if "error" in r]
        by_thread = {r["old_id"]: r for r in rows}
        assert len(by_thread) == len(rows) == threads  # every thread exactly once
        from helpers.local.discovery import find_running

        svc = find_running(data)
        legacy, openai_client = svc.agents_client(retry_total=10), svc.project_openai_client(max_retries=10)
        seeded = list(all_thread_ids(legacy))
        assert set(seeded) == set(by_thread)
        for thread_id in seeded:
            index = int(legacy.threads.get(thread_id).metadata["seed"])
            texts = [text for _, text in _texts(openai_client, by_thread[thread_id]["new_id"])]
            assert texts == [message_text(index, m) for m in range(messages)], thread_id
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def test_a_resumed_report_holds_one_line_per_thread_and_no_broken_line(tmp_path):
    path = tmp_path / "report.jsonl"
    path.write_text('{"old_id": "thread_1", "new_id": "conv_1"}\n{"old_id": "thread_2", "new_id": "co')  # killed mid-line
    report = Report(path, one_line_per_id=True)
    assert report.reported("thread_1") and not report.reported("thread_2")
    report.write({"old_id": "thread_1", "new_id": "conv_1"})  # redone after a kill before its record
    report.write({"old_id": "thread_2", "new_id": "conv_2"})
    report.write({"old_id": "thread_3", "error": "boom"})
    report.write({"old_id": "thread_3", "new_id": "conv_3"})
    report.close()
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(r["old_id"], "error" in r) for r in rows] == [
        ("thread_1", False), ("thread_2", False), ("thread_3", True), ("thread_3", False)]


def test_a_thread_listed_twice_is_migrated_once(svc, tmp_path):
    legacy, openai_client = svc.agents_client(), svc.project_openai_client()
    seeded = seed(legacy, threads=2, messages=2)
    report = Report(tmp_path / "r.jsonl", one_line_per_id=True)
    ids = iter([seeded["threads"][0], seeded["threads"][1], seeded["threads"][0]])
    totals = migrate_threads(ids, legacy, openai_client, State(tmp_path / "s.db"), report, concurrency=4)
    report.close()
    assert (totals.threads, totals.already) == (2, 0)
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 2
