"""`/vector_stores`: create, get, list, update, delete, search.

Mounted where files are (see files.py); a store's files and file batches are
the `vector_store_files` backend. Indexing is instant: a store, a file and a
batch are `completed` when created, so `create_and_poll` returns at once.
Azure data sources (`configuration.data_sources`, blob URIs the local service
cannot fetch) become small placeholder files that say so.

Store kinds (read by the new surface's file search too): "vector_store";
"vector_store_file" with parent = the vector store id, body id = the file id,
stored under the key "<vector store id>:<file id>" (a file may be in several
stores); "vector_store_file_batch" with parent = the vector store id.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Union

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import bodies
from ..ids import new_id, now
from ..store import Store
from .classic.objects import answer, deleted, limit_metadata, listing, load, store
from .classic.requests import Strict
from .classic.surface import guarded, only_on_one_surface
from .files import MOUNTS, create_file

__all__ = ["MOUNTS", "routes", "create_vector_store", "add_file"]

STATIC_CHUNKING = {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}}


class DataSources(Strict):
    data_sources: list[dict[str, Any]]


class VectorStoreUpdate(Strict):
    name: Optional[str] = None
    expires_after: Optional[dict[str, Any]] = None
    metadata: Optional[dict[str, str]] = None


class VectorStoreCreate(VectorStoreUpdate):
    description: Optional[str] = None
    file_ids: Optional[list[str]] = None
    chunking_strategy: Optional[dict[str, Any]] = None
    configuration: Optional[DataSources] = None


class Search(Strict):
    query: Union[str, list[str]]
    filters: Optional[dict[str, Any]] = None
    max_num_results: Optional[int] = None
    ranking_options: Optional[dict[str, Any]] = None
    rewrite_query: Optional[bool] = None


def counts(db: Store, store_id: str, batch_id: str | None = None) -> dict[str, int]:
    files = [f for f in db.list("vector_store_file", store_id) if batch_id is None or f.get("_batch") == batch_id]
    counts = {status: sum(f["status"] == status for f in files)
              for status in ("in_progress", "completed", "failed", "cancelled")}
    return {**counts, "total": len(files)}


def refresh(db: Store, vector_store: dict[str, Any]) -> dict[str, Any]:
    files = db.list("vector_store_file", vector_store["id"])
    vector_store.update(file_counts=counts(db, vector_store["id"]), usage_bytes=sum(f["usage_bytes"] for f in files))
    return db.update("vector_store", vector_store["id"], vector_store)


def source_file(db: Store, source: dict[str, Any]) -> str:
    """A placeholder file for an Azure data source (the local service fetches nothing)."""
    uri = str(source.get("uri") or source.get("asset_identifier") or "data-source")
    name = uri.rstrip("/").rsplit("/", 1)[-1] or "data-source"
    text = f"Placeholder for {uri}: the local service does not fetch Azure data sources.\n"
    return create_file(db, name, text.encode(), "assistants")["id"]


def add_file(db: Store, store_id: str, file_id: str, *, chunking: dict | None = None, attributes: dict | None = None,
             batch_id: str | None = None) -> dict[str, Any]:
    info = load(db, "file", file_id)
    entry = {"id": file_id, "object": "vector_store.file", "usage_bytes": info["bytes"], "created_at": now(),
             "vector_store_id": store_id, "status": "completed", "last_error": None,
             "chunking_strategy": chunking or STATIC_CHUNKING, "attributes": attributes or {}}
    if batch_id:
        entry["_batch"] = batch_id
    key = f"{store_id}:{file_id}"
    if db.get("vector_store_file", key) is not None:
        return db.update("vector_store_file", key, entry)
    return db.insert("vector_store_file", key, entry, parent=store_id)


def create_vector_store(db: Store, fields: dict[str, Any]) -> dict[str, Any]:
    """A completed vector store holding `fields["file_ids"]` (and data sources)."""
    file_ids = list(fields.get("file_ids") or [])
    for file_id in file_ids:
        load(db, "file", file_id)
    file_ids += [source_file(db, s) for s in ((fields.get("configuration") or {}).get("data_sources") or [])]
    created = now()
    expires_after = fields.get("expires_after")
    vector_store = {
        "id": new_id("vs"), "object": "vector_store", "created_at": created, "name": fields.get("name") or "",
        "description": fields.get("description"), "usage_bytes": 0, "file_counts": {}, "status": "completed",
        "expires_after": expires_after, "last_active_at": created, "metadata": limit_metadata(fields.get("metadata")),
        "expires_at": created + 86400 * int(expires_after.get("days", 1)) if expires_after else None,
    }
    db.insert("vector_store", vector_store["id"], vector_store)
    for file_id in file_ids:
        add_file(db, vector_store["id"], file_id, chunking=fields.get("chunking_strategy"))
    return refresh(db, vector_store)


async def create(request: Request):
    body = await bodies.read(request, VectorStoreCreate)
    only_on_one_surface(request, body.model_fields_set, openai_only={"description"}, azure_only={"configuration"})
    return answer(create_vector_store(store(request), body.model_dump(exclude_none=True)))


async def get(request: Request):
    return answer(load(store(request), "vector_store", request.path_params["vector_store_id"]))


async def update(request: Request):
    db = store(request)
    vector_store = load(db, "vector_store", request.path_params["vector_store_id"])
    body = await bodies.read(request, VectorStoreUpdate)
    changes = body.model_dump(exclude_unset=True)
    if "metadata" in changes:
        changes["metadata"] = limit_metadata(changes["metadata"])
    vector_store.update(changes)
    return answer(db.update("vector_store", vector_store["id"], vector_store))


async def delete(request: Request):
    db = store(request)
    store_id = request.path_params["vector_store_id"]
    load(db, "vector_store", store_id)
    db.delete("vector_store", store_id)
    db.delete_children("vector_store_file", store_id)
    db.delete_children("vector_store_file_batch", store_id)
    return deleted(store_id, "vector_store.deleted")


async def list_(request: Request) -> JSONResponse:
    return listing(store(request).list("vector_store"), request)


async def search(request: Request):
    """Files ranked by how many query words they contain (the stand-in for semantic search)."""
    db = store(request)
    vector_store = load(db, "vector_store", request.path_params["vector_store_id"])
    body = await bodies.read(request, Search)
    queries = [body.query] if isinstance(body.query, str) else body.query
    words = {w for q in queries for w in re.findall(r"\w+", q.lower()) if len(w) > 2}
    results = []
    for entry in db.list("vector_store_file", vector_store["id"]):
        text = (db.get_blob(entry["id"]) or b"").decode("utf-8", errors="replace")
        hits = sum(word in text.lower() for word in words)
        if hits:
            info = db.get("file", entry["id"]) or {}
            results.append({"file_id": entry["id"], "filename": info.get("filename", ""),
                            "score": round(hits / len(words), 4), "attributes": entry["attributes"],
                            "content": [{"type": "text", "text": text[:2000]}]})
    results.sort(key=lambda r: -r["score"])
    return JSONResponse({"object": "vector_store.search_results.page", "search_query": queries,
                         "data": results[: body.max_num_results or 10], "has_more": False, "next_page": None})


def routes() -> list[Route]:
    base = "/vector_stores/{vector_store_id}"
    return guarded([
        Route("/vector_stores", create, methods=["POST"]),
        Route("/vector_stores", list_, methods=["GET"]),
        Route(base, get, methods=["GET"]),
        Route(base, update, methods=["POST"]),
        Route(base, delete, methods=["DELETE"]),
        Route(f"{base}/search", search, methods=["POST"]),
    ], beta=False)
