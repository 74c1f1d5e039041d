"""Which payload kind a text is: decided from its parsed JSON value or its stream lines.

Runs on every keystroke, so it parses at most once per distinct text (a small
cache keyed by the text) and reads only the keys it needs; streams are judged
by their first lines (S1), the converter checks the rest.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from .python_literal import python_object

_FIRST = re.compile(r"\s*")
_V4_LINE = re.compile(r"([0-9a-k]):(.*)")
_SSE_FIELD = re.compile(r"(event|id|retry):|:")

LANGDOCK_CREATE_KEYS = frozenset(
    {
        "instruction", "creativity", "emoji", "conversationStarters", "inputType", "inputFields",
        "webSearch", "imageGeneration", "dataAnalyst", "canvas", "extendedThinking",
    }
)


def detect_payload_kind(text: str) -> str | None:
    """The payload kind of `text`, or None when it is neither JSON nor a stream. Never raises."""
    try:
        if not isinstance(text, str):
            return None
        return _detect_cached(text)
    except Exception:  # detection is a guess; a failure means "not a payload"
        return None


@lru_cache(maxsize=4)
def _detect_cached(text: str) -> str | None:
    start = _FIRST.match(text).end()
    if start == len(text):
        return None
    if text[start] in "{[":
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = python_object(text)  # P1: an SDK object as Python prints it
            return None if value is None else kind_of_value(value)
        return kind_of_value(value)
    return "langdock-stream" if looks_like_stream(text, start) else None


def looks_like_stream(text: str, start: int = 0, max_lines: int = 20) -> bool:
    """S1: SSE `data:` events (legacy or v5) or AI SDK v4 `<code>:<JSON>` lines, never mixed."""
    mode = None
    checked = 0
    for line in text[start : start + 20000].split("\n"):
        line = line.strip()
        if not line:
            continue
        checked += 1
        if checked > max_lines:
            break
        if line.startswith("data:") and mode in (None, "sse"):
            body = line[5:].strip()
            if body != "[DONE]" and not _json_prefix(body):
                return False
            mode = "sse"
            continue
        if mode is None and checked < 5 and _SSE_FIELD.match(line):
            continue
        match = _V4_LINE.fullmatch(line)
        if match is None or mode == "sse":
            return False
        try:
            json.loads(match.group(2))
        except ValueError:
            return False
        mode = "v4"
    return mode is not None


def _json_prefix(body: str) -> bool:
    try:
        json.JSONDecoder().raw_decode(body)
        return True
    except ValueError:
        return False


def kind_of_value(value: Any) -> str | None:
    """The kind of a parsed JSON value; "json" for objects/arrays of no known shape."""
    if isinstance(value, dict):
        return _kind_of_object(value)
    if isinstance(value, list):
        items = [item for item in value[:50] if isinstance(item, dict)]
        if items and len(items) == min(len(value), 50):
            if any(item.get("object") == "thread.message" for item in items):
                return "foundry-message-list"
            if any(item.get("object") == "thread.run.step" for item in items):
                return "foundry-run-steps"
            if all(item.get("type") == "message" and "object" not in item for item in items):
                return "foundry-message-list"  # conversation items, as a converted bare array
            if all("role" in item and ("content" in item or "parts" in item) for item in items):
                return "langdock-chat-request"
        return "json"
    return None


def _kind_of_object(obj: dict[str, Any]) -> str:
    tag = obj.get("object")
    if tag in ("assistant", "agent.version") or (tag == "agent" and "versions" in obj):
        return "foundry-agent"
    if tag in ("thread", "conversation"):
        return "foundry-thread"
    if tag == "thread.message" or (obj.get("type") == "message" and "role" in obj and "content" in obj):
        return "foundry-message"
    if tag in ("thread.run", "response"):
        return "foundry-run"
    if tag == "thread.run.step":
        return "foundry-run-steps"
    if tag == "list" and isinstance(obj.get("data"), list):
        data = obj["data"][:20]
        if any(isinstance(d, dict) and d.get("object") == "thread.run.step" for d in data):
            return "foundry-run-steps"
        if any(isinstance(d, dict) and (d.get("object") == "thread.message" or d.get("type") == "message") for d in data):
            return "foundry-message-list"
        if not data and "first_id" in obj:
            return "foundry-message-list"
        return "json"
    messages = obj.get("messages")
    if "messages" in obj and any(key in obj for key in ("assistantId", "assistant", "agentId", "agent")):
        return "langdock-chat-request"
    if isinstance(messages, list):  # (with an agent key it was a request above)
        if messages and all(
            isinstance(m, dict) and m.get("role") == "assistant" and isinstance(m.get("content"), str)
            for m in messages[:50]
        ):
            return "langdock-chat-response"
        return "langdock-chat-request"
    if isinstance(obj.get("result"), list):
        return "langdock-chat-response"
    if obj.get("role") == "assistant" and isinstance(obj.get("parts"), list):
        return "langdock-chat-response"
    if "role" in obj and "object" not in obj and (
        "content" in obj or "attachmentIds" in obj or ("parts" in obj and obj["role"] != "assistant")
    ):
        return "langdock-chat-request"  # one message, as code keeps it in a variable
    if "assistantId" in obj or "agentId" in obj:
        return "langdock-agent-request"
    if any(isinstance(obj.get(k), dict) for k in ("assistant", "agent")) and "status" in obj:
        return "langdock-agent-request"
    if "name" in obj and LANGDOCK_CREATE_KEYS & obj.keys():
        return "langdock-agent-request"
    return "json"
