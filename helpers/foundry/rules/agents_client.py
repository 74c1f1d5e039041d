"""Rule agents_client: the legacy `AgentsClient` becomes an `AIProjectClient`.

Before:
    client = AgentsClient(endpoint=endpoint, credential=DefaultAzureCredential())
After:
    client = AIProjectClient(endpoint=endpoint, credential=DefaultAzureCredential())

The variable keeps its name; calls made on it gain `.agents` or move to the
OpenAI client (other rules). Annotations follow (`client: AgentsClient` ->
`client: AIProjectClient`), so that code which passes the client around keeps
naming a class that exists.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..names import AGENTS_CLIENT_CLASSES
from ..registry import rule

RULE = rule("agents_client", "AgentsClient(...) -> AIProjectClient(...)")


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    qualified = ctx.imports.qualified(node.func)
    if qualified not in AGENTS_CLIENT_CLASSES:
        if not (isinstance(node.func, ast.Name) and node.func.id == "AgentsClient"
                and "AgentsClient" not in ctx.imports.names):
            return
        qualified = "azure.ai.agents.AgentsClient"
    if not ctx.claim(node):
        return
    is_async = AGENTS_CLIENT_CLASSES[qualified]
    ctx.replace(node.func, "AIProjectClient")
    ctx.require_import("azure.ai.projects.aio" if is_async else "azure.ai.projects", "AIProjectClient")
    known = {"endpoint", "credential"}
    for keyword in node.keywords:
        if keyword.arg not in known:
            ctx.note(node, "info", f"`{keyword.arg or '**'}` is passed on to azure-core as it was; "
                     "check that AIProjectClient still needs it.")


@RULE.on(ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef)
def annotations(node: ast.stmt, ctx: Context) -> None:
    if isinstance(node, ast.AnnAssign):
        found = [node.annotation]
    else:
        args = node.args
        found = [a.annotation for a in [*args.posonlyargs, *args.args, *args.kwonlyargs] if a.annotation]
    for annotation in found:
        text = annotation.value if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str) else None
        name_node = annotation
        if text is not None:
            try:
                name_node = ast.parse(text, mode="eval").body
            except SyntaxError:
                continue
        qualified = ctx.imports.qualified(name_node)
        if qualified not in AGENTS_CLIENT_CLASSES or not ctx.claim(annotation):
            continue
        is_async = AGENTS_CLIENT_CLASSES[qualified]
        ctx.require_import("azure.ai.projects.aio" if is_async else "azure.ai.projects", "AIProjectClient")
        ctx.replace(annotation, '"AIProjectClient"' if text is not None else "AIProjectClient")
