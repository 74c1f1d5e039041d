"""Rule legacy_handoff: converted clients and tools handed to another module that is still legacy.

Before:
    from utils.agent_team import AgentTeam          # utils/agent_team.py imports azure.ai.agents
    agents_client = AgentsClient(endpoint=e, credential=c)
    team = AgentTeam("team", agents_client=agents_client)
After:
    from utils.agent_team import AgentTeam
    agents_client = AIProjectClient(endpoint=e, credential=c)
    team = AgentTeam("team", agents_client=agents_client)   # warning: convert utils/agent_team.py too

The code is not changed: the other module calls legacy methods on what it is
given (`create_agent`, `ToolSet.get_tool`), so this file runs only once that
module is converted as well. Folder mode converts both in one run, so there the
note is only an info that the two conversions belong together. The other module is
read only when its source is available (`modules=`, folder mode); objects made
by its callables (`team` above) carry the warning to their method calls.
"""
from __future__ import annotations

import ast

from .. import sibling_modules
from ..context import Context
from ..registry import rule
from ..tool_state import ToolVar, state

RULE = rule("legacy_handoff", "2.x clients and tools passed to a module still on azure-ai-agents -> a note")

CLIENT_KINDS = {"agents_client", "project", "openai"}


@RULE.on(ast.Call)
def note_handoff(node: ast.Call, ctx: Context) -> None:
    if not sibling_modules.given():
        return
    origin = _legacy_origin(ctx, node.func)
    if origin is None:
        return
    stmt = ctx.statement
    if isinstance(node.func, ast.Name) and isinstance(stmt, ast.Assign) and stmt.value is node:
        for target in stmt.targets:  # an object the legacy module made: its methods are legacy too
            if isinstance(target, ast.Name):
                ctx.tools.setdefault("legacy_objects", {})[target.id] = origin
    values = [*node.args, *(k.value for k in node.keywords)]
    handed = next((v for v in values if _converted(ctx, v)), None)
    if handed is None or not ctx.claim(node):
        return
    if sibling_modules.converted_together():
        ctx.note(node, "info", f"`{ctx.text(node.func)}` comes from {origin}, which uses the legacy "
                 f"azure-ai-agents API and is converted in this same run; it is now given `{ctx.text(handed)}` in "
                 "its 2.x form, so the two files fit together once both conversions are written (read that "
                 "module's notes too).")
        return
    ctx.note(node, "warning", f"`{ctx.text(node.func)}` comes from {origin}, which still uses the legacy "
             f"azure-ai-agents API, and is now given `{ctx.text(handed)}` in its 2.x form (a 2.x client or a "
             "list of 2.x tools). Convert that module as well (convert the folder: both files change) before "
             "running this one.")


def _legacy_origin(ctx: Context, func: ast.expr) -> str | None:
    """The module (dotted) a callable comes from when that module imports azure.ai.agents, else None."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return ctx.tools.get("legacy_objects", {}).get(func.value.id)
    if not isinstance(func, ast.Name):
        return None
    module = next((stmt.module for stmt in ctx.tree.body if isinstance(stmt, ast.ImportFrom) and stmt.module
                   and not stmt.level and any((a.asname or a.name) == func.id for a in stmt.names)), None)
    if module is None or module.startswith(("azure.", "openai")):
        return None
    cache = ctx.tools.setdefault("legacy_modules", {})
    if module not in cache:
        tree = sibling_modules.module_tree(module)
        cache[module] = tree is not None and any(
            isinstance(stmt, ast.ImportFrom) and (stmt.module or "").startswith("azure.ai.agents")
            or isinstance(stmt, ast.Import) and any(a.name.startswith("azure.ai.agents") for a in stmt.names)
            for stmt in ast.walk(tree))
    return module if cache[module] else None


def _converted(ctx: Context, value: ast.expr) -> bool:
    if not isinstance(value, ast.Name):
        return False
    role = ctx.role_of(value)
    if role is not None and role.kind in CLIENT_KINDS:
        return True
    return state(ctx).variables.get(value.id, ToolVar("legacy")).kind != "legacy"
