"""Langdock's build endpoints: create, get, update, disable, publish, models.

One agent record serves both generations (an assistant keeps its UUID as an
agent). `/assistant/v1/update` changes the agent directly, as the legacy API
did; `/agent/v1/update` changes only the draft, and `/agent/v1/publish` makes
the draft the live version (409 when nothing changed). `get` shows the live
version, or the draft when the agent was never published (reference 3.1).

Bodies use the project's models (`helpers.payloads.models.langdock`) made
strict here: they allow unknown fields, the service refuses them (so a
create body with the OpenAPI example's `instructions` instead of
`instruction` fails, as it should), and they lack the reference's limits.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ...payloads.models.langdock import (
    AgentCreateBody, AgentDisableBody, AgentUpdateBody, AssistantUpdateBody, BuildFields,
)
from ..bodies import json_body
from .langdock_common import Generation, generation, message_error, not_found, parse, require_uuid

KIND = "langdock_agent"
# service.DEFAULT_MODEL (service.py imports the app, so it cannot be imported from here).
DEFAULT_MODEL = "gpt-4o"

# Model ids the local workspace offers (`GET /models`); `created` is in milliseconds.
MODELS = (DEFAULT_MODEL, "gpt-4.1", "gpt-5", "gpt-5-mini", "claude-sonnet-4", "mistral-large")
MODELS_CREATED_MS = 1735689600000


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid")
    actionId: uuid.UUID
    requiresConfirmation: bool | None = None


class InputField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str
    type: Literal["TEXT", "MULTI_LINE_TEXT", "NUMBER", "CHECKBOX", "FILE", "SELECT", "DATE"]
    label: str
    description: str | None = None
    required: bool | None = None
    order: int
    options: list[str] | None = None
    fileTypes: list[str] | None = None


class StrictFields(BuildFields):
    """The reference's current limits (2.5) on the project's field list; unknown fields refused."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=80)
    description: str | None = Field(default=None, max_length=500)
    emoji: str | None = Field(default=None, max_length=16)
    instruction: str | None = Field(default=None, max_length=40000)
    conversationStarters: list[str] | None = Field(default=None, max_length=20)
    actions: list[Action] | None = None
    inputFields: list[InputField] | None = None
    attachments: list[uuid.UUID] | None = None


# Each class says `extra="forbid"` again: the project's models come later in the MRO and allow extras.
class CreateBody(StrictFields, AgentCreateBody):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=80)


class LegacyUpdateBody(StrictFields, AssistantUpdateBody):
    model_config = ConfigDict(extra="forbid")


class AgentsUpdateBody(StrictFields, AgentUpdateBody):
    model_config = ConfigDict(extra="forbid")


class LegacyDisableBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    assistantId: str
    disabled: bool


class PublishBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agentId: str
    description: str | None = Field(default=None, max_length=100)


DEFAULTS: dict[str, Any] = {
    "description": "", "emoji": None, "instruction": "", "inputType": "PROMPT", "model": DEFAULT_MODEL,
    "creativity": 0.3, "conversationStarters": [], "actions": [], "inputFields": [], "attachments": [],
    "webSearch": False, "imageGeneration": False, "dataAnalyst": False, "canvas": False, "extendedThinking": False,
}
CONFIG_FIELDS = ("name", *DEFAULTS)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _changes(body: BaseModel) -> dict[str, Any]:
    dumped = body.model_dump(mode="json")
    return {name: dumped[name] for name in body.model_fields_set if name in CONFIG_FIELDS}


def _check_model(config: dict[str, Any]) -> None:
    if config.get("model") not in MODELS:
        raise message_error(400, f"Model '{config.get('model')}' is not available in this workspace "
                                 f"(see GET /models).")


def live_config(record: dict[str, Any]) -> dict[str, Any]:
    """What chats use: the published version, or the draft before the first publish."""
    return record["published"] or record["draft"]


