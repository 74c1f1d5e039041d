"""What differs between the two surfaces that speak the classic protocol.

- `/v1` is OpenAI's beta Assistants API: it wants the `OpenAI-Beta:
  assistants=v2` header and knows only the code_interpreter, file_search and
  function tools.
- `/api/projects/{project}` is classic Foundry agents (azure-ai-agents 1.x):
  no beta header but an `api-version` query parameter, and the Azure tools as well (Bing, AI Search, OpenAPI, Azure
  Functions, connected agents, ...), which the service accepts and which the
  stand-in model never calls.
"""
from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from ...errors import bad_request

OPENAI_TOOLS = {"code_interpreter", "file_search", "function"}
AZURE_TOOLS = OPENAI_TOOLS | {
    "bing_grounding", "bing_custom_search", "azure_ai_search", "azure_function", "openapi", "connected_agent",
    "sharepoint_grounding", "fabric_dataagent", "deep_research", "mcp", "browser_automation", "computer_use_preview",
}
FUNCTION_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
API_VERSION = re.compile(r"^(v1|\d{4}-\d{2}-\d{2}(-preview)?)$")


def is_openai(request: Request) -> bool:
    """OpenAI's own API (`/v1`) or the project's OpenAI-compatible one (`.../openai/v1`)."""
    path = request.url.path
    return path.startswith("/v1/") or "/openai/v1/" in path


def check_request(request: Request, *, beta: bool) -> None:
    """What each surface asks of every call: OpenAI's beta header on the
    Assistants routes of `/v1` (`beta`), an `api-version` on the project
    endpoint (azure-ai-agents sends `api-version=v1`)."""
    path = request.url.path
    if path.startswith("/v1/"):
        if beta and request.headers.get("openai-beta", "") != "assistants=v2":
            raise bad_request(
                "You must provide the 'OpenAI-Beta' header to access the Assistants API. "
                "Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
                code="invalid_beta",
            )
    elif "/openai/v1/" not in path:
        version = request.query_params.get("api-version")
        if not version:
            raise bad_request("Missing required query parameter: 'api-version'.", param="api-version",
                              code="missing_required_parameter")
        if not API_VERSION.match(version):
            raise bad_request(f"Unsupported api-version '{version}'.", param="api-version", code="invalid_value")


def guarded(routes: list[Route], *, beta: bool) -> list[Route]:
    """`routes` with `check_request` before every handler."""
    def guard(endpoint):
        async def checked(request: Request):
            check_request(request, beta=beta)
            return await endpoint(request)
        return checked

    return [Route(route.path, guard(route.endpoint), methods=route.methods, name=route.name) for route in routes]


def check_tools(request: Request, tools: list[Any] | None, param: str = "tools") -> list[dict[str, Any]]:
    """`tools` as the real service accepts them (a 400 naming the first bad entry otherwise)."""
    allowed = OPENAI_TOOLS if is_openai(request) else AZURE_TOOLS
    checked = []
    for index, tool in enumerate(tools or []):
        where = f"{param}[{index}]"
        if not isinstance(tool, dict) or not isinstance(tool.get("type"), str):
            raise bad_request(f"Invalid value for '{where}': expected an object with a 'type'.", param=where,
                              code="invalid_type")
        if tool["type"] not in allowed:
            raise bad_request(f"Invalid value: '{tool['type']}'. Supported values are: "
                              + ", ".join(f"'{t}'" for t in sorted(allowed)) + ".",
                              param=f"{where}.type", code="invalid_value")
        if tool["type"] == "function":
            function = tool.get("function")
            if not isinstance(function, dict) or not isinstance(function.get("name"), str):
                raise bad_request(f"Missing required parameter: '{where}.function.name'.",
                                  param=f"{where}.function.name", code="missing_required_parameter")
            if not FUNCTION_NAME.match(function["name"]):
                raise bad_request(f"Invalid '{where}.function.name': string does not match pattern "
                                  f"'^[a-zA-Z0-9_-]+$' or is longer than 64 characters.",
                                  param=f"{where}.function.name", code="invalid_value")
        checked.append(tool)
    if len(checked) > 128:
        raise bad_request("Invalid 'tools': array too long. Expected at most 128 tools.", param=param,
                          code="array_above_max_length")
    return checked


def only_on_one_surface(request: Request, given: set[str], *, openai_only: set[str] = frozenset(),
                        azure_only: set[str] = frozenset()) -> None:
    """A 400 for a field the other surface's SDK sends but this surface's service does not know."""
    foreign = sorted(given & (azure_only if is_openai(request) else openai_only))
    if foreign:
        raise bad_request(f"Unknown parameter: '{foreign[0]}'.", param=foreign[0], code="unknown_parameter")
