"""Conversations and their items, as the OpenAI client calls them
(`client.conversations`, `client.conversations.items`).

    POST   /conversations                      create (items, metadata)  -> Conversation
    GET    /conversations/{id}                 retrieve
    POST   /conversations/{id}                 update (metadata)
    DELETE /conversations/{id}                 delete                    -> ConversationDeletedResource
    POST   /conversations/{id}/items           items.create              -> ConversationItemList
    GET    /conversations/{id}/items           items.list (cursor list, newest first by default)
    GET    /conversations/{id}/items/{item}    items.retrieve            -> ConversationItem
    DELETE /conversations/{id}/items/{item}    items.delete              -> Conversation

Served under the project's OpenAI endpoint, the agent endpoint and `/v1`
(see ../app.py). There is no endpoint that lists conversations, as on the
real services. Responses append their input and output items here.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..bodies import read
from ..errors import ServiceError, bad_request
from ..ids import new_id, now
from ..paging import page
from . import response_items

MOUNTS = ("/api/projects/{project}/openai/v1", "/v1",
          "/api/projects/{project}/agents/{agent_name}/endpoint/protocols/openai")

CONVERSATION, ITEM = "conversation", "conversation_item"
MAX_ITEMS = 20  # per create call, as the real API allows


class ConversationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[Any] | None = None
    metadata: dict[str, str] | None = None


class ConversationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    metadata: dict[str, str]


class ItemsCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[Any]


def conversation_not_found(id: str) -> ServiceError:
    return ServiceError(404, f"Conversation with id '{id}' not found.", param="conversation_id",
                        code=None, type="invalid_request_error")


def get_conversation(store, id: str) -> dict[str, Any]:
    found = store.get(CONVERSATION, id)
    if found is None:
        raise conversation_not_found(id)
    return found


def history(store, id: str) -> list[dict[str, Any]]:
    """The conversation's items, oldest first."""
    return store.list(ITEM, parent=id)


def append(store, id: str, items: list[dict[str, Any]]) -> None:
    for item in items:
        store.insert(ITEM, item["id"], item, parent=id)


def new_items(store, raw: Any, param: str) -> list[dict[str, Any]]:
    """Client items as stored items; `item_reference`s are resolved from the conversations' items."""
    result = []
    for item in response_items.parse_items(raw, param):
        if isinstance(item, response_items.ItemReferenceIn):
            found = store.get(ITEM, item.id)
            if found is None:
                raise bad_request(f"Item with id '{item.id}' not found.", param=param)
            result.append(found)
        else:
            result.append(response_items.stored_item(item))
    return result


async def create(request: Request) -> JSONResponse:
    store = request.app.state.store
    body = await read(request, ConversationCreate)
    items = new_items(store, body.items or [], "items")
    if len(items) > MAX_ITEMS:
        raise bad_request(f"Invalid 'items': array too long. Expected an array with maximum length {MAX_ITEMS}, "
                          f"but got an array with length {len(items)} instead.", param="items",
                          code="array_above_max_length")
    conversation = {"id": new_id("conv"), "object": "conversation", "created_at": now(),
                    "metadata": body.metadata or {}}
    store.insert(CONVERSATION, conversation["id"], conversation)
    append(store, conversation["id"], items)
    return JSONResponse(conversation)


async def retrieve(request: Request) -> JSONResponse:
    return JSONResponse(get_conversation(request.app.state.store, request.path_params["conversation_id"]))


async def update(request: Request) -> JSONResponse:
    store = request.app.state.store
    conversation = get_conversation(store, request.path_params["conversation_id"])
    body = await read(request, ConversationUpdate)
    conversation["metadata"] = body.metadata
    return JSONResponse(store.update(CONVERSATION, conversation["id"], conversation))


async def delete(request: Request) -> JSONResponse:
    store = request.app.state.store
    conversation = get_conversation(store, request.path_params["conversation_id"])
    store.delete_children(ITEM, conversation["id"])
    store.delete(CONVERSATION, conversation["id"])
    return JSONResponse({"id": conversation["id"], "object": "conversation.deleted", "deleted": True})


async def create_items(request: Request) -> JSONResponse:
    store = request.app.state.store
    conversation = get_conversation(store, request.path_params["conversation_id"])
    body = await read(request, ItemsCreate)
    items = new_items(store, body.items, "items")
    if len(items) > MAX_ITEMS:
        raise bad_request(f"Invalid 'items': array too long. Expected an array with maximum length {MAX_ITEMS}.",
                          param="items", code="array_above_max_length")
    append(store, conversation["id"], items)
    return JSONResponse({"object": "list", "data": items, "first_id": items[0]["id"] if items else None,
                         "last_id": items[-1]["id"] if items else None, "has_more": False})


async def list_items(request: Request) -> JSONResponse:
    store = request.app.state.store
    conversation = get_conversation(store, request.path_params["conversation_id"])
    return JSONResponse(page(history(store, conversation["id"]), request.query_params))


def _item(store, request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    conversation = get_conversation(store, request.path_params["conversation_id"])
    item_id = request.path_params["item_id"]
    item = store.get(ITEM, item_id)
    if item is None or store.parent_of(ITEM, item_id) != conversation["id"]:
        raise ServiceError(404, f"Item with id '{item_id}' not found.", param="item_id", code=None)
    return conversation, item


async def retrieve_item(request: Request) -> JSONResponse:
    return JSONResponse(_item(request.app.state.store, request)[1])


async def delete_item(request: Request) -> JSONResponse:
    store = request.app.state.store
    conversation, item = _item(store, request)
    store.delete(ITEM, item["id"])
    return JSONResponse(conversation)


def routes() -> list[Route]:
    return [
        Route("/conversations", create, methods=["POST"]),
        Route("/conversations/{conversation_id}", retrieve, methods=["GET"]),
        Route("/conversations/{conversation_id}", update, methods=["POST"]),
        Route("/conversations/{conversation_id}", delete, methods=["DELETE"]),
        Route("/conversations/{conversation_id}/items", create_items, methods=["POST"]),
        Route("/conversations/{conversation_id}/items", list_items, methods=["GET"]),
        Route("/conversations/{conversation_id}/items/{item_id}", retrieve_item, methods=["GET"]),
        Route("/conversations/{conversation_id}/items/{item_id}", delete_item, methods=["DELETE"]),
    ]
