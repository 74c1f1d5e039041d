"""Rule async_clients: `await` stays only where the new code awaits something.

Before (azure.ai.agents.aio / azure.ai.projects.aio 1.x / AsyncOpenAI beta):
    last = await client.messages.get_last_message_text_by_role(thread_id=t, role=MessageRole.AGENT)
After (the answer is read from the response, which is not awaitable):
    last = run.output_text

The other rules keep an `await` that wraps a call they convert, which is right
for every call that stays a call on the async 2.x clients (`agents.create_version`,
`conversations.*`, `responses.create` are coroutines; `get_openai_client()` is a
plain method that returns `openai.AsyncOpenAI`, and inserted statements follow
that: an inserted `conversations.create` is awaited, `get_openai_client()` is
not). This rule removes the `await` in front of a legacy call whose
replacement is no longer a call (an attribute read). The check happens when
the edits are applied, so it sees the converted text.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule

RULE = rule("async_clients", "await on a call that became an attribute read -> no await")


def _drop_await(text: str) -> str:
    operand = text[len("await"):].lstrip()
    try:
        value = ast.parse(operand.strip(), mode="eval").body
    except SyntaxError:
        return text
    if isinstance(value, (ast.Attribute, ast.Name, ast.Subscript)):
        return operand
    return text


@RULE.on(ast.Await)
def convert(node: ast.Await, ctx: Context) -> None:
    value = node.value
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute):
        return
    if value.func.attr not in ("get_last_message_text_by_role", "get_last_message_by_role"):
        return
    if ctx.resolve(value) is None or not ctx.claim(node):
        return
    ctx.replace(node, _drop_await)
