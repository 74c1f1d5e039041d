"""Rule threads_to_conversations: threads become conversations on the OpenAI client.

Before:
    thread = client.threads.create(messages=[{"role": "user", "content": "Hi"}], metadata=m)
    client.threads.get(thread_id)     client.threads.delete(thread.id)
After:
    thread = openai_client.conversations.create(
        items=[{"type": "message", "role": "user", "content": "Hi"}], metadata=m
    )
    openai_client.conversations.retrieve(thread_id)     openai_client.conversations.delete(thread.id)

The OpenAI beta `client.beta.threads.*` map the same way. `threads.update(
tool_resources=...)` keeps the resources as a TODO comment (they belong on the
agent's tools): a statement that only changed them becomes that comment. `threads.list()` has
no counterpart (no endpoint lists conversations). Where its result is never read
(`threads = client.threads.list()` with `threads` unused) the statement becomes a TODO comment
that keeps its text, so the program runs; anywhere else it stays, with a note.

Before:
    threads = client.threads.list()      # `threads` never read
After:
    # TODO(migration): threads = client.threads.list() -- no endpoint lists conversations; ...
"""
from __future__ import annotations

import ast

from ..build import items_from_messages, keep_unmapped, openai_for, parse_call, put_comments_above, rewrite_call
from ..context import Context
from ..fragments import Arg
from ..registry import rule

RULE = rule("threads_to_conversations", "threads.* -> openai_client.conversations.*")

OPS = {
    "threads.create": "create",
    "threads.get": "retrieve",
    "threads.retrieve": "retrieve",
    "threads.update": "update",
    "threads.delete": "delete",
    "threads.list": "list",
}
UNMAPPED = {
    "tool_resources": "conversations hold no tool resources; attach files and vector stores to the tools "
    "of the agent definition (FileSearchTool(vector_store_ids=[...]))",
    "tool_resources_": "",
}


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None or target.surface not in ("agents", "openai") or target.op not in OPS:
        return
    if not ctx.claim(node):
        return
    action = OPS[target.op]
    if action == "list":
        advice = "no endpoint lists conversations; keep the ids of the conversations you create"
        stmt = ctx.statement
        if _result_unread(ctx, stmt, node):
            _comment_out(ctx, stmt, advice)
            ctx.note(node, "warning", f"`{target.op}()` has no 2.x counterpart and its result was never read: the "
                     f"statement is kept as a TODO comment. {advice.capitalize()} (for example in your own database).")
            return
        ctx.note(node, "warning", "There is no way to list conversations: keep the conversation ids "
                 "you create (for example in your own database).")
        return
    call = parse_call(ctx, node)
    if call is None:
        return
    ctx.note_assumption(target, node)
    client = openai_for(ctx, target, node)
    func = f"{client}.conversations.{action}"
    if action == "create":
        comments = keep_unmapped(ctx, node, call, UNMAPPED)
        messages = call.pop("messages")
        args = []
        if messages is not None:
            value = next(k.value for k in node.keywords if k.arg == "messages")
            items = items_from_messages(ctx, value, node)
            if items is None:
                items = messages.value
                ctx.note(node, "info", "Messages given as `{\"role\": ..., \"content\": ...}` dicts are valid "
                         "conversation items as they are; other shapes need `\"type\": \"message\"` items.")
            args.append(Arg("items", items, messages.comments))
        args += call.args
        put_comments_above(ctx, comments)
        rewrite_call(ctx, node, func, args, call)
        return
    thread_id = call.pop("thread_id")
    if action == "update" and call.keyword("tool_resources") is not None:
        comments = keep_unmapped(ctx, node, call, UNMAPPED)
        if thread_id is None and call.positional():
            thread_id = call.positional()[0]
            call.args.remove(thread_id)
        if not call.args:  # nothing a conversation can take is left
            stmt = ctx.statement
            if isinstance(stmt, ast.Expr) and stmt.value is node:
                alone = _alone_in_body(ctx, stmt)
                last = f"{comments[-1]}{ctx.src.newline()}{ctx.indent(stmt)}pass" if alone else comments[-1]
                ctx.replace(stmt, lambda _old: last)
                put_comments_above(ctx, comments[:-1])
                return
            func = f"{client}.conversations.retrieve"
        put_comments_above(ctx, comments)
    args = ([Arg(None, thread_id.value, thread_id.comments)] if thread_id else []) + call.args
    rewrite_call(ctx, node, func, args, call)


def _result_unread(ctx: Context, stmt: ast.stmt | None, node: ast.Call) -> bool:
    """True when `stmt` is the call alone, or binds it to a name nothing in its scope reads."""
    if isinstance(stmt, ast.Expr) and stmt.value is node:
        return True
    if not (isinstance(stmt, ast.Assign) and stmt.value is node and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)):
        return False
    name = stmt.targets[0].id
    scope = ctx.function() or ctx.tree
    return not any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Store)
                   for n in ast.walk(scope))


def _comment_out(ctx: Context, stmt: ast.stmt, advice: str) -> None:
    """Replace `stmt` by comment lines that keep its text (and `pass` if it was alone in a body)."""
    nl, indent = ctx.src.newline(), ctx.indent(stmt)
    lines = ctx.text(stmt).splitlines()
    comment = [f"# TODO(migration): {lines[0]} -- {advice}"] + [f"#   {line.strip()}" for line in lines[1:]]
    if _alone_in_body(ctx, stmt):
        comment.append("pass")
    ctx.replace(stmt, lambda _old: f"{nl}{indent}".join(comment))


def _alone_in_body(ctx: Context, stmt: ast.stmt) -> bool:
    parent = ctx.stmt_stack[-2] if len(ctx.stmt_stack) > 1 else None
    bodies = [getattr(parent, f, None) for f in ("body", "orelse", "finalbody")]
    bodies += [h.body for h in getattr(parent, "handlers", None) or ()]
    bodies += [c.body for c in getattr(parent, "cases", None) or ()]
    return any(body == [stmt] for body in bodies)
