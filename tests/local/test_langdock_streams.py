"""Langdock streams: the legacy SSE, the AI SDK 5 UI message stream (the agent
default) and the AI SDK 4 data stream, read with requests and httpx (sync and
async) and checked against the project's stream models and the AI SDK rules."""
from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import requests

import helpers
from helpers.payloads.models.streams import UI_CHUNK, V4_MODELS, V4_VALUE_TYPES, LegacyEvent
from helpers.payloads.streams.headers import HEADERS

KEY = {"Authorization": "Bearer test-key"}
QUESTION = "Which clauses mention penalties in the supplier contract?"
ANSWER = f'Local model: you said "{QUESTION}".'


@pytest.fixture
def agent_id(svc):
    answer = requests.post(f"{svc.base_url}/agent/v1/create", headers=KEY, json={"name": "Contracts"}, timeout=10)
    return answer.json()["agent"]["id"]


def legacy_body(agent_id):
    return {"assistantId": agent_id, "stream": True, "messages": [{"role": "user", "content": QUESTION}]}


def agent_body(agent_id):
    return {"agentId": agent_id, "stream": True,
            "messages": [{"id": "m1", "role": "user", "parts": [{"type": "text", "text": QUESTION}]}]}


def sse_data(text):
    """The `data:` payloads of an SSE body, in order."""
    return [line[len("data: "):] for line in text.split("\n") if line.startswith("data: ")]


def check_ui_message_stream(text):
    """Every chunk validates against the ai@5 schema and the client's ordering rules hold; returns the text."""
    payloads = sse_data(text)
    assert payloads[-1] == "[DONE]" and text.endswith("\n\n")
    chunks = [UI_CHUNK.validate_python(json.loads(p)).model_dump(exclude_none=True) for p in payloads[:-1]]
    types = [c["type"] for c in chunks]
    assert types[:3] == ["start", "start-step", "text-start"] and types[-3:] == ["text-end", "finish-step", "finish"]
    open_ids = {chunks[2]["id"]}
    assert all(c["id"] in open_ids for c in chunks if c["type"] in ("text-delta", "text-end"))
    return "".join(c["delta"] for c in chunks if c["type"] == "text-delta")


def check_data_stream(text):
    lines = text.splitlines()
    text_out = ""
    for line in lines:
        code, _, raw = line.partition(":")
        value = json.loads(raw)
        assert isinstance(value, V4_VALUE_TYPES[code]), line
        if code in V4_MODELS:
            V4_MODELS[code].model_validate(value)
        if code == "0":
            text_out += value
    assert [line[0] for line in lines][:1] == ["f"] and [line[0] for line in lines][-2:] == ["e", "d"]
    return text_out


def test_legacy_stream_is_the_guides_sse(svc, agent_id):
    answer = requests.post(f"{svc.base_url}/assistant/v1/chat/completions", headers=KEY,
                           json=legacy_body(agent_id), stream=True, timeout=10)
    assert answer.headers["content-type"].startswith(HEADERS["legacy-sse"]["Content-Type"])
    events = [LegacyEvent.model_validate(json.loads(p)) for p in sse_data(answer.text)]
    assert [e.type for e in events][-1] == "done" and {e.type for e in events[:-1]} == {"message"}
    assert len(events) > 2
    assert "".join(e.content for e in events[:-1]) == ANSWER


def test_agent_stream_defaults_to_the_ui_message_stream_with_its_headers(svc, agent_id):
    answer = requests.post(f"{svc.base_url}/agent/v1/chat/completions", headers=KEY, json=agent_body(agent_id),
                           stream=True, timeout=10)
    for name, value in HEADERS["ui-message-stream"].items():
        assert answer.headers[name].startswith(value), name
    assert check_ui_message_stream(answer.text) == ANSWER
    start = json.loads(sse_data(answer.text)[0])
    assert start["messageMetadata"] == {"modelName": "gpt-4o"}


def test_agent_stream_in_the_v4_data_stream_format_on_request(svc, agent_id):
    answer = requests.post(f"{svc.base_url}/agent/v1/chat/completions", headers={**KEY, "Accept": "text/plain"},
                           json=agent_body(agent_id), stream=True, timeout=10)
    for name, value in HEADERS["data-stream"].items():
        assert answer.headers[name] == value, name
    assert check_data_stream(answer.text) == ANSWER


def test_legacy_stream_converted_by_the_workbook_equals_the_agent_stream(svc, agent_id):
    legacy = requests.post(f"{svc.base_url}/assistant/v1/chat/completions", headers=KEY,
                           json=legacy_body(agent_id), timeout=10).text
    new = requests.post(f"{svc.base_url}/agent/v1/chat/completions", headers=KEY,
                        json=agent_body(agent_id), timeout=10).text
    converted = helpers.convert_payload(legacy).output

    def shape(text):
        chunks = [json.loads(p) for p in sse_data(text)[:-1]]
        return [{k: v for k, v in c.items() if k not in ("id", "messageId", "messageMetadata")} for c in chunks]

    assert shape(converted) == shape(new)


def test_httpx_streams_line_by_line_sync_and_async(svc, agent_id):
    with httpx.Client(base_url=svc.base_url, headers=KEY) as client:
        with client.stream("POST", "/agent/v1/chat/completions", json=agent_body(agent_id)) as answer:
            lines = list(answer.iter_lines())
    assert check_ui_message_stream("\n".join(lines) + "\n") == ANSWER

    async def read_legacy():
        async with httpx.AsyncClient(base_url=svc.base_url, headers=KEY) as client:
            async with client.stream("POST", "/assistant/v1/chat/completions", json=legacy_body(agent_id)) as answer:
                return [json.loads(line[6:]) async for line in answer.aiter_lines() if line.startswith("data: ")]

    events = asyncio.run(read_legacy())
    assert "".join(e["content"] for e in events if e["type"] == "message") == ANSWER


def test_stream_false_is_the_default(svc, agent_id):
    body = agent_body(agent_id)
    del body["stream"]
    answer = requests.post(f"{svc.base_url}/agent/v1/chat/completions", headers=KEY, json=body, timeout=10)
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["messages"][0]["content"] == ANSWER
