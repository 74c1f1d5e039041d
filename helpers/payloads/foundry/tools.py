"""Legacy tool definitions + `tool_resources` → Agents-API tool definitions (used by F1 and F5).

`{"type": "code_interpreter"}` + `tool_resources.code_interpreter.file_ids` →
`{"type": "code_interpreter", "container": {"type": "auto", "file_ids": [...]}}`;
`{"type": "file_search", "file_search": {...}}` + `tool_resources.file_search.vector_store_ids` →
`{"type": "file_search", "vector_store_ids": [...], ...}`;
`{"type": "function", "function": {name, description, parameters, strict}}` →
`{"type": "function", name, description, parameters, strict}` (flattened).
Other tool types (Bing, Azure AI Search, OpenAPI, MCP, connected agents, …) are kept as they
are with a note: their new models in `azure.ai.projects.models` take connection ids differently.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..jsontext import Path


def convert_tools(tools: Any, resources: Any, ctx: Context, rule: str, base: Path) -> list[Any]:
    if not isinstance(tools, list):
        return tools
    resources = resources if isinstance(resources, dict) else {}
    out = []
    for index, tool in enumerate(tools):
        path = (*base, "tools", index)
        kind = tool.get("type") if isinstance(tool, dict) else None
        if kind == "code_interpreter" and "container" not in tool:
            container: dict[str, Any] = {"type": "auto"}
            file_ids = _resource(resources, "code_interpreter", "file_ids")
            if file_ids:
                container["file_ids"] = file_ids
            out.append({**tool, "container": container})
        elif kind == "file_search" and "vector_store_ids" not in tool:
            options = tool.get("file_search") if isinstance(tool.get("file_search"), dict) else {}
            ids = _resource(resources, "file_search", "vector_store_ids") or []
            if not ids:
                ctx.note(rule, "warning", "file_search needs vector_store_ids; none were found in "
                         "tool_resources.file_search: add them", path)
            new = {"type": "file_search", "vector_store_ids": ids, **options}
            new.update({k: v for k, v in tool.items() if k not in ("type", "file_search")})
            out.append(new)
        elif kind == "function" and isinstance(tool.get("function"), dict):
            function = tool["function"]
            new = {"type": "function", **function}
            new.setdefault("parameters", {"type": "object", "properties": {}})
            new.update({k: v for k, v in tool.items() if k not in ("type", "function")})
            out.append(new)
        elif kind in ("code_interpreter", "file_search", "function"):
            out.append(tool)
        else:
            out.append(tool)
            ctx.note(rule, "warning", f"tool type {kind!r} was kept as it is: check its new "
                     "definition in azure.ai.projects.models (connections are referenced by "
                     "project connection id)", path)
    return out


def note_tool_resources(resources: Any, ctx: Context, rule: str, base: Path) -> None:
    """tool_resources fold into the tools; say so, and flag resources no tool used."""
    if resources is None:
        return
    path = (*base, "tool_resources")
    used = {"code_interpreter", "file_search"}
    if not isinstance(resources, dict) or set(resources) - used:
        ctx.note(rule, "warning", "tool_resources has entries without a counterpart: attach them to "
                 "the matching tool definition by hand", path)
    else:
        ctx.note(rule, "info", "tool_resources was folded into the tool definitions (container "
                 "file_ids, vector_store_ids)", path)


def _resource(resources: dict[str, Any], tool: str, key: str) -> Any:
    entry = resources.get(tool)
    return entry.get(key) if isinstance(entry, dict) else None
