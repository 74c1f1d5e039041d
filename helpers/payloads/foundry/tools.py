"""Legacy tool definitions + `tool_resources` → Agents-API tool definitions (used by F1 and F5).

Before: `"tools": [{"type": "code_interpreter"}, {"type": "azure_ai_search"}, {"type": "bing_grounding",
          "bing_grounding": {"search_configurations": [{"connection_id": "c1"}]}}],
          "tool_resources": {"code_interpreter": {"file_ids": ["f1"]}, "azure_ai_search": {"indexes":
          [{"index_connection_id": "c2", "index_name": "docs"}]}}`
After:  `"tools": [{"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["f1"]}},
          {"type": "azure_ai_search", "azure_ai_search": {"indexes": [{"project_connection_id": "c2",
          "index_name": "docs"}]}}, {"type": "bing_grounding", "bing_grounding": {"search_configurations":
          [{"project_connection_id": "c1"}]}}]`
What each tool becomes is read from `helpers.mapping` (the table the code converter uses too).
Every value of `tool_resources` lands in a tool; what has no 2.x place (the ids of connected agents,
whose tools become the functions that stand in for them; code interpreter data sources, vector
stores to create, resources no tool reads) is kept under the object's `unconverted` key with a
located note, never dropped.
"""
from __future__ import annotations

import copy
from typing import Any

from ...mapping import tool_for_type
from ...mapping.tools import (CONNECTED_AGENT_ARGUMENT, OPENAPI_AUTH, OPENAPI_SCHEME_RENAMES, RANKERS,
                              UNCARRIED_RESOURCES, ToolSpec, connected_agent_parameters)
from ..context import Context
from ..jsontext import Path
from .common import is_empty

UNCONVERTED = "unconverted"  # the marked key for legacy values with no 2.x place (remove before sending)


def convert_tools(tools: Any, resources: Any, ctx: Context, rule: str, base: Path,
                  unconverted: dict[str, Any]) -> Any:
    """The 2.x tool list; values with no 2.x place are added to `unconverted` (tools, tool_resources)."""
    if isinstance(resources, dict) and all(_holds_nothing(v) for v in resources.values()):
        ctx.note(rule, "info", "tool_resources holds no ids, so there is nothing to carry over",
                 (*base, "tool_resources"))
    if resources is not None and not isinstance(resources, dict):
        unconverted["tool_resources"] = resources
        ctx.note(rule, "warning", f"tool_resources should be an object; it was kept under `{UNCONVERTED}` "
                 "(remove that key before sending)", (*base, "tool_resources"))
    resources = copy.deepcopy(resources) if isinstance(resources, dict) else {}
    out = []
    for index, tool in enumerate(tools):  # the input models make `tools` a list of objects
        path = (*base, "tools", index)
        kind = tool.get("type")
        spec = tool_for_type(kind)
        if spec is None:
            out.append(tool)
            ctx.note(rule, "warning", f"tool type {kind!r} is not in the map of changes; it was kept as it "
                     "is: check its 2.x model in azure.ai.projects.models", path)
            continue
        if spec.new_type is None:
            unconverted.setdefault("tools", []).append(tool)
            ctx.note(rule, "error", f"a {kind} tool has no 2.x tool: it was moved to `{UNCONVERTED}.tools` "
                     f"(remove that key before sending); {spec.note}", path)
            continue
        if spec.legacy_type == "connected_agent":
            function = _connected_agent(tool, ctx, rule, path, unconverted)
            out.extend([function] if function is not None else [])
            continue
        out.append(BUILDERS[spec.legacy_type](tool, spec, resources, ctx, rule, path))
    _leftover_resources(resources, ctx, rule, base, unconverted)
    return out


def _holds_nothing(value: Any) -> bool:
    return is_empty(value) or (isinstance(value, dict) and all(is_empty(v) for v in value.values()))


def _take(resources: dict[str, Any], tool: str, key: str) -> Any:
    """Remove and return tool_resources[tool][key] (None when absent)."""
    entry = resources.get(tool)
    if not isinstance(entry, dict) or key not in entry:
        return None
    value = entry.pop(key)
    if not entry:
        resources.pop(tool)
    return value


