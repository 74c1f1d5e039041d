"""Rule polling_loops: the loop that waited for a run goes away; what it did with the result stays.

Before:
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    while run.status in ("queued", "in_progress"):
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)
After:
    run = openai_client.responses.create(conversation=thread.id, extra_body={...})

Before (an application that reads the answer inside the loop):
    while True:
        run = client.runs.get(thread_id=thread_id, run_id=run.id)
        if run.status == "completed":
            return client.messages.get_last_message_text_by_role(thread_id=thread_id, role="assistant")
        if run.status == "failed":
            break
        time.sleep(1)
After:
    if run.status == "completed":
        return run.output_text

A run that reaches the loop from elsewhere (a parameter) counts as converted
when the loop re-reads it with legacy calls. A loop whose body only waits (sleep, re-read the run, print, pass) and checks
the run's status is removed: the status checks stay, one level out, after the
response, without their `break`/`continue` (checks that only left the loop
go). A loop that handles `requires_action` is left to the function calling
rule, and any other loop stays with its calls converted.
"""
from __future__ import annotations

import ast

from ..context import Context, keyword
from ..names import statement_call
from ..registry import rule

RULE = rule("polling_loops", "while run.status in (...): sleep; runs.get -> removed")

WAITING_CALLS = {"sleep", "get", "retrieve", "print", "info", "debug", "write", "spinner", "sleep_ms"}
LEAVING = (ast.Break, ast.Continue, ast.Pass)


def _watches_run(test: ast.expr, runs: dict[str, str]) -> str | None:
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr == "status" and isinstance(node.value, ast.Name):
            if node.value.id in runs:
                return node.value.id
    return None


def _waits(stmt: ast.stmt) -> bool:
    if isinstance(stmt, (ast.Pass, ast.Continue)):
        return True
    found = statement_call(stmt)
    return found is not None and found[1] in WAITING_CALLS


def _rereads(stmt: ast.stmt, runs: dict[str, str]) -> str | None:
    """`run = client.runs.get(...)`: the run this statement polls."""
    found = statement_call(stmt)
    if isinstance(stmt, ast.Assign) and found is not None and found[1] in ("get", "retrieve") \
            and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id in runs:
        return stmt.targets[0].id
    return None


def _plan(node: ast.While, ctx: Context) -> tuple[str, list[ast.stmt], list[ast.If]] | None:
    """The polled run, the statements to drop and the status checks to keep; None if not a polling loop."""
    runs = ctx.converted_runs
    forever = isinstance(node.test, ast.Constant) and node.test.value in (True, 1)
    run = None if forever else _watches_run(node.test, runs)
    if node.orelse or (run is None and not forever):
        return None
    dropped, kept = [], []
    for stmt in node.body:
        if _waits(stmt):
            run = run or _rereads(stmt, runs)
            dropped.append(stmt)
        elif isinstance(stmt, ast.If) and _watches_run(stmt.test, runs):
            kept.append(stmt)
        else:
            return None
    if run is None or (forever and not any(_rereads(s, runs) for s in dropped)):
        return None
    for stmt in kept:
        for inner in ast.walk(stmt):
            if isinstance(inner, ast.Attribute) and inner.attr in ("requires_action", "submit_tool_outputs"):
                return None  # the function calling rule turns these into its own loop
            if isinstance(inner, ast.Constant) and inner.value == "requires_action":
                return None
            if isinstance(inner, (ast.Constant, ast.JoinedStr)) and inner.lineno != inner.end_lineno:
                return None  # moving a multi-line string one level out would change it
    return run, dropped, kept


RUN_READS = {"runs.get", "threads.runs.retrieve", "runs.submit_tool_outputs", "threads.runs.submit_tool_outputs",
             "threads.runs.submit_tool_outputs_and_poll"}


