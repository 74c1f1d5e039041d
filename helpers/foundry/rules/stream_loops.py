"""Rule stream_loops: the code that consumed a legacy stream becomes a loop over response events.

Before (event handler):                    After:
    stream.until_done()                        for event in stream:
                                                   if event.type == "response.output_text.delta":
                                                       handler.on_message_delta(event.delta)
                                                   elif event.type == "error":
                                                       handler.on_error(event.message)
                                               handler.on_done()
Before (iteration):                        After:
    for event_type, event_data, _ in stream:   for event in stream:
        if isinstance(event_data, MessageDeltaChunk):    if event.type == "response.output_text.delta":
            print(event_data.text)                           print(event.delta)
        elif event_type == AgentStreamEvent.DONE:        elif event.type == "response.completed":
            break                                            break
    for text in stream.text_deltas:            for text in (event.delta for event in stream
                                                            if event.type == "response.output_text.delta"):
Before (OpenAI beta events):               After:
    for event in stream:                       for event in stream:
        if event.event == "thread.message.delta":      if event.type == "response.output_text.delta":
            print(event.data.delta.content[0].text.value)      print(event.delta)

Only streams that the streaming rule converted are touched (`ctx.streams`).
The handler's methods are called where they have a counterpart (table in
stream_events.py). In the iteration form, `event_type` becomes `event.type`
and `event_data` becomes the value that kind of event carries; a branch whose
kind has no counterpart (ThreadRun, RunStep) stays, with its test set to
False, a TODO comment and a note. Async streams get `async for` and awaited
async handler methods.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule
from ..stream_events import (DELTA_PARTS_ADVICE, EVENT_TYPES, ITERATION_KINDS, ITERATION_UNMAPPED, StreamInfo,
                             dispatch, reads_delta_parts, with_event)
from .streaming import free_name

RULE = rule("stream_loops", "stream.until_done() / for ... in stream -> for event in stream: event.type dispatch")

NAMES_ADVICE = ("test `event.type` against the Responses event names (\"response.created\", "
                "\"response.output_item.added\", \"response.output_text.delta\", ...)")
FINAL_ADVICE = ("the finished response is `event.response` of the \"response.completed\" event; "
                "the text is `event.response.output_text`")


def _stream(ctx: Context, node: ast.AST) -> tuple[str, StreamInfo] | None:
    if isinstance(node, ast.Name):
        info = ctx.streams.get(node.id)
        if isinstance(info, StreamInfo):
            return node.id, info
    return None


@RULE.on(ast.Expr)
def until_done(node: ast.Expr, ctx: Context) -> None:
    if not ctx.streams:
        return
    value = node.value.value if isinstance(node.value, ast.Await) else node.value
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "until_done"):
        return
    found = _stream(ctx, value.func.value)
    if found is None or not ctx.claim(node):
        return
    name, info = found
    unit = ctx.unit()
    event = _event_name(ctx)
    body: list[str] = []
    after: list[str] = []
    if info.info is not None and info.handler is not None:
        body, after = dispatch(info.info, info.handler, unit, event)
    if not body:
        body = ["pass  # read the whole stream"]
    loop = "async for" if info.is_async else "for"
    lines = [f"{loop} {event} in {name}:", *[unit + line for line in body], *after]
    indent = ctx.indent(node)
    ctx.replace(node, ("\n" + indent).join(lines))
    ctx.note(node, "info", f"`{name}.until_done()` became a loop over the response events"
             + (f" that calls `{info.handler}`." if info.info is not None else "."))


@RULE.on(ast.For, ast.AsyncFor)
def iteration(node: ast.For | ast.AsyncFor, ctx: Context) -> None:
    if not ctx.streams:
        return
    if isinstance(node.iter, ast.Attribute) and node.iter.attr == "text_deltas":
        found = _stream(ctx, node.iter.value)
        if found is not None and ctx.claim(node.iter):
            event = _event_name(ctx)
            loop = "async for" if isinstance(node, ast.AsyncFor) else "for"
            ctx.replace(node.iter, f"({event}.delta {loop} {event} in {found[0]} "
                        f"if {event}.type == \"response.output_text.delta\")")
        return
    found = _stream(ctx, node.iter)
    if found is None:
        return
    name, info = found
    target = node.target
    names = [e.id if isinstance(e, ast.Name) else None for e in getattr(target, "elts", ())]
    if isinstance(target, ast.Name) and ctx.claim(node):
        _beta_loop(ctx, node, name, target.id)
        return
    if not isinstance(target, ast.Tuple) or len(names) not in (2, 3) or None in names or not ctx.claim(node):
        if ctx.claim(node):
            ctx.note(node, "warning", f"`{name}` yields Responses stream events now: test `event.type` "
                     "(\"response.output_text.delta\" carries `event.delta`); there is no `event.event` / `event.data`.")
        return
    event = _event_name(ctx)
    ctx.replace(target, event)
    type_name, data_name = names[0], names[1]
    result = names[2] if len(names) == 3 and names[2] != "_" else None
    result_used = result is not None and any(
        isinstance(n, ast.Name) and n.id == result for stmt in node.body for n in ast.walk(stmt))
    if info.info is not None and info.handler is not None:
        lines, after = dispatch(info.info, info.handler, ctx.unit(), event, result if result_used else None)
        if lines and node.body[0].lineno > node.lineno:
            ctx.insert_before(node.body[0], lines)
        if after:
            ctx.insert_after(node, after)
    elif result_used:
        ctx.note(node, "warning", f"`{result}` held what an event handler returned; there is no handler now.")
    _body(ctx, node.body, _Names(type_name, data_name, event), event, {})
    ctx.note(node, "info", f"The loop reads Responses stream events from `{name}`: `{type_name}` became "
             f"`{event}.type` and `{data_name}` the value each event carries.")


BETA_DATA = "there is no `event.data`: each Responses event carries its own fields"


def _beta_loop(ctx: Context, node: ast.For | ast.AsyncFor, stream: str, event: str) -> None:
    """`for event in stream: if event.event == "thread.message.delta": ... event.data ...` (OpenAI beta form)."""
    found = _beta_ifs(ctx, node.body, event)
    if found:
        ctx.note(node, "info", f"The loop reads Responses stream events from `{stream}`: `{event}.event` became "
                 f"`{event}.type` and `{event}.data` the value each event carries.")
    else:
        ctx.note(node, "warning", f"`{stream}` yields Responses stream events now: test `event.type` "
                 "(\"response.output_text.delta\" carries `event.delta`); there is no `event.event` / `event.data`.")


def _beta_ifs(ctx: Context, stmts: list[ast.stmt], event: str) -> int:
    """Rewrite the `if event.event == ...` branches in `stmts`; the number of tests rewritten."""
    count = 0
    for stmt in stmts:
        if not isinstance(stmt, ast.If):
            continue
        test = stmt.test
        key = None
        if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
                and isinstance(test.left, ast.Attribute) and test.left.attr == "event"
                and isinstance(test.left.value, ast.Name) and test.left.value.id == event
                and isinstance(test.comparators[0], ast.Constant) and isinstance(test.comparators[0].value, str)):
            key = test.comparators[0].value
        if key is not None and ctx.claim(test):
            count += 1
            if key in EVENT_TYPES:
                condition, value = EVENT_TYPES[key]
                ctx.replace(test, with_event(condition, event))
                for inner in stmt.body:
                    _beta_data(ctx, inner, event, with_event(value, event))
            else:
                ctx.insert_before(stmt, [f"# TODO(migration): `{ctx.text(test)}` -- `{key}` events have no direct "
                                         "counterpart"])
                ctx.replace(test, "False")
                ctx.note(stmt, "warning", f"`{key}` events have no counterpart in the response events (the branch "
                         f"is disabled): {NAMES_ADVICE}.")
        else:
            count += _beta_ifs(ctx, stmt.body, event)
        count += _beta_ifs(ctx, stmt.orelse, event)
    return count


def _beta_data(ctx: Context, tree: ast.AST, event: str, value: str) -> None:
    """`event.data...` in a branch: the text of a delta is `event.delta`; otherwise `event.data` is the value."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in ctx.handled:
            continue
        text = ctx.text(node)
        if value.endswith(".delta") and text.startswith(f"{event}.data.delta.content") and text.endswith(
                (".text.value", ".text")) and ctx.claim(node):
            ctx.replace(node, value)
            for inner in ast.walk(node):
                ctx.handled.add(id(inner))
        elif (node.attr == "data" and isinstance(node.value, ast.Name) and node.value.id == event
              and ctx.claim(node)):
            ctx.replace(node, value)


