"""Rule reading_results: read answers from conversation items or the response.

Before:
    messages = client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING)
    for m in messages:
        print(m.role, m.content[0].text.value, m.text_messages[-1].text.value)
    last = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
    print(last.text.value)
    print(run.last_error)
After:
    messages = openai_client.conversations.items.list(conversation_id=thread.id, order="asc")
    for m in messages:
        print(m.role, m.content[0].text, m.content[-1].text)
    last = run.output_text
    print(last)
    print(run.error)

Items in a conversation include tool calls too; message items have `role`
and `content`, whose text parts carry `.text` directly.
"""
from __future__ import annotations

import ast

from ..build import open_call, openai_for, rewrite_call
from ..context import Context
from ..fragments import Arg
from ..names import Role
from ..registry import rule

RULE = rule("reading_results", "messages.list / get_last_message_text_by_role -> items.list / output_text")

ORDER = {"ASCENDING": '"asc"', "DESCENDING": '"desc"'}
RUN_FIELDS = {"last_error": "error"}
USAGE_FIELDS = {"prompt_tokens": "input_tokens", "completion_tokens": "output_tokens"}


@RULE.on(ast.Call)
def convert_call(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None:
        return
    if (target.surface, target.op) in (("agents", "messages.list"), ("openai", "threads.messages.list")):
        _list(node, ctx, target)
    elif target.op in ("messages.get_last_message_text_by_role", "messages.get_last_message_by_role"):
        _last(node, ctx, target)


def _list(node: ast.Call, ctx: Context, target) -> None:
    call = open_call(ctx, node, target)
    if call is None:
        return
    thread = call.take("thread_id", 0)
    args = [Arg("conversation_id", thread.value if thread else "conversation_id")]
    for arg in call.args:
        if arg.keyword == "order":
            tail = arg.value.rsplit(".", 1)[-1]
            args.append(Arg("order", ORDER.get(tail, arg.value), arg.comments))
        elif arg.keyword in ("limit", "after"):
            args.append(arg)
        elif arg.keyword == "run_id":
            ctx.note(node, "warning", "Items are not filtered by response; read the response's own `output` "
                     "(or `output_text`) for what one response produced.")
        else:
            ctx.note(node, "warning", f"`{arg.code()}` is not an option of conversations.items.list.")
    client = openai_for(ctx, target, node)
    rewrite_call(ctx, node, f"{client}.conversations.items.list", args, call)
    ctx.note(node, "info", "Conversation items include tool calls and outputs as well as messages; "
             "check `item.type == \"message\"` before reading `role` and `content`. Newest first unless "
             "order=\"asc\".")


def _last(node: ast.Call, ctx: Context, target) -> None:
    response = next(reversed(ctx.converted_runs), None) if ctx.converted_runs else None
    if response is None:
        if ctx.claim(node):
            ctx.note(node, "warning", "Read the answer from the response: `response.output_text` "
                     "(no conversation call needed).")
        return
    if not ctx.claim(node):
        return
    if target.op.endswith("text_by_role"):
        ctx.replace(node, f"{response}.output_text")
        ctx.role_overrides[id(node)] = Role("text")
        ctx.note(node, "info", f"The last answer is the text of the response `{response}`.")
    else:
        ctx.note(node, "warning", f"Read the last answer from `{response}.output` (message items) "
                 f"or `{response}.output_text`.")


@RULE.on(ast.Attribute)
def convert_attribute(node: ast.Attribute, ctx: Context) -> None:
    # m.content[0].text.value -> m.content[0].text
    if node.attr == "value" and isinstance(node.value, ast.Attribute) and node.value.attr == "text":
        inner = node.value.value
        owner = ctx.role_of(inner)
        if owner is not None and owner.kind == "text" and ctx.claim(node):
            ctx.replace(node, ctx.text(inner))
            return
        if (isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Attribute)
                and inner.value.attr in ("content", "text_messages")):
            message = ctx.role_of(inner.value.value)
            if message is not None and message.kind == "message" and ctx.claim(node):
                # a builder, so an inner `text_messages` -> `content` edit is kept
                ctx.replace(node, lambda text: text[: text.rindex(".")].rstrip())
        return
    if node.attr == "text_messages":
        message = ctx.role_of(node.value)
        if message is not None and message.kind == "message" and ctx.claim(node):
            ctx.replace(node, lambda text: text[: text.rindex(".") + 1] + "content")
            ctx.note(node, "info", "`text_messages` became `content`: a message item's content parts "
                     "(`output_text` / `input_text`, each with `.text`; a refusal has `.refusal` instead).")
        return
    if isinstance(node.value, ast.Name) and node.value.id in ctx.converted_runs:
        if node.attr in RUN_FIELDS and ctx.claim(node):
            ctx.replace(node, f"{node.value.id}.{RUN_FIELDS[node.attr]}")
        elif node.attr == "thread_id" and ctx.claim(node):
            ctx.replace(node, f"{node.value.id}.conversation.id")
        return
    if (node.attr in USAGE_FIELDS and isinstance(node.value, ast.Attribute) and node.value.attr == "usage"
            and isinstance(node.value.value, ast.Name) and node.value.value.id in ctx.converted_runs
            and ctx.claim(node)):
        ctx.replace(node, f"{ctx.text(node.value)}.{USAGE_FIELDS[node.attr]}")


@RULE.on(ast.Compare)
def convert_status(node: ast.Compare, ctx: Context) -> None:
    # requires_action / expired have no response status
    for comparator in node.comparators:
        if isinstance(comparator, ast.Constant) and comparator.value in ("requires_action", "expired"):
            left = node.left
            if isinstance(left, ast.Attribute) and isinstance(left.value, ast.Name) and left.value.id in ctx.converted_runs:
                if ctx.claim(node):
                    ctx.note(node, "warning", f"A response never has status \"{comparator.value}\": "
                             + ("look for `function_call` items in response.output instead."
                                if comparator.value == "requires_action" else "remove this branch."))
