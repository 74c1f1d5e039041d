"""Rule create_agent: agents and assistants are created as versions of a named agent.

Before:
    agent = client.create_agent(model="gpt-4.1", name="math-tutor", instructions="Explain.")
    assistant = client.beta.assistants.create(model="gpt-4.1", name="math-tutor", instructions="Explain.")
After:
    agent = client.agents.create_version(
        agent_name="math-tutor",
        definition=PromptAgentDefinition(model="gpt-4.1", instructions="Explain."),
    )

`model`, `instructions`, `tools`, `temperature` and `top_p` move into the
definition; `description` and `metadata` stay on create_version; anything else
is kept as a comment above the call and noted. A name the 2.x service rejects
becomes a valid one (agent_names), in the call or where its variable is assigned.
"""
from __future__ import annotations

import ast

from ..agent_definition import write_create_version
from ..agent_names import is_valid_agent_name, name_note, valid_agent_name
from ..build import open_call
from ..context import Context, keyword
from ..fragments import Arg
from ..registry import rule

RULE = rule("create_agent", "create_agent / beta.assistants.create -> agents.create_version")


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None or (target.surface, target.op) not in (("agents", "create_agent"), ("openai", "assistants.create")):
        return
    call = open_call(ctx, node, target)
    if call is None:
        return
    name = call.keyword("name")
    if name is None:
        ctx.note(node, "warning", "2.x agents are identified by name and this call gave none: "
                 "replace \"my-agent\" with a real name.")
        name_value = '"my-agent"'
    else:
        name_value = _valid_name(ctx, node, name)
    write_create_version(ctx, node, target, call, name_value)


def _valid_name(ctx: Context, node: ast.Call, name: Arg) -> Arg:
    """A string name the 2.x service rejects ("stock_price_bot") becomes a valid one, with the mapping noted.

    The string may be written in the call or in the one assignment of the variable given as name (that
    variable also names the agent elsewhere, so the assignment is what changes)."""
    given = keyword(node, "name")
    literal = given
    if isinstance(given, ast.Name):
        assigned = [stmt.value for stmt in ast.walk(ctx.tree) if isinstance(stmt, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == given.id for t in stmt.targets)]
        literal = assigned[0] if len(assigned) == 1 else None
    if not (isinstance(literal, ast.Constant) and isinstance(literal.value, str)) \
            or is_valid_agent_name(literal.value):
        return name
    new = valid_agent_name(literal.value)
    ctx.note(node, "warning", name_note(literal.value, new))
    if literal is given:
        return Arg(name.keyword, f'"{new}"', name.comments)
    if ctx.claim(literal):
        ctx.replace(literal, f'"{new}"')
    return name
