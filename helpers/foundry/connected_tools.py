"""A legacy `ConnectedAgentTool` read, and the 2.x function tool that stands in for it.

    ConnectedAgentTool(id=helper.id, name="stock-bot", description="Gets stock prices")
    -> FunctionTool(name="stock-bot", description="Gets stock prices",
                    parameters={...one string property, `request`...}, strict=True)

The schema comes from the map of changes (`helpers.mapping.tools.connected_agent_parameters`),
which the JSON payload rule writes too. Only a tool whose agent was created (or fetched) in
the same code is rebuilt: the application has to ask that agent by its 2.x name, and for an
id from elsewhere the name is not known (rules/connected_agents.py notes what to write).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass

from ..mapping.tools import connected_agent_parameters, tool_for_class
from .context import Context
from .fragments import Arg, render_call
from .function_schemas import _literal as python_literal
from .tool_state import Seg, use_model

RULE = "connected_agents"


@dataclass(frozen=True)
class ConnectedAgent:
    function: str  # source of the tool's name (the function the calling agent now calls)
    description: str | None
    id: ast.expr  # the agent id given to the tool
    agent: str | None  # the variable that holds the agent (`helper` in `id=helper.id`); None: not known here


def read(ctx: Context, call: ast.Call, seg: Seg) -> ConnectedAgent | None:
    """The fields of a `ConnectedAgentTool(...)` call, or None when they cannot be read (`*args`, no name)."""
    order = tool_for_class("ConnectedAgentTool").helper_args  # type: ignore[union-attr]
    fields: dict[str, ast.expr] = {}
    for index, value in enumerate(call.args):
        if isinstance(value, ast.Starred) or index >= len(order):
            return None
        fields[order[index]] = value
    for keyword in call.keywords:
        if keyword.arg is None:
            return None
        fields[keyword.arg] = keyword.value
    if set(fields) - set(order) or "id" not in fields or "name" not in fields:
        return None
    given = fields["id"]
    agent = None
    if isinstance(given, ast.Attribute) and given.attr == "id" and isinstance(given.value, ast.Name):
        role = ctx.env.get(given.value.id)
        agent = given.value.id if role is not None and role.kind == "agent" else None
    description = fields.get("description")
    return ConnectedAgent(seg(fields["name"]), seg(description) if description is not None else None, given, agent)


def build_connected_tool(ctx: Context, call: ast.Call, seg: Seg, node: ast.AST) -> tuple[str, str] | None:
    """The tool-model builder (see tool_models.BUILDERS): the stand-in FunctionTool, or None when the
    connected agent is not created in this code (its 2.x name is unknown; the rule notes it)."""
    found = read(ctx, call, seg)
    if found is None or found.agent is None:
        return None
    use_model(ctx, "FunctionTool")
    args = [Arg("name", found.function)]
    if found.description is not None:
        args.append(Arg("description", found.description))
    args += [Arg("parameters", python_literal(connected_agent_parameters())), Arg("strict", "True")]
    # the helper itself keeps its layout; inside an agent's tools (a fragment) it is written on one line
    text = render_call("FunctionTool", args, multiline=False, indent="")
    if call is node and ("\n" in ctx.text(call) or len(text) > 100):
        text = render_call("FunctionTool", args, multiline=True, indent=ctx.indent(call), unit=ctx.unit())
    rule, ctx.rule = ctx.rule, RULE
    ctx.note(node, "warning", f"ConnectedAgentTool became a FunctionTool named `{found.function}`: 2.x prompt agents "
             "have no connected-agent tool, so the service no longer runs the other agent. Your application does: "
             f"when a response calls `{found.function}`, ask `{found.agent}` (responses.create with its "
             "agent_reference, the `request` argument as input) and send its output_text back as the "
             "function_call_output (the loop after the response does this where the run is in this code). "
             "The hosted alternative is a workflow agent (WorkflowAgentDefinition with InvokeAzureAgent).")
    ctx.rule = rule
    return text, "tool"
