"""Rule streaming: a streamed run becomes a streamed response.

Before:
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=MyEventHandler()) as stream:
        stream.until_done()
    with client.beta.threads.runs.stream(thread_id=t.id, assistant_id=a.id, event_handler=EventHandler()) as stream:
        stream.until_done()
After:
    handler = MyEventHandler()
    with openai_client.responses.create(
        conversation=thread.id, extra_body={"agent_reference": {...}}, stream=True
    ) as stream:
        for event in stream:          # written by stream_loops
            if event.type == "response.output_text.delta":
                handler.on_message_delta(event.delta)

The `with` stays: the OpenAI `Stream` is a context manager that closes the
connection, as the legacy stream did. The arguments convert as for
`runs.create` (runs_to_responses); `event_handler=` moves into a variable that
the event loop calls. Async code gets `async with await ...` (`responses.create`
is a coroutine; the OpenAI beta `runs.stream` was not). `runs.create_stream`
(azure-ai-projects 1.0 betas) and OpenAI `create_and_stream` /
`create_and_run_stream` map the same way. `submit_tool_outputs_stream` stays
with a note: tool outputs go back as `function_call_output` input items.
"""
from __future__ import annotations

import ast

from ..build import is_awaited, openai_for, parse_call, put_comments_above
from ..context import Context
from ..fragments import Arg, render_call
from ..registry import rule
from ..stream_events import HandlerInfo, StreamInfo, handler_base, handler_info, text_chunk_methods
from .runs_to_responses import response_arguments

RULE = rule("streaming", "runs.stream / beta.threads.runs.stream -> responses.create(..., stream=True)")

STREAM_OPS = {
    ("agents", "runs.stream"), ("agents", "create_stream"), ("agents", "runs.create_stream"),
    ("openai", "threads.runs.stream"), ("openai", "threads.runs.create_and_stream"),
    ("openai", "threads.create_and_run_stream"),
}
TOOL_OUTPUT_OPS = {"runs.submit_tool_outputs_stream", "threads.runs.submit_tool_outputs_stream",
                   "submit_tool_outputs_to_stream"}
# Keys that are not identifiers, so they never clash with a stream variable.
INDEX_KEY = "<index>"
TAKEN_KEY = "<taken>"
NAMES_KEY = "<names>"


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    func = node.func
    if not isinstance(func, ast.Attribute) or "stream" not in func.attr:
        return
    target = ctx.resolve(node)
    if target is None:
        return
    if target.op in TOOL_OUTPUT_OPS:
        if ctx.claim(node):
            ctx.note(node, "warning", "Tool outputs are sent back with responses.create(conversation=..., "
                     "input=[{\"type\": \"function_call_output\", \"call_id\": ..., \"output\": ...}], stream=True) "
                     "and the event loop runs again; this call was left as it is.")
        return
    if (target.surface, target.op) not in STREAM_OPS or not ctx.claim(node):
        return
    call = parse_call(ctx, node)
    if call is None:
        return
    ctx.note_assumption(target, node)
    stmt = ctx.statement
    is_async = target.is_async or is_awaited(ctx, node) or isinstance(stmt, ast.AsyncWith)
    handler_arg = call.pop("event_handler")
    handler_node = next((k.value for k in node.keywords if k.arg == "event_handler"), None)
    client = openai_for(ctx, target, node)
    args, comments, _ = response_arguments(ctx, node, target, call, client)
    args.append(Arg("stream", "True"))
    handler = None
    info = None
    chunks: frozenset[str] = frozenset()
    if handler_arg is not None:
        handler, info, chunks = _handler(ctx, handler_node, handler_arg.value)
        comments = handler_arg.comments + comments  # its comments stay, above the call
    put_comments_above(ctx, comments)
    text = render_call(f"{client}.responses.create", args, multiline=call.multiline,
                       leading_comments=call.leading_comments, indent=ctx.indent(node), unit=ctx.unit())
    if is_async and not is_awaited(ctx, node):
        text = "await " + text
    ctx.replace(node, text)
    name = _stream_name(stmt, node)
    if name is None:
        ctx.note(node, "warning", "Loop over the stream (`for event in stream:`) and test `event.type`.")
        return
    ctx.streams[name] = StreamInfo(handler, info, is_async, node.lineno, chunks)
    if handler_arg is not None and info is None and not chunks:
        ctx.note(node, "warning", f"`{handler_arg.value}` is not a legacy handler class found in this code: "
                 "call its methods from the loop over the stream yourself.")
    ctx.note(node, "info", "The run is streamed as a response: iterate the stream and test `event.type` "
             "(\"response.output_text.delta\" carries `event.delta`, \"response.completed\" `event.response`).")


