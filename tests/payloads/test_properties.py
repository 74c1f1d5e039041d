"""Property tests: no JSON value or stream makes the converters raise anything but InputError
(a bug raises InternalError, which fails these tests), conversion is idempotent, and no legacy
field disappears without a note."""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.errors import InputError
from helpers.payloads import PAYLOAD_KINDS, convert_payload, detect_payload_kind
from helpers.payloads.models.langdock import AgentChatRequest

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)
keys = st.sampled_from(["assistantId", "assistant", "agentId", "messages", "role", "content", "parts",
                        "attachmentIds", "metadata", "id", "object", "result", "type", "text", "data",
                        "status", "usage", "tools", "thread_id", "maxSteps", "stream"])
values = st.sampled_from(["assistant", "thread", "thread.run", "thread.message", "list", "user", "tool",
                          "text", "tool-call", "message", "done", "system", "agent.version"])
shaped = st.recursive(
    scalars | values,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=30,
)


def convert_or_input_error(text, **options):
    try:
        return convert_payload(text, **options)
    except InputError:
        return None


@SETTINGS
@given(value=json_values | shaped, kind=st.sampled_from([None, *PAYLOAD_KINDS]),
       shape=st.sampled_from(["messages", "ui-message"]))
def test_any_json_raises_only_input_error(value, kind, shape):
    text = json.dumps(value)
    detect_payload_kind(text)
    result = convert_or_input_error(text, kind=kind, response_shape=shape)
    if result is not None and result.kind != "langdock-stream":
        json.loads(result.output)
        again = convert_or_input_error(result.output, kind=result.kind, response_shape=shape)
        if again is not None and result.kind != "langdock-chat-response":
            assert again.output == result.output


@SETTINGS
@given(st.text(max_size=200))
def test_any_text_raises_only_input_error(text):
    detect_payload_kind(text)
    convert_or_input_error(text)


message = st.fixed_dictionaries(
    {"role": st.sampled_from(["user", "assistant", "system"]), "content": st.text(max_size=30)},
    optional={"attachmentIds": st.lists(st.uuids().map(str), max_size=3),
              "id": st.sampled_from(["msg_0", "msg_1", "a", "b"])},
)


@SETTINGS
@given(messages=st.lists(message, max_size=6), stream=st.booleans(), indent=st.sampled_from([None, 2, 4]))
def test_legacy_requests_round_trip(messages, stream, indent):
    text = json.dumps({"assistantId": "7d1f", "messages": messages, "stream": stream}, indent=indent)
    result = convert_payload(text)
    new = json.loads(result.output)
    AgentChatRequest.model_validate(new)
    assert [p["parts"][0]["text"] for p in new["messages"]] == [m["content"] for m in messages]
    assert len({m["id"] for m in new["messages"]}) == len(messages)
    again = convert_payload(result.output)
    assert not again.changed


chunks = st.lists(st.text(max_size=15), max_size=8)


@SETTINGS
@given(chunks=chunks, done=st.booleans(), fmt=st.sampled_from(["ui-message-stream", "data-stream"]))
def test_legacy_streams_keep_their_text(chunks, done, fmt):
    events = [{"type": "message", "content": c} for c in chunks] + ([{"type": "done"}] if done else [])
    if not events:
        return
    text = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    result = convert_payload(text, stream_format=fmt)
    if fmt == "ui-message-stream":
        deltas = [json.loads(b[6:]) for b in result.output.split("\n\n") if b.startswith("data: {")]
        assert "".join(d["delta"] for d in deltas if d["type"] == "text-delta") == "".join(chunks)
    else:
        lines = [line for line in result.output.split("\n") if line.startswith("0:")]
        assert "".join(json.loads(line[2:]) for line in lines) == "".join(chunks)
    assert not convert_payload(result.output, stream_format=fmt).changed


@SETTINGS
@given(events=st.lists(json_values | shaped, min_size=1, max_size=6), v4=st.booleans(),
       fmt=st.sampled_from(["ui-message-stream", "data-stream"]))
def test_any_stream_events_raise_only_input_error(events, v4, fmt):
    codes = "0239abcdefghijk"
    if v4:
        text = "".join(f"{codes[i % len(codes)]}:{json.dumps(e)}\n" for i, e in enumerate(events))
    else:
        text = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    result = convert_or_input_error(text, kind="langdock-stream", stream_format=fmt)
    if result is not None:
        again = convert_or_input_error(result.output, kind="langdock-stream", stream_format=fmt)
        assert again is not None and not again.changed


foundry_keys = st.sampled_from(["id", "name", "model", "instructions", "tools", "tool_resources", "metadata",
                                "response_format", "role", "content", "status", "usage", "last_error",
                                "required_action", "incomplete_details", "thread_id", "data", "text",
                                "annotations", "file_citation", "submit_tool_outputs", "tool_calls",
                                "function", "type", "value", "code_interpreter", "file_ids", "prompt_tokens",
                                "toolCallId", "result", "args"])
foundry_values = st.recursive(
    scalars | values | st.sampled_from(["code_interpreter", "file_search", "function", "text", "image_file",
                                        "file_citation", "url_citation", "requires_action", "auto"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(foundry_keys, inner, max_size=5),
    max_leaves=30,
)


@SETTINGS
@given(obj=st.sampled_from(["assistant", "thread", "thread.message", "thread.run", "list"]),
       body=st.dictionaries(foundry_keys, foundry_values, max_size=8))
def test_foundry_shaped_objects_raise_only_input_error(obj, body):
    source = {"object": obj, **body}
    result = convert_or_input_error(json.dumps(source))
    if result is None or not result.kind.startswith("foundry-"):
        return
    out = json.loads(result.output)
    again = convert_or_input_error(result.output, kind=result.kind)
    assert again is not None and again.output == result.output
    if result.changed and isinstance(out, dict) and result.kind != "json":
        # nothing dropped silently: each legacy field is in the new object (or its definition,
        # or under `unconverted`), or a note names it
        definition = out.get("definition") if isinstance(out.get("definition"), dict) else {}
        noted = {(n.path or "").split(".")[0].split("[")[0] for n in result.notes}
        for key, value in source.items():
            if value in (None, "", [], {}):
                continue  # nothing to lose
            assert key in out or key in definition or key in noted or key in out.get("unconverted", {}), key
