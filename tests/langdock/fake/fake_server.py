"""A fake Langdock Agents API for running converted test applications.

Legacy `/assistant/v1/` paths answer 404 (as after the shutdown); every request is
appended to the file in $FAKE_LANGDOCK_LOG so the test can validate the bodies.
$FAKE_LANGDOCK_SHAPE picks how answers carry their text: "content" (a string, as
the migration guide shows) or "parts" (UI message parts, as the reference shows).
"""
import json
import os
from urllib.parse import parse_qs, urlsplit

ANSWER = ["Clauses 7 and 12 ", "contain penalties."]


def _log(entry):
    with open(os.environ["FAKE_LANGDOCK_LOG"], "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")


def _message():
    text = "".join(ANSWER)
    if os.environ.get("FAKE_LANGDOCK_SHAPE") == "parts":
        return {"id": "r1", "role": "assistant", "parts": [{"type": "text", "text": text}]}
    return {"id": "r1", "role": "assistant", "content": text}


def _stream():
    events = [{"type": "start", "messageId": "r1"}, {"type": "start-step"},
              {"type": "text-start", "id": "t0"}]
    events += [{"type": "text-delta", "id": "t0", "delta": d} for d in ANSWER]
    events += [{"type": "text-end", "id": "t0"}, {"type": "finish-step"}, {"type": "finish"}]
    return [f"data: {json.dumps(e)}" for e in events] + ["data: [DONE]"]


def handle(method, url, body=None, params=None):
    """(status, json or None, stream lines or None) for one request."""
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query.update(params or {})
    _log({"method": method.upper(), "path": parts.path, "query": query, "body": body})
    path = parts.path
    if "/assistant/v1/" in path:
        return 404, {"message": "The Assistants API is gone"}, None
    if path.endswith("/attachment/v1/upload"):
        return 200, {"attachmentId": "b3e2a9c1-0f44-4d6b-8a21-5e7c9d1f2a33",
                     "file": {"name": "x.txt", "mimeType": "text/plain", "sizeInBytes": 3}}, None
    if path.endswith("/agent/v1/chat/completions"):
        if isinstance(body, dict) and body.get("stream"):
            return 200, None, _stream()
        return 200, {"messages": [_message()]}, None
    if path.endswith("/agent/v1/get"):
        return 200, {"status": "success", "agent": {"id": query.get("agentId"), "name": "x"}}, None
    return 404, {"message": f"unknown path {path}"}, None