class _Names:
    def __init__(self, type_name: str | None, data_name: str | None, event: str) -> None:
        self.type_name, self.data_name, self.event = type_name, data_name, event


def _body(ctx: Context, stmts: list[ast.stmt], names: _Names, data: str, renames: dict[str, str]) -> None:
    for stmt in stmts:
        if isinstance(stmt, ast.If):
            _if(ctx, stmt, names, data, renames)
        else:
            _rename(ctx, stmt, names, data, renames)


def _if(ctx: Context, stmt: ast.If, names: _Names, data: str, renames: dict[str, str]) -> None:
    kind = _kind(stmt.test, names)
    if kind is None and data.endswith(".delta") and reads_delta_parts(stmt.test, names.data_name or ""):
        kind = "unmapped", DELTA_PARTS_ADVICE  # in a text delta branch: the parts of a legacy delta
    if kind is None:
        _rename(ctx, stmt.test, names, data, renames)
        _body(ctx, stmt.body, names, data, renames)
    elif kind[0] == "mapped":
        _, condition, value, branch_renames = kind
        if ctx.claim(stmt.test):
            ctx.replace(stmt.test, with_event(condition, names.event))
        _body(ctx, stmt.body, names, with_event(value, names.event), branch_renames)
    else:
        advice = kind[1]
        if ctx.claim(stmt.test):
            test = " ".join(ctx.text(stmt.test).split())
            ctx.insert_before(stmt, [f"# TODO(migration): `{test}` -- {advice}"])
            ctx.replace(stmt.test, "False")
            ctx.note(stmt, "warning", f"`{test}` has no counterpart in the response events (the branch is "
                     f"disabled): {advice}.")
        _body(ctx, stmt.body, names, names.event, {})
    _body(ctx, stmt.orelse, names, data, renames)


