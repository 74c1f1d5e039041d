"""Stored documents and the wire objects built from them (shared by both surfaces)."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from ...errors import bad_request, not_found
from ...ids import new_id, now
from ...paging import page
from ...store import Store

# What `not_found` calls each kind in its message.
NAMES = {"assistant": "assistant", "thread": "thread", "message": "message", "run": "run", "run_step": "run step",
         "file": "file", "vector_store": "vector store", "vector_store_file": "vector store file",
         "vector_store_file_batch": "vector store file batch"}


def store(request: Request) -> Store:
    return request.app.state.store


def public(doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` without the service's bookkeeping (keys starting with "_")."""
    return {key: value for key, value in doc.items() if not key.startswith("_")}


def answer(doc: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(public(doc), status_code=status)


def load(db: Store, kind: str, id: str, parent: str | None = None) -> dict[str, Any]:
    """The document, or the 404 the real service sends (also when it belongs to another parent)."""
    doc = db.get(kind, id)
    if doc is None or (parent is not None and db.parent_of(kind, id) != parent):
        raise not_found(NAMES.get(kind, kind), id)
    return doc


def listing(docs: list[dict[str, Any]], request: Request, **options: Any) -> JSONResponse:
    """One page of `docs` (oldest first) as the OpenAI cursor list both SDKs page through."""
    return JSONResponse(page([public(doc) for doc in docs], request.query_params, **options))


def deleted(id: str, object: str) -> JSONResponse:
    return JSONResponse({"id": id, "object": object, "deleted": True})


def text_part(value: str, annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": "text", "text": {"value": value, "annotations": annotations or []}}


def content_parts(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A message's input content (a string or blocks) as stored content parts."""
    if isinstance(content, str):
        return [text_part(content)]
    parts = []
    for index, block in enumerate(content):
        kind = block.get("type")
        where = f"content[{index}]"
        if kind == "text" and isinstance(block.get("text"), str):
            parts.append(text_part(block["text"]))
        elif kind == "image_file" and isinstance((block.get("image_file") or {}).get("file_id"), str):
            parts.append({"type": "image_file", "image_file": dict(block["image_file"])})
        elif kind == "image_url" and isinstance((block.get("image_url") or {}).get("url"), str):
            parts.append({"type": "image_url", "image_url": dict(block["image_url"])})
        else:
            raise bad_request(f"Invalid value for '{where}': expected a text, image_file or image_url block.",
                              param=where, code="invalid_value")
    if not parts:
        raise bad_request("Invalid 'content': empty array. Expected an array with minimum length 1.",
                          param="content", code="empty_array")
    return parts


def new_message(db: Store, thread_id: str, role: str, content: list[dict[str, Any]], *,
                attachments: list[dict[str, Any]] | None = None, metadata: dict | None = None,
                assistant_id: str | None = None, run_id: str | None = None,
                status: str = "completed") -> dict[str, Any]:
    for attachment in attachments or []:
        if attachment.get("file_id"):
            load(db, "file", attachment["file_id"])
    created = now()
    message = {
        "id": new_id("msg"), "object": "thread.message", "created_at": created, "thread_id": thread_id,
        "status": status, "incomplete_details": None, "completed_at": created if status == "completed" else None,
        "incomplete_at": None, "role": role, "content": content, "assistant_id": assistant_id, "run_id": run_id,
        "attachments": attachments or [], "metadata": metadata or {},
    }
    return db.insert("message", message["id"], message, parent=thread_id)


def check_resources(db: Store, resources: dict[str, Any] | None) -> dict[str, Any] | None:
    """Tool resources with every referenced file and vector store checked (404 when unknown)."""
    if not resources:
        return resources
    for file_id in (resources.get("code_interpreter") or {}).get("file_ids") or []:
        load(db, "file", file_id)
    search = resources.get("file_search") or {}
    for store_id in search.get("vector_store_ids") or []:
        load(db, "vector_store", store_id)
    if search.get("vector_stores"):
        from ..vector_store_contents import create_vector_store  # here: that module imports this one

        # Stores described inline (`vector_stores: [{file_ids}]`) are created and referenced by id.
        made = [create_vector_store(db, {"file_ids": spec.get("file_ids") or [], "metadata": spec.get("metadata")})
                for spec in search["vector_stores"]]
        ids = list(search.get("vector_store_ids") or []) + [vs["id"] for vs in made]
        resources = {**resources, "file_search": {"vector_store_ids": ids}}
    return {key: value for key, value in resources.items() if value is not None}


def limit_metadata(metadata: dict | None) -> dict:
    if metadata and len(metadata) > 16:
        raise bad_request("Invalid 'metadata': too many properties. Expected at most 16.", param="metadata",
                          code="object_above_max_properties")
    return metadata or {}


