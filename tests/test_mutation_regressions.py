"""Tests that kill six deliberate bugs which once survived the whole suite (issue 15).

Each test names the bug it kills. All six were checked by hand: with the bug put
back into the code, the test fails; without it, the test passes.
"""
from __future__ import annotations

import ast
import json

import pytest

from helpers import convert, convert_code, convert_payload
from helpers.langdock.urls import is_langdock_host

AGENTS = "from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"
PROJECT = (
    "from azure.ai.projects import AIProjectClient\n"
    "client = AIProjectClient(endpoint=e, credential=c)\n"
    "openai_client = client.get_openai_client()\n"
)


# 1. runs.cancel mapped to another call ---------------------------------------------------------

def test_runs_cancel_becomes_responses_cancel():
    result = convert_code(AGENTS + "run = client.runs.cancel(thread_id=thread.id, run_id=run.id)\n")
    assert result.output == PROJECT + "run = openai_client.responses.cancel(run.id)\n"
    assert [(n.line, n.severity) for n in result.notes] == [(3, "info")]
    assert "background=True" in result.notes[0].message


def test_openai_beta_runs_cancel_becomes_responses_cancel():
    source = ("from openai import OpenAI\nclient = OpenAI()\n"
              "run = client.beta.threads.runs.cancel(run_id=run.id, thread_id=thread.id)\n")
    result = convert_code(source)
    assert result.output.endswith("\nrun = client.responses.cancel(run.id)\n")
    assert "responses.retrieve" not in result.output


def test_runs_get_and_cancel_stay_distinct():
    result = convert_code(AGENTS + "a = client.runs.get(thread_id=t, run_id=r)\n"
                                   "b = client.runs.cancel(thread_id=t, run_id=r)\n")
    assert result.output.endswith("a = openai_client.responses.retrieve(r)\n"
                                  "b = openai_client.responses.cancel(r)\n")


# 2. vector_store_files.delete turned into deleting the whole vector store ----------------------

def test_deleting_a_file_from_a_vector_store_deletes_only_that_file():
    result = convert_code(AGENTS + "client.vector_store_files.delete(vector_store_id=vs.id, file_id=f.id)\n")
    assert result.output == PROJECT + "openai_client.vector_stores.files.delete(vector_store_id=vs.id, file_id=f.id)\n"
    calls = [ast.unparse(n.func) for n in ast.walk(ast.parse(result.output)) if isinstance(n, ast.Call)]
    assert "openai_client.vector_stores.delete" not in calls


def test_deleting_the_vector_store_itself_stays_a_vector_store_delete():
    result = convert_code(AGENTS + "client.vector_stores.delete(vs.id)\n")
    assert result.output == PROJECT + "openai_client.vector_stores.delete(vs.id)\n"


# 3. a run's content_filter reason mapped to max_output_tokens -----------------------------------

def _incomplete_run(reason: str) -> str:
    return json.dumps({
        "id": "run_1", "object": "thread.run", "created_at": 1, "assistant_id": "asst_1",
        "thread_id": "thread_1", "status": "incomplete", "model": "gpt-4.1", "instructions": "",
        "tools": [], "metadata": {}, "incomplete_details": {"reason": reason}, "usage": None,
    })


@pytest.mark.parametrize("reason, expected", [
    ("content_filter", "content_filter"),
    ("max_completion_tokens", "max_output_tokens"),
])
def test_incomplete_reasons_map_to_their_own_response_reason(reason, expected):
    result = convert_payload(_incomplete_run(reason))
    out = json.loads(result.output)
    assert result.kind == "foundry-run"
    assert out["status"] == "incomplete"
    assert out["incomplete_details"] == {"reason": expected}


def test_an_unknown_incomplete_reason_is_left_out_with_a_note():
    result = convert_payload(_incomplete_run("max_prompt_tokens"))
    assert json.loads(result.output)["incomplete_details"] is None
    assert [n.path for n in result.notes if "'max_prompt_tokens'" in n.message] == ["incomplete_details"]