def wire_agent(record: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    """The `assistant` / `agent` object of create, get and update answers (reference 2.5)."""
    return {
        "id": record["id"], "name": config["name"], "description": config["description"],
        "instruction": config["instruction"], "emojiIcon": config["emoji"], "model": config["model"],
        "temperature": config["creativity"], "inputType": config["inputType"],
        "conversationStarters": config["conversationStarters"], "webSearchEnabled": config["webSearch"],
        "imageGenerationEnabled": config["imageGeneration"], "codeInterpreterEnabled": config["dataAnalyst"],
        "canvasEnabled": config["canvas"], "extendedThinking": config["extendedThinking"],
        "actions": config["actions"], "inputFields": config["inputFields"], "attachments": config["attachments"],
        "createdAt": record["createdAt"], "updatedAt": record["updatedAt"],
    }


def find(request: Request, gen: Generation, agent_id: str) -> dict[str, Any]:
    require_uuid(agent_id, gen, gen.id_key)
    record = request.app.state.store.get(KIND, agent_id)
    if record is None:
        raise not_found(gen, agent_id)
    return record


async def create(request: Request) -> JSONResponse:
    gen = generation(request)
    body = parse(CreateBody, await json_body(request), issues=False)
    config = {**DEFAULTS, **_changes(body)}
    _check_model(config)
    stamp = _now()
    record = {"id": str(uuid.uuid4()), "draft": config, "published": None, "versions": [], "disabled": False,
              "createdAt": stamp, "updatedAt": stamp}
    request.app.state.store.insert(KIND, record["id"], record)
    return JSONResponse({"status": "success", "message": f"{gen.noun} created successfully",
                         gen.wrapper: wire_agent(record, config)}, status_code=201)


async def get(request: Request) -> JSONResponse:
    gen = generation(request)
    unknown = set(request.query_params) - {gen.id_key}
    if unknown:
        raise message_error(400, f"Unknown query parameter(s): {', '.join(sorted(unknown))}")
    agent_id = request.query_params.get(gen.id_key)
    if not agent_id:
        raise message_error(400, f"{gen.id_key} is required")
    record = find(request, gen, agent_id)
    return JSONResponse({"status": "success", gen.wrapper: wire_agent(record, live_config(record))})


async def update(request: Request) -> JSONResponse:
    gen = generation(request)
    body = parse(LegacyUpdateBody if gen.legacy else AgentsUpdateBody, await json_body(request), issues=False)
    record = find(request, gen, getattr(body, gen.id_key))
    changes = _changes(body)
    draft = {**record["draft"], **changes}
    _check_model(draft)
    record["draft"] = draft
    if gen.legacy and record["published"] is not None:
        # The legacy API has no drafts: its edits are live at once.
        record["published"] = {**record["published"], **changes}
    record["updatedAt"] = _now()
    request.app.state.store.update(KIND, record["id"], record)
    shown = draft if not gen.legacy else live_config(record)
    return JSONResponse({"status": "success", "message": f"{gen.noun} updated successfully",
                         gen.wrapper: wire_agent(record, shown)})


async def disable(request: Request) -> JSONResponse:
    gen = generation(request)
    body = parse(LegacyDisableBody if gen.legacy else AgentDisableBody, await json_body(request), issues=False)
    record = find(request, gen, getattr(body, gen.id_key))
    record["disabled"] = body.disabled
    request.app.state.store.update(KIND, record["id"], record)
    state = "disabled" if body.disabled else "enabled"
    return JSONResponse({"status": "success", "message": f"{gen.noun} {state} successfully"})


async def publish(request: Request) -> JSONResponse:
    gen = generation(request)
    if gen.legacy:  # publishing is new with the Agents API
        raise message_error(404, "Cannot POST /assistant/v1/publish")
    body = parse(PublishBody, await json_body(request), issues=False)
    record = find(request, gen, body.agentId)
    if record["published"] == record["draft"]:
        raise message_error(409, "No draft changes to publish")
    version = {"id": str(uuid.uuid4()), "version": len(record["versions"]) + 1, "createdAt": _now()}
    record["versions"].append({**version, "description": body.description})
    record["published"] = dict(record["draft"])
    request.app.state.store.update(KIND, record["id"], record)
    return JSONResponse({"status": "success", "message": "Agent published successfully", "version": version})


async def models(request: Request) -> JSONResponse:
    data = [{"id": name, "object": "model", "created": MODELS_CREATED_MS, "owned_by": "system"} for name in MODELS]
    return JSONResponse({"object": "list", "data": data})


def routes() -> list[Route]:
    return [
        Route("/create", create, methods=["POST"]),
        Route("/get", get, methods=["GET"]),
        Route("/update", update, methods=["PATCH"]),
        Route("/disable", disable, methods=["PATCH"]),
        Route("/models", models, methods=["GET"]),
        Route("/publish", publish, methods=["POST"]),
    ]
