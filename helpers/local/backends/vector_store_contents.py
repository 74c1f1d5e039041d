"""What a vector store holds, shared by the vector store routes and the
classic surface (stores described inline in tool resources): creating a
store, adding a file, counting files. Store kinds: see vector_stores.py."""
from __future__ import annotations

from typing import Any

from ..ids import new_id, now
from ..store import Store
from .classic.objects import limit_metadata, load
from .files import create_file

STATIC_CHUNKING = {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}}


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
