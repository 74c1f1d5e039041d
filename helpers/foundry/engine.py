"""Walk the code once, let every rule plan its edits, apply them, tidy imports."""
from __future__ import annotations

import ast

from ..results import Note
from .context import Context
from .imports import tidy_imports
from .registry import handlers_for, rule_names

# A cheap first look: code with none of these words has nothing for these rules.
MARKERS = (
    "create_agent", "get_agent", "list_agents", "update_agent", "delete_agent", "threads",
    "runs", "messages", "AgentsClient", "azure.ai.agents", "beta.", "AIProjectClient",
    "create_thread_and", "enable_auto_function_calls", "vector_stores", "files.",
    "ToolSet", "FunctionTool", "AgentEventHandler", "AssistantEventHandler",
)

_BODY_FIELDS = ("body", "orelse", "finalbody")


def rewrite(source: str, tree: ast.Module, disabled: frozenset[str] = frozenset()) -> tuple[str, list[Note]]:
    """Return the converted source and the notes; `tree` is `ast.parse(source)`."""
    if not any(marker in source for marker in MARKERS):
        return source, []
    enabled = frozenset(rule_names()) - disabled
    table = handlers_for(enabled)
    ctx = Context(source, tree)
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            ctx.imports.record(node)
    _walk(ctx, tree.body, table)
    if not ctx.edits:
        return source, ctx.notes
    output = ctx.edits.apply(source)
    ctx.rule = "imports"
    output = tidy_imports(output, ctx, enabled)
    return output, ctx.notes


def _walk(ctx: Context, body: list[ast.stmt], table) -> None:
    for stmt in body:
        ctx.stmt_stack.append(stmt)
        try:
            _visit_statement(ctx, stmt, table)
        finally:
            ctx.stmt_stack.pop()


def _offer(ctx: Context, node: ast.AST, table) -> None:
    for name, handler in table.get(type(node), ()):
        if id(node) in ctx.handled:
            return
        ctx.rule = name
        try:
            handler(node, ctx)
        except Exception as exc:  # a rule's bug must not cost the user the rest of the conversion
            ctx.handled.add(id(node))
            ctx.note(node, "error", f"internal error in rule {name} ({type(exc).__name__}); this "
                     "place was left as it is. Please report it.")


def _visit_statement(ctx: Context, stmt: ast.stmt, table) -> None:
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        ctx.imports.record(stmt)
    _offer(ctx, stmt, table)
    if id(stmt) in ctx.handled and stmt in ctx.removed:
        for node in ast.walk(stmt):  # still count what the removed code used
            if type(node) is ast.Name:
                ctx.name_counts[node.id] = ctx.name_counts.get(node.id, 0) + 1
        return
    # Expressions that belong to this statement itself, not to nested bodies.
    for field_name, value in ast.iter_fields(stmt):
        if field_name in _BODY_FIELDS or field_name == "handlers" or field_name == "cases":
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, ast.AST):
                for node in ast.walk(item):
                    kind = type(node)
                    if kind is ast.Name:
                        ctx.name_counts[node.id] = ctx.name_counts.get(node.id, 0) + 1
                    elif kind in table:
                        _offer(ctx, node, table)
    _bind(ctx, stmt)
    for field_name in _BODY_FIELDS:
        nested = getattr(stmt, field_name, None)
        if nested and isinstance(nested, list) and isinstance(nested[0], ast.stmt):
            _walk(ctx, nested, table)
    for handler in getattr(stmt, "handlers", None) or ():
        _walk(ctx, handler.body, table)
    for case in getattr(stmt, "cases", None) or ():
        _walk(ctx, case.body, table)


def _bind(ctx: Context, stmt: ast.stmt) -> None:
    if isinstance(stmt, ast.Assign):
        role = ctx.role_of(stmt.value)
        for target in stmt.targets:
            ctx.bind(target, role, stmt)
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        ctx.bind(stmt.target, ctx.role_of(stmt.value), stmt)
    elif isinstance(stmt, (ast.With, ast.AsyncWith)):
        for item in stmt.items:
            if item.optional_vars is not None:
                ctx.bind(item.optional_vars, ctx.role_of(item.context_expr), stmt)
    elif isinstance(stmt, (ast.For, ast.AsyncFor)):
        role = ctx.role_of(stmt.iter)
        if role is not None and role.kind == "messages":
            from .names import Role

            ctx.bind(stmt.target, Role("message", role.is_async), stmt)
        else:
            ctx.bind(stmt.target, None, stmt)