# 4. an existing metadata.unconverted overwritten in a Langdock request --------------------------

def test_content_that_cannot_be_converted_is_added_to_existing_unconverted_metadata():
    request = {"assistantId": "a", "messages": [{
        "role": "user", "content": [{"type": "text", "text": "x"}, {"type": "audio", "data": "A"}],
        "metadata": {"unconverted": [{"type": "video", "data": "V"}], "topic": "t"}}]}
    out = json.loads(convert_payload(json.dumps(request)).output)
    assert out["messages"][0]["metadata"] == {
        "unconverted": [{"type": "video", "data": "V"}, {"type": "audio", "data": "A"}], "topic": "t"}


def test_differing_content_beside_parts_is_added_to_existing_unconverted_metadata():
    request = {"agentId": "a", "messages": [{
        "id": "m", "role": "user", "content": "old", "parts": [{"type": "text", "text": "new"}],
        "metadata": {"unconverted": ["earlier"]}}]}
    out = json.loads(convert_payload(json.dumps(request)).output)
    assert out["messages"][0]["metadata"] == {"unconverted": ["earlier", {"content": "old"}]}


# 5. a host check that takes evillangdock.com for Langdock ---------------------------------------

@pytest.mark.parametrize("host, langdock", [
    ("langdock.com", True),
    ("api.langdock.com", True),
    ("API.Langdock.com:443", True),
    ("user@api.langdock.com", True),
    ("evillangdock.com", False),
    ("api.evillangdock.com", False),
    ("langdock.com.evil.org", False),
    ("notlangdock.com", False),
])
def test_only_langdock_com_and_its_subdomains_are_langdock(host, langdock):
    assert is_langdock_host(host) is langdock


@pytest.mark.parametrize("host", ["api.evillangdock.com", "evillangdock.com", "langdock.com.evil.org"])
def test_urls_of_look_alike_hosts_are_not_rewritten(host):
    url = f"https://{host}/assistant/v1/chat/completions"
    js = convert(f'const r = await fetch("{url}", {{method: "POST"}});\n', kind="javascript")
    py = convert_code(f'import requests\nrequests.post("{url}", json=body)\n')
    assert url in js.output and "/agent/v1/" not in js.output
    assert url in py.output and "/agent/v1/" not in py.output
    assert any(host in n.message for n in js.notes)


def test_the_real_langdock_host_is_rewritten():
    py = convert_code('import requests\nrequests.post("https://api.langdock.com/assistant/v1/chat/completions", json=body)\n')
    assert '"https://api.langdock.com/agent/v1/chat/completions"' in py.output


# 6. a Langdock Python request whose message gets a duplicate `metadata` key --------------------

def _message_keys(code: str) -> list[list[str]]:
    """The keys of every dict literal with a "role", in order, duplicates kept."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if "role" in keys:
                found.append(keys)
    return found


def test_attachments_beside_existing_metadata_are_kept_not_overwritten():
    source = (
        "import requests\n"
        'requests.post("https://api.langdock.com/assistant/v1/chat/completions", headers=h, json={'
        '"assistantId": "a", "messages": [{"role": "user", "content": q, "attachmentIds": ids, '
        '"metadata": {"topic": "t"}}]})\n'
    )
    result = convert_code(source)
    assert _message_keys(result.output) == [["id", "role", "parts", "attachmentIds", "metadata"]]
    assert '"attachmentIds": ids, "metadata": {"topic": "t"}' in result.output
    assert [(n.line, n.severity) for n in result.notes if "already has `metadata`" in n.message] == [(2, "warning")]


def test_attachments_without_metadata_move_into_metadata():
    source = (
        "import requests\n"
        'requests.post("https://api.langdock.com/assistant/v1/chat/completions", json={'
        '"assistantId": "a", "messages": [{"role": "user", "content": q, "attachmentIds": ids}]})\n'
    )
    result = convert_code(source)
    assert _message_keys(result.output) == [["id", "role", "parts", "metadata"]]
    assert '"metadata": {"attachments": ids}' in result.output
