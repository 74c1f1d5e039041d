"""`/assistants`: create, get, list, update, delete (classic agents and OpenAI assistants)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from ... import bodies
from ...ids import new_id, now
from .objects import answer, check_resources, deleted, limit_metadata, listing, load, store
from .requests import AssistantCreate, AssistantUpdate
from .surface import check_tools, only_on_one_surface


def _fields(request: Request, body: AssistantUpdate) -> dict:
    given = body.model_dump(exclude_unset=True)
    only_on_one_surface(request, set(given), openai_only={"reasoning_effort"})
    if "tools" in given:
        given["tools"] = check_tools(request, body.tools)
    if "tool_resources" in given:
        given["tool_resources"] = check_resources(store(request), body.tool_resources.model_dump(exclude_none=True)
                                                  if body.tool_resources else None)
    if "metadata" in given:
        given["metadata"] = limit_metadata(body.metadata)
    given.pop("reasoning_effort", None)
    return given


async def create(request: Request):
    body = await bodies.read(request, AssistantCreate)
    assistant = {
        "id": new_id("asst"), "object": "assistant", "created_at": now(), "name": None, "description": None,
        "model": body.model, "instructions": None, "tools": [], "tool_resources": {}, "metadata": {},
        "temperature": 1.0, "top_p": 1.0, "response_format": "auto",
    }
    assistant.update({key: value for key, value in _fields(request, body).items() if value is not None})
    return answer(store(request).insert("assistant", assistant["id"], assistant))


async def get(request: Request):
    return answer(load(store(request), "assistant", request.path_params["assistant_id"]))


async def update(request: Request):
    db = store(request)
    assistant = load(db, "assistant", request.path_params["assistant_id"])
    body = await bodies.read(request, AssistantUpdate)
    assistant.update({key: value for key, value in _fields(request, body).items() if value is not None})
    return answer(db.update("assistant", assistant["id"], assistant))


async def delete(request: Request):
    db = store(request)
    assistant_id = request.path_params["assistant_id"]
    load(db, "assistant", assistant_id)
    db.delete("assistant", assistant_id)
    return deleted(assistant_id, "assistant.deleted")


async def list_(request: Request):
    return listing(store(request).list("assistant"), request)


def routes() -> list[Route]:
    return [
        Route("/assistants", create, methods=["POST"]),
        Route("/assistants", list_, methods=["GET"]),
        Route("/assistants/{assistant_id}", get, methods=["GET"]),
        Route("/assistants/{assistant_id}", update, methods=["POST"]),
        Route("/assistants/{assistant_id}", delete, methods=["DELETE"]),
    ]
