"""Foundry 2.x agents as azure-ai-projects 2.10 calls them (`project_client.agents`).

    POST   /agents/{name}/versions            create_version  -> AgentVersionDetails
    GET    /agents/{name}/versions            list_versions   (cursor list of AgentVersionDetails)
    GET    /agents/{name}/versions/{version}  get_version
    DELETE /agents/{name}/versions/{version}  delete_version  -> DeleteAgentVersionResponse
    GET    /agents                            list            (cursor list of AgentDetails)
    GET    /agents/{name}                     get             -> AgentDetails
    PATCH  /agents/{name}                     update_details  (agent_endpoint, agent_card)
    DELETE /agents/{name}                     delete          -> DeleteAgentResponse

Agents are versioned and immutable: every create_version adds version "1",
"2", ... under the name. Names follow the 2.x rule (alphanumeric at both
ends, hyphens inside, at most 63 characters); definitions are checked against
the fields the SDK's own definition models declare, so a misspelt field is a
400 as on the real service. Errors use the Azure shape (see ../app.py).
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..bodies import read
from ..errors import ServiceError, bad_request
from ..ids import now
from ..paging import page
from .agent_definitions import check_definition

MOUNTS = ("/api/projects/{project}",)

NAME_RULE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
AGENT, VERSION = "agent_v2", "agent_v2_version"


class VersionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    definition: dict[str, Any]
    metadata: dict[str, str] | None = None
    description: str | None = None
    blueprint_reference: dict[str, Any] | None = None
    digital_worker_type: str | None = None
    draft: bool | None = None


class DetailsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agent_endpoint: dict[str, Any] | None = None
    agent_card: dict[str, Any] | None = None


def agent_not_found(name: str) -> ServiceError:
    return ServiceError(404, f"Agent '{name}' not found.", code="NotFound", type="not_found_error")


def check_name(name: str) -> None:
    if not NAME_RULE.match(name):
        raise bad_request(
            f"Invalid agent name '{name}'. The name must start and end with an alphanumeric character, "
            "may contain hyphens in the middle, and must not exceed 63 characters.",
            param="agent_name", code="invalid_parameters")


# -- the store ---------------------------------------------------------------

def versions_of(store, name: str) -> list[dict[str, Any]]:
    return store.list(VERSION, parent=name)


def latest_version(store, name: str) -> dict[str, Any] | None:
    released = [v for v in versions_of(store, name) if not v.get("draft")]
    return released[-1] if released else None


def resolve(store, name: str, version: str | None = None) -> dict[str, Any]:
    """The version an agent reference means (the latest when `version` is None), or 404."""
    if store.get(AGENT, name) is None:
        raise agent_not_found(name)
    if version is None:
        found = endpoint_version(store, name) or latest_version(store, name)
    else:
        found = store.get(VERSION, f"{name}:{version}")
    if found is None:
        raise ServiceError(404, f"Agent '{name}' version '{version}' not found.", code="NotFound",
                           type="not_found_error")
    return found


def endpoint_version(store, name: str) -> dict[str, Any] | None:
    """The version the agent endpoint routes to (update_details' fixed-ratio rule), if any."""
    agent = store.get(AGENT, name) or {}
    rules = ((agent.get("agent_endpoint") or {}).get("version_selector") or {}).get("version_selection_rules") or []
    for rule in rules:
        if rule.get("agent_version"):
            return store.get(VERSION, f"{name}:{rule['agent_version']}")
    return None


def details(store, name: str) -> dict[str, Any]:
    agent = store.get(AGENT, name)
    latest = latest_version(store, name) or versions_of(store, name)[-1]
    body = {"object": "agent", "id": name, "name": name, "state": "enabled", "configuration_state": "enabled",
            "versions": {"latest": latest}}
    for key in ("agent_endpoint", "agent_card"):
        if agent.get(key) is not None:
            body[key] = agent[key]
    return body


def _existing(store, name: str) -> dict[str, Any]:
    agent = store.get(AGENT, name)
    if agent is None or not versions_of(store, name):
        raise agent_not_found(name)
    return agent


# -- handlers ----------------------------------------------------------------

async def create_version(request: Request) -> JSONResponse:
    store = request.app.state.store
    name = request.path_params["agent_name"]
    check_name(name)
    body = await read(request, VersionCreate)
    check_definition(body.definition)
    agent = store.get(AGENT, name)
    if agent is None:
        agent = store.insert(AGENT, name, {"name": name, "next_version": 1})
    number = str(agent["next_version"])
    agent["next_version"] += 1
    store.update(AGENT, name, agent)
    version = {
        "object": "agent.version", "id": f"{name}:{number}", "name": name, "version": number,
        "description": body.description, "created_at": now(), "metadata": body.metadata or {},
        "definition": body.definition, "status": "active",
    }
    if body.draft is not None:
        version["draft"] = body.draft
    store.insert(VERSION, version["id"], version, parent=name)
    return JSONResponse(version)


async def list_versions(request: Request) -> JSONResponse:
    store = request.app.state.store
    name = request.path_params["agent_name"]
    _existing(store, name)
    versions = versions_of(store, name)
    if request.query_params.get("include_drafts") != "true":
        versions = [v for v in versions if not v.get("draft")]
    return JSONResponse(page(versions, request.query_params))


async def get_version(request: Request) -> JSONResponse:
    store = request.app.state.store
    name, number = request.path_params["agent_name"], request.path_params["agent_version"]
    _existing(store, name)
    return JSONResponse(resolve(store, name, number))


async def delete_version(request: Request) -> JSONResponse:
    store = request.app.state.store
    name, number = request.path_params["agent_name"], request.path_params["agent_version"]
    _existing(store, name)
    resolve(store, name, number)
    store.delete(VERSION, f"{name}:{number}")
    if not versions_of(store, name):
        store.delete(AGENT, name)
    else:
        _unroute(store, name, number)
    return JSONResponse({"object": "agent.version.deleted", "name": name, "version": number, "deleted": True})


async def list_agents(request: Request) -> JSONResponse:
    store = request.app.state.store
    kind = request.query_params.get("kind")
    agents = []
    for agent in store.list(AGENT):
        if not versions_of(store, agent["name"]):
            continue
        body = details(store, agent["name"])
        if kind is None or body["versions"]["latest"]["definition"].get("kind") == kind:
            agents.append(body)
    return JSONResponse(page(agents, request.query_params))


async def get_agent(request: Request) -> JSONResponse:
    store = request.app.state.store
    name = request.path_params["agent_name"]
    _existing(store, name)
    return JSONResponse(details(store, name))


async def update_details(request: Request) -> JSONResponse:
    store = request.app.state.store
    name = request.path_params["agent_name"]
    agent = _existing(store, name)
    body = await read(request, DetailsUpdate)
    for key, value in body.model_dump(exclude_unset=True).items():
        agent[key] = value
    if body.agent_endpoint is not None:
        _check_endpoint(store, name, body.agent_endpoint)
    store.update(AGENT, name, agent)
    return JSONResponse(details(store, name))


def _check_endpoint(store, name: str, endpoint: dict[str, Any]) -> None:
    rules = (endpoint.get("version_selector") or {}).get("version_selection_rules") or []
    for rule in rules:
        number = rule.get("agent_version")
        if number is not None and store.get(VERSION, f"{name}:{number}") is None:
            raise ServiceError(404, f"Agent '{name}' version '{number}' not found.", code="NotFound",
                               type="not_found_error")


def _unroute(store, name: str, number: str) -> None:
    """A deleted version leaves the agent endpoint's rules (the endpoint goes when no rule is left)."""
    agent = store.get(AGENT, name)
    endpoint = agent.get("agent_endpoint")
    selector = (endpoint or {}).get("version_selector") or {}
    rules = selector.get("version_selection_rules") or []
    kept = [rule for rule in rules if rule.get("agent_version") != number]
    if len(kept) == len(rules):
        return
    if kept:
        selector["version_selection_rules"] = kept
    else:
        agent.pop("agent_endpoint")
    store.update(AGENT, name, agent)


async def delete_agent(request: Request) -> JSONResponse:
    store = request.app.state.store
    name = request.path_params["agent_name"]
    _existing(store, name)
    store.delete_children(VERSION, name)
    store.delete(AGENT, name)
    return JSONResponse({"object": "agent.deleted", "name": name, "deleted": True})


def routes() -> list[Route]:
    return [
        Route("/agents", list_agents, methods=["GET"]),
        Route("/agents/{agent_name}", get_agent, methods=["GET"]),
        Route("/agents/{agent_name}", update_details, methods=["PATCH"]),
        Route("/agents/{agent_name}", delete_agent, methods=["DELETE"]),
        Route("/agents/{agent_name}/versions", create_version, methods=["POST"]),
        Route("/agents/{agent_name}/versions", list_versions, methods=["GET"]),
        Route("/agents/{agent_name}/versions/{agent_version}", get_version, methods=["GET"]),
        Route("/agents/{agent_name}/versions/{agent_version}", delete_version, methods=["DELETE"]),
    ]

