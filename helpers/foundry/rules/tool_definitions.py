"""Rule tool_definitions: legacy tool helpers become azure-ai-projects 2.x tool models.

Before:
    code_interpreter = CodeInterpreterTool(file_ids=[file.id])
    functions = FunctionTool(functions={fetch_weather})
    toolset = ToolSet()
    toolset.add(functions)
After:
    code_interpreter = CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=[file.id]))
    functions = [FunctionTool(name="fetch_weather", parameters={...}, strict=True)]
    toolset = []
    toolset.extend(functions)

The variables keep their names and now hold 2.x models (or lists of them), so
`tools=code_interpreter.definitions` becomes `tools=[code_interpreter]` and
`tool_resources=code_interpreter.resources` goes away (see tools.py, used by
create_agent). A FunctionTool whose functions are not defined in the code
stays as it was, with a note.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..names import dotted
from ..registry import rule
from ..tools import ToolVar, build_model, dispatch_table, legacy_class, state, use_model

VECTOR_STORE_METHODS = {"add_vector_store": "append", "remove_vector_store": "remove"}
RULE = rule("tool_definitions", "CodeInterpreterTool(file_ids=...), FunctionTool(functions=...), ToolSet() -> 2.x tools")


def _placed_for_us(ctx: Context, node: ast.Call) -> bool:
    """A helper assigned to a variable or given to `toolset.add(...)` (or nested in such a helper).

    Helpers inside agent calls are converted by create_agent (tools.py); elsewhere, such as
    `MessageAttachment(tools=FileSearchTool().definitions)`, they stay with the legacy code around them.
    """
    value = getattr(ctx.statement, "value", None)
    if isinstance(value, ast.Await):
        value = value.value
    if not isinstance(value, ast.Call):
        return False
    if value is node or legacy_class(ctx, value) is not None:
        return True
    func = value.func
    return (isinstance(func, ast.Attribute) and func.attr == "add" and _holder(ctx, func.value) is not None
            and state(ctx).variables.get(_holder(ctx, func.value), ToolVar("?")).kind == "toolset"
            and node in value.args)


def _holder(ctx: Context, node: ast.AST) -> str | None:
    """The key a tool is remembered by: a variable's name, or `self.kit` for an attribute."""
    if isinstance(node, ast.Name):
        return node.id
    return ctx.text(node) if isinstance(node, ast.Attribute) and dotted(node) else None


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    holder = _holder(ctx, node.func.value) if isinstance(node.func, ast.Attribute) else None
    var = state(ctx).variables.get(holder) if holder is not None else None
    if var is not None:
        _method(node, ctx, holder, var)
        return
    if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        _note_converted_tools_added_elsewhere(node, ctx)
        return
    name = legacy_class(ctx, node)
    if name is None or not _placed_for_us(ctx, node) or not ctx.claim(node):
        return
    stmt = ctx.statement
    target = None
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is node:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if len(targets) == 1:
            target = _holder(ctx, targets[0])
    functions = None
    if name in ("FunctionTool", "AsyncFunctionTool"):
        given = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "functions"), None)
        functions = dispatch_table(ctx, given, ctx.text) if given is not None else None
    built = build_model(ctx, name, node, ctx.text, node)
    if built is None:
        if name not in ("FunctionTool", "AsyncFunctionTool"):  # function_tools wrote its own note
            ctx.note(node, "warning", f"This {name}(...) could not be converted (unusual arguments); write the "
                     "2.x tool model from azure.ai.projects.models by hand.")
        if target:
            state(ctx).variables[target] = ToolVar("legacy", functions)
        return
    text, kind = built
    if text != ctx.text(node):
        ctx.replace(node, text)
    if target:
        state(ctx).variables[target] = ToolVar(kind, functions)
    if name == "AsyncFunctionTool":
        ctx.note(node, "info", "Your code runs the functions itself now; await the async ones where you call them.")


@RULE.on(ast.Attribute)
def convert_definitions(node: ast.Attribute, ctx: Context) -> None:
    """`x.definitions` outside an agent call (a `MessageAttachment(tools=...)`): a 2.x model is its own definition.

    Agent and run calls rewrite their whole `tools=` argument (tools.py) and are left to their rules.
    """
    if node.attr != "definitions" or ctx.statement is None:
        return
    if any(isinstance(call, ast.Call) and ctx.resolve(call) is not None for call in ast.walk(ctx.statement)):
        return  # an agent or run call: its rule rewrites the tools
    owner = node.value
    if isinstance(owner, ast.Name):
        var = state(ctx).variables.get(owner.id)
        if var is None or var.kind not in ("tool", "tools", "toolset") or not ctx.claim(node):
            return
        ctx.replace(node, f"[{owner.id}]" if var.kind == "tool" else owner.id)
    elif (isinstance(owner, ast.Call) and not owner.args and not owner.keywords
          and legacy_class(ctx, owner) == "CodeInterpreterTool" and ctx.claim(node)):
        use_model(ctx, "CodeInterpreterTool")  # with no arguments the 2.x model is written the same way
        ctx.replace(node, f"[{ctx.text(owner)}]")
    else:
        return
    ctx.note(node, "info", "`.definitions` is gone: a 2.x tool model is its own definition, so the list holds "
             "the tool itself.")


