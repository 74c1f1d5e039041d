"""Attributes that hold agents, whatever object carries them.

    member.agent_instance = client.create_agent(model=m, name=n)      # in one method
    ...
    agent = self.find_member(name)                                     # in another
    client.runs.create_and_process(thread_id=t, agent_id=agent.agent_instance.id)

`agent.agent_instance` is the agent created above even though `agent` is
another name for the member: an attribute that this code only ever sets to an
agent (or to None) holds an agent wherever it is read, as a local variable
bound to create_agent does. Its readers then write `.name` (and `.version`)
where the legacy code passed `.id`.
"""
from __future__ import annotations

import ast
from dataclasses import replace

from .names import Role

CACHE = "agent_attributes"
# Words without which no statement of the code can create or fetch an agent.
CREATING = ("create_agent", "update_agent", "get_agent", "assistants.", "create_version", "get_version")


def agent_attribute_role(ctx, node: ast.Attribute) -> Role | None:
    """The agent role of `<anything>.attr` when this code sets `attr` only to agents (or None)."""
    found = ctx.tools.get(CACHE)
    if found is None:
        ctx.tools[CACHE] = {}  # asked again while finding (a value's base is an attribute): nothing yet
        found = ctx.tools[CACHE] = _find(ctx)
    return found.get(node.attr)


def _find(ctx) -> dict[str, Role]:
    if not any(word in ctx.src.text for word in CREATING):
        return {}
    roles: dict[str, Role | None] = {}
    for stmt in _statements(ctx.tree):
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        elif isinstance(stmt, (ast.AugAssign, ast.For, ast.AsyncFor, ast.withitem)):
            target = stmt.optional_vars if isinstance(stmt, ast.withitem) else stmt.target
            if isinstance(target, ast.Attribute):
                roles[target.attr] = None  # set some other way: not known to be an agent
            continue
        else:
            continue
        for target in targets:
            if not isinstance(target, ast.Attribute):
                continue
            if isinstance(value, ast.Constant) and value.value is None:
                continue  # "no agent yet" does not change what the attribute holds
            role = ctx.role_of(value)
            if role is None or role.kind != "agent":
                roles[target.attr] = None
            elif target.attr not in roles:
                roles[target.attr] = role
            elif roles[target.attr] is not None:
                known = roles[target.attr]
                roles[target.attr] = replace(known, versioned=known.versioned and role.versioned)
    return {name: role for name, role in roles.items() if role is not None}


def _statements(tree: ast.Module):
    """Every statement (and `with` item) of the module, nested ones included: where attributes are
    set. Walking statements only, not every expression node, keeps this cheap while typing."""
    todo: list[ast.AST] = list(tree.body)
    while todo:
        stmt = todo.pop()
        yield stmt
        for field_name in ("body", "orelse", "finalbody"):
            todo.extend(getattr(stmt, field_name, None) or ())
        for handler in getattr(stmt, "handlers", None) or ():
            todo.extend(handler.body)
        for case in getattr(stmt, "cases", None) or ():
            todo.extend(case.body)
        todo.extend(getattr(stmt, "items", None) or ())  # `with x as self.attr`
