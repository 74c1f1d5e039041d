"""Tool definitions: legacy tool helpers and dict tools -> azure-ai-projects 2.x tool models.

Legacy code builds tool helpers (`CodeInterpreterTool(file_ids=[...])`,
`FunctionTool(functions=user_functions)`, `ToolSet()`) and hands the agent
their `.definitions` and `.resources`. In 2.x each tool is one model that
carries its own resources, listed in `PromptAgentDefinition(tools=[...])`:

    CodeInterpreterTool(file_ids=ids)         -> CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=ids))
    FileSearchTool(vector_store_ids=ids)      -> FileSearchTool(vector_store_ids=ids)
    BingGroundingTool(connection_id=c)        -> BingGroundingTool(bing_grounding=BingGroundingSearchToolParameters(
                                                     search_configurations=[BingGroundingSearchConfiguration(project_connection_id=c)]))
    AzureAISearchTool(index_connection_id=c, index_name=n, ...)
                                              -> AzureAISearchTool(azure_ai_search=AzureAISearchToolResource(
                                                     indexes=[AISearchIndexResource(project_connection_id=c, index_name=n, ...)]))
    OpenApiTool(name=, spec=, description=, auth=)
                                              -> OpenApiTool(openapi=OpenApiFunctionDefinition(name=, spec=, auth=, description=))
    McpTool(server_label=, server_url=, allowed_tools=)  -> MCPTool(server_label=, server_url=, allowed_tools=)
    FunctionTool(functions={f, g})            -> [FunctionTool(name="f", parameters={...}, strict=...), ...]
    ToolSet() / toolset.add(t)                -> [] / toolset.append(t)
    {"type": "function", "function": {...}}   -> FunctionTool(name=..., parameters=..., strict=...)

The JSON schema of a Python function is read from its annotations and
docstring (`:param x: ...` lines) with `ast`, never by running it, and only
when the function is defined in the same code; otherwise the tool stays and a
note says what to write. Variables that held legacy tools are remembered in
`state(ctx)` so `x.definitions` / `x.resources` / `toolset=` can follow them.
"""
from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from typing import Callable

from .context import Context
from .fragments import Arg, Call

MODELS = "azure.ai.projects.models"
LEGACY_MODELS = ("azure.ai.agents.models",)
Seg = Callable[[ast.AST], str]


@dataclass
class ToolVar:
    """A variable that held a legacy tool helper.

    kind: "tool" (now one 2.x model), "tools" (now a list of 2.x models),
    "toolset" (now a list), "legacy" (left as it was, with a note).
    functions: source of the Python functions behind a FunctionTool.
    """

    kind: str
    functions: str | None = None


@dataclass
class ToolState:
    variables: dict[str, ToolVar] = field(default_factory=dict)
    retargeted: set[str] = field(default_factory=set)
    auto_functions: str | None = None  # what enable_auto_function_calls was given, as a dispatch table
    local_functions: dict[str, ast.FunctionDef] | None = None


def state(ctx: Context) -> ToolState:
    found = ctx.tools.get("state")
    if found is None:
        found = ctx.tools["state"] = ToolState()
    return found


# -- which calls are legacy tool helpers -------------------------------------------------
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


def use_model(ctx: Context, name: str) -> None:
    """Import a 2.x model, and take the same name off a legacy import so it cannot shadow it."""
    ctx.require_import(MODELS, name)
    tools = state(ctx)
    if name in tools.retargeted:
        return
    tools.retargeted.add(name)
    for stmt in ctx.tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module in LEGACY_MODELS and not stmt.level:
            if any(a.name == name and a.asname is None for a in stmt.names):
                start = ctx.src.line_start(stmt.lineno)
                end = ctx.src.line_end(stmt.end_lineno)
                ctx.edits.replace(start, end, lambda old, name=name: _drop_alias(old, name))


def _drop_alias(text: str, name: str) -> str:
    import libcst as cst

    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return text
    line = module.body[0]
    small = line.body[0] if isinstance(line, cst.SimpleStatementLine) else None
    if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
        return text
    kept = [a for a in small.names if not (isinstance(a.name, cst.Name) and a.name.value == name and a.asname is None)]
    if not kept:
        return ""
    fixed = []
    for index, alias in enumerate(kept):
        if index == len(kept) - 1 and small.lpar is None:
            alias = alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif index < len(kept) - 1 and alias.comma is cst.MaybeSentinel.DEFAULT:
            alias = alias.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        fixed.append(alias)
    return module.with_changes(body=[line.with_changes(body=[small.with_changes(names=fixed)])]).code


