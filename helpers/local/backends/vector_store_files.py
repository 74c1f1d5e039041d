"""`/vector_stores/{id}/files` and `/vector_stores/{id}/file_batches`: a
vector store's files (add, get, list, update attributes, content, remove) and
batches of them (create, get, cancel, list files); mounted with
vector_stores.py (store kinds: see there)."""
from __future__ import annotations

from typing import Any, Optional

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import bodies
from ..errors import bad_request, not_found
from ..ids import new_id, now
from ..store import Store
from .classic.objects import answer, deleted, listing, load, store
from .classic.requests import Strict
from .classic.surface import guarded
from .vector_store_contents import add_file, counts, refresh, source_file


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
    file_id = body.file_id or source_file(db, body.data_source)
    entry = add_file(db, vector_store["id"], file_id, chunking=body.chunking_strategy, attributes=body.attributes)
    refresh(db, vector_store)
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
    refresh(db, db.get("vector_store", entry["vector_store_id"]))
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
    batch["file_counts"] = counts(db, batch["vector_store_id"], batch["id"])
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
        add_file(db, vector_store["id"], spec.file_id or source_file(db, spec.data_source),
                 chunking=spec.chunking_strategy or body.chunking_strategy,
                 attributes=spec.attributes or body.attributes, batch_id=batch["id"])
    refresh(db, vector_store)
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


def routes() -> list[Route]:
    base = "/vector_stores/{vector_store_id}"
    return guarded([
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
