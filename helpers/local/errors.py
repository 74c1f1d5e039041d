"""Error answers in the shapes the real services send.

Handlers raise `ServiceError`; the app turns it into the JSON body of the
surface that was called (OpenAI-style `{"error": {"message", "type", "param",
"code"}}` for both OpenAI-compatible surfaces and the classic agents API,
which speaks the same wire format; Azure-style `{"error": {"code", "message"}}`
for the azure-ai-projects data plane; Langdock sends `{"message": "..."}` (its OpenAPI
file, for every assistant/agent endpoint).
"""
from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    def __init__(self, status: int, message: str, *, code: str | None = None, param: str | None = None,
                 type: str = "invalid_request_error", headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.param = param
        self.type = type
        self.headers = headers or {}

    def openai_body(self) -> dict[str, Any]:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}

    def azure_body(self) -> dict[str, Any]:
        return {"error": {"code": self.code or _AZURE_CODES.get(self.status, "BadRequest"), "message": self.message}}

    def langdock_body(self) -> dict[str, Any]:
        return {"message": self.message}


_AZURE_CODES = {400: "BadRequest", 401: "Unauthorized", 404: "NotFound", 409: "Conflict", 429: "TooManyRequests"}


def bad_request(message: str, *, param: str | None = None, code: str | None = None) -> ServiceError:
    return ServiceError(400, message, param=param, code=code)


def not_found(what: str, id: str) -> ServiceError:
    return ServiceError(404, f"No {what} found with id '{id}'.", code="not_found", type="not_found_error")


def unauthorized(message: str = "Missing or invalid credentials.") -> ServiceError:
    # No code: the OpenAI body carries null, the Azure body "Unauthorized".
    return ServiceError(401, message, type="authentication_error")
