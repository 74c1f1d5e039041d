"""Legacy tool helpers to the azure-ai-projects 2.x tool models, one builder each.

`build_model(ctx, name, call, seg, node)` writes the 2.x model for a legacy
helper call (CodeInterpreterTool, FileSearchTool, BingGroundingTool,
AzureAISearchTool, OpenApiTool, McpTool, ...), resources included; see
`tools.py` for the table of shapes.
"""
from __future__ import annotations

import ast

from ..mapping import new_model, tool_for_class
from ..mapping.tools import OPENAPI_SCHEME_RENAMES, SAME_IN_2X, ToolSpec, legacy_only_keywords
from .context import Context

from .connected_tools import build_connected_tool
from .function_schemas import from_function_definition, function_tools
from .tool_state import LEGACY_MODELS, MODELS, Seg, kw_text, use_model

# Which helper keywords only the 1.x classes take, and which classes keep their name: from the
# one map of changes (helpers.mapping), which the payload rules read too.
LEGACY_ONLY_KEYWORDS = legacy_only_keywords()


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
        return True  # 2.x spells it MCPTool (tool_for_class("McpTool").new_class)
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


def _spec(name: str) -> ToolSpec:
    """The map-of-changes record of a helper this module rebuilds (read at call time, never cached)."""
    return tool_for_class(name)  # type: ignore[return-value]  # every name used here is in the map


def _code_interpreter(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    spec = _spec("CodeInterpreterTool")
    args = _args(call, seg, spec.helper_args)
    if args is None or set(args) - set(spec.helper_args):
        return None
    use_model(ctx, spec.new_class)
    return code_interpreter_text(ctx, args.get("file_ids")), "tool"


def code_interpreter_text(ctx: Context, file_ids: str | None) -> str:
    spec = _spec("CodeInterpreterTool")
    if not file_ids:
        return f"{spec.new_class}()"
    container = spec.settings_classes[0]
    use_model(ctx, container)
    return f"{spec.new_class}({spec.settings}={container}(file_ids={file_ids}))"


def _nested_text(ctx: Context, spec: ToolSpec, args: dict[str, str]) -> str:
    """`Tool(settings=Params(entries=[Entry(renamed keywords...)]))` for Bing and Azure AI Search."""
    for model in (spec.new_class, *spec.settings_classes):
        use_model(ctx, model)
    outer, inner = spec.settings_classes
    entry = kw_text([(spec.rename(k), args.get(k)) for k in spec.helper_args])
    return f"{spec.new_class}({spec.settings}={outer}({spec.entries}=[{inner}({entry})]))"


def _bing(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    spec = _spec("BingGroundingTool")
    args = _args(call, seg, spec.helper_args)
    if args is None or "connection_id" not in args or set(args) - set(spec.helper_args):
        return None
    ctx.note(node, "info", f"{spec.new_class} now takes the project connection in "
             f"{spec.settings_classes[-1]}({spec.rename('connection_id')}=...): check that the value is the id of "
             "the Bing connection of your Foundry project.")
    return _nested_text(ctx, spec, args), "tool"


def _ai_search(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    spec = _spec("AzureAISearchTool")
    args = _args(call, seg, spec.helper_args)
    if args is None or set(args) - set(spec.helper_args):
        return None
    if "query_type" in args:
        args["query_type"] = _enum_value(ctx, args["query_type"])
    return _nested_text(ctx, spec, args), "tool"


def _openapi(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    spec = _spec("OpenApiTool")
    args = _args(call, seg, spec.helper_args)
    if args is None or set(args) - set(spec.helper_args) or not {"name", "spec", "auth"} <= set(args):
        return None
    definition = spec.settings_classes[0]
    use_model(ctx, spec.new_class)
    use_model(ctx, definition)
    inner = kw_text([(spec.rename(k), args.get(k)) for k in ("name", "spec", "auth", "description",
                                                             "default_parameters")])
    return f"{spec.new_class}({spec.settings}={definition}({inner}))", "tool"


def _mcp(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    spec = _spec("McpTool")
    args = _args(call, seg, spec.helper_args)
    if args is None or set(args) - set(spec.helper_args) or "server_label" not in args:
        return None
    use_model(ctx, spec.new_class)
    ctx.note(node, "info", f"{spec.new_class} asks for approval of each tool call unless you set "
             f"require_approval=\"never\"; headers go to {spec.new_class}(headers={{...}}) instead of update_headers().")
    return f"{spec.new_class}({kw_text([(k, args.get(k)) for k in spec.helper_args])})", "tool"


def _connection_auth(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    args = _args(call, seg, ("security_scheme",))
    if args is None or set(args) != {"security_scheme"}:
        return None
    model = new_model("OpenApiConnectionAuthDetails")
    use_model(ctx, model)
    scheme = call.args[0] if call.args else call.keywords[0].value
    value = args["security_scheme"]
    if isinstance(scheme, ast.Call) and legacy_class(ctx, scheme) == "OpenApiConnectionSecurityScheme":
        value = _connection_scheme(ctx, scheme, seg, node)[0]  # type: ignore[index]
    return f"{model}(security_scheme={value})", "tool"


def _connection_scheme(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    (old, fresh), = OPENAPI_SCHEME_RENAMES
    args = _args(call, seg, (old,))
    if args is None or set(args) != {old}:
        return None
    model = new_model("OpenApiConnectionSecurityScheme")
    use_model(ctx, model)
    return f"{model}({fresh}={args[old]})", "tool"


BUILDERS = {
    "CodeInterpreterTool": _code_interpreter,
    "BingGroundingTool": _bing,
    "AzureAISearchTool": _ai_search,
    "OpenApiTool": _openapi,
    "McpTool": _mcp,
    "OpenApiConnectionAuthDetails": _connection_auth,
    "OpenApiConnectionSecurityScheme": _connection_scheme,
    "ConnectedAgentTool": build_connected_tool,
}


# -- function tools --------------------------------------------------------------------
