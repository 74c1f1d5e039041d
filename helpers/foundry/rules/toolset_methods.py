"""Rule toolset_methods: ToolSet and FunctionTool methods called on what is now a list of 2.x tools.

Before:
    def add_member(self, fns, toolset: Optional[ToolSet] = None):
        if toolset is None:
            toolset = ToolSet()
        try:
            function_tool = toolset.get_tool(FunctionTool)
            function_tool.add_functions(helper_functions)
        except ValueError:
            toolset.add(FunctionTool(helper_functions))
After:
    def add_member(self, fns, toolset: Optional[ToolSet] = None):
        if toolset is None:
            toolset = []
        try:
            function_tool = [tool for tool in toolset if tool.type == "function"]
            toolset.extend([
                FunctionTool(name="lookup", parameters={...}, strict=True),
            ])
        except ValueError:
            toolset.extend([FunctionTool(name="lookup", parameters={...}, strict=True)])

In 2.x a ToolSet is a plain list and each Python function is one FunctionTool,
so "the FunctionTool of the set" is every function tool in the list, and adding
functions to it adds their FunctionTool schemas to the list the agent gets. A
parameter annotated `ToolSet` is such a list when every ToolSet this code builds
became one (see toolsets.py). `get_tool` of another tool class and the other
methods stay, with a note.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule
from ..tools import ToolVar, function_tools, state
from ..toolsets import is_toolset_annotation, toolsets_are_lists

RULE = rule("toolset_methods", "toolset.get_tool(FunctionTool) / add_functions on a list -> list filter / extend")

FUNCTION_CLASSES = ("FunctionTool", "AsyncFunctionTool")
VIEWS = "function_tool_views"  # name -> the list variable whose function tools it was taken from


def _views(ctx: Context) -> dict[str, str]:
    return ctx.tools.setdefault(VIEWS, {})


@RULE.on(ast.FunctionDef, ast.AsyncFunctionDef)
def learn_parameters(node: ast.FunctionDef | ast.AsyncFunctionDef, ctx: Context) -> None:
    """`toolset: Optional[ToolSet]`: a list like the ToolSets this code builds."""
    args = node.args
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
        if is_toolset_annotation(arg.annotation) and toolsets_are_lists(ctx):
            state(ctx).variables.setdefault(arg.arg, ToolVar("toolset"))


def _class_name(node: ast.AST) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    func = node.func
    if not isinstance(func, ast.Attribute) or len(node.args) != 1 or node.keywords:
        return
    if func.attr == "get_tool" and isinstance(func.value, ast.Name):
        _get_tool(node, ctx, func.value.id)
    elif func.attr == "add_functions":
        _add_functions(node, ctx, func.value)


def _get_tool(node: ast.Call, ctx: Context, owner: str) -> None:
    var = state(ctx).variables.get(owner)
    if var is None or var.kind != "toolset":
        return
    wanted = _class_name(node.args[0])
    if wanted not in FUNCTION_CLASSES:
        if ctx.claim(node):
            ctx.note(node, "warning", f"`{owner}` is a list of 2.x tools now and has no get_tool: pick the tool "
                     f"by its type, for example `next(t for t in {owner} if t.type == \"code_interpreter\")`.")
        return
    if not ctx.claim(node):
        return
    ctx.replace(node, f'[tool for tool in {owner} if tool.type == "function"]')
    stmt = ctx.statement
    if isinstance(stmt, ast.Assign) and stmt.value is node and len(stmt.targets) == 1 \
            and isinstance(stmt.targets[0], ast.Name):
        _views(ctx)[stmt.targets[0].id] = owner
    ctx.note(node, "info", f"2.x has one FunctionTool per function: this is the list of function tools in "
             f"`{owner}`. get_tool raised ValueError when there was none; the list is empty instead.")


def _add_functions(node: ast.Call, ctx: Context, holder: ast.expr) -> None:
    views = _views(ctx)
    if isinstance(holder, ast.Call):  # `toolset.get_tool(FunctionTool).add_functions(...)`
        owner = holder.func.value if isinstance(holder.func, ast.Attribute) else None
        var = state(ctx).variables.get(owner.id) if isinstance(owner, ast.Name) else None
        if not (var is not None and var.kind == "toolset" and holder.func.attr == "get_tool"  # type: ignore[union-attr]
                and len(holder.args) == 1 and _class_name(holder.args[0]) in FUNCTION_CLASSES):
            return
        target = owner.id  # type: ignore[union-attr]
    elif not isinstance(holder, ast.Name):
        return
    elif holder.id in views:
        target = views[holder.id]  # the functions go into the list the function tools were taken from
    elif (var := state(ctx).variables.get(holder.id)) is not None and var.kind == "tools" \
            and var.functions is not None:
        target = holder.id  # `functions = FunctionTool(...)`, now a list of FunctionTool models
    else:
        return
    if not ctx.claim(node):
        return
    ctx.claim(holder)  # a get_tool call inside goes with this one
    schemas = function_tools(ctx, node.args[0], ctx.text, node)
    if schemas is None:
        return  # function_tools said what is missing; the call stays
    ctx.replace(node, f"{target}.extend({schemas})")
    ctx.note(node, "info", f"add_functions became `{target}.extend(...)` with one FunctionTool per added "
             "function, in the list the agent definition gets.")
