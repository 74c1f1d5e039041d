"""Rule event_handlers: a legacy streaming handler class becomes a plain class.

Before:
    class MyEventHandler(AgentEventHandler):
        def on_message_delta(self, delta: "MessageDeltaChunk") -> None:
            print(delta.text, end="")
        def on_run_step(self, step: "RunStep") -> None:
            print(step.status)
After:
    class MyEventHandler:
        def on_message_delta(self, delta: str) -> None:
            print(delta, end="")
        def on_run_step(self, step: "RunStep") -> None:   # noted: never called now
            print(step.status)

The choice: the class and its method bodies stay, without the legacy base
class, and the event loop that replaces `stream.until_done()` calls the methods
that have a counterpart (rules/stream_loops.py; the table is in
stream_events.py). Parameters whose value changed shape are adapted where
they are used (`delta.text` -> `delta`, OpenAI `delta.value` -> `delta`,
`tool_call.function.name` -> `tool_call.name`) and get the new annotation.
Methods with no counterpart (run steps, run status, exceptions, timeouts)
stay in the class, are no longer called, and get a note with their line.
Extra parameters the loop does not pass (OpenAI's `snapshot`) default to None.
Both azure-ai-agents (`AgentEventHandler`, `AsyncAgentEventHandler`) and OpenAI
(`AssistantEventHandler`, `AsyncAssistantEventHandler`) handlers are handled.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule
from ..stream_events import (ANNOTATION_MODULE, DELTA_PARTS_ADVICE, MAPPED, STR, UNMAPPED, Callback, handler_base,
                             reads_delta_parts)

RULE = rule("event_handlers", "AgentEventHandler / AssistantEventHandler subclass -> plain class used by the event loop")


@RULE.on(ast.ClassDef)
def convert(node: ast.ClassDef, ctx: Context) -> None:
    if not node.bases:
        return
    found = handler_base(node, ctx.imports.qualified)
    if found is None or not ctx.claim(node):
        return
    base, flavour = found
    _remove_base(ctx, node, base)
    mapping = MAPPED[flavour]
    overrides: list[str] = []
    for method in node.body:
        if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        callback = mapping.get(method.name)
        if callback is not None:
            _adapt(ctx, method, callback)
            if callback.advice:
                ctx.note(method, "info", f"`{method.name}` {callback.advice}.")
            if any(_decorator_name(d) == "override" for d in method.decorator_list):
                overrides.append(method.name)
        elif method.name in UNMAPPED:
            ctx.note(method, "warning", f"`{method.name}` (line {method.lineno}) is no longer called: "
                     f"{UNMAPPED[method.name]}.")
    if overrides:
        ctx.note(node, "info", f"`@override` on {', '.join(overrides)} has no base method now; remove it "
                 "for type checkers.")
    ctx.note(node, "info", f"`{node.name}` is a plain class now: the loop over "
             "`responses.create(..., stream=True)` calls its methods for the events that have a counterpart.")


def _remove_base(ctx: Context, node: ast.ClassDef, base: ast.expr) -> None:
    text = ctx.src.text
    start, end = ctx.src.span(base)
    if len(node.bases) == 1 and not node.keywords:
        # `class Name(Base):` -> `class Name:`
        open_paren = text.rfind("(", 0, start)
        close_paren = text.find(")", end)
        if open_paren != -1 and close_paren != -1:
            ctx.edits.replace(open_paren, close_paren + 1, "")
        return
    # several bases: drop `Base, ` (or `, Base` when it is the last one)
    parts = sorted([*node.bases, *node.keywords], key=lambda n: (n.lineno, n.col_offset))
    index = parts.index(base)
    if index + 1 < len(parts):
        ctx.edits.replace(start, ctx.src.span(parts[index + 1])[0], "")
    else:
        ctx.edits.replace(ctx.src.span(parts[index - 1])[1], end, "")


def _adapt(ctx: Context, method: ast.FunctionDef | ast.AsyncFunctionDef, callback: Callback) -> None:
    params = method.args.args[1:]  # without self
    passed = max((len(b.args) for b in callback.branches), default=0)
    if callback.first:
        passed = 1
    if callback.otherwise:
        passed = 2
    for index, param in enumerate(params):
        if index in callback.annotations and param.annotation is not None:
            new = callback.annotations[index]
            if ctx.claim(param.annotation):
                _count_string_annotation(ctx, param.annotation)
                ctx.replace(param.annotation, new)
                if new != "str":
                    ctx.require_import(ANNOTATION_MODULE, new)
        renames = callback.renames.get(index, {})
        fields = callback.fields.get(index)
        if fields is STR:
            _disable_delta_parts(ctx, method, param.arg)
        if renames or fields is not None:
            _rename_uses(ctx, method, param.arg, renames, fields)
    defaults = len(method.args.defaults)
    for index in range(passed, len(params)):
        param = params[index]
        if index >= len(params) - defaults or not ctx.claim(param):
            continue  # has a default already
        used = any(isinstance(n, ast.Name) and n.id == param.arg for stmt in method.body for n in ast.walk(stmt))
        default = " = None" if param.annotation is not None else "=None"
        ctx.replace(param, ctx.text(param) + default)
        if used:
            ctx.note(param, "warning", f"`{param.arg}` is no longer passed (it is None): the stream events carry "
                     "deltas only; collect them yourself if you need the text so far.")


def _disable_delta_parts(ctx: Context, method, name: str) -> None:
    """`if delta.delta.content ...:` read the parts of a legacy delta; `delta` is the text now: the branch is disabled."""
    for node in ast.walk(method):
        if isinstance(node, ast.If) and reads_delta_parts(node.test, name) and ctx.claim(node.test):
            test = " ".join(ctx.text(node.test).split())
            ctx.insert_before(node, [f"# TODO(migration): `{test}` -- {DELTA_PARTS_ADVICE}"])
            ctx.replace(node.test, "False")
            ctx.note(node, "warning", f"`{test}` read the parts of a legacy message delta (the branch is "
                     f"disabled): {DELTA_PARTS_ADVICE}.")
            ctx.handled.update(id(n) for n in ast.walk(node.test))


def _rename_uses(ctx: Context, method, name: str, renames: dict[str, str], fields: frozenset[str] | None) -> None:
    """Adapt `param.attr` uses; note attributes the new value does not have."""
    for stmt in method.body:
        for node in ast.walk(stmt):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name):
                continue
            if node.attr in renames:
                if ctx.claim(node):
                    new = renames[node.attr]
                    ctx.replace(node, f"{name}.{new}" if new else name)
            elif fields is not None and node.attr not in fields:
                has = "it is a string" if fields is STR else f"it has {', '.join(sorted(fields))}"
                ctx.note(node, "warning", f"`{name}.{node.attr}`: the value passed now has no `{node.attr}` "
                         f"({has}); adapt this line.")


def _count_string_annotation(ctx: Context, annotation: ast.expr) -> None:
    # `delta: "MessageDeltaChunk"` used the import too: count it, so that the
    # import the conversion made unused is removed
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str) and annotation.value.isidentifier():
        ctx.name_counts[annotation.value] = ctx.name_counts.get(annotation.value, 0) + 1


def _decorator_name(node: ast.expr) -> str | None:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
