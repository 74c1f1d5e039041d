"""The Python functions this code gives its agents, for the loop that now runs them.

A legacy `create_and_process` ran the functions the client was told about
(`enable_auto_function_calls`, often called in another module, or in early
1.x the agent's own ToolSet). Code that creates agents with tools and builds
FunctionTools from its own functions meant those functions to be run; the
names found here are what the function-call loop after each response can call.
Functions handed in from elsewhere (a `toolset` parameter) are not known here.
"""
from __future__ import annotations

import ast

from .function_schemas import _function_names, _local_functions
from .tool_models import legacy_class

CACHE = "functions_given_to_agents"
FUNCTION_CLASSES = ("FunctionTool", "AsyncFunctionTool")
AGENT_CALLS = ("create_agent", "update_agent")


def functions_given_to_agents(ctx) -> list[str]:
    """Names of the functions behind this code's FunctionTools, when it creates agents with tools."""
    found = ctx.tools.get(CACHE)
    if found is None:
        found = ctx.tools[CACHE] = _find(ctx)
    return found


def _find(ctx) -> list[str]:
    if "FunctionTool(" not in ctx.src.text or not any(word in ctx.src.text for word in AGENT_CALLS):
        return []
    calls = [n for n in ast.walk(ctx.tree) if isinstance(n, ast.Call)]
    if not any(isinstance(c.func, ast.Attribute) and c.func.attr in AGENT_CALLS
               and any(k.arg in ("tools", "toolset") for k in c.keywords) for c in calls):
        return []
    defined = set(_local_functions(ctx)) | set(ctx.imports.names)
    names: list[str] = []
    for call in calls:
        if legacy_class(ctx, call) not in FUNCTION_CLASSES:
            continue
        given = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "functions"), None)
        for name in (_function_names(ctx, given) or []) if given is not None else []:
            if name in defined and name not in names:
                names.append(name)
    return names
