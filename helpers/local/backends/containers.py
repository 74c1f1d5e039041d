"""Code-interpreter containers and the files the code "wrote" in them
(`client.containers`, `client.containers.files`, `...files.content`).

    GET /containers/{id}                          retrieve
    GET /containers/{id}/files                    files.list (cursor list)
    GET /containers/{id}/files/{file_id}          files.retrieve -> container.file
    GET /containers/{id}/files/{file_id}/content  files.content  -> the bytes

Responses create one container per code run (`save_run_file`); a
`container_file_citation` in the answer names the container and the file.
"""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import ServiceError
from ..ids import new_id, now
from ..paging import page

MOUNTS = ("/api/projects/{project}/openai/v1", "/v1",
          "/api/projects/{project}/agents/{agent_name}/endpoint/protocols/openai")

CONTAINER, FILE = "container", "container_file"


def save_run_file(store, filename: str, data: bytes) -> tuple[str, str]:
    """A new container holding `filename`; returns (container id, file id)."""
    created = now()
    container = {"id": new_id("cntr"), "object": "container", "name": "code-interpreter", "status": "running",
                 "created_at": created, "last_active_at": created,
                 "expires_after": {"anchor": "last_active_at", "minutes": 20}}
    store.insert(CONTAINER, container["id"], container)
    file = {"id": new_id("cfile"), "object": "container.file", "container_id": container["id"],
            "created_at": created, "bytes": len(data), "path": f"/mnt/data/{filename}", "source": "assistant"}
    store.insert(FILE, file["id"], file, parent=container["id"])
    store.put_blob(file["id"], data)
    return container["id"], file["id"]


def _container(store, id: str) -> dict[str, Any]:
    found = store.get(CONTAINER, id)
    if found is None:
        raise ServiceError(404, f"Container with id '{id}' not found.", param="container_id", code=None)
    return found


def _file(store, request: Request) -> dict[str, Any]:
    container = _container(store, request.path_params["container_id"])
    file_id = request.path_params["file_id"]
    found = store.get(FILE, file_id)
    if found is None or found["container_id"] != container["id"]:
        raise ServiceError(404, f"File with id '{file_id}' not found in container '{container['id']}'.",
                           param="file_id", code=None)
    return found


async def retrieve(request: Request) -> JSONResponse:
    return JSONResponse(_container(request.app.state.store, request.path_params["container_id"]))


async def list_files(request: Request) -> JSONResponse:
    store = request.app.state.store
    container = _container(store, request.path_params["container_id"])
    return JSONResponse(page(store.list(FILE, parent=container["id"]), request.query_params))


async def retrieve_file(request: Request) -> JSONResponse:
    return JSONResponse(_file(request.app.state.store, request))


async def file_content(request: Request) -> Response:
    store = request.app.state.store
    file = _file(store, request)
    return Response(store.get_blob(file["id"]) or b"", media_type="application/octet-stream")


def routes() -> list[Route]:
    return [
        Route("/containers/{container_id}", retrieve, methods=["GET"]),
        Route("/containers/{container_id}/files", list_files, methods=["GET"]),
        Route("/containers/{container_id}/files/{file_id}", retrieve_file, methods=["GET"]),
        Route("/containers/{container_id}/files/{file_id}/content", file_content, methods=["GET"]),
    ]