# -- building 2.x models ------------------------------------------------------------------
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


def _kw(pairs: list[tuple[str, str | None]]) -> str:
    return ", ".join(f"{k}={v}" for k, v in pairs if v is not None)


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
        built = _from_function_definition(ctx, function, seg) if function is not None else None
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
    config = _kw([("project_connection_id", args["connection_id"])] + [(k, args.get(k)) for k in order[1:]])
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
    index = _kw([("project_connection_id", args.get("index_connection_id"))] + [(k, args.get(k)) for k in order[1:]])
    return ("AzureAISearchTool(azure_ai_search=AzureAISearchToolResource("
            f"indexes=[AISearchIndexResource({index})]))"), "tool"


def _openapi(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    order = ("name", "description", "spec", "auth", "default_parameters")
    args = _args(call, seg, order)
    if args is None or set(args) - set(order) or not {"name", "spec", "auth"} <= set(args):
        return None
    use_model(ctx, "OpenApiTool")
    use_model(ctx, "OpenApiFunctionDefinition")
    inner = _kw([("name", args["name"]), ("spec", args["spec"]), ("auth", args["auth"]),
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
    return f"MCPTool({_kw([(k, args.get(k)) for k in order])})", "tool"


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
SIMPLE_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array",
                "dict": "object", "List": "array", "Dict": "object", "None": "null"}


def _local_functions(ctx: Context) -> dict[str, ast.FunctionDef]:
    tools = state(ctx)
    if tools.local_functions is None:
        tools.local_functions = {n.name: n for n in ctx.tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}  # type: ignore[misc]
    return tools.local_functions


def _function_names(ctx: Context, functions: ast.AST) -> list[str] | None:
    """Names in `{f, g}` / `[f, g]`, directly or through a module-level variable."""
    if isinstance(functions, ast.Name):
        name, found = functions.id, None
        for stmt in ctx.tree.body:  # the last module-level assignment wins
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
                found = stmt.value
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
                found = stmt.value
        if found is None:
            return None
        functions = found
    if isinstance(functions, ast.Call) and isinstance(functions.func, ast.Name) and functions.func.id in ("set", "list") \
            and len(functions.args) == 1:
        functions = functions.args[0]
    if not isinstance(functions, (ast.Set, ast.List, ast.Tuple)):
        return None
    if not all(isinstance(e, ast.Name) for e in functions.elts):
        return None
    return [e.id for e in functions.elts]  # type: ignore[attr-defined]


def dispatch_table(ctx: Context, functions: ast.AST, seg: Seg) -> str:
    """Source of a `{name: function}` dict for the functions a FunctionTool was given."""
    names = _function_names(ctx, functions) if not isinstance(functions, ast.Name) else None
    if names:
        return "{" + ", ".join(f'"{n}": {n}' for n in names) + "}"
    return f"{{f.__name__: f for f in {seg(functions)}}}"


def function_tools(ctx: Context, functions: ast.AST, seg: Seg, node: ast.AST) -> str | None:
    """`[FunctionTool(...), ...]` for functions defined in this code; None (noted) otherwise."""
    names = _function_names(ctx, functions)
    local = _local_functions(ctx)
    missing = [n for n in names or () if n not in local]
    if not names or missing:
        what = ", ".join(f"`{m}`" for m in missing) if missing else f"`{seg(functions)}`"
        ctx.note(node, "warning", f"The functions of this FunctionTool ({what}) are not defined in this code, "
                 "so their JSON schemas cannot be written for you: 2.x takes one "
                 "FunctionTool(name=..., description=..., parameters={JSON schema}, strict=...) per function "
                 "in PromptAgentDefinition(tools=[...]). This line was left as it was.")
        return None
    use_model(ctx, "FunctionTool")
    indent = ctx.indent(node) if hasattr(node, "lineno") else ""
    inner = indent + ctx.unit()
    nl = ctx.src.newline()
    return f"[{nl}" + "".join(f"{inner}{_function_tool(local[n])},{nl}" for n in names) + f"{indent}]"


def _function_tool(func: ast.FunctionDef) -> str:
    docstring = ast.get_docstring(func) or ""
    description = docstring.split("\n", 1)[0].strip()
    param_docs = {}
    for line in docstring.splitlines():
        text = line.strip()
        if text.startswith(":param "):
            head, _, desc = text[len(":param "):].partition(":")
            param_docs[head.split()[-1] if head.split() else head] = desc.strip()
    positional = func.args.posonlyargs + func.args.args
    defaults = [None] * (len(positional) - len(func.args.defaults)) + list(func.args.defaults)
    params = list(zip(positional, defaults)) + list(zip(func.args.kwonlyargs, func.args.kw_defaults))
    properties, required, strict = {}, [], True
    for arg, default in params:
        if arg.arg in ("self", "cls"):
            continue
        schema, optional = _schema(arg.annotation)
        if param_docs.get(arg.arg):
            schema["description"] = param_docs[arg.arg]
        properties[arg.arg] = schema
        if default is None and not optional:
            required.append(arg.arg)
        else:
            strict = False  # strict mode needs every property required
        if "object" in json.dumps(schema) or "oneOf" in schema:
            strict = False  # free-form objects and unions are not allowed in strict mode
    parameters: dict = {"type": "object", "properties": properties, "required": required}
    if strict:
        parameters["additionalProperties"] = False
    parts = [f"name={json.dumps(func.name)}"]
    if description:
        parts.append(f"description={json.dumps(description)}")
    parts += [f"parameters={_literal(parameters)}", f"strict={strict}"]
    return f"FunctionTool({', '.join(parts)})"


def _schema(annotation: ast.expr | None) -> tuple[dict, bool]:
    """JSON schema of an annotation (as the legacy FunctionTool mapped it), and whether it is optional."""
    if annotation is None:
        return {"type": "string"}, False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return {"type": "string"}, False
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return {"type": "null"}, False
    if isinstance(annotation, (ast.Name, ast.Attribute)):
        name = annotation.id if isinstance(annotation, ast.Name) else annotation.attr
        return {"type": SIMPLE_TYPES.get(name, "string")}, False
    members: list[ast.expr] | None = None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        members = _union_members(annotation)
    elif isinstance(annotation, ast.Subscript):
        head = annotation.value.id if isinstance(annotation.value, ast.Name) else getattr(annotation.value, "attr", "")
        inner = annotation.slice
        if head in ("list", "List", "Sequence"):
            return {"type": "array", "items": _schema(inner)[0]}, False
        if head in ("dict", "Dict", "Mapping"):
            return {"type": "object"}, False
        if head == "Optional":
            members = [inner, ast.Constant(None)]
        elif head == "Union":
            members = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
    if members is None:
        return {"type": "string"}, False
    non_none = [m for m in members if not (isinstance(m, ast.Constant) and m.value is None)]
    if len(non_none) < len(members) and len(non_none) == 1:
        schema = _schema(non_none[0])[0]
        if isinstance(schema.get("type"), str):
            schema["type"] = [schema["type"], "null"]
        return schema, True
    return {"oneOf": [_schema(m)[0] for m in members]}, len(non_none) < len(members)


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_members(node.left) + _union_members(node.right)
    return [node]


def _literal(value) -> str:
    """A Python literal for JSON-like data (True/False/None, double-quoted strings)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return repr(value)
    return json.dumps(value)


def _from_function_definition(ctx: Context, function: ast.AST, seg: Seg) -> str | None:
    """`FunctionDefinition(name=, description=, parameters=)` or the same as a dict -> FunctionTool(...)."""
    fields: dict[str, ast.AST] = {}
    if isinstance(function, ast.Call) and all(k.arg for k in function.keywords) and not function.args:
        fields = {k.arg: k.value for k in function.keywords}  # type: ignore[misc]
    elif isinstance(function, ast.Dict) and all(isinstance(k, ast.Constant) for k in function.keys):
        fields = {k.value: v for k, v in zip(function.keys, function.values)}  # type: ignore[union-attr]
    else:
        return None
    if "name" not in fields or set(fields) - {"name", "description", "parameters", "strict"}:
        return None
    use_model(ctx, "FunctionTool")
    parameters = seg(fields["parameters"]) if "parameters" in fields else '{"type": "object", "properties": {}}'
    strict = seg(fields["strict"]) if "strict" in fields else "False"
    parts = [("name", seg(fields["name"])), ("description", seg(fields["description"]) if "description" in fields else None),
             ("parameters", parameters), ("strict", strict)]
    return f"FunctionTool({_kw(parts)})"


# -- the tools= value of an agent definition -------------------------------------------
@dataclass
class Resources:
    """Resources given next to the tools (`tool_resources=`), as source text."""

    code_interpreter_files: str | None = None
    vector_store_ids: str | None = None


def convert_tools(ctx: Context, node: ast.AST, text: str, resources: Resources | None = None) -> str:
    """The 2.x value for the source `text` of a legacy `tools=` argument."""
    try:
        value = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return text
    seg: Seg = lambda n: ast.get_source_segment(text.strip(), n) or ""  # noqa: E731
    resources = resources or Resources()
    tools = state(ctx)
    if isinstance(value, ast.Name) and tools.variables.get(value.id, ToolVar("?")).kind in ("tools", "toolset"):
        return text
    items = _items(ctx, node, value, seg, resources)
    if items is not None:
        if len(items) == 1 and items[0].startswith("*"):
            return items[0][1:]
        return "[" + ", ".join(items) + "]"
    ctx.note(node, "warning", "Check the tools: 2.x takes tool models from azure.ai.projects.models "
             "(CodeInterpreterTool(), FileSearchTool(vector_store_ids=[...]), FunctionTool(...)).")
    return text


def _items(ctx: Context, node: ast.AST, value: ast.AST, seg: Seg, resources: Resources) -> list[str] | None:
    """The 2.x list elements for a tools expression, or None if any part is unknown."""
    tools = state(ctx)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        left = _items(ctx, node, value.left, seg, resources)
        right = _items(ctx, node, value.right, seg, resources)
        return left + right if left is not None and right is not None else None
    if isinstance(value, ast.Attribute) and value.attr == "definitions" and isinstance(value.value, ast.Name):
        var = tools.variables.get(value.value.id)
        if var is None or var.kind == "legacy":
            return None
        return [value.value.id] if var.kind == "tool" else [f"*{value.value.id}"]
    if isinstance(value, ast.Attribute) and value.attr == "definitions" and isinstance(value.value, ast.Call):
        name = legacy_class(ctx, value.value)
        built = build_model(ctx, name, value.value, seg, node) if name else None
        if built is None:
            return None
        return [built[0]] if built[1] == "tool" else [f"*{built[0]}"]
    if isinstance(value, ast.Name):
        var = tools.variables.get(value.id)
        if var is not None and var.kind != "legacy":
            return [value.id] if var.kind == "tool" else [f"*{value.id}"]
        return None
    if isinstance(value, ast.List):
        items: list[str] = []
        for element in value.elts:
            one = _item(ctx, node, element, seg, resources)
            if one is None:
                return None
            items.append(one)
        return items
    return None


def _item(ctx: Context, node: ast.AST, element: ast.expr, seg: Seg, resources: Resources) -> str | None:
    if isinstance(element, ast.Starred):
        inner = _items(ctx, node, element.value, seg, resources)
        return ", ".join(inner) if inner else None
    if isinstance(element, ast.Subscript) and isinstance(element.value, ast.Attribute) \
            and element.value.attr == "definitions":
        inner = _items(ctx, node, element.value, seg, resources)  # x.definitions[0] of a one-tool helper
        return inner[0] if inner and len(inner) == 1 and not inner[0].startswith("*") else None
    if isinstance(element, ast.Dict):
        return _dict_tool(ctx, node, element, seg, resources)
    if isinstance(element, ast.Call):
        name = legacy_class(ctx, element)
        if name == "FunctionToolDefinition" or name in BUILDERS or name in SAME_IN_2X:
            built = build_model(ctx, name, element, seg, node)
            return built[0] if built is not None and built[1] == "tool" else None
        qualified = ctx.imports.qualified(element.func)
        if qualified and qualified.startswith(MODELS + "."):
            return seg(element)  # already a 2.x model
        if isinstance(element.func, ast.Name) and element.func.id.endswith("ToolDefinition"):
            return _definition_model(ctx, element, seg, resources)
        return None
    if isinstance(element, ast.Name):
        var = state(ctx).variables.get(element.id)
        if var is not None and var.kind != "legacy":
            return element.id if var.kind == "tool" else f"*{element.id}"
    return None


def _definition_model(ctx: Context, call: ast.Call, seg: Seg, resources: Resources) -> str | None:
    """CodeInterpreterToolDefinition() / FileSearchToolDefinition() (legacy definition models)."""
    name = call.func.id  # type: ignore[attr-defined]
    if call.args or call.keywords:
        return None
    if name == "CodeInterpreterToolDefinition":
        use_model(ctx, "CodeInterpreterTool")
        return code_interpreter_text(ctx, resources.code_interpreter_files)
    if name == "FileSearchToolDefinition":
        use_model(ctx, "FileSearchTool")
        return f"FileSearchTool(vector_store_ids={resources.vector_store_ids or '[]'})"
    return None


def _dict_tool(ctx: Context, node: ast.AST, element: ast.Dict, seg: Seg, resources: Resources) -> str | None:
    if not all(isinstance(k, ast.Constant) for k in element.keys):
        return None
    fields = {k.value: v for k, v in zip(element.keys, element.values)}  # type: ignore[union-attr]
    kind = fields.get("type")
    kind = kind.value if isinstance(kind, ast.Constant) else None
    if kind == "code_interpreter" and set(fields) == {"type"}:
        use_model(ctx, "CodeInterpreterTool")
        return code_interpreter_text(ctx, resources.code_interpreter_files)
    if kind == "file_search" and set(fields) <= {"type", "file_search"}:
        options = fields.get("file_search")
        extra = ""
        if isinstance(options, ast.Dict) and all(isinstance(k, ast.Constant) for k in options.keys):
            named = {k.value: v for k, v in zip(options.keys, options.values)}  # type: ignore[union-attr]
            if set(named) - {"max_num_results"}:
                return None
            if "max_num_results" in named:
                extra = f", max_num_results={seg(named['max_num_results'])}"
        elif options is not None:
            return None
        use_model(ctx, "FileSearchTool")
        if resources.vector_store_ids is None:
            ctx.note(node, "warning", "FileSearchTool needs the ids of the vector stores to search: fill in "
                     "vector_store_ids=[...] (they used to come from tool_resources or the thread).")
        return f"FileSearchTool(vector_store_ids={resources.vector_store_ids or '[]'}{extra})"
    if kind == "function" and set(fields) == {"type", "function"}:
        return _from_function_definition(ctx, fields["function"], seg)
    return None


def resources_from(ctx: Context, value: ast.AST | None, seg: Seg) -> Resources | None:
    """`{"code_interpreter": {"file_ids": [...]}, "file_search": {"vector_store_ids": [...]}}` or the
    same as `ToolResources(code_interpreter=CodeInterpreterToolResource(file_ids=...), ...)`; None if other."""
    found = Resources()

    def fields(node: ast.AST) -> dict[str, ast.AST] | None:
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
            return {k.value: v for k, v in zip(node.keys, node.values)}  # type: ignore[union-attr]
        if isinstance(node, ast.Call) and not node.args and all(k.arg for k in node.keywords):
            return {k.arg: k.value for k in node.keywords}  # type: ignore[misc]
        return None

    outer = fields(value) if value is not None else None
    if outer is None or set(outer) - {"code_interpreter", "file_search"}:
        return None
    for key, inner_node in outer.items():
        inner = fields(inner_node)
        wanted = "file_ids" if key == "code_interpreter" else "vector_store_ids"
        if inner is None or set(inner) != {wanted}:
            return None
        if key == "code_interpreter":
            found.code_interpreter_files = seg(inner[wanted])
        else:
            found.vector_store_ids = seg(inner[wanted])
    return found


def fold_tool_arguments(ctx: Context, node: ast.Call, call: Call) -> None:
    """Turn `tools=`, `toolset=` and `tool_resources=` of an agent into one 2.x `tools=` argument.

    What cannot be folded stays in `call` for the caller to keep as a comment."""
    tools_arg, toolset_arg = call.keyword("tools"), call.keyword("toolset")
    resources_arg = call.keyword("tool_resources")
    keyword_nodes = {k.arg: k.value for k in node.keywords}
    variables = state(ctx).variables
    resources = None
    if resources_arg is not None:
        value = keyword_nodes.get("tool_resources")
        if isinstance(value, ast.Attribute) and value.attr == "resources" and isinstance(value.value, ast.Name) \
                and variables.get(value.value.id, ToolVar("legacy")).kind != "legacy":
            call.args.remove(resources_arg)
            ctx.note(node, "info", f"`{value.value.id}.resources` is not needed: 2.x tools carry their own "
                     "resources (file ids, vector store ids, connections).")
        else:
            resources = resources_from(ctx, value, ctx.text)
            if resources is not None:
                call.args.remove(resources_arg)
                ctx.note(node, "info", "tool_resources moved onto the tools (code interpreter file ids into "
                         "its container, vector store ids into FileSearchTool).")
    if toolset_arg is not None and tools_arg is None:
        value = keyword_nodes.get("toolset")
        if isinstance(value, ast.Name) and variables.get(value.id, ToolVar("legacy")).kind != "legacy":
            index = call.args.index(toolset_arg)
            call.args[index] = Arg("tools", convert_tools(ctx, node, value.id), toolset_arg.comments)
            return
    if tools_arg is not None:
        index = call.args.index(tools_arg)
        call.args[index] = Arg("tools", convert_tools(ctx, node, tools_arg.value, resources), tools_arg.comments,
                               multiline_string=tools_arg.multiline_string)
