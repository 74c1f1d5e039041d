"""What both Langdock generations share: which one a request is for, body
parsing, and Langdock's error bodies.

The two generations differ in names only outside chat: `/assistant/v1/*`
takes `assistantId` and answers with an `assistant` wrapper, `/agent/v1/*`
takes `agentId` and answers with `agent` (the Langdock reference, 2.5 and 3.1).
Errors are `{"message": "..."}`; a chat body that fails validation answers
`{"message": [issue, ...]}` (Langdock's OpenAPI file). The issue fields
(`code`, `path`, `message`) follow zod, the validator Langdock's TypeScript
API is built on; the exact texts are ours.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from ..bodies import json_body
from ..errors import ServiceError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Generation:
    prefix: str      # "/assistant/v1" or "/agent/v1"
    id_key: str      # "assistantId" / "agentId"
    wrapper: str     # response key and temporary-config key: "assistant" / "agent"
    noun: str        # "Assistant" / "Agent", for messages
    legacy: bool


LEGACY = Generation("/assistant/v1", "assistantId", "assistant", "Assistant", True)
AGENTS = Generation("/agent/v1", "agentId", "agent", "Agent", False)
MOUNTS = (LEGACY.prefix, AGENTS.prefix)


def generation(request: Request) -> Generation:
    return LEGACY if request.url.path.startswith(LEGACY.prefix) else AGENTS


class IssuesError(ServiceError):
    """A 400 whose Langdock body lists validation issues instead of one message."""

    def __init__(self, issues: list[dict[str, Any]]):
        super().__init__(400, "; ".join(f"{'.'.join(map(str, i['path']))}: {i['message']}" for i in issues))
        self.issues = issues

    def langdock_body(self) -> dict[str, Any]:
        return {"message": self.issues}


def message_error(status: int, message: str) -> ServiceError:
    return ServiceError(status, message)


def not_found(gen: Generation, id: str) -> ServiceError:
    return ServiceError(404, f"{gen.noun} not found: {id}", code="not_found", type="not_found_error")


def issues_of(exc: ValidationError) -> list[dict[str, Any]]:
    """pydantic's errors as zod-style issues (`code`, `path`, `message`)."""
    issues = []
    for error in exc.errors():
        path = [p for p in error["loc"] if not (isinstance(p, str) and "[" in p)]  # drop union branch names
        if error["type"] == "missing":
            issues.append({"code": "invalid_type", "path": path, "message": "Required"})
        elif error["type"] == "extra_forbidden":
            issues.append({"code": "unrecognized_keys", "keys": [path[-1]], "path": path[:-1],
                           "message": f"Unrecognized key(s) in object: '{path[-1]}'"})
        else:
            issues.append({"code": "invalid_value", "path": path, "message": error["msg"].removeprefix("Value error, ")})
    # One issue per place: a union reports every branch that failed.
    unique: dict[str, dict[str, Any]] = {}
    for issue in issues:
        unique.setdefault(repr(issue["path"]), issue)
    return list(unique.values())


def parse(model: type[M], body: dict[str, Any], *, issues: bool = True) -> M:
    """`body` as `model`, or Langdock's 400 (issue list for chat, one message otherwise)."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        found = issues_of(exc)
        if issues:
            raise IssuesError(found)
        first = found[0]
        where = ".".join(map(str, first["path"]))
        raise message_error(400, f"{where}: {first['message']}" if where else first["message"])


async def read(request: Request, model: type[M], *, issues: bool = True) -> M:
    return parse(model, await json_body(request), issues=issues)


def require_uuid(value: str, gen: Generation, field: str) -> str:
    """Langdock ids are UUIDs; anything else is a 400 (the guide's `asst_123` is a placeholder)."""
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise message_error(400, f"Invalid {field}: expected a UUID, got '{value}'")
    return value
