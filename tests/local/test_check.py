"""`helpers.check_script` and `python -m helpers check`: convert, run both versions
against a fresh local service, compare, verify."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import helpers
from helpers.errors import InputError
from helpers.local.backends import BACKENDS
from helpers.local.check import FAILED, NOT_APPLICABLE, PASSED, mask, stdout_diff, verify

ROOT = Path(__file__).resolve().parents[2]

LANGDOCK_SCRIPT = textwrap.dedent('''\
    import os
    from pathlib import Path

    import requests

    BASE = os.environ.get("LANGDOCK_BASE_URL", "https://api.langdock.com")
    HEADERS = {"Authorization": f"Bearer {os.environ['LANGDOCK_API_KEY']}"}
    question = (Path(__file__).parent / "question.txt").read_text().strip()

    created = requests.post(f"{BASE}/assistant/v1/create", headers=HEADERS,
                            json={"name": "Invoice bot", "instruction": "Be brief."}).json()
    assistant_id = created["assistant"]["id"]
    print("created", assistant_id)
    payload = {"assistantId": assistant_id, "messages": [{"role": "user", "content": question}], "stream": False}
    data = requests.post(f"{BASE}/assistant/v1/chat/completions", headers=HEADERS, json=payload).json()
    print(data["result"][0]["content"][0]["text"])
    ''')

FOUNDRY_SCRIPT = textwrap.dedent('''\
    import os

    from azure.ai.agents import AgentsClient
    from azure.ai.agents.models import ListSortOrder
    from azure.identity import DefaultAzureCredential

    client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
    agent = client.create_agent(model=os.environ["MODEL_DEPLOYMENT_NAME"], name="helper", instructions="Be brief.")
    print(f"Created agent {agent.id}")
    thread = client.threads.create()
    for question in ("My name is Ada.", "What is my name?"):
        client.messages.create(thread_id=thread.id, role="user", content=question)
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
        print(f"Run finished: {run.status}")
    for message in client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING):
        if message.text_messages:
            print(f"{message.role}: {message.text_messages[-1].text.value}")
    client.delete_agent(agent.id)
    ''')


def _serves(mount_part: str, route_part: str) -> bool:
    return any(mount_part in mount and any(route_part in getattr(r, "path", "") for r in backend.routes())
               for backend in BACKENDS for mount in backend.MOUNTS)


needs_foundry_backends = pytest.mark.skipif(
    not (_serves("/api/projects", "/threads") and _serves("/openai/v1", "/conversations")),
    reason="the classic-agents (svc-legacy) and Foundry 2.x (svc-new) backends are not merged yet")


@pytest.fixture
def langdock_folder(tmp_path):
    (tmp_path / "question.txt").write_text("Which invoices are overdue?\n")
    script = tmp_path / "ask.py"
    script.write_text(LANGDOCK_SCRIPT)
    return script


def test_langdock_script_runs_before_and_after_and_the_file_stays_untouched(langdock_folder):
    before = langdock_folder.read_bytes(), langdock_folder.stat().st_mtime_ns
    report = helpers.check_script(langdock_folder, timeout=60)
    assert (langdock_folder.read_bytes(), langdock_folder.stat().st_mtime_ns) == before
    assert sorted(p.name for p in langdock_folder.parent.iterdir()) == ["ask.py", "question.txt"]
    assert report.changed and "/agent/v1/chat/completions" in report.converted_source
    assert report.original.ok and report.converted.ok, (report.original.stderr, report.converted.stderr)
    # The sibling file was copied next to both copies: the question reached the model.
    assert 'you said "Which invoices are overdue?"' in report.converted.stdout
    assert report.original.stdout != report.converted.stdout  # different agent ids ...
    assert report.stdout_diff == ""                          # ... masked away
    steps = {v.step: v.status for v in report.verifications}
    assert steps["the converted script chatted on /agent/v1 only"] == PASSED
    assert steps["create_version returned an id and a version"] == NOT_APPLICABLE
    assert report.ok
    assert "[passed] the converted script chatted on /agent/v1 only" in report.text()
    assert json.loads(json.dumps(report.to_dict()))["converted"]["returncode"] == 0


def test_source_text_is_accepted_and_a_failing_conversion_is_reported():
    # The script notices its own conversion and fails, as a converted script does
    # when it reads a field that changed shape.
    source = LANGDOCK_SCRIPT.replace('question = (Path(__file__).parent / "question.txt").read_text().strip()',
                                     'question = "Hi"') + textwrap.dedent('''\
        if "/".join(["", "agent", "v1", "chat"]) in Path(__file__).read_text():
            raise KeyError("result")
        ''')
    report = helpers.check_script(source, timeout=60)
    assert report.original.ok
    assert report.converted.returncode == 1 and "KeyError: 'result'" in report.converted.stderr_tail()
    assert not report.ok
    assert "stderr (end):" in report.text() and "PROBLEMS FOUND" in report.text()


def test_a_run_that_hangs_is_stopped_and_reported():
    report = helpers.check_script("import time\ntime.sleep(30)\nprint('never')\n", timeout=2)
    assert report.original.timed_out and report.converted.timed_out
    assert report.converted.returncode is None and "stopped after 2 s" in report.converted.stderr
    assert not report.ok
    assert all(v.status == NOT_APPLICABLE for v in report.verifications)


def test_bad_input_raises_input_errors(tmp_path):
    with pytest.raises(InputError):
        helpers.check_script("def broken(:\n    pass\n")
    with pytest.raises(InputError):
        helpers.check_script(tmp_path / "missing.py")
    with pytest.raises(InputError):
        helpers.check_script(str(tmp_path / "missing.py"))


def test_masking_hides_ids_and_times_but_not_answers():
    original = ("agent asst_a1b2c3d4e5f6 in thread_0123456789abcdef at 2026-11-30T10:51:15.893Z\n"
                "created 1764499875 took 0.53s id 96fe466d-a0a7-4479-a63b-4317e59a404e\nanswer 45\n")
    converted = ("agent asst_ffffffffffff in thread_fedcba9876543210 at 2026-12-01 08:00:00\n"
                 "created 1764500000123 took 12 ms id 00000000-0000-4000-8000-000000000000\nanswer 45\n")
    assert mask(original) == mask(converted)
    assert mask("answer 45") == "answer 45"
    diff = stdout_diff("conv_abc123def456 says hi\n", "conv_999999999999 says bye\n")
    assert "-conv_<id> says hi" in diff and "+conv_<id> says bye" in diff


def _foundry_docs(responses_in_one_conversation: int, chained: bool = False):
    docs = [("agent_version", {"object": "agent.version", "id": "helper:1", "name": "helper", "version": "1"})]
    for n in range(responses_in_one_conversation):
        docs.append(("response", {"object": "response", "id": f"resp_{n}", "conversation": {"id": "conv_1"},
                                  "output": [{"type": "message"}]}))
    if chained:
        docs.append(("response", {"object": "response", "id": "resp_x", "conversation": None,
                                  "previous_response_id": "resp_0", "output": []}))
    return docs


def test_microsoft_verification_steps_read_the_services_objects():
    source = "from azure.ai.projects import AIProjectClient\n"
    steps = {v.step: v.status for v in verify(source, _foundry_docs(2))}
    assert list(steps.values()) == [PASSED, PASSED, PASSED, NOT_APPLICABLE]  # the last: Langdock
    one = {v.step: v.status for v in verify(source, _foundry_docs(1))}
    assert one["context kept across responses"] == FAILED
    assert one["a conversation produced output items"] == PASSED
    chained = {v.step: v.status for v in verify(source, _foundry_docs(1, chained=True))}
    assert chained["context kept across responses"] == PASSED
    nothing = {v.step: v.status for v in verify(source, [])}
    assert set(nothing.values()) == {FAILED, NOT_APPLICABLE}
    assert nothing["create_version returned an id and a version"] == FAILED


def test_langdock_step_fails_when_the_legacy_endpoint_is_still_called():
    source = 'URL = "https://api.langdock.com/assistant/v1/chat/completions"\n'
    legacy_only = [("langdock_chat", {"generation": "assistant"})]
    step = verify(source, legacy_only)[-1]
    assert step.status == FAILED and "1 on /assistant/v1" in step.detail
    assert verify(source, [], original=[])[-1].status == NOT_APPLICABLE


def test_check_command(langdock_folder):
    done = subprocess.run([sys.executable, "-m", "helpers", "check", str(langdock_folder), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["original"]["returncode"] == report["converted"]["returncode"] == 0
    missing = subprocess.run([sys.executable, "-m", "helpers", "check", str(langdock_folder.parent / "nope.py")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2


@needs_foundry_backends
def test_foundry_legacy_script_converted_passes_the_microsoft_steps(tmp_path):
    script = tmp_path / "agent.py"
    script.write_text(FOUNDRY_SCRIPT)
    report = helpers.check_script(script, timeout=120)
    assert report.original.ok, report.original.stderr_tail()
    assert report.converted.ok, report.converted.stderr_tail()
    steps = {v.step: v.status for v in report.verifications}
    assert steps["create_version returned an id and a version"] == PASSED
    assert steps["a conversation produced output items"] == PASSED
    assert steps["context kept across responses"] == PASSED
    assert 'Earlier you said "My name is Ada."' in report.converted.stdout


def test_unexpected_failures_reach_the_caller_as_workbook_errors(monkeypatch):
    import helpers.local.check as check

    def broken_start(*args, **kwargs):
        raise RuntimeError("the local service did not start")

    monkeypatch.setattr(check, "start", broken_start)
    with pytest.raises(helpers.WorkbookError, match="did not start"):
        helpers.check_script("print('hi')\n")


def test_steps_whose_legacy_counterpart_never_ran_do_not_apply(tmp_path):
    script = tmp_path / "threads_only.py"
    script.write_text(
        "import os\nfrom azure.ai.agents import AgentsClient\nfrom azure.identity import DefaultAzureCredential\n"
        "client = AgentsClient(endpoint=os.environ['PROJECT_ENDPOINT'], credential=DefaultAzureCredential())\n"
        "print(client.threads.create().object)\n")
    report = helpers.check_script(script, timeout=120)
    assert report.ok, report.text()
    steps = {v.step: (v.status, v.detail) for v in report.verifications}
    assert steps["create_version returned an id and a version"] == (NOT_APPLICABLE, "the original created no agent")
    assert steps["a conversation produced output items"] == (NOT_APPLICABLE, "the original started no run")
