"""The ASGI application: every backend mounted where the real SDKs call it.

Where each generation lives (the same layout as the real services, so the
SDK clients need only an endpoint):

| prefix | who calls it |
| --- | --- |
| `/api/projects/{project}` | azure-ai-agents 1.x (classic agents, threads, runs, files, vector stores) and azure-ai-projects 2.x (`/agents`) |
| `/api/projects/{project}/openai/v1` | the OpenAI client from `get_openai_client()` (conversations, responses, files, ...) |
| `/api/projects/{project}/agents/{agent_name}/endpoint/protocols/openai` | the OpenAI client from `get_openai_client(agent_name=...)` (an agent's own endpoint) |
| `/v1` | `openai.OpenAI(base_url=...)`: the beta assistants and the Responses API |
| `/assistant/v1`, `/agent/v1` | Langdock |
| `/msi/token` | azure-identity's managed-identity credential |

Backends are modules in `backends/` that export `MOUNTS` (the prefixes above
they serve) and `routes()`; they keep their state in `request.app.state.store`.
"""
from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from . import identity
from .backends import BACKENDS
from .errors import ServiceError, unauthorized
from .store import Store

OPEN_PATHS = ("/msi/token", "/health")


def error_style(path: str) -> str:
    if path.startswith(("/assistant/v1", "/agent/v1")):
        return "langdock"
    parts = path.split("/")
    # /api/projects/{project}/agents...: the azure-ai-projects data plane
    # (an agent's own OpenAI endpoint below it answers in the OpenAI shape)
    if len(parts) > 4 and parts[1:3] == ["api", "projects"] and parts[4] == "agents" \
            and parts[6:9] != ["endpoint", "protocols", "openai"]:
        return "azure"
    return "openai"


def error_response(path: str, error: ServiceError) -> JSONResponse:
    style = error_style(path)
    body = {"azure": error.azure_body, "langdock": error.langdock_body}.get(style, error.openai_body)()
    headers = dict(error.headers)
    if style == "azure":
        headers["x-ms-error-code"] = body["error"]["code"]
    return JSONResponse(body, status_code=error.status, headers=headers)


async def _service_error(request: Request, exc: ServiceError) -> JSONResponse:
    return error_response(request.url.path, exc)


class RequireCredentials:
    """Every API call needs a bearer token or key, as on the real services."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope["path"].startswith(OPEN_PATHS):
            headers = dict(scope["headers"])
            auth = headers.get(b"authorization", b"").decode()
            api_key = headers.get(b"api-key", b"").decode()
            if not (auth.lower().startswith("bearer ") and auth[7:].strip()) and not api_key:
                await error_response(scope["path"], unauthorized())(scope, receive, send)
                return
        await self.app(scope, receive, send)


class InjectFaults:
    """Answers a share of API calls with 429 or 503 before they run (`serve --faults RATE`),
    so retry code meets what a throttled real service sends. Off unless a rate is set."""

    def __init__(self, app, rate: float = 0.0, seed: int = 0):
        import random

        self.app = app
        self.rate = rate
        self._random = random.Random(seed)

    async def __call__(self, scope, receive, send):
        if self.rate and scope["type"] == "http" and not scope["path"].startswith(OPEN_PATHS) \
                and self._random.random() < self.rate:
            status = 429 if self._random.random() < 0.5 else 503
            error = ServiceError(status, "Injected fault: try again later.", code="rate_limit_exceeded"
                                 if status == 429 else "service_unavailable", type="server_error",
                                 headers={"retry-after-ms": "20", "retry-after": "0"})
            await error_response(scope["path"], error)(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def build_app(store: Store, *, fault_rate: float = 0.0) -> Starlette:
    by_prefix: dict[str, list] = {}
    for backend in BACKENDS:
        for prefix in backend.MOUNTS:
            by_prefix.setdefault(prefix, []).extend(backend.routes())
    # Longer prefixes first, so /api/projects/{p}/openai/v1 wins over /api/projects/{p}.
    mounts = [Mount(prefix, routes=routes) for prefix, routes in sorted(by_prefix.items(), key=lambda kv: -len(kv[0]))]
    app = Starlette(
        routes=[Route("/health", health), *identity.routes(), *mounts],
        middleware=[Middleware(InjectFaults, rate=fault_rate), Middleware(RequireCredentials)],
        exception_handlers={ServiceError: _service_error},
    )
    app.state.store = store
    return app
