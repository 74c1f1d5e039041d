"""Legacy tool helpers to the azure-ai-projects 2.x tool models, one builder each.

`build_model(ctx, name, call, seg, node)` writes the 2.x model for a legacy
helper call (CodeInterpreterTool, FileSearchTool, BingGroundingTool,
AzureAISearchTool, OpenApiTool, McpTool, ...), resources included; see
`tools.py` for the table of shapes.
"""
from __future__ import annotations

import ast

from .context import Context

from .function_schemas import from_function_definition, function_tools
from .tool_state import LEGACY_MODELS, MODELS, Seg, kw_text, use_model

LEGACY_ONLY_KEYWORDS = {
    "CodeInterpreterTool": {"file_ids"},
    "FunctionTool": {"functions"},
    "AsyncFunctionTool": {"functions"},
    "BingGroundingTool": {"connection_id"},
    "AzureAISearchTool": {"index_connection_id", "index_name"},
    "OpenApiTool": {"spec", "auth", "default_parameters"},
    "McpTool": {"server_label"},
    "ToolSet": set(),
    "AsyncToolSet": set(),
    "FunctionToolDefinition": {"function"},
    "OpenApiConnectionAuthDetails": {"security_scheme"},
    "OpenApiConnectionSecurityScheme": {"connection_id"},
}
# Classes whose 2.x counterpart has the same name and arguments: only the import moves.
SAME_IN_2X = {"FileSearchTool", "OpenApiAnonymousAuthDetails", "OpenApiManagedAuthDetails",
              "OpenApiManagedSecurityScheme", "AzureAISearchQueryType"}


def legacy_class(ctx: Context, call: ast.Call) -> str | None:
    """The legacy tool class a call constructs, or None."""
    func = call.func
    qualified = ctx.imports.qualified(func)
    if qualified is not None:
        module, _, name = qualified.rpartition(".")
        if module in LEGACY_MODELS and (name in LEGACY_ONLY_KEYWORDS or name in SAME_IN_2X):
            return name
        if module == MODELS and name in LEGACY_ONLY_KEYWORDS and _legacy_shape(name, call):
            return name  # azure-ai-projects 1.0 betas had the legacy helpers here
        return None
    if isinstance(func, ast.Name) and func.id in LEGACY_ONLY_KEYWORDS and _legacy_shape(func.id, call):
        return func.id  # a fragment without imports: only when the arguments are legacy-only
    return None


def _legacy_shape(name: str, call: ast.Call) -> bool:
    if name in ("ToolSet", "AsyncToolSet"):
        return True
    keywords = {k.arg for k in call.keywords}
    if name == "McpTool":
        return True  # 2.x spells it MCPTool
    return bool(keywords & LEGACY_ONLY_KEYWORDS[name]) or (bool(call.args) and name != "FunctionToolDefinition")


def _args(call: ast.Call, seg: Seg, order: tuple[str, ...]) -> dict[str, str] | None:
    """Keyword -> source text, positionals named by `order`; None for `*`/`**` arguments."""
    found: dict[str, str] = {}
    for index, value in enumerate(call.args):
        if isinstance(value, ast.Starred) or index >= len(order):
            return None
        found[order[index]] = seg(value)
    for keyword in call.keywords:
        if keyword.arg is None:
            return None
        found[keyword.arg] = seg(keyword.value)
    return found


def _enum_value(ctx: Context, text: str) -> str:
    if text.startswith("AzureAISearchQueryType."):
        use_model(ctx, "AzureAISearchQueryType")
    return text


def build_model(ctx: Context, name: str, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    """(2.x source, kind) for a legacy helper construction, or None (noted) if it cannot be built.

    kind is "tool" (one model), "tools" (a list of models) or "toolset" (an empty list)."""
    if name in ("ToolSet", "AsyncToolSet"):
        return "[]", "toolset"
    if name in ("FunctionTool", "AsyncFunctionTool"):
        args = _args(call, seg, ("functions",))
        functions = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "functions"), None)
        if args is None or functions is None:
            return None
        built = function_tools(ctx, functions, seg, node)
        return (built, "tools") if built is not None else None
    if name == "FunctionToolDefinition":
        function = next((k.value for k in call.keywords if k.arg == "function"), None)
        built = from_function_definition(ctx, function, seg) if function is not None else None
        return (built, "tool") if built is not None else None
    if name == "FileSearchTool" and not call.args and not call.keywords:
        use_model(ctx, name)
        ctx.note(node, "warning", "FileSearchTool needs the ids of the vector stores to search: fill in "
                 "vector_store_ids=[...] (add_vector_store() has no counterpart).")
        return "FileSearchTool(vector_store_ids=[])", "tool"
    if name in SAME_IN_2X:
        use_model(ctx, name)
        return seg(call), "tool"
    builder = BUILDERS.get(name)
    return builder(ctx, call, seg, node) if builder else None


