"""Rule run_steps: the steps of a run are the output items of the response.

Before:
    steps = client.run_steps.list(thread_id=thread.id, run_id=run.id)
    for step in steps:
        print(step.type, step.status)
    steps = client.beta.threads.runs.steps.list(thread_id=t, run_id=run_id)
After:
    steps = run.output
    for step in steps:
        print(step.type, step.status)
    steps = openai_client.responses.retrieve(run_id).output

A response's `output` is a list of items: messages, and one item per tool call
(`function_call`, `file_search_call`, `code_interpreter_call`, ...) with its
details on the item itself; there is no `step_details` level. Code that read
steps as dicts (`step["id"]`, `step.get("step_details")`) gets the items as
dicts (`item.model_dump()`) so that it still runs, with a note.
"""
from __future__ import annotations

import ast

from ..build import open_call, openai_for
from ..context import Context
from ..leftovers import awaiting, legacy_code, rewritten
from ..registry import rule

RULE = rule("run_steps", "run_steps.list / runs.steps.list -> response.output items")

LIST_OPS = {("agents", "run_steps.list"), ("agents", "runs.steps.list"), ("openai", "threads.runs.steps.list")}
GET_OPS = {("agents", "run_steps.get"), ("agents", "runs.steps.get"), ("openai", "threads.runs.steps.retrieve")}
ITEMS = ("Each item of response.output is one step: a message or one tool call (`item.type` such as "
         "\"function_call\", \"file_search_call\", \"code_interpreter_call\", \"mcp_call\"), with the call's "
         "details on the item itself.")


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None:
        return
    key = (target.surface, target.op)
    if key not in LIST_OPS and key not in GET_OPS:
        return
    call = open_call(ctx, node, target)
    if call is None:
        return
    call.take("thread_id", 0)
    run_id = call.take("run_id", 0)
    if run_id is None:
        ctx.note(node, "warning", "No run was given: the steps of a run are `response.output` of its response.")
        return
    run_node = next((k.value for k in node.keywords if k.arg == "run_id"), None)
    if run_node is None and len(node.args) > 1:
        run_node = node.args[1]
    awaited = None
    if (isinstance(run_node, ast.Attribute) and run_node.attr == "id" and isinstance(run_node.value, ast.Name)
            and run_node.value.id in ctx.converted_runs):
        output = f"{run_node.value.id}.output"
    else:
        retrieve = f"{openai_for(ctx, target, node)}.responses.retrieve({run_id.value})"
        awaited = awaiting(ctx, node)
        output = f"(await {retrieve}).output" if target.is_async or awaited else f"{retrieve}.output"
    if key in GET_OPS:
        step = call.take("step_id", 0)
        step_text = step.value if step is not None else "step_id"
        # the awaited legacy call becomes a plain expression with the await inside
        ctx.replace(awaiting(ctx, node) or node, f"next(item for item in {output} if item.id == {step_text})")
        ctx.note(node, "info", ITEMS)
        return
    _plain_loop(ctx, node)
    if _read_as_dicts(ctx):
        ctx.replace(awaited or node, f"[item.model_dump() for item in {output}]")
        ctx.note(node, "warning", ITEMS + " The items are turned into dicts here because the code reads the "
                 "steps as dicts; `step_details` no longer exists, so read the item's own keys.")
    else:
        ctx.replace(awaited or node, output)
        ctx.note(node, "info", ITEMS)


def _plain_loop(ctx: Context, node: ast.Call) -> None:
    """`async for step in <list>` -> `for step in <list>`: response.output is a plain list."""
    stmt = ctx.statement
    if not (isinstance(stmt, ast.AsyncFor) and stmt.iter is node):
        return
    start = ctx.src.offset(stmt.lineno, stmt.col_offset)
    end = ctx.src.span(node)[0]
    header = ctx.src.text[start:end]
    if header.startswith("async"):
        ctx.edits.replace(start, end, header[len("async"):].lstrip())


def _read_as_dicts(ctx: Context) -> bool:
    """True when the statement's result is a name that a later loop reads with `x[...]` or `x.get(...)`."""
    stmt = ctx.statement
    if not (isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name)):
        return False
    listing = stmt.targets[0].id
    for loop in ast.walk(ctx.tree):
        if not (isinstance(loop, (ast.For, ast.AsyncFor)) and isinstance(loop.iter, ast.Name)
                and loop.iter.id == listing and isinstance(loop.target, ast.Name) and loop.lineno > stmt.lineno):
            continue
        step = loop.target.id
        for node in ast.walk(loop):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == step:
                return True
            if (isinstance(node, ast.Attribute) and node.attr == "get" and isinstance(node.value, ast.Name)
                    and node.value.id == step):
                return True
    return False


@RULE.on(ast.Attribute)
def step_details(node: ast.Attribute, ctx: Context) -> None:
    if node.attr == "step_details" and legacy_code(ctx) and not rewritten(ctx, node) and ctx.claim(node):
        ctx.note(node, "warning", "Output items have no `step_details`: " + ITEMS)
