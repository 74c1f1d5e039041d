"""Langdock build endpoints (create, get, update, disable, publish, models) on both
generations, driven with `requests` and `httpx` as Langdock users call them."""
from __future__ import annotations

import uuid

import httpx
import pytest
import requests

from helpers.local.backends.langdock_agents import DEFAULT_MODEL
from helpers.local.service import DEFAULT_MODEL as SERVICE_DEFAULT_MODEL
from helpers.payloads.models.langdock import AgentEnvelope

KEY = {"Authorization": "Bearer test-key"}
AGENT_FIELDS = {
    "id", "name", "description", "instruction", "emojiIcon", "model", "temperature", "inputType",
    "conversationStarters", "webSearchEnabled", "imageGenerationEnabled", "codeInterpreterEnabled",
    "canvasEnabled", "extendedThinking", "actions", "inputFields", "attachments", "createdAt", "updatedAt",
}


def create(svc, prefix="/assistant/v1", **fields):
    body = {"name": "Invoice helper", "instruction": "Answer in one sentence.", **fields}
    answer = requests.post(f"{svc.base_url}{prefix}/create", headers=KEY, json=body, timeout=10)
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_legacy_create_get_update_disable(svc):
    created = create(svc, emoji="🧾", creativity=0.5, conversationStarters=["Which invoices are open?"])
    assert created["status"] == "success" and set(created) == {"status", "message", "assistant"}
    assistant = created["assistant"]
    assert set(assistant) == AGENT_FIELDS
    assert (assistant["emojiIcon"], assistant["temperature"], assistant["model"]) == ("🧾", 0.5, "gpt-4o")
    uuid.UUID(assistant["id"])

    got = requests.get(f"{svc.base_url}/assistant/v1/get", headers=KEY,
                       params={"assistantId": assistant["id"]}, timeout=10).json()
    assert got == {"status": "success", "assistant": assistant}

    updated = requests.patch(f"{svc.base_url}/assistant/v1/update", headers=KEY, timeout=10,
                             json={"assistantId": assistant["id"], "creativity": 0.2, "webSearch": True}).json()
    assert updated["assistant"]["temperature"] == 0.2 and updated["assistant"]["webSearchEnabled"] is True
    assert updated["assistant"]["name"] == "Invoice helper"

    disabled = requests.patch(f"{svc.base_url}/assistant/v1/disable", headers=KEY, timeout=10,
                              json={"assistantId": assistant["id"], "disabled": True})
    assert disabled.json() == {"status": "success", "message": "Assistant disabled successfully"}


def test_agent_envelopes_validate_and_drop_the_assistant_wrapper(svc):
    created = create(svc, "/agent/v1")
    AgentEnvelope.model_validate(created)
    agent_id = created["agent"]["id"]
    with httpx.Client(base_url=f"{svc.base_url}/agent/v1", headers=KEY) as client:
        got = client.get("/get", params={"agentId": agent_id}).json()
        AgentEnvelope.model_validate(got)
        assert got["agent"]["id"] == agent_id
        AgentEnvelope.model_validate(client.patch("/update", json={"agentId": agent_id, "description": "x"}).json())


def test_the_same_id_works_on_both_generations(svc):
    assistant_id = create(svc)["assistant"]["id"]
    got = httpx.get(f"{svc.base_url}/agent/v1/get", headers=KEY, params={"agentId": assistant_id})
    assert got.status_code == 200 and got.json()["agent"]["name"] == "Invoice helper"


def test_agent_update_is_a_draft_until_published(svc):
    agent_id = create(svc, "/agent/v1")["agent"]["id"]
    base = f"{svc.base_url}/agent/v1"
    first = requests.post(f"{base}/publish", headers=KEY, json={"agentId": agent_id, "description": "first"}).json()
    assert first["status"] == "success" and first["version"]["version"] == 1
    assert set(first["version"]) == {"id", "version", "createdAt"}

    again = requests.post(f"{base}/publish", headers=KEY, json={"agentId": agent_id})
    assert again.status_code == 409 and "no draft changes" in again.json()["message"].lower()

    draft = requests.patch(f"{base}/update", headers=KEY, json={"agentId": agent_id, "name": "Renamed"}).json()
    assert draft["agent"]["name"] == "Renamed"
    live = requests.get(f"{base}/get", headers=KEY, params={"agentId": agent_id}).json()
    assert live["agent"]["name"] == "Invoice helper"

    second = requests.post(f"{base}/publish", headers=KEY, json={"agentId": agent_id}).json()
    assert second["version"]["version"] == 2 and second["version"]["id"] != first["version"]["id"]
    assert requests.get(f"{base}/get", headers=KEY, params={"agentId": agent_id}).json()["agent"]["name"] == "Renamed"