def _kind(test: ast.expr, names: _Names):
    """What an `if` test checks: ("mapped", condition, value, renames), ("unmapped", advice) or None."""
    if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance"
            and len(test.args) == 2 and isinstance(test.args[0], ast.Name) and test.args[0].id == names.data_name):
        cls = test.args[1]
        tail = cls.attr if isinstance(cls, ast.Attribute) else getattr(cls, "id", None)
        if tail in ITERATION_KINDS:
            condition, value, renames = ITERATION_KINDS[tail]
            return "mapped", condition, value, renames
        if tail in ITERATION_UNMAPPED:
            return "unmapped", ITERATION_UNMAPPED[tail]
        return None
    if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.Is))
            and isinstance(test.left, ast.Name) and test.left.id == names.type_name):
        right = test.comparators[0]
        key = right.attr if isinstance(right, ast.Attribute) else (
            right.value if isinstance(right, ast.Constant) and isinstance(right.value, str) else None)
        if key in EVENT_TYPES:
            condition, value = EVENT_TYPES[key]
            return "mapped", condition, value, {}
        if key is not None:
            return "unmapped", f"`{key}` events have no direct counterpart; {NAMES_ADVICE}"
    if (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == names.type_name
            and any(isinstance(c, (ast.Attribute, ast.Constant, ast.Tuple, ast.List, ast.Set))
                    for c in test.comparators)):
        return "unmapped", f"legacy event names never match; {NAMES_ADVICE}"
    return None


def _rename(ctx: Context, tree: ast.AST, names: _Names, data: str, renames: dict[str, str]) -> None:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == names.data_name and node.attr in renames):
            skip.add(id(node.value))
            if ctx.claim(node):
                new = renames[node.attr]
                ctx.replace(node, f"{data}.{new}" if new else data)
        elif isinstance(node, ast.Name) and node.id in (names.data_name, names.type_name):
            if ctx.claim(node):
                ctx.replace(node, data if node.id == names.data_name else f"{names.event}.type")


def _event_name(ctx: Context) -> str:
    # not reserved: every loop over a stream can use the same name
    name = free_name(ctx, "event", reserve=False)
    return name if name == "event" else free_name(ctx, "stream_event", reserve=False)


@RULE.on(ast.Attribute)
def other_uses(node: ast.Attribute, ctx: Context) -> None:
    if not ctx.streams or node.attr in ("until_done", "text_deltas"):
        return
    found = _stream(ctx, node.value)
    if found is None or not ctx.claim(node):
        return
    if node.attr in found[1].chunk_methods and _text_chunks(ctx, node, *found):
        return
    ctx.note(node, "warning", f"`{found[0]}.{node.attr}` has no counterpart on the response stream: {FINAL_ADVICE}.")


def _text_chunks(ctx: Context, node: ast.Attribute, name: str, info: StreamInfo) -> bool:
    """`stream.get_stream_chunks()` of a raw handler that yielded delta texts -> the deltas of the response stream."""
    call = next((n for n in ast.walk(ctx.statement) if isinstance(n, ast.Call) and n.func is node
                 and not n.args and not n.keywords), None) if ctx.statement is not None else None
    if call is None:
        return False
    event = _event_name(ctx)
    loop = "async for" if info.is_async else "for"
    ctx.replace(call, f"({event}.delta {loop} {event} in {name} if {event}.type == \"response.output_text.delta\")")
    ctx.note(call, "info", f"`{name}.{node.attr}()` yielded the text of each message delta, which the handler "
             "parsed from the raw events; the response stream carries it as `event.delta` of the "
             "\"response.output_text.delta\" events, so the handler class is no longer used.")
    return True
