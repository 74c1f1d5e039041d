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
    ConnectedAgentTool(id=a.id, name=n, description=d)
                                              -> FunctionTool(name=n, description=d, parameters={one string
                                                     property, "request"}, strict=True), answered by asking `a`
                                                     (rules/connected_agents.py writes the loop)
    ToolSet() / toolset.add(t)                -> [] / toolset.append(t)
    {"type": "function", "function": {...}}   -> FunctionTool(name=..., parameters=..., strict=...)

The names and keyword renames in this table come from `helpers.mapping` (the one
map of changes, which the JSON payload rules read too).

The JSON schema of a Python function is read from its annotations and
docstring (`:param x: ...` lines) with `ast`, never by running it, and only
when the function is defined in the same code; otherwise the tool stays and a
note says what to write. Variables that held legacy tools are remembered in
`state(ctx)` so `x.definitions` / `x.resources` / `toolset=` can follow them.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass

from .context import Context
from .fragments import Arg, Call
from .function_schemas import from_function_definition, dispatch_table, function_tools
from .tool_models import BUILDERS, SAME_IN_2X, build_model, code_interpreter_text, legacy_class
from .tool_state import MODELS, Seg, ToolState, ToolVar, state, use_model
from .toolsets import toolsets_are_lists

__all__ = ["ToolState", "ToolVar", "build_model", "dispatch_table", "fold_tool_arguments", "legacy_class",
           "convert_tools", "resources_from", "state", "use_model", "function_tools"]


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
        return from_function_definition(ctx, fields["function"], seg)
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


def _legacy_variable(value: ast.AST | None, variables: dict[str, ToolVar]) -> bool:
    return isinstance(value, ast.Name) and variables.get(value.id, ToolVar("?")).kind == "legacy"


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
    if toolset_arg is not None and tools_arg is None:
        value = keyword_nodes.get("toolset")
        if isinstance(value, ast.Name) and variables.get(value.id, ToolVar("legacy")).kind != "legacy":
            index = call.args.index(toolset_arg)
            call.args[index] = Arg("tools", convert_tools(ctx, node, value.id), toolset_arg.comments)
            return
        if not _legacy_variable(value, variables) and toolsets_are_lists(ctx):
            call.args[call.args.index(toolset_arg)] = Arg("tools", toolset_arg.value, toolset_arg.comments)
            ctx.note(node, "info", f"`toolset={toolset_arg.value}` became `tools=`: every ToolSet this code "
                     "builds is now a list of 2.x tools.")
            return
    if tools_arg is not None:
        index = call.args.index(tools_arg)
        converted = convert_tools(ctx, node, tools_arg.value, resources)
        call.args[index] = Arg("tools", converted, tools_arg.comments, multiline_string=tools_arg.multiline_string)
        if resources is not None and _all_carried(resources, converted):
            call.args.remove(resources_arg)
            ctx.note(node, "info", "tool_resources moved onto the tools (code interpreter file ids into "
                     "its container, vector store ids into FileSearchTool).")
    # Resources no converted tool carries stay in `call`: the caller keeps them as a TODO comment.


def _all_carried(resources: Resources, tools_text: str) -> bool:
    """Whether every resource value appears in the converted tools (a tool that uses it)."""
    values = (resources.code_interpreter_files, resources.vector_store_ids)
    return all(value is None or value in tools_text for value in values)
