"""Rule polling_loops: the loop that waited for a run goes away.

Before:
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    while run.status in ("queued", "in_progress"):
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)
After:
    run = openai_client.responses.create(conversation=thread.id, extra_body={...})

Only a loop that does nothing but wait (sleep, re-read the run, print, pass)
is removed; a loop that handles `requires_action` is left to the function
calling rule, and anything else stays with its `runs.get` converted.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..names import statement_call
from ..registry import rule

RULE = rule("polling_loops", "while run.status in (...): sleep; runs.get -> removed")

WAITING_CALLS = {"sleep", "get", "retrieve", "print", "info", "debug"}


def _watches_run(test: ast.expr, runs: dict[str, str]) -> str | None:
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr == "status" and isinstance(node.value, ast.Name):
            if node.value.id in runs:
                return node.value.id
    return None


def _only_waits(body: list[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, (ast.Pass, ast.Continue)):
            continue
        found = statement_call(stmt)
        if found is None or found[1] not in WAITING_CALLS:
            return False
    return True


@RULE.on(ast.While)
def convert(node: ast.While, ctx: Context) -> None:
    run = _watches_run(node.test, ctx.converted_runs)
    if run is None or node.orelse:
        return
    if not _only_waits(node.body):
        return
    if not ctx.claim(node):
        return
    ctx.remove_statement(node)
    ctx.note(node, "info", f"Removed the loop that polled `{run}`: responses.create returns the finished "
             "response (status completed, failed or incomplete).")
