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
is kept as a comment above the call and noted.
"""
from __future__ import annotations

import ast

from ..agent_definition import write_create_version
from ..build import open_call
from ..context import Context
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
        name_value = name
    write_create_version(ctx, node, target, call, name_value)
