"""Rule operation_groups: a legacy operation group kept in a variable points at its 2.x counterpart.

Before:
    runs = client.agents.runs
    threads = client.beta.threads
    beta = client.beta
After:
    runs = openai_client.responses
    threads = client.conversations
    beta = client

Calls made through the variable are converted like calls on the client itself
(other rules); the variable then holds the group those calls now use, so code
that passes it around keeps a value that exists in 2.x.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule

RULE = rule("operation_groups", "runs = client.agents.runs -> runs = openai_client.responses")

COUNTERPARTS = {
    "beta": "",
    "threads": "conversations", "messages": "conversations.items", "runs": "responses",
    "beta.threads": "conversations", "beta.threads.messages": "conversations.items", "beta.threads.runs": "responses",
}


@RULE.on(ast.Assign)
def convert(node: ast.Assign, ctx: Context) -> None:
    role = ctx.group_role(node.value)
    if role is None or role.group not in COUNTERPARTS or not ctx.claim(node.value):
        return
    if role.group == "beta":  # the client itself (with its own rewrite inside): drop `.beta`
        ctx.replace(node.value, lambda inner: inner[: -len(".beta")] if inner.endswith(".beta") else inner)
        ctx.note(node, "info", "The variable held the beta surface of the OpenAI client; it now holds the "
                 "client, whose conversations and responses replace threads and runs.")
        return
    if role.client is not None:
        client = role.client
    else:
        client = ctx.openai_client(role.project, node.value, role.is_async)
    ctx.replace(node.value, f"{client}.{COUNTERPARTS[role.group]}")
    ctx.note(node, "info", f"`{ctx.text(node.value)}` has no 2.x counterpart by that name: the variable now "
             f"holds `{COUNTERPARTS[role.group]}` of the OpenAI client, where its calls went.")