def _code_interpreter(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    if "container" in tool:
        return tool  # already 2.x
    container: dict[str, Any] = {"type": "auto"}
    file_ids = _take(resources, "code_interpreter", "file_ids")
    if not is_empty(file_ids):
        container["file_ids"] = file_ids
        ctx.note(rule, "info", "tool_resources.code_interpreter.file_ids moved into the tool's container",
                 path)
    return {**tool, "container": container}


def _file_search(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    if "vector_store_ids" in tool:
        return tool
    options = dict(tool["file_search"]) if isinstance(tool.get("file_search"), dict) else {}
    ids = _take(resources, "file_search", "vector_store_ids")
    if is_empty(ids):
        ctx.note(rule, "warning", "file_search needs vector_store_ids; none were found in "
                 "tool_resources.file_search: add them", path)
        ids = []
    else:
        ctx.note(rule, "info", "tool_resources.file_search.vector_store_ids moved onto the tool", path)
    if isinstance(options.get("ranking_options"), dict):
        options["ranking_options"] = _ranking(options["ranking_options"], ctx, rule, (*path, "file_search"))
    new = {"type": tool["type"], "vector_store_ids": ids, **options}
    new.update({k: v for k, v in tool.items() if k != "file_search"})
    return new


def _ranking(options: dict[str, Any], ctx: Context, rule: str, path: Path) -> dict[str, Any]:
    ranker = options.get("ranker")
    if ranker is None:
        return options
    known = RANKERS.get(ranker) if isinstance(ranker, str) else None
    if known is None:
        ctx.note(rule, "warning", f"ranker {ranker!r} is not a known ranker; it was kept: 2.x takes 'auto' "
                 "or 'default-2024-11-15'", (*path, "ranking_options", "ranker"))
        return options
    new, note = known
    if note:
        ctx.note(rule, "warning", f"ranker {ranker!r} became {new!r}: {note}", (*path, "ranking_options", "ranker"))
    return {**options, "ranker": new}


def _function(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    function = tool.get("function")
    if not isinstance(function, dict):
        return tool  # already flat (2.x) or not a function definition we can read
    new = {"type": tool["type"], **function}
    new.setdefault("parameters", {"type": "object", "properties": {}})
    if "strict" not in new:
        new["strict"] = False
        ctx.note(rule, "info", "strict was not set, so it is false (the legacy default); 2.x asks for "
                 "it: set true to have arguments follow the schema exactly", path)
    new.update({k: v for k, v in tool.items() if k != "function"})
    return new


def _renamed_settings(tool: dict, spec: ToolSpec, ctx: Context, rule: str, path: Path) -> dict:
    """The tool with `spec.renames` applied to each item of settings[entries]."""
    new = copy.deepcopy(tool)
    settings = new.get(spec.settings)
    entries = settings.get(spec.entries) if isinstance(settings, dict) else None
    if not entries:
        ctx.note(rule, "warning", f"{spec.legacy_type} has no {spec.settings}.{spec.entries}: add at least one "
                 f"(each names its connection by {spec.renames[0][1]})", path)
    renamed = False
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            for old, fresh in spec.renames:
                if old in entry and fresh not in entry:
                    entry[fresh] = entry.pop(old)
                    renamed = True
    if renamed:
        pairs = ", ".join(f"{old} → {fresh}" for old, fresh in spec.renames)
        ctx.note(rule, "info", f"{spec.legacy_type}: {pairs} (the id of the connection in your Foundry "
                 "project)", path)
    return new


def _bing(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    return _renamed_settings(tool, spec, ctx, rule, path)


def _ai_search(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    if isinstance(tool.get(spec.settings), dict):
        return _renamed_settings(tool, spec, ctx, rule, path)
    indexes = _take(resources, "azure_ai_search", "indexes")
    if is_empty(indexes):
        ctx.note(rule, "warning", "azure_ai_search needs its indexes; none were found in "
                 "tool_resources.azure_ai_search: add them under azure_ai_search.indexes", path)
        return {**tool, spec.settings: {spec.entries: []}}
    ctx.note(rule, "info", "tool_resources.azure_ai_search.indexes moved onto the tool", path)
    new = {**tool, spec.settings: {spec.entries: indexes}}
    return _renamed_settings(new, spec, ctx, rule, path)


def _openapi(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    new = copy.deepcopy(tool)
    definition = new.get("openapi")
    auth = definition.get("auth") if isinstance(definition, dict) else None
    if isinstance(auth, dict) and auth.get("type") in OPENAPI_AUTH:
        new_type = OPENAPI_AUTH[auth["type"]][0]
        if new_type != auth["type"]:
            auth["type"] = new_type
            scheme = auth.get("security_scheme")
            for old, fresh in OPENAPI_SCHEME_RENAMES:
                if isinstance(scheme, dict) and old in scheme:
                    scheme[fresh] = scheme.pop(old)
            ctx.note(rule, "info", f"openapi auth became {new_type!r} with security_scheme."
                     "project_connection_id (the id of the connection in your Foundry project)",
                     (*path, "openapi", "auth"))
    for old, fresh in spec.renames:
        if isinstance(definition, dict) and old in definition:
            definition[fresh] = definition.pop(old)
    return new


def _mcp(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    new = dict(tool)
    entries = resources.get("mcp")
    if isinstance(entries, list):
        for entry in list(entries):
            if isinstance(entry, dict) and entry.get("server_label") == tool.get("server_label"):
                entries.remove(entry)
                extra = {k: v for k, v in entry.items() if k != "server_label"}
                new.update(extra)
                if extra:
                    ctx.note(rule, "info", f"tool_resources.mcp ({', '.join(extra)}) moved onto the MCP tool "
                             f"{tool.get('server_label')!r}", path)
                if "headers" in extra:
                    ctx.note(rule, "warning", "the MCP headers now live in the agent definition: keep "
                             "secrets out of it (use project_connection_id)", path)
        if not entries:
            resources.pop("mcp")
    return new


def _connected_agent(tool: dict, ctx: Context, rule: str, path: Path, unconverted: dict[str, Any]) -> Any:
    """A connected agent becomes the function that stands in for it (the map's one-parameter schema);
    the legacy agent id has no 2.x place (agents are referenced by name) and is kept under the marked key."""
    settings = tool.get("connected_agent") if isinstance(tool.get("connected_agent"), dict) else {}
    name = settings.get("name")
    if not isinstance(name, str) or not name:
        unconverted.setdefault("tools", []).append(tool)
        ctx.note(rule, "error", f"a connected_agent tool without a name cannot become its function: it was "
                 f"moved to `{UNCONVERTED}.tools` (remove that key before sending)", path)
        return None
    new: dict[str, Any] = {"type": "function", "name": name}
    if isinstance(settings.get("description"), str):
        new["description"] = settings["description"]
    new.update({"parameters": connected_agent_parameters(), "strict": True})
    unconverted.setdefault("connected_agents", []).append(settings)
    ctx.note(rule, "warning", f"connected agent {name!r} became a function tool: 2.x prompt agents have no "
             f"connected-agent tool, so your application answers each `{name}` function_call by asking that "
             f"agent (responses.create with its agent_reference, the `{CONNECTED_AGENT_ARGUMENT}` argument as "
             "input) and sends its output_text back as a function_call_output. Its legacy id "
             f"{settings.get('id')!r} was kept under `{UNCONVERTED}.connected_agents` (remove that key before "
             "sending): reference the migrated agent by its name. The hosted alternative is a workflow agent.",
             path)
    return new


def _same_shape(tool: dict, spec: ToolSpec, resources: dict, ctx: Context, rule: str, path: Path) -> Any:
    return tool


BUILDERS = {
    "code_interpreter": _code_interpreter,
    "file_search": _file_search,
    "function": _function,
    "bing_grounding": _bing,
    "azure_ai_search": _ai_search,
    "openapi": _openapi,
    "mcp": _mcp,
    "azure_function": _same_shape,
}


def _leftover_resources(resources: dict[str, Any], ctx: Context, rule: str, base: Path,
                        unconverted: dict[str, Any]) -> None:
    """Whatever no tool took moves to unconverted.tool_resources (empty values are dropped)."""
    for tool, entry in resources.items():
        items = entry.items() if isinstance(entry, dict) else [(None, entry)]
        for key, value in items:
            if is_empty(value):
                continue
            where = (*base, "tool_resources", tool) + ((key,) if key is not None else ())
            kept = unconverted.setdefault("tool_resources", {})
            if key is None:
                kept[tool] = value
            else:
                kept.setdefault(tool, {})[key] = value
            advice = UNCARRIED_RESOURCES.get((tool, key))
            advice = advice or (f"no {tool} tool reads it: add that tool, or drop the value"
                                if tool_for_type(tool) else "it is not a known tool resource")
            ctx.note(rule, "warning", f"kept under `{UNCONVERTED}.tool_resources` (remove that key before "
                     f"sending): {advice}", where)
