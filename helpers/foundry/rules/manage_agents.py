"""Rule manage_agents: get, list, update and delete agents by name.

Before:                                   After:
    client.get_agent(agent.id)                client.agents.get(agent_name=agent.name)
    client.list_agents()                      client.agents.list()
    client.update_agent(agent.id, model=m)    previous_definition = client.agents.get(agent_name=agent.name).versions.latest.definition
                                              client.agents.create_version(agent_name=agent.name,
                                                  definition=PromptAgentDefinition(model=m,
                                                  instructions=previous_definition.instructions, ...))
    client.delete_agent(agent.id)             client.agents.delete_version(agent_name=agent.name,
                                                  agent_version=agent.version)
The OpenAI beta `assistants.retrieve/list/update/delete` map the same way.
A look-up by name (`agent.name == "Math Tutor"` in code that lists agents)
compares with the name the agent has in 2.x: names the service rejects become
valid ones (`agent_names.valid_agent_name`), with a note giving the mapping.
Legacy ids (`asst_...`) are not names: where the name is unknown, the id
expression stays and a note asks for the name.
"""
from __future__ import annotations

import ast

from ..agent_definition import name_from_id, ops_text, write_create_version
from ..agent_names import is_valid_agent_name, name_note, valid_agent_name
from ..build import parse_call, rewrite_call
from ..context import Context
from ..leftovers import legacy_code
from ..fragments import Arg
from ..registry import rule

RULE = rule("manage_agents", "get/list/update/delete agent -> agents.get/list/create_version/delete")

OPS = {
    ("agents", "get_agent"): "get",
    ("openai", "assistants.retrieve"): "get",
    ("agents", "list_agents"): "list",
    ("openai", "assistants.list"): "list",
    ("agents", "update_agent"): "update",
    ("openai", "assistants.update"): "update",
    ("agents", "delete_agent"): "delete",
    ("openai", "assistants.delete"): "delete",
}
ID_KEYWORDS = ("agent_id", "assistant_id")


def _id_node(node: ast.Call) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg in ID_KEYWORDS:
            return keyword.value
    return node.args[0] if node.args else None


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None:
        return
    action = OPS.get((target.surface, target.op))
    if action is None or not ctx.claim(node):
        return
    call = parse_call(ctx, node)
    if call is None:
        return
    ctx.note_assumption(target, node)
    ops = ops_text(ctx, target, node)
    # Drop the id argument (keyword or first positional) from what is carried over.
    call.args = [a for a in call.args if a.keyword not in ID_KEYWORDS]
    if node.args and not any(k.arg in ID_KEYWORDS for k in node.keywords):
        call.args = call.args[1:]
    id_node = _id_node(node)
    if action == "list":
        kept = [a for a in call.args if a.keyword in ("limit", "order", "before")]
        for arg in call.args:
            if arg not in kept:
                ctx.note(node, "warning", f"`{arg.code()}` is not an option of agents.list (limit, order, before).")
        rewrite_call(ctx, node, f"{ops}.list", kept, call)
        return
    name = name_from_id(ctx, id_node, node)
    if action == "get":
        rewrite_call(ctx, node, f"{ops}.get", [Arg("agent_name", name)], call)
        ctx.note(node, "info", "agents.get returns the agent with all its versions; "
                 "use agents.get_version(agent_name=..., agent_version=...) for one version.")
    elif action == "delete":
        owner = ctx.role_of(id_node.value) if isinstance(id_node, ast.Attribute) else None
        if owner is not None and owner.kind == "agent" and owner.versioned:
            base = ctx.text(id_node.value)
            args = [Arg("agent_name", name), Arg("agent_version", f"{base}.version")]
            rewrite_call(ctx, node, f"{ops}.delete_version", args, call)
        else:
            rewrite_call(ctx, node, f"{ops}.delete", [Arg("agent_name", name)], call)
            ctx.note(node, "info", "agents.delete removes the agent with all its versions.")
    else:
        previous = _previous_definition(ctx, node, ops, name, target.is_async)
        ctx.note(node, "info", "2.x agent versions are immutable: this creates a new version. The fields "
                 f"the update did not change are copied from the latest version (`{previous}`).")
        write_create_version(ctx, node, target, call, name, inherit=previous)


def _previous_definition(ctx: Context, node: ast.Call, ops: str, name: str, is_async: bool) -> str:
    """Write `previous = ops.get(agent_name=...).versions.latest.definition` before the statement."""
    variable = "previous_definition"
    counter = 1
    while variable in ctx.src.text or variable in ctx.env:
        counter += 1
        variable = f"previous_definition_{counter}"
    lookup = f"{ops}.get(agent_name={name})"
    if is_async:
        lookup = f"(await {lookup})"
    if ctx.statement is not None:
        ctx.insert_before(ctx.statement, [f"{variable} = {lookup}.versions.latest.definition"])
    return variable


@RULE.on(ast.Compare)
def compare_name(node: ast.Compare, ctx: Context) -> None:
    """`a.name == "Math Tutor"` where agents are listed: compare with the valid 2.x name."""
    if len(node.comparators) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        return
    sides = (node.left, node.comparators[0])
    for attribute, literal in (sides, sides[::-1]):
        if not (isinstance(attribute, ast.Attribute) and attribute.attr == "name" and isinstance(literal, ast.Constant)
                and isinstance(literal.value, str) and _lists_agents(ctx) and legacy_code(ctx)):
            continue
        if not ctx.tools.get("by_name_noted"):
            ctx.tools["by_name_noted"] = True
            ctx.note(node, "info", "2.x finds an agent by name directly: agents.get(agent_name=...) (it raises "
                     "azure.core.exceptions.ResourceNotFoundError when there is none), and create_version adds a "
                     "version to an agent that exists, so listing all agents to find one is no longer needed.")
        if not is_valid_agent_name(literal.value) and ctx.claim(literal):
            new = valid_agent_name(literal.value)
            ctx.replace(literal, f'"{new}"')
            ctx.note(literal, "warning", name_note(literal.value, new))
        return


def _lists_agents(ctx: Context) -> bool:
    text = ctx.src.text
    return "list_agents" in text or "assistants.list" in text