def test_legacy_update_is_live_at_once_even_after_a_publish(svc):
    agent_id = create(svc)["assistant"]["id"]
    requests.post(f"{svc.base_url}/agent/v1/publish", headers=KEY, json={"agentId": agent_id}).raise_for_status()
    requests.patch(f"{svc.base_url}/assistant/v1/update", headers=KEY,
                   json={"assistantId": agent_id, "name": "Legacy edit"}).raise_for_status()
    live = requests.get(f"{svc.base_url}/agent/v1/get", headers=KEY, params={"agentId": agent_id}).json()
    assert live["agent"]["name"] == "Legacy edit"


def test_models_list_is_identical_on_both_generations(svc):
    legacy = requests.get(f"{svc.base_url}/assistant/v1/models", headers=KEY).json()
    new = requests.get(f"{svc.base_url}/agent/v1/models", headers=KEY).json()
    assert legacy == new and legacy["object"] == "list"
    assert {"gpt-4o", "gpt-5-mini"} <= {m["id"] for m in legacy["data"]}
    assert all(m["object"] == "model" and m["owned_by"] == "system" and m["created"] > 10**12 for m in legacy["data"])
    assert DEFAULT_MODEL == SERVICE_DEFAULT_MODEL


@pytest.mark.parametrize("prefix, body, status, text", [
    ("/agent/v1", {"name": "x", "instructions": "plural is the OpenAPI example's mistake"}, 400, "instructions"),
    ("/agent/v1", {"instruction": "no name"}, 400, "name"),
    ("/assistant/v1", {"name": "x" * 81}, 400, "name"),
    ("/assistant/v1", {"name": "x", "model": "no-such-model"}, 400, "no-such-model"),
    ("/assistant/v1", {"name": "x", "attachments": ["uuid-1234"]}, 400, "attachments"),
    ("/agent/v1", {"name": "x", "creativity": 2}, 400, "creativity"),
])
def test_create_refuses_what_langdock_refuses(svc, prefix, body, status, text):
    answer = requests.post(f"{svc.base_url}{prefix}/create", headers=KEY, json=body)
    assert answer.status_code == status
    assert set(answer.json()) == {"message"} and text in answer.json()["message"]


def test_unknown_and_malformed_ids(svc):
    unknown = str(uuid.uuid4())
    for prefix, key in (("/assistant/v1", "assistantId"), ("/agent/v1", "agentId")):
        missing = requests.get(f"{svc.base_url}{prefix}/get", headers=KEY, params={key: unknown})
        assert missing.status_code == 404 and unknown in missing.json()["message"]
        malformed = requests.get(f"{svc.base_url}{prefix}/get", headers=KEY, params={key: "asst_123"})
        assert malformed.status_code == 400
    publish = requests.post(f"{svc.base_url}/agent/v1/publish", headers=KEY, json={"agentId": unknown})
    assert publish.status_code == 404


def test_mixed_generation_keys_are_refused(svc):
    agent_id = create(svc)["assistant"]["id"]
    get = requests.get(f"{svc.base_url}/agent/v1/get", headers=KEY, params={"assistantId": agent_id})
    assert get.status_code == 400 and "assistantId" in get.json()["message"]
    update = requests.patch(f"{svc.base_url}/agent/v1/update", headers=KEY, json={"assistantId": agent_id})
    assert update.status_code == 400
    legacy_publish = requests.post(f"{svc.base_url}/assistant/v1/publish", headers=KEY, json={"agentId": agent_id})
    assert legacy_publish.status_code == 404


def test_no_key_no_answer(svc):
    answer = requests.get(f"{svc.base_url}/agent/v1/models")
    assert answer.status_code == 401 and set(answer.json()) == {"message"}


def test_agents_and_their_versions_survive_a_restart(tmp_path):
    from helpers.local import start

    first = start(tmp_path)
    try:
        with httpx.Client(base_url=f"{first.base_url}/agent/v1", headers=KEY, verify=first.ssl_context()) as client:
            agent_id = client.post("/create", json={"name": "Keeper"}).json()["agent"]["id"]
            client.post("/publish", json={"agentId": agent_id}).raise_for_status()
    finally:
        first.stop()
    second = start(tmp_path)
    try:
        again = requests.post(f"{second.base_url}/agent/v1/publish", headers=KEY, verify=second.ca_bundle,
                              json={"agentId": agent_id})
        assert again.status_code == 409  # version 1 is still the live one
        got = requests.get(f"{second.base_url}/assistant/v1/get", headers=KEY, verify=second.ca_bundle,
                           params={"assistantId": agent_id})
        assert got.json()["assistant"]["name"] == "Keeper"
    finally:
        second.stop()
