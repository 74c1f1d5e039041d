"""Rule messages_to_items: messages added to a thread become conversation items.

Before:
    message = client.messages.create(thread_id=thread.id, role="user", content="Hi")
    client.beta.threads.messages.create(thread_id=thread.id, role="user", content="Hi")
After:
    message = openai_client.conversations.items.create(
        conversation_id=thread.id,
        items=[{"type": "message", "role": "user", "content": "Hi"}],
    ).data[0]
    openai_client.conversations.items.create(
        conversation_id=thread.id,
        items=[{"type": "message", "role": "user", "content": "Hi"}],
    )

`items.create` answers with the list of created items, so a kept result takes
its one item (`.data[0]`): `message.id` goes on working, and `message["id"]`
(legacy models were mappings) becomes `message.id`.

Items carry no metadata; attachments are noted (files go to tools or to
`input_file` content).
"""
from __future__ import annotations

import ast

from ..build import (
    keep_unmapped,
    layout,
    message_item,
    open_call,
    openai_for,
    put_comments_above,
    rewrite_call,
    role_value,
)
from ..context import Context
from ..fragments import Arg, render_call
from ..registry import rule

RULE = rule("messages_to_items", "messages.create -> openai_client.conversations.items.create")

UNMAPPED = {
    "attachments": "upload the file and reference it from the agent's tools (FileSearchTool / "
    "CodeInterpreterTool container file_ids) or as input_file content",
    "metadata": "conversation items have no metadata; keep it on the conversation instead",
}
ITEM_FIELDS = {"id", "type", "role", "content", "status"}  # openai's conversation Message


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None or (target.surface, target.op) not in (("agents", "messages.create"), ("openai", "threads.messages.create")):
        return
    call = open_call(ctx, node, target)
    if call is None:
        return
    comments = keep_unmapped(ctx, node, call, UNMAPPED)
    thread = call.take("thread_id", 0)
    role = call.pop("role")
    content = call.pop("content")
    if content is None:
        ctx.note(node, "warning", "No content was given; add the message text to the item.")
    item = message_item(role_value(ctx, role), content.value if content else '""')
    comments_of = (role.comments if role else []) + (content.comments if content else [])
    args = [Arg("conversation_id", thread.value if thread else "conversation_id", thread.comments if thread else []),
            Arg("items", f"[{item}]", comments_of), *call.args]
    put_comments_above(ctx, comments)
    func = f"{openai_for(ctx, target, node)}.conversations.items.create"
    statement = ctx.statement
    kept = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
    if kept is node:
        text = render_call(func, args, multiline=call.multiline, leading_comments=call.leading_comments,
                           **layout(ctx, node))
        ctx.replace(node, f"{text}.data[0]")
    elif isinstance(kept, ast.Await) and kept.value is node:
        text = render_call(func, args, multiline=call.multiline, leading_comments=call.leading_comments,
                           **layout(ctx, node))
        ctx.replace(kept, f"(await {text}).data[0]")
    else:
        rewrite_call(ctx, node, func, args, call)
    if isinstance(statement, ast.Assign) and kept is not None and isinstance(statement.targets[0], ast.Name):
        ctx.tools.setdefault("converted_items", set()).add(statement.targets[0].id)
    if kept is not None:
        ctx.note(node, "info", "items.create answers with the list of created items; `.data[0]` is the one "
                 "message item, whose id is an item id (not a message id).")


@RULE.on(ast.Subscript)
def read_item_field(node: ast.Subscript, ctx: Context) -> None:
    """`message["id"]` -> `message.id`: legacy models were mappings, a conversation item is a pydantic model."""
    owner, key = node.value, node.slice
    if not (isinstance(owner, ast.Name) and owner.id in ctx.tools.get("converted_items", ())
            and isinstance(key, ast.Constant) and isinstance(key.value, str) and isinstance(node.ctx, ast.Load)):
        return
    if key.value in ITEM_FIELDS and ctx.claim(node):
        ctx.replace(node, f"{owner.id}.{key.value}")
    elif ctx.claim(node):
        ctx.note(node, "warning", f"A message item has no `{key.value}`; its fields are "
                 f"{', '.join(sorted(ITEM_FIELDS))} (read them as attributes).")