def _note_converted_tools_added_elsewhere(node: ast.Call, ctx: Context) -> None:
    """`toolset.add(functions)` on a toolset this code does not build: `functions` is now a list of 2.x tools."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "add" and len(node.args) == 1
            and isinstance(node.args[0], ast.Name)):
        return
    added = state(ctx).variables.get(node.args[0].id)
    if added is None or added.kind not in ("tool", "tools") or not ctx.claim(node):
        return
    what = "a list of 2.x tools" if added.kind == "tools" else "a 2.x tool model"
    ctx.note(node, "warning", f"`{node.args[0].id}` is now {what}, but `{ctx.text(func.value)}` is not built "
             "here, so this `.add` was left as it is: in 2.x the agent takes a plain list "
             f"(PromptAgentDefinition(tools=[...])); make `{ctx.text(func.value)}` a list and "
             f"{'extend' if added.kind == 'tools' else 'append to'} it.")


def _method(node: ast.Call, ctx: Context, name: str, var: ToolVar) -> None:
    method = node.func.attr  # type: ignore[attr-defined]
    if var.kind == "toolset" and method == "add" and len(node.args) == 1 and not node.keywords:
        if not ctx.claim(node):
            return
        added = node.args[0]
        kind = "tool"
        if isinstance(added, ast.Name) and added.id in state(ctx).variables:
            added_var = state(ctx).variables[added.id]
            kind = "tools" if added_var.kind == "legacy" and added_var.functions else added_var.kind
            var.functions = var.functions or added_var.functions
        elif isinstance(added, ast.Call) and legacy_class(ctx, added) in ("FunctionTool", "AsyncFunctionTool"):
            kind = "tools"
        ctx.replace(node.func, f"{name}.{'extend' if kind in ('tools', 'toolset') else 'append'}")
        if added_var_is_legacy(ctx, added):
            ctx.note(node, "warning", f"`{ctx.text(added)}` is still a legacy tool: convert it to 2.x tool models "
                     "before it goes into the agent definition.")
    elif method in VECTOR_STORE_METHODS and var.kind == "tool" and len(node.args) == 1 and not node.keywords:
        if ctx.claim(node):
            ctx.replace(node.func, f"{name}.vector_store_ids.{VECTOR_STORE_METHODS[method]}")
            ctx.note(node, "info", f"`{method}` became a change to the 2.x FileSearchTool's `vector_store_ids` "
                     "list (a list now, not a set); the agent sees it only in a new agent version.")
    elif method == "add_definition" and var.kind in ("tool", "tools") and _add_openapi_definition(node, ctx, name, var):
        return
    elif method in ("add_definition", "add_functions", "add_file", "add_vector_store", "remove_file",
                    "remove_vector_store", "update_headers", "set_approval_mode", "allow_tool", "disallow_tool") \
            and var.kind != "legacy" and ctx.claim(node):
        ctx.note(node, "warning", f"`{name}.{method}(...)` has no counterpart on the 2.x tool model: set the value "
                 f"in the constructor instead (for example another OpenApiTool for another API, or "
                 "FileSearchTool(vector_store_ids=[...]) with every id).")


def _add_openapi_definition(node: ast.Call, ctx: Context, name: str, var: ToolVar) -> bool:
    """`openapi_tool.add_definition(name=..., spec=..., ...)`: 2.x has one OpenApiTool per API, so the
    variable becomes a list of tools (`x = [x, OpenApiTool(...)]`, later ones appended)."""
    stmt = ctx.statement
    if not (isinstance(stmt, ast.Expr) and stmt.value is node) or not ctx.claim(node):
        return False
    first = name if var.kind == "tool" else f"{name}[0]"
    call, seg = node, ctx.text
    if len(node.args) < 4 and not any(k.arg in ("auth", None) for k in node.keywords):
        # without auth the legacy tool used the auth of its first definition
        default = ast.Name(id="auth")
        call = ast.Call(func=node.func, args=node.args, keywords=[*node.keywords, ast.keyword("auth", default)])
        seg = lambda part: f"{first}.openapi.auth" if part is default else ctx.text(part)  # noqa: E731
    built = build_model(ctx, "OpenApiTool", call, seg, node)
    if built is None:
        ctx.handled.discard(id(node))  # the generic note below applies
        return False
    if var.kind == "tool":
        ctx.replace(stmt, f"{name} = [{name}, {built[0]}]")
    else:
        ctx.replace(node, f"{name}.append({built[0]})")
    var.kind = "tools"
    ctx.note(node, "info", f"2.x has one OpenApiTool per API: `{name}` is now a list of tools; pass it as "
             f"`tools=[*{name}]` (or add its items to the agent's tools).")
    return True


def added_var_is_legacy(ctx: Context, added: ast.AST) -> bool:
    return isinstance(added, ast.Name) and state(ctx).variables.get(added.id, ToolVar("?")).kind == "legacy"
