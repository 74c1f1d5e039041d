"""B1, B2, B3, B4: create/get/update/disable bodies and responses of the build endpoints.

B1 Before: `{"assistantId": "7d1f…", "creativity": 0.2}`  After: `{"agentId": "7d1f…", "creativity": 0.2}`
   (the key only; the value is the same UUID).
B2 Every other field (`name`, `instruction`, `creativity`, `emoji`, `attachments`, …) is unchanged;
   a create body converts to itself (only the URL changes to /agent/v1/create).
B3 Before: `{"status": "success", "assistant": {…}}`  After: `{"status": "success", "agent": {…}}`.
B4 An update body gets a note: updates now edit a draft until POST /agent/v1/publish.
The detected sub-shape goes to `extras["sub_shape"]`.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .common import rename_keys


@rule("langdock-agent-request", "B1", order=10)
def convert_agent_body(doc: Any, ctx: Context) -> Any:
    if not isinstance(doc, dict):
        return doc
    shape = sub_shape(doc)
    ctx.extras["sub_shape"] = shape
    renames = {}
    if "assistantId" in doc:
        if "agentId" in doc:
            ctx.note("B1", "error", "both `assistantId` and `agentId` are present; `assistantId` was "
                     "left as it is: keep only `agentId`", ("assistantId",))
        else:
            renames["assistantId"] = "agentId"
    if shape == "response" and isinstance(doc.get("assistant"), dict):
        if "agent" in doc:
            ctx.note("B3", "error", "both `assistant` and `agent` are present; `assistant` was left "
                     "as it is", ("assistant",))
        else:
            renames["assistant"] = "agent"
            ctx.note("B3", "info", "responses of /agent/v1/* wrap the object in `agent`: read "
                     "`data.agent` where code read `data.assistant`", ("assistant",))
    if shape == "update-body":
        ctx.note("B4", "warning", "/agent/v1/update only changes the draft: publish it with "
                 "POST /agent/v1/publish {agentId, description?} (409 when nothing changed)", ())
    if shape == "create-body":
        ctx.note("B2", "info", "a create body is the same for /agent/v1/create; only the URL "
                 "changes, and the response wraps the new object in `agent`", ())
    return rename_keys(doc, renames) if renames else doc


def sub_shape(doc: dict[str, Any]) -> str:
    if any(isinstance(doc.get(k), dict) for k in ("assistant", "agent")) and "status" in doc:
        return "response"
    id_keys = {"assistantId", "agentId"} & doc.keys()
    if id_keys:
        rest = doc.keys() - id_keys
        if rest == {"disabled"}:
            return "disable-body"
        if not rest:
            return "get-query"
        return "update-body"
    return "create-body"
