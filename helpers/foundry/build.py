"""Pieces of new code that several rules write the same way."""
from __future__ import annotations

import ast

import libcst as cst

from .context import Context, Target
from .fragments import Arg, Call, read_call, render_call

ROLE_NAMES = {"USER": '"user"', "AGENT": '"assistant"', "ASSISTANT": '"assistant"'}


def parse_call(ctx: Context, node: ast.Call) -> Call | None:
    """The call's arguments, or None (with a note) when LibCST cannot read it.

    A call without comments is read straight from `ast` positions (the same
    text, several times faster); one with comments goes through LibCST, which
    knows which argument each comment belongs to.
    """
    text = ctx.text(node)
    if "#" not in text:
        return _call_from_ast(ctx, node, text)
    try:
        return read_call(text)
    except (cst.ParserSyntaxError, ValueError, RecursionError):
        ctx.note(node, "warning", "LibCST could not read this call, so it was left as it is.")
        return None


def open_call(ctx: Context, node: ast.Call, target: Target) -> Call | None:
    """The opening every call rule shares: claim the call, read its arguments,
    and say so when its client was only guessed. None when another rule has
    it already or LibCST cannot read it."""
    if not ctx.claim(node):
        return None
    call = parse_call(ctx, node)
    if call is not None:
        ctx.note_assumption(target, node)
    return call


def role_value(ctx: Context, arg: Arg | None) -> str:
    """`MessageRole.AGENT` -> "assistant"; string literals and other values as they are."""
    if arg is None:
        return '"user"'
    tail = arg.value.rsplit(".", 1)[-1]
    if "MessageRole" in arg.value and tail in ROLE_NAMES:
        return ROLE_NAMES[tail]
    if arg.value.strip("'\"") == "agent":
        return '"assistant"'
    return arg.value


def message_item(role: str, content: str) -> str:
    return f'{{"type": "message", "role": {role}, "content": {content}}}'


def agent_reference(ctx: Context, agent_id: ast.AST | None, node: ast.AST) -> str:
    """The `extra_body` that points a response at an agent (azure-ai-projects 2.x form)."""
    if isinstance(agent_id, ast.Attribute) and agent_id.attr == "id":
        owner = ctx.role_of(agent_id.value)
        base = ctx.text(agent_id.value)
        if owner is not None and owner.kind == "agent":
            version = f', "version": {base}.version' if owner.versioned else ""
            return f'{{"agent_reference": {{"name": {base}.name{version}, "type": "agent_reference"}}}}'
    if agent_id is None:
        ctx.note(node, "warning", "No agent was given: put the agent's name into `agent_reference`.")
        return '{"agent_reference": {"name": "my-agent", "type": "agent_reference"}}'
    value = ctx.text(agent_id)
    ctx.note(
        node,
        "warning",
        f"`{value}` was a legacy agent id; 2.x references agents by name (and optional version). "
        "Put the name of the migrated agent here.",
    )
    return f'{{"agent_reference": {{"name": {value}, "type": "agent_reference"}}}}'


def keep_unmapped(ctx: Context, node: ast.AST, call: Call, names: dict[str, str]) -> list[str]:
    """Take arguments with no counterpart out of `call`; return comment lines that keep them.

    `names` maps each argument to the advice given for it. The comments go
    above the statement so that nothing the user wrote is lost.
    """
    comments = []
    for arg in list(call.args):
        key = arg.keyword or ("**" if arg.star == "**" else None)
        if key is None or key not in names:
            continue
        call.args.remove(arg)
        advice = names[key]
        one_line = " ".join(arg.code().split())
        if len(one_line) <= 80:
            comments.append(f"# TODO(migration): {one_line} -- {advice}")
        else:  # kept whole, line by line: a long value is what the user most needs to move by hand
            comments.append(f"# TODO(migration): {arg.keyword or '**'} -- {advice}:")
            comments += [f"#   {line}" for line in arg.code().splitlines()]
        ctx.note(node, "warning", f"`{arg.keyword or arg.code()}` has no direct counterpart: {advice}")
    return comments


