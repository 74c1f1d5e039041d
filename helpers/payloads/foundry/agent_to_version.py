"""F1: a classic Foundry agent / OpenAI assistant object becomes an agent version.

Before: `{"id": "asst_AVK…", "object": "assistant", "created_at": 1762218496, "name": "my-agent",
          "description": null, "model": "gpt-4.1", "instructions": "…", "tools": [{"type":
          "code_interpreter"}], "top_p": 1.0, "temperature": 1.0, "tool_resources": {…},
          "metadata": {}, "response_format": "auto"}`
After:  `{"metadata": {}, "object": "agent.version", "id": "my-agent:1", "name": "my-agent",
          "version": "1", "description": "", "created_at": 1762218496, "definition": {"kind":
          "prompt", "model": "gpt-4.1", "instructions": "…", "tools": [{"type": "code_interpreter",
          "container": {"type": "auto"}}]}}`
Id policy: a new agent is addressed by name; its first version id is `<name>:1`, which is what
this rule writes (the legacy id goes into a note). `temperature`/`top_p` of 1.0 (the default)
are left out, other values go into the definition; `response_format` becomes `definition.text`.
Names the new service would refuse are made valid, with a note. Tools and tool_resources
follow `tools.py`; what has no 2.x place is kept under `unconverted` (noted).
"""
from __future__ import annotations

import re
from typing import Any

from ..context import Context
from ..models.foundry import LegacyAssistant
from ..registry import rule
from ..validation import validate
from .common import carry_unknown, text_format
from .tools import UNCONVERTED, convert_tools

KNOWN = {"id", "object", "created_at", "name", "description", "model", "instructions", "tools",
         "top_p", "temperature", "tool_resources", "metadata", "response_format"}


@rule("foundry-agent", "F1", order=10)
def agent_to_version(doc: Any, ctx: Context) -> Any:
    if doc.get("object") in ("agent.version", "agent"):
        ctx.extras["sub_shape"] = doc.get("object")
        ctx.note("F1", "info", "already a new-style agent object; nothing to convert", ())
        return doc
    ctx.extras["sub_shape"] = "assistant"
    validate(LegacyAssistant, doc, ctx.text_for_lines, ctx.kind)
    name = _valid_name(doc, ctx)
    definition: dict[str, Any] = {"kind": "prompt", "model": doc.get("model")}
    if doc.get("model") is None:
        ctx.note("F1", "error", "the agent has no model; a prompt definition needs one", ("model",))
    if doc.get("instructions") is not None:
        definition["instructions"] = doc["instructions"]
    unconverted: dict[str, Any] = {}
    tools = convert_tools(doc.get("tools") or [], doc.get("tool_resources"), ctx, "F1", (), unconverted)
    if tools:
        definition["tools"] = tools
    for key in ("temperature", "top_p"):
        if doc.get(key) is not None and doc[key] != 1:
            definition[key] = doc[key]
        elif doc.get(key) == 1:
            ctx.note("F1", "info", f"{key} 1.0 is the default and was left out", (key,))
    text = _text_format(doc.get("response_format"), ctx)
    if text:
        definition["text"] = text
    metadata = doc.get("metadata") or {}
    new = {
        "metadata": metadata,
        "object": "agent.version",
        "id": f"{name}:1",
        "name": name,
        "version": "1",
        "description": doc.get("description") or "",
        "created_at": doc.get("created_at") if doc.get("created_at") is not None else 0,
        "definition": definition,
    }
    ctx.note("F1", "info", f"the new agent is addressed by name; its first version gets id {name}:1 "
             f"and version '1' from the service (legacy id {doc.get('id')!r}: keep a mapping)", ("id",))
    if doc.get("created_at") is not None:
        ctx.note("F1", "info", "created_at is the legacy creation time; the service stamps the new "
                 "version when it is created", ("created_at",))
    else:
        ctx.note("F1", "info", "the assistant has no created_at; an agent version needs one, so it is 0 "
                 "(the service stamps the version when it is created)", ())
    if any(not isinstance(v, str) for v in metadata.values()) if isinstance(metadata, dict) else True:
        ctx.note("F1", "warning", "agent metadata values must be strings (max 16 keys)", ("metadata",))
    carry_unknown(ctx, "F1", doc, KNOWN, new, (), "an agent version")
    if unconverted:
        new[UNCONVERTED] = unconverted
    return new


def _valid_name(doc: dict[str, Any], ctx: Context) -> str:
    name = doc.get("name")
    raw = name if isinstance(name, str) and name else str(doc.get("id") or "agent")
    fixed = re.sub(r"[^A-Za-z0-9-]+", "-", raw).strip("-")[:63].strip("-") or "agent"
    if fixed != name:
        ctx.note("F1", "warning", f"agent names use letters, digits and inner hyphens (max 63); "
                 f"{name!r} became {fixed!r}", ("name",))
    return fixed


def _text_format(response_format: Any, ctx: Context) -> dict[str, Any] | None:
    if response_format is None:
        return None
    if response_format == "auto":
        ctx.note("F1", "info", "response_format 'auto' is the default (plain text) and was left out",
                 ("response_format",))
        return None
    path = ("response_format",)
    known = text_format(response_format)
    if known is not None:
        return known
    ctx.note("F1", "warning", f"response_format {response_format!r} has no known counterpart; set "
             "definition.text.format by hand", path)
    return None
