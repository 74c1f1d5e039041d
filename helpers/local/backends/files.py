"""`/files`: upload (multipart), get, list, delete, content.

Mounted for azure-ai-agents 1.x (`/api/projects/{project}`), openai (`/v1`)
and the project's OpenAI client (`/api/projects/{project}/openai/v1`): one
files API behind all three, so a file uploaded by legacy code is visible to
converted code. Store: kind "file" (the file object), its bytes as the blob
with the same id.
"""
from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import bad_request
from ..ids import new_id, now
from ..store import Store
from .classic.objects import answer, deleted, listing, load, store
from .classic.surface import guarded

MOUNTS = ("/api/projects/{project}", "/v1", "/api/projects/{project}/openai/v1")
PURPOSES = ("assistants", "assistants_output", "batch", "batch_output", "fine-tune", "fine-tune-results", "vision",
            "user_data", "evals")
FORM_FIELDS = {"file", "purpose", "filename", "expires_after[anchor]", "expires_after[seconds]"}


def create_file(db: Store, filename: str, data: bytes, purpose: str) -> dict:
    """Keep `data` as a file; returns the file object."""
    info = {"id": new_id("file"), "object": "file", "bytes": len(data),
            "created_at": now(), "filename": filename, "purpose": purpose, "status": "processed",
            "status_details": None, "expires_at": None}
    db.put_blob(info["id"], data)
    return db.insert("file", info["id"], info)


async def upload(request: Request):
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise bad_request("Invalid Content-Type header: expected multipart/form-data.", code="invalid_content_type")
    form = await request.form()
    unknown = sorted(set(form.keys()) - FORM_FIELDS)
    if unknown:
        raise bad_request(f"Unknown parameter: '{unknown[0]}'.", param=unknown[0], code="unknown_parameter")
    upload_file, purpose = form.get("file"), form.get("purpose")
    if not isinstance(upload_file, UploadFile):
        raise bad_request("Missing required parameter: 'file'.", param="file", code="missing_required_parameter")
    if not purpose:
        raise bad_request("Missing required parameter: 'purpose'.", param="purpose",
                          code="missing_required_parameter")
    if purpose not in PURPOSES:
        raise bad_request(f"Invalid value for purpose: '{purpose}'. Supported values are: "
                          + ", ".join(f"'{p}'" for p in PURPOSES) + ".", param="purpose", code="invalid_value")
    filename = form.get("filename") or upload_file.filename or "upload"
    return answer(create_file(store(request), str(filename), await upload_file.read(), str(purpose)))


async def get(request: Request):
    return answer(load(store(request), "file", request.path_params["file_id"]))


async def content(request: Request):
    db = store(request)
    info = load(db, "file", request.path_params["file_id"])
    return Response(db.get_blob(info["id"]) or b"", media_type="application/octet-stream")


async def delete(request: Request):
    db = store(request)
    file_id = request.path_params["file_id"]
    load(db, "file", file_id)
    db.delete("file", file_id)
    return deleted(file_id, "file")


async def list_(request: Request) -> JSONResponse:
    purpose = request.query_params.get("purpose")
    files = [f for f in store(request).list("file") if purpose is None or f["purpose"] == purpose]
    return listing(files, request, max_limit=10000)


def routes() -> list[Route]:
    return guarded([
        Route("/files", upload, methods=["POST"]),
        Route("/files", list_, methods=["GET"]),
        Route("/files/{file_id}", get, methods=["GET"]),
        Route("/files/{file_id}", delete, methods=["DELETE"]),
        Route("/files/{file_id}/content", content, methods=["GET"]),
    ], beta=False)
