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

from ..build import is_awaited, open_call, openai_for, rewrite_call, role_value
from ..context import Context, keyword
from ..fragments import Arg
from ..names import Role
from ..leftovers import awaiting, cut_attribute, legacy_code, replace_last_attribute, rewritten
from ..registry import rule

RULE = rule("reading_results", "messages.list / get_last_message_text_by_role -> items.list / output_text")

LISTINGS = {("agents", "messages.list"), ("openai", "threads.messages.list")}
ORDER = {"ASCENDING": '"asc"', "DESCENDING": '"desc"'}
RUN_FIELDS = {"last_error": "error"}
USAGE_FIELDS = {"prompt_tokens": "input_tokens", "completion_tokens": "output_tokens"}
REQUIRED_ACTION = ("A response has no `required_action`: the functions to call are the `function_call` items of "
                   "response.output (item.name, item.arguments, item.call_id).")


@RULE.on(ast.Call)
def convert_call(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None:
        return
    if (target.surface, target.op) in LISTINGS:
        _list(node, ctx, target)
    elif target.op in ("messages.get_last_message_text_by_role", "messages.get_last_message_by_role"):
        _last(node, ctx, target)


def _list(node: ast.Call, ctx: Context, target) -> None:
    call = open_call(ctx, node, target)
    if call is None:
        return
    thread = call.take("thread_id", 0)
    args = [Arg("conversation_id", _run_conversation(ctx, node) or (thread.value if thread else "conversation_id"))]
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
    converted = ctx.tools.setdefault("converted_listings", set())  # names skip_other_items may guard
    stmt = ctx.statement
    if isinstance(stmt, ast.Assign) and stmt.value is node and isinstance(stmt.targets[0], ast.Name):
        converted.add(stmt.targets[0].id)
    ctx.note(node, "info", "Conversation items include tool calls and outputs as well as messages; "
             "check `item.type == \"message\"` before reading `role` and `content`. Newest first unless "
             "order=\"asc\".")


def _run_conversation(ctx: Context, node: ast.Call) -> str | None:
    """`run.thread_id` of a converted run -> `run.conversation.id` (this call's text replaces the inner edit)."""
    thread = keyword(node, "thread_id") or (node.args[0] if node.args else None)
    if (isinstance(thread, ast.Attribute) and thread.attr == "thread_id" and isinstance(thread.value, ast.Name)
            and thread.value.id in ctx.converted_runs):
        return f"{thread.value.id}.conversation.id"
    return None


def _last(node: ast.Call, ctx: Context, target) -> None:
    call = open_call(ctx, node, target)
    if call is None:
        return
    thread = call.take("thread_id", 0)
    role = role_value(ctx, call.take("role", 0))
    text_only = target.op.endswith("text_by_role")
    response = next(reversed(ctx.converted_runs), None) if ctx.converted_runs else None
    if response is not None and role == '"assistant"':
        # the answer of the response just created: no conversation call needed
        if text_only:
            ctx.replace(node, f"{response}.output_text")
            ctx.role_overrides[id(node)] = Role("text")
            ctx.note(node, "info", f"The last answer is the text of the response `{response}` (a str).")
        else:
            ctx.replace(node, f'next((item for item in reversed({response}.output) if item.type == "message"), None)')
            ctx.note(node, "info", f"The last answer is the last message item of the response `{response}`; "
                     f"`{response}.output_text` is its text.")
        return
    if thread is None:
        ctx.note(node, "warning", "No thread was given: read the answer from the response "
                 "(`response.output_text`) or from conversations.items.list(conversation_id=...).")
        return
    client = openai_for(ctx, target, node)
    conversation_id = _run_conversation(ctx, node) or thread.value
    listing = f'{client}.conversations.items.list(conversation_id={conversation_id}, order="desc")'
    picked = "item.content[-1]" if text_only else "item"
    condition = f'item.type == "message" and item.role == {role}'
    if target.is_async or is_awaited(ctx, node):
        found = f"next(iter([{picked} async for item in {listing} if {condition}]), None)"
        ctx.note(node, "info", "This reads the whole conversation; keep the response of responses.create "
                 "and use its `output_text` where you can.")
    else:
        found = f"next(({picked} for item in {listing} if {condition}), None)"
    ctx.replace(awaiting(ctx, node) or node, found)  # the new expression is not awaitable
    ctx.role_overrides[id(node)] = Role("part" if text_only else "message")
    if text_only:
        ctx.note(node, "info", "The result is the last content part of the newest message with that role; "
                 "its `.text` is a str.")


@RULE.on(ast.Attribute)
def convert_attribute(node: ast.Attribute, ctx: Context) -> None:
    if node.attr == "value" and isinstance(node.value, ast.Attribute) and node.value.attr == "text":
        _text_value(node, ctx)
    elif node.attr == "text" and _is_answer_text(ctx, node.value):
        if ctx.claim(node):  # the answer is a str now: its text is itself
            ctx.replace(node, ctx.text(node.value))
    elif node.attr == "text_messages":
        message = ctx.role_of(node.value)
        if (message is not None and message.kind == "message" or legacy_code(ctx)) and ctx.claim(node):
            ctx.replace(node, lambda text: replace_last_attribute(text, "content"))
            ctx.note(node, "info", "`text_messages` became `content`: a message item's content parts "
                     "(`output_text` / `input_text`, each with `.text`; a refusal has `.refusal` instead).")
    elif isinstance(node.value, ast.Name) and node.value.id in ctx.converted_runs:
        if node.attr in RUN_FIELDS and ctx.claim(node):
            ctx.replace(node, f"{node.value.id}.{RUN_FIELDS[node.attr]}")
        elif node.attr == "thread_id" and ctx.claim(node):
            ctx.replace(node, f"{node.value.id}.conversation.id")
        elif node.attr == "required_action" and not rewritten(ctx, node) and ctx.claim(node):
            ctx.note(node, "warning", REQUIRED_ACTION)
    elif node.attr in USAGE_FIELDS and isinstance(node.value, ast.Attribute) and node.value.attr == "usage":
        # Chat Completions usage keeps prompt_tokens: only rename where no chat completion can be meant
        owner = node.value.value
        of_run = isinstance(owner, ast.Name) and owner.id in ctx.converted_runs
        if (of_run or legacy_code(ctx) and "completions" not in ctx.src.text) and ctx.claim(node):
            ctx.replace(node, lambda text: replace_last_attribute(text, USAGE_FIELDS[node.attr]))
    elif node.attr in RUN_FIELDS and legacy_code(ctx) and ctx.claim(node):
        # a run reached some other way (an event, a parameter): only runs had `last_error`
        ctx.replace(node, lambda text: replace_last_attribute(text, RUN_FIELDS[node.attr]))
    elif node.attr == "required_action" and legacy_code(ctx) and not rewritten(ctx, node) and ctx.claim(node):
        ctx.note(node, "warning", REQUIRED_ACTION)


def _text_value(node: ast.Attribute, ctx: Context) -> None:
    """`part.text.value` -> `part.text`: a 2.x text part's `.text` is the string itself."""
    inner = node.value.value  # type: ignore[attr-defined]
    owner = ctx.role_of(inner)
    if owner is not None and owner.kind == "text":
        if ctx.claim(node):
            ctx.claim(node.value)  # the inner `.text` goes with it
            ctx.replace(node, ctx.text(inner))
        return
    if legacy_code(ctx) and ctx.claim(node):
        # a builder, so an inner `text_messages` -> `content` edit is kept
        ctx.replace(node, cut_attribute)


def _is_answer_text(ctx: Context, node: ast.AST) -> bool:
    """A variable that held the last message's text content and now holds `response.output_text`."""
    role = ctx.role_of(node) if isinstance(node, ast.Name) else None
    return role is not None and role.kind == "text"


def _answer_text_of(ctx: Context, node: ast.AST) -> str | None:
    """`answer` for `answer.text` / `answer.text.value` when `answer` is the response text (a str)."""
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    if isinstance(node, ast.Attribute) and node.attr == "text" and _is_answer_text(ctx, node.value):
        return ctx.text(node.value)
    return None


@RULE.on(ast.BoolOp)
def drop_repeated_test(node: ast.BoolOp, ctx: Context) -> None:
    """`answer and answer.text` -> `answer`: once `.text` is the str itself the second test repeats the first."""
    seen: set[str] = set()
    previous: ast.expr | None = None
    for value in node.values:
        same = _answer_text_of(ctx, value)
        text = same or ctx.text(value)
        between = ctx.src.text[ctx.src.span(previous)[1]:ctx.src.span(value)[0]] if previous is not None else ""
        if same is not None and same in seen and between.split() in (["and"], ["or"]) and ctx.claim(value):
            ctx.edits.replace(ctx.src.span(previous)[1], ctx.src.span(value)[1], "")
        else:
            previous = value
        seen.add(text)


@RULE.on(ast.For, ast.AsyncFor)
def skip_other_items(node: ast.For | ast.AsyncFor, ctx: Context) -> None:
    """A loop over a listing now also meets tool calls: let it skip what is not a message."""
    if not isinstance(node.target, ast.Name):
        return
    if isinstance(node.iter, ast.Name):
        if node.iter.id not in ctx.tools.get("converted_listings", ()):
            return
    elif not (isinstance(node.iter, ast.Call) and _is_legacy_listing(ctx, node.iter)):
        return
    first = node.body[0]
    if first.lineno == node.lineno or _skips_non_messages(first, node.target.id):
        return
    # above the comments that lead the body: they describe the code that follows, not the guard
    line = first.lineno
    while line - 1 > node.lineno and ctx.src.lines[line - 2].lstrip().startswith("#"):
        line -= 1
    indent, unit, nl = ctx.indent(first), ctx.unit(), ctx.src.newline()
    ctx.edits.insert(ctx.src.line_start(line), f'{indent}if {node.target.id}.type != "message":{nl}'
                     f"{indent}{unit}continue{nl}")
    ctx.note(node, "info", "The conversation's items include tool calls; the loop now skips items that "
             "are not messages.")


def _is_legacy_listing(ctx: Context, call: ast.Call) -> bool:
    target = ctx.resolve(call)
    return target is not None and (target.surface, target.op) in LISTINGS


def _skips_non_messages(stmt: ast.stmt, name: str) -> bool:
    return (isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Compare)
            and ast.unparse(stmt.test) == f"{name}.type != 'message'")


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
