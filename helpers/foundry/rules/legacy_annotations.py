"""Rule legacy_annotations: type hints that name legacy models name the 2.x types the values now have.

Before:
    from azure.ai.agents.models import Agent, AgentThread, ThreadRun, ToolSet
    class Member:
        agent: Optional[Agent] = None
        thread: Optional[AgentThread] = None
        def equip(self, toolset: Optional[ToolSet] = None) -> ThreadRun: ...
After:
    from azure.ai.projects.models import AgentVersionDetails
    from openai.types.conversations import Conversation
    from openai.types.responses import Response
    class Member:
        agent: Optional[AgentVersionDetails] = None
        thread: Optional[Conversation] = None
        def equip(self, toolset: Optional[list] = None) -> Response: ...

Only annotations change (parameters, return types, annotated assignments):
the values they describe are what the converted calls return (create_version,
conversations.create, responses.create). `ToolSet` becomes `list` only when
every ToolSet this code builds became a list (see toolsets.py); otherwise it
stays with the error note of legacy_models. String annotations stay.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..leftovers import legacy_qualified
from ..registry import rule
from ..toolsets import TOOLSET_CLASSES, toolsets_are_lists

RULE = rule("legacy_annotations", "Agent / AgentThread / ThreadRun / ToolSet in type hints -> 2.x types")

# legacy model -> (module of the 2.x type, its name)
TYPES = {
    "Agent": ("azure.ai.projects.models", "AgentVersionDetails"),
    "AgentThread": ("openai.types.conversations", "Conversation"),
    "ThreadRun": ("openai.types.responses", "Response"),
}


@RULE.on(ast.FunctionDef, ast.AsyncFunctionDef)
def convert_signature(node: ast.FunctionDef | ast.AsyncFunctionDef, ctx: Context) -> None:
    args = node.args
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
        if arg is not None and arg.annotation is not None:
            _convert(arg.annotation, ctx)
    if node.returns is not None:
        _convert(node.returns, ctx)


@RULE.on(ast.AnnAssign)
def convert_annotated(node: ast.AnnAssign, ctx: Context) -> None:
    _convert(node.annotation, ctx)


def _convert(annotation: ast.expr, ctx: Context) -> None:
    for node in ast.walk(annotation):
        if not isinstance(node, ast.Name):
            continue
        legacy = legacy_qualified(ctx, node)
        if legacy in TYPES:
            module, new = TYPES[legacy]
            bound = ctx.imports.names.get(new)
            if bound is not None and bound != f"{module}.{new}":
                continue  # the 2.x name means something else in this code
            if ctx.claim(node):
                ctx.require_import(module, new)
                ctx.replace(node, new)
        elif legacy in TOOLSET_CLASSES and toolsets_are_lists(ctx) and ctx.claim(node):
            ctx.replace(node, "list")