def put_comments_above(ctx: Context, comments: list[str]) -> None:
    if comments and ctx.statement is not None:
        ctx.insert_before(ctx.statement, comments)


def layout(ctx: Context, node: ast.AST) -> dict:
    return {"indent": ctx.indent(node), "unit": ctx.unit()}


def rewrite_call(ctx: Context, node: ast.Call, func: str, args: list, call: Call) -> None:
    text = render_call(
        func, args, multiline=call.multiline, leading_comments=call.leading_comments, **layout(ctx, node)
    )
    ctx.replace(node, text)


def openai_for(ctx: Context, target: Target, node: ast.AST) -> str:
    """Text of the OpenAI client that serves conversations and responses for `target`."""
    if target.surface.startswith("openai"):
        return target.base_text
    return ctx.openai_client(target.project_text, node, target.is_async)


def items_from_messages(ctx: Context, value: ast.AST, node: ast.AST) -> str | None:
    """A literal list of legacy messages as conversation items; None if not literal.

    `{"role": "user", "content": c}` and `ThreadMessageOptions(role=..., content=...)`
    both become `{"type": "message", "role": "user", "content": c}`.
    """
    if not isinstance(value, ast.List):
        return None
    items = []
    for element in value.elts:
        fields: dict[str, ast.AST] = {}
        if isinstance(element, ast.Dict) and all(isinstance(k, ast.Constant) for k in element.keys):
            fields = {k.value: v for k, v in zip(element.keys, element.values)}  # type: ignore[union-attr]
        elif isinstance(element, ast.Call) and all(k.arg for k in element.keywords):
            fields = {k.arg: k.value for k in element.keywords}  # type: ignore[misc]
        else:
            return None
        if "content" not in fields:
            return None
        for extra in set(fields) - {"role", "content"}:
            ctx.note(node, "warning", f"`{extra}` of a message has no place on a conversation item; "
                     "attachments become input_file / file_search content, metadata has no counterpart.")
        role = fields.get("role")
        role_text = role_value(ctx, Arg("role", ctx.text(role)) if role is not None else None)
        items.append(message_item(role_text, ctx.text(fields["content"])))
    return "[" + ", ".join(items) + "]"


def _call_from_ast(ctx: Context, node: ast.Call, text: str) -> Call:
    args = []
    ordered = sorted(
        [(a.lineno, a.col_offset, None, a) for a in node.args]
        + [(k.lineno, k.col_offset, k.arg, k) for k in node.keywords],
        key=lambda item: (item[0], item[1]),
    )
    for _, _, name, item in ordered:
        if isinstance(item, ast.keyword):
            value = item.value
            args.append(Arg(name, ctx.text(value), star="" if name else "**",
                            multiline_string=_has_multiline_string(value)))
        elif isinstance(item, ast.Starred):
            args.append(Arg(None, ctx.text(item.value), star="*",
                            multiline_string=_has_multiline_string(item.value)))
        else:
            args.append(Arg(None, ctx.text(item), multiline_string=_has_multiline_string(item)))
    return Call(func=ctx.text(node.func), args=args, multiline="\n" in text)


def _has_multiline_string(node: ast.AST) -> bool:
    if node.lineno == node.end_lineno:
        return False
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, (str, bytes)) and n.lineno != n.end_lineno
        or isinstance(n, ast.JoinedStr) and n.lineno != n.end_lineno
        for n in ast.walk(node)
    )


def is_awaited(ctx: Context, node: ast.AST) -> bool:
    """True when `node` is the operand of an `await` in the current statement's header."""
    stmt = ctx.statement
    if stmt is None:
        return False
    for field_name, value in ast.iter_fields(stmt):
        if field_name in ("body", "orelse", "finalbody", "handlers"):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.AST):
                if any(isinstance(n, ast.Await) and n.value is node for n in ast.walk(item)):
                    return True
    return False
