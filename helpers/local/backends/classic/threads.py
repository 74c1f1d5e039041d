"""`/threads` and `/threads/{id}/messages`."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from ... import bodies
from ...errors import bad_request
from ...ids import new_id, now
from ...store import Store
from .engine import active_run, settle
from .objects import (answer, check_resources, content_parts, deleted, limit_metadata, listing, load, new_message,
                      store)
from .requests import MessageCreate, MessageUpdate, ThreadCreate, ThreadUpdate


def create_thread(db: Store, body: ThreadCreate) -> dict[str, Any]:
    thread = {"id": new_id("thread"), "object": "thread", "created_at": now(),
              "metadata": limit_metadata(body.metadata),
              "tool_resources": check_resources(db, body.tool_resources.model_dump(exclude_none=True)
                                                if body.tool_resources else None) or {}}
    db.insert("thread", thread["id"], thread)
    for message in body.messages or []:
        add_message(db, thread["id"], message)
    return thread


def add_message(db: Store, thread_id: str, body: MessageCreate) -> dict[str, Any]:
    attachments = [a.model_dump(exclude_none=True) for a in body.attachments or []]
    return new_message(db, thread_id, body.role, content_parts(body.content), attachments=attachments,
                       metadata=limit_metadata(body.metadata))


async def create(request: Request):
    return answer(create_thread(store(request), await bodies.read(request, ThreadCreate)))


async def get(request: Request):
    return answer(load(store(request), "thread", request.path_params["thread_id"]))


async def update(request: Request):
    db = store(request)
    thread = load(db, "thread", request.path_params["thread_id"])
    body = await bodies.read(request, ThreadUpdate)
    if body.metadata is not None:
        thread["metadata"] = limit_metadata(body.metadata)
    if body.tool_resources is not None:
        thread["tool_resources"] = check_resources(db, body.tool_resources.model_dump(exclude_none=True))
    return answer(db.update("thread", thread["id"], thread))


async def delete(request: Request):
    db = store(request)
    thread_id = request.path_params["thread_id"]
    load(db, "thread", thread_id)
    for run in db.list("run", parent=thread_id):
        db.delete_children("run_step", run["id"])
    db.delete_children("run", thread_id)
    db.delete_children("message", thread_id)
    db.delete("thread", thread_id)
    return deleted(thread_id, "thread.deleted")


async def list_(request: Request):
    return listing(store(request).list("thread"), request)


async def create_message(request: Request):
    db = store(request)
    thread_id = request.path_params["thread_id"]
    load(db, "thread", thread_id)
    body = await bodies.read(request, MessageCreate)
    if run := active_run(db, thread_id):
        raise bad_request(f"Can't add messages to {thread_id} while a run {run['id']} is active.")
    return answer(add_message(db, thread_id, body))


async def list_messages(request: Request):
    db = store(request)
    thread_id = request.path_params["thread_id"]
    load(db, "thread", thread_id)
    settle(db, thread_id)
    messages = db.list("message", parent=thread_id)
    if run_id := request.query_params.get("run_id"):
        messages = [m for m in messages if m["run_id"] == run_id]
    return listing(messages, request)


async def get_message(request: Request):
    db = store(request)
    load(db, "thread", request.path_params["thread_id"])
    return answer(load(db, "message", request.path_params["message_id"], parent=request.path_params["thread_id"]))


async def update_message(request: Request):
    db = store(request)
    load(db, "thread", request.path_params["thread_id"])
    message = load(db, "message", request.path_params["message_id"], parent=request.path_params["thread_id"])
    body = await bodies.read(request, MessageUpdate)
    if body.metadata is not None:
        message["metadata"] = limit_metadata(body.metadata)
    return answer(db.update("message", message["id"], message))


async def delete_message(request: Request):
    db = store(request)
    load(db, "thread", request.path_params["thread_id"])
    message = load(db, "message", request.path_params["message_id"], parent=request.path_params["thread_id"])
    db.delete("message", message["id"])
    return deleted(message["id"], "thread.message.deleted")


def routes() -> list[Route]:
    thread = "/threads/{thread_id}"
    message = thread + "/messages/{message_id}"
    return [
        Route("/threads", create, methods=["POST"]),
        Route("/threads", list_, methods=["GET"]),
        Route(thread, get, methods=["GET"]),
        Route(thread, update, methods=["POST"]),
        Route(thread, delete, methods=["DELETE"]),
        Route(f"{thread}/messages", create_message, methods=["POST"]),
        Route(f"{thread}/messages", list_messages, methods=["GET"]),
        Route(message, get_message, methods=["GET"]),
        Route(message, update_message, methods=["POST"]),
        Route(message, delete_message, methods=["DELETE"]),
    ]
