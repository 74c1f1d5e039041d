"""`/vector_stores`: vector stores, their files and file batches (and search).

Mounted where files are (see files.py). Indexing is instant: a store, a file
and a batch are `completed` when created, so `create_and_poll` returns at
once. Azure data sources (`configuration.data_sources`, blob URIs the local
service cannot fetch) become small placeholder files that say so.

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
from ..errors import bad_request, not_found
from ..ids import new_id, now
from ..store import Store
from .classic.objects import answer, deleted, limit_metadata, listing, load, store
from .classic.requests import Strict
from .classic.surface import guarded, only_on_one_surface
from .files import MOUNTS, create_file

STATIC_CHUNKING = {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}}

__all__ = ["MOUNTS", "routes", "create_vector_store"]


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


class StoreFileCreate(Strict):
    file_id: Optional[str] = None
    data_source: Optional[dict[str, Any]] = None
    chunking_strategy: Optional[dict[str, Any]] = None
    attributes: Optional[dict[str, Any]] = None


class StoreFileUpdate(Strict):
    attributes: Optional[dict[str, Any]]


class BatchCreate(Strict):
    file_ids: Optional[list[str]] = None
    files: Optional[list[StoreFileCreate]] = None
    data_sources: Optional[list[dict[str, Any]]] = None
    chunking_strategy: Optional[dict[str, Any]] = None
    attributes: Optional[dict[str, Any]] = None


class Search(Strict):
    query: Union[str, list[str]]
    filters: Optional[dict[str, Any]] = None
    max_num_results: Optional[int] = None
    ranking_options: Optional[dict[str, Any]] = None
    rewrite_query: Optional[bool] = None


def _counts(db: Store, store_id: str, batch_id: str | None = None) -> dict[str, int]:
    files = [f for f in db.list("vector_store_file", store_id) if batch_id is None or f.get("_batch") == batch_id]
    counts = {status: sum(f["status"] == status for f in files)
              for status in ("in_progress", "completed", "failed", "cancelled")}
    return {**counts, "total": len(files)}


def _refresh(db: Store, vector_store: dict[str, Any]) -> dict[str, Any]:
    files = db.list("vector_store_file", vector_store["id"])
    vector_store.update(file_counts=_counts(db, vector_store["id"]), usage_bytes=sum(f["usage_bytes"] for f in files))
    return db.update("vector_store", vector_store["id"], vector_store)


def _source_file(db: Store, source: dict[str, Any]) -> str:
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
    file_ids += [_source_file(db, s) for s in ((fields.get("configuration") or {}).get("data_sources") or [])]
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
    return _refresh(db, vector_store)


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


def _status_filter(request: Request, files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    wanted = request.query_params.get("filter")
    if wanted and wanted not in ("in_progress", "completed", "failed", "cancelled"):
        raise bad_request(f"Invalid value for 'filter': '{wanted}'.", param="filter", code="invalid_value")
    return [f for f in files if not wanted or f["status"] == wanted]


async def create_file_entry(request: Request):
    db = store(request)
    vector_store = load(db, "vector_store", request.path_params["vector_store_id"])
    body = await bodies.read(request, StoreFileCreate)
    if body.file_id is None and body.data_source is None:
        raise bad_request("Missing required parameter: 'file_id'.", param="file_id", code="missing_required_parameter")
    file_id = body.file_id or _source_file(db, body.data_source)
    entry = add_file(db, vector_store["id"], file_id, chunking=body.chunking_strategy, attributes=body.attributes)
    _refresh(db, vector_store)
    return answer(entry)


def _entry(request: Request) -> tuple[Store, dict[str, Any]]:
    db = store(request)
    store_id, file_id = request.path_params["vector_store_id"], request.path_params["file_id"]
    load(db, "vector_store", store_id)
    entry = db.get("vector_store_file", f"{store_id}:{file_id}")
    if entry is None:
        raise not_found("vector store file", file_id)
    return db, entry


async def get_file_entry(request: Request):
    return answer(_entry(request)[1])


async def update_file_entry(request: Request):
    db, entry = _entry(request)
    body = await bodies.read(request, StoreFileUpdate)
    entry["attributes"] = body.attributes or {}
    return answer(db.update("vector_store_file", f"{entry['vector_store_id']}:{entry['id']}", entry))


async def delete_file_entry(request: Request):
    db, entry = _entry(request)
    db.delete("vector_store_file", f"{entry['vector_store_id']}:{entry['id']}")
    _refresh(db, db.get("vector_store", entry["vector_store_id"]))
    return deleted(entry["id"], "vector_store.file.deleted")


async def file_entry_content(request: Request):
    db, entry = _entry(request)
    info = db.get("file", entry["id"]) or {}
    text = (db.get_blob(entry["id"]) or b"").decode("utf-8", errors="replace")
    return JSONResponse({"object": "vector_store.file_content.page", "file_id": entry["id"],
                         "filename": info.get("filename"), "attributes": entry["attributes"],
                         "data": [{"type": "text", "text": text}], "has_more": False, "next_page": None})


async def list_file_entries(request: Request):
    db = store(request)
    load(db, "vector_store", request.path_params["vector_store_id"])
    files = db.list("vector_store_file", request.path_params["vector_store_id"])
    return listing(_status_filter(request, files), request)


def _batch_doc(db: Store, batch: dict[str, Any]) -> dict[str, Any]:
    batch["file_counts"] = _counts(db, batch["vector_store_id"], batch["id"])
    return batch


async def create_batch(request: Request):
    db = store(request)
    vector_store = load(db, "vector_store", request.path_params["vector_store_id"])
    body = await bodies.read(request, BatchCreate)
    specs = [StoreFileCreate(file_id=file_id) for file_id in body.file_ids or []] + list(body.files or [])
    specs += [StoreFileCreate(data_source=source) for source in body.data_sources or []]
    if not specs:
        raise bad_request("Missing required parameter: 'file_ids'.", param="file_ids",
                          code="missing_required_parameter")
    for spec in specs:
        if spec.file_id:
            load(db, "file", spec.file_id)
    batch = {"id": new_id("vsfb"), "object": "vector_store.files_batch", "created_at": now(),
             "vector_store_id": vector_store["id"], "status": "completed", "file_counts": {}}
    db.insert("vector_store_file_batch", batch["id"], batch, parent=vector_store["id"])
    for spec in specs:
        add_file(db, vector_store["id"], spec.file_id or _source_file(db, spec.data_source),
                 chunking=spec.chunking_strategy or body.chunking_strategy,
                 attributes=spec.attributes or body.attributes, batch_id=batch["id"])
    _refresh(db, vector_store)
    return answer(db.update("vector_store_file_batch", batch["id"], _batch_doc(db, batch)))


def _batch(request: Request) -> tuple[Store, dict[str, Any]]:
    db = store(request)
    load(db, "vector_store", request.path_params["vector_store_id"])
    return db, load(db, "vector_store_file_batch", request.path_params["batch_id"],
                    parent=request.path_params["vector_store_id"])


async def get_batch(request: Request):
    db, batch = _batch(request)
    return answer(_batch_doc(db, batch))


async def cancel_batch(request: Request):
    db, batch = _batch(request)
    if batch["status"] == "in_progress":
        batch["status"] = "cancelled"
        db.update("vector_store_file_batch", batch["id"], batch)
    return answer(_batch_doc(db, batch))


async def list_batch_files(request: Request):
    db, batch = _batch(request)
    files = [f for f in db.list("vector_store_file", batch["vector_store_id"]) if f.get("_batch") == batch["id"]]
    return listing(_status_filter(request, files), request)


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
        Route(f"{base}/files", create_file_entry, methods=["POST"]),
        Route(f"{base}/files", list_file_entries, methods=["GET"]),
        Route(base + "/files/{file_id}", get_file_entry, methods=["GET"]),
        Route(base + "/files/{file_id}", update_file_entry, methods=["POST"]),
        Route(base + "/files/{file_id}", delete_file_entry, methods=["DELETE"]),
        Route(base + "/files/{file_id}/content", file_entry_content, methods=["GET"]),
        Route(f"{base}/file_batches", create_batch, methods=["POST"]),
        Route(base + "/file_batches/{batch_id}", get_batch, methods=["GET"]),
        Route(base + "/file_batches/{batch_id}/cancel", cancel_batch, methods=["POST"]),
        Route(base + "/file_batches/{batch_id}/files", list_batch_files, methods=["GET"]),
    ], beta=False)
