"""`/vector_stores`: create, get, list, update, delete, search.

Mounted where files are (see files.py), with a store's files and file
batches (vector_store_files.py). Indexing is instant: a store, a file and a
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
from .classic.objects import answer, deleted, limit_metadata, listing, load, store
from .classic.requests import Strict
from . import vector_store_files
from .classic.surface import guarded, only_on_one_surface
from .files import MOUNTS
from .vector_store_contents import create_vector_store

__all__ = ["MOUNTS", "routes"]

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
    ], beta=False) + vector_store_files.routes()