def _code_interpreter(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    args = _args(call, seg, ("file_ids",))
    if args is None or set(args) - {"file_ids"}:
        return None
    use_model(ctx, "CodeInterpreterTool")
    return code_interpreter_text(ctx, args.get("file_ids")), "tool"


def code_interpreter_text(ctx: Context, file_ids: str | None) -> str:
    if not file_ids:
        return "CodeInterpreterTool()"
    use_model(ctx, "AutoCodeInterpreterToolParam")
    return f"CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids={file_ids}))"


def _bing(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    order = ("connection_id", "market", "set_lang", "count", "freshness")
    args = _args(call, seg, order)
    if args is None or "connection_id" not in args or set(args) - set(order):
        return None
    for model in ("BingGroundingTool", "BingGroundingSearchToolParameters", "BingGroundingSearchConfiguration"):
        use_model(ctx, model)
    config = kw_text([("project_connection_id", args["connection_id"])] + [(k, args.get(k)) for k in order[1:]])
    ctx.note(node, "info", "BingGroundingTool now takes the project connection in "
             "BingGroundingSearchConfiguration(project_connection_id=...): check that the value is the id of "
             "the Bing connection of your Foundry project.")
    return ("BingGroundingTool(bing_grounding=BingGroundingSearchToolParameters("
            f"search_configurations=[BingGroundingSearchConfiguration({config})]))"), "tool"


def _ai_search(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    order = ("index_connection_id", "index_name", "query_type", "filter", "top_k", "index_asset_id")
    args = _args(call, seg, order)
    if args is None or set(args) - set(order):
        return None
    for model in ("AzureAISearchTool", "AzureAISearchToolResource", "AISearchIndexResource"):
        use_model(ctx, model)
    if "query_type" in args:
        args["query_type"] = _enum_value(ctx, args["query_type"])
    index = kw_text([("project_connection_id", args.get("index_connection_id"))] + [(k, args.get(k)) for k in order[1:]])
    return ("AzureAISearchTool(azure_ai_search=AzureAISearchToolResource("
            f"indexes=[AISearchIndexResource({index})]))"), "tool"


def _openapi(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    order = ("name", "description", "spec", "auth", "default_parameters")
    args = _args(call, seg, order)
    if args is None or set(args) - set(order) or not {"name", "spec", "auth"} <= set(args):
        return None
    use_model(ctx, "OpenApiTool")
    use_model(ctx, "OpenApiFunctionDefinition")
    inner = kw_text([("name", args["name"]), ("spec", args["spec"]), ("auth", args["auth"]),
                 ("description", args.get("description")), ("default_params", args.get("default_parameters"))])
    return f"OpenApiTool(openapi=OpenApiFunctionDefinition({inner}))", "tool"


def _mcp(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    order = ("server_label", "server_url", "allowed_tools")
    args = _args(call, seg, order)
    if args is None or set(args) - set(order) or "server_label" not in args:
        return None
    use_model(ctx, "MCPTool")
    ctx.note(node, "info", "MCPTool asks for approval of each tool call unless you set "
             "require_approval=\"never\"; headers go to MCPTool(headers={...}) instead of update_headers().")
    return f"MCPTool({kw_text([(k, args.get(k)) for k in order])})", "tool"


def _connection_auth(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    args = _args(call, seg, ("security_scheme",))
    if args is None or set(args) != {"security_scheme"}:
        return None
    use_model(ctx, "OpenApiProjectConnectionAuthDetails")
    scheme = call.args[0] if call.args else call.keywords[0].value
    value = args["security_scheme"]
    if isinstance(scheme, ast.Call) and legacy_class(ctx, scheme) == "OpenApiConnectionSecurityScheme":
        value = _connection_scheme(ctx, scheme, seg, node)[0]  # type: ignore[index]
    return f"OpenApiProjectConnectionAuthDetails(security_scheme={value})", "tool"


def _connection_scheme(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    args = _args(call, seg, ("connection_id",))
    if args is None or set(args) != {"connection_id"}:
        return None
    use_model(ctx, "OpenApiProjectConnectionSecurityScheme")
    return f"OpenApiProjectConnectionSecurityScheme(project_connection_id={args['connection_id']})", "tool"


BUILDERS = {
    "CodeInterpreterTool": _code_interpreter,
    "BingGroundingTool": _bing,
    "AzureAISearchTool": _ai_search,
    "OpenApiTool": _openapi,
    "McpTool": _mcp,
    "OpenApiConnectionAuthDetails": _connection_auth,
    "OpenApiConnectionSecurityScheme": _connection_scheme,
}


# -- function tools --------------------------------------------------------------------
