"""Tokens for unchanged credential code.

`DefaultAzureCredential` tries the App Service managed-identity protocol when
IDENTITY_ENDPOINT and IDENTITY_HEADER are set: it sends
`GET /msi/token?api-version=2019-08-01&resource=...` with `X-IDENTITY-HEADER`
and accepts `{"access_token", "expires_on", "resource", "token_type"}`. The
service answers that itself, so scripts keep their credential lines.
"""
from __future__ import annotations

import secrets
import time

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .errors import ServiceError

TOKEN_PREFIX = "local-"


def issue_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(24)


async def msi_token(request: Request) -> JSONResponse:
    if not request.headers.get("x-identity-header"):
        raise ServiceError(400, "X-IDENTITY-HEADER is required", code="BadRequest")
    resource = request.query_params.get("resource", "https://ai.azure.com")
    return JSONResponse({
        "access_token": issue_token(),
        "expires_on": str(int(time.time()) + 3600),
        "resource": resource,
        "token_type": "Bearer",
    })


class LocalCredential:
    """An azure-core TokenCredential issuing the service's tokens directly."""

    def get_token(self, *scopes, **kwargs):
        from azure.core.credentials import AccessToken

        return AccessToken(issue_token(), int(time.time()) + 3600)

    def get_token_info(self, *scopes, options=None):
        from azure.core.credentials import AccessTokenInfo

        return AccessTokenInfo(issue_token(), int(time.time()) + 3600)

    def close(self) -> None:
        pass


def routes() -> list[Route]:
    return [Route("/msi/token", msi_token, methods=["GET"])]