def _adopt(node: ast.While, ctx: Context) -> None:
    """A run this code did not create here (a parameter, an attribute of the caller's) that the
    loop re-reads with legacy calls is a response after conversion like the others, so that its
    status checks and requires_action handling are converted together with those calls."""
    for watched in ast.walk(node.test):
        if not (isinstance(watched, ast.Attribute) and watched.attr == "status" and isinstance(watched.value, ast.Name)):
            continue
        run = watched.value.id
        if run in ctx.converted_runs:
            return
        for stmt in ast.walk(node):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                    and stmt.targets[0].id == run and isinstance(stmt.value, ast.Call):
                target = ctx.resolve(stmt.value)
                if target is not None and target.op in RUN_READS:
                    thread = keyword(stmt.value, "thread_id")
                    ctx.converted_runs[run] = ctx.text(thread) if thread is not None else ""
                    return


@RULE.on(ast.While)
def convert(node: ast.While, ctx: Context) -> None:
    _adopt(node, ctx)
    planned = _plan(node, ctx)
    if planned is None or not ctx.claim(node):
        return
    run, dropped, kept = planned
    kept = [stmt for stmt in kept if not _only_leaves(stmt)]
    if not kept:
        ctx.remove_statement(node)
        ctx.note(node, "info", f"Removed the loop that polled `{run}`: responses.create returns the finished "
                 "response (status completed, failed or incomplete).")
        return
    ctx.edits.replace(ctx.src.line_start(node.lineno), ctx.src.line_start(node.body[0].lineno), "")
    for stmt in node.body:
        if stmt not in kept and ctx.claim(stmt):
            ctx.remove_statement(stmt)
    width = len(ctx.src.indent_of(node.body[0].lineno)) - len(ctx.src.indent_of(node.lineno))
    for stmt in kept:
        _dedent(ctx, stmt, width)
        _drop_leaving(ctx, stmt)
    ctx.note(node, "info", f"Removed the loop that polled `{run}`: responses.create returns the finished "
             "response, so its status checks now run once, right after it.")


def _only_leaves(stmt: ast.If) -> bool:
    """An `if` chain whose branches only leave the loop (`break`, `continue`, `pass`)."""
    bodies = [stmt.body]
    current = stmt
    while current.orelse:
        if len(current.orelse) == 1 and isinstance(current.orelse[0], ast.If):
            current = current.orelse[0]
            bodies.append(current.body)
        else:
            bodies.append(current.orelse)
            break
    return all(isinstance(s, LEAVING) for body in bodies for s in body)


def _dedent(ctx: Context, stmt: ast.stmt, width: int) -> None:
    """Move a kept statement one level out (every line, so that nested code keeps its shape)."""
    ctx.dedents.append((stmt.lineno, stmt.end_lineno, width))
    for lineno in range(stmt.lineno, stmt.end_lineno + 1):
        line = ctx.src.lines[lineno - 1]
        if line.strip() and line[:width] == " " * width:
            start = ctx.src.line_start(lineno)
            ctx.edits.replace(start, start + width, "")


def _drop_leaving(ctx: Context, stmt: ast.stmt) -> None:
    """`break` and `continue` that left the removed loop: gone (`pass` where a body would be empty)."""
    for body in _bodies(stmt):
        for inner in body:
            if isinstance(inner, (ast.Break, ast.Continue)) and ctx.claim(inner):
                if len(body) == 1:
                    ctx.replace(inner, "pass")
                else:
                    ctx.remove_statement(inner)
            elif not isinstance(inner, (ast.For, ast.AsyncFor, ast.While, ast.FunctionDef, ast.AsyncFunctionDef,
                                        ast.ClassDef)):
                _drop_leaving(ctx, inner)


def _bodies(stmt: ast.stmt) -> list[list[ast.stmt]]:
    found = [getattr(stmt, f, None) for f in ("body", "orelse", "finalbody")]
    found += [h.body for h in getattr(stmt, "handlers", None) or ()]
    return [body for body in found if body and isinstance(body[0], ast.stmt)]