def _handler(ctx: Context, node: ast.expr | None, text: str) -> tuple[str, HandlerInfo | None, frozenset[str]]:
    """The expression the loop calls the handler through, the handler's class, and its text chunk methods."""
    class_name = None
    if isinstance(node, ast.Call):  # made once, before the stream, not once per event
        class_name = node.func.id if isinstance(node.func, ast.Name) else None
        name = free_name(ctx, "handler")
        if ctx.statement is not None:
            ctx.insert_before(ctx.statement, [f"{name} = {text}"])
        expression = name
    else:
        expression = text
        if isinstance(node, ast.Name):
            class_name = _index(ctx)[1].get(node.id)
    if class_name is None:
        return expression, None, frozenset()
    class_node = _top_level_class(ctx, class_name)
    if class_node is None:
        return expression, None, frozenset()
    found = handler_base(class_node, ctx.imports.qualified)
    if found is None:
        return expression, None, text_chunk_methods(class_node, ctx.imports.qualified)
    return expression, handler_info(class_node, found[1]), frozenset()


def _index(ctx: Context) -> tuple[dict[str, ast.ClassDef], dict[str, str]]:
    """Classes by name and variables assigned `SomeClass(...)`, anywhere in the code.

    One walk over the tree, done only when a handler is not a top-level class
    instantiated in the call itself.
    """
    index = ctx.streams.get(INDEX_KEY)
    if index is None:
        classes: dict[str, ast.ClassDef] = {}
        instances: dict[str, str] = {}
        for n in ast.walk(ctx.tree):
            kind = type(n)
            if kind is ast.ClassDef:
                classes[n.name] = n  # type: ignore[attr-defined]
            elif (kind is ast.Assign and len(n.targets) == 1 and type(n.targets[0]) is ast.Name  # type: ignore[attr-defined]
                  and type(n.value) is ast.Call and type(n.value.func) is ast.Name):  # type: ignore[attr-defined]
                instances[n.targets[0].id] = n.value.func.id  # type: ignore[attr-defined]
        index = (classes, instances)
        ctx.streams[INDEX_KEY] = index
    return index  # type: ignore[return-value]


def _top_level_class(ctx: Context, name: str) -> ast.ClassDef | None:
    for stmt in ctx.tree.body:
        if type(stmt) is ast.ClassDef and stmt.name == name:
            return stmt
    return _index(ctx)[0].get(name)


def _word_in(text: str, word: str) -> bool:
    """`word` occurs in `text` as a whole identifier (in code, strings or comments: a safe overestimate)."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        start = text.find(word, start + 1)
    return False


def _is_used(ctx: Context, name: str) -> bool:
    """The code uses `name` as a name (the text check is cheap; the walk confirms it, once)."""
    if not _word_in(ctx.src.text, name):
        return False
    names = ctx.streams.get(NAMES_KEY)
    if names is None:
        names = set()
        for n in ast.walk(ctx.tree):
            if type(n) is ast.Name:
                names.add(n.id)
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(n.name)
        ctx.streams[NAMES_KEY] = names
    return name in names  # type: ignore[operator]


def free_name(ctx: Context, base: str, reserve: bool = True) -> str:
    """A name the code does not use yet: `base`, else `base_2`, ..."""
    taken = ctx.streams.setdefault(TAKEN_KEY, set())
    name, counter = base, 1
    while name in taken or name in ctx.env or _is_used(ctx, name):  # type: ignore[operator]
        counter += 1
        name = f"{base}_{counter}"
    if reserve:
        taken.add(name)  # type: ignore[union-attr]
    return name


def _stream_name(stmt: ast.stmt | None, node: ast.Call) -> str | None:
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        for item in stmt.items:
            expr = item.context_expr.value if isinstance(item.context_expr, ast.Await) else item.context_expr
            if expr is node and isinstance(item.optional_vars, ast.Name):
                return item.optional_vars.id
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        value = stmt.value.value if isinstance(stmt.value, ast.Await) else stmt.value
        if value is node:
            return stmt.targets[0].id
    return None
