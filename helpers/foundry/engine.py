"""Walk the code once, let every rule plan its edits, apply them, tidy imports."""
from __future__ import annotations

import ast

from ..results import Note
from .context import Context
from .imports import tidy_imports
from .names import PRE_GA_MARKERS
from .registry import handlers_for, rule_names

# A cheap first look: code with none of these words has nothing for these rules.
MARKERS = (
    "create_agent", "get_agent", "list_agents", "update_agent", "delete_agent", "threads",
    "runs", "messages", "AgentsClient", "azure.ai.agents", "beta.", "AIProjectClient",
    "create_thread_and", "enable_auto_function_calls", "vector_stores", "files.",
    "ToolSet", "FunctionTool", "AgentEventHandler", "AssistantEventHandler",
    "create_thread", "create_message", "list_messages", "create_run", "create_stream", "upload_file",
    "create_vector_store", "save_file",
)

_BODY_FIELDS = ("body", "orelse", "finalbody")


def rewrite(source: str, tree: ast.Module, disabled: frozenset[str] = frozenset()) -> tuple[str, list[Note]]:
    """Return the converted source and the notes; `tree` is `ast.parse(source)`."""
    if not any(marker in source for marker in MARKERS):
        return source, []
    enabled = frozenset(rule_names()) - disabled
    table = handlers_for(enabled)
    ctx = Context(source, tree)
    ctx.imports.pre_ga = any(marker in source for marker in PRE_GA_MARKERS)
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            ctx.imports.record(node)
    _walk(ctx, tree.body, table)
    if not ctx.edits:
        return source, ctx.notes
    output = ctx.edits.apply(source)
    ctx.rule = "imports"
    output = tidy_imports(output, ctx, enabled)
    return _same_line_endings(source, output), ctx.notes


def _same_line_endings(source: str, output: str) -> str:
    """A CRLF file stays CRLF: the lines the rules wrote end like the user's lines."""
    if "\r\n" not in source or source.count("\n") != source.count("\r\n"):
        return output
    return output.replace("\r\n", "\n").replace("\n", "\r\n")


def _walk(ctx: Context, body: list[ast.stmt], table, transparent: bool = False) -> None:
    ctx.block_stack.append(id(body))
    if transparent:
        ctx.places.transparent.add(id(body))
    path = tuple(ctx.block_stack)
    scope = ctx.scope_id()
    try:
        for stmt in body:
            ctx.places.record(stmt, path, scope)
            ctx.stmt_stack.append(stmt)
            try:
                _visit_statement(ctx, stmt, table)
            finally:
                ctx.stmt_stack.pop()
    finally:
        ctx.block_stack.pop()


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
    if isinstance(stmt, ast.ClassDef):
        ctx.learn_class(stmt)
    for field_name in _BODY_FIELDS:
        nested = getattr(stmt, field_name, None)
        if nested and isinstance(nested, list) and isinstance(nested[0], ast.stmt):
            _walk(ctx, nested, table, transparent=_runs_to_end(stmt, field_name))
    for handler in getattr(stmt, "handlers", None) or ():
        _walk(ctx, handler.body, table)
    for case in getattr(stmt, "cases", None) or ():
        _walk(ctx, case.body, table)


def _runs_to_end(stmt: ast.stmt, field_name: str) -> bool:
    """A body that, once entered, either finishes or leaves the enclosing code:
    what it binds is bound after the statement (see places.Places.dominates)."""
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return True
    if isinstance(stmt, ast.Try) and field_name == "body":
        return all(h.body and isinstance(h.body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))
                   for h in stmt.handlers)
    return False


def _bind(ctx: Context, stmt: ast.stmt) -> None:
    if isinstance(stmt, ast.Assign):
        role = ctx.role_of(stmt.value) or ctx.group_role(stmt.value)
        for target in stmt.targets:
            if role is None and isinstance(stmt.value, ast.Constant) and stmt.value.value is None \
                    and isinstance(target, ast.Name) and target.id in ctx.env:
                continue  # `client = None` on another branch: still a client where it is used
            ctx.bind(target, role, stmt)
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        ctx.bind(stmt.target, ctx.role_of(stmt.value) or ctx.annotated_role(stmt.annotation), stmt)
    elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        args = stmt.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            role = ctx.annotated_role(arg.annotation)
            if role is not None:  # a client passed in, known by its annotation
                ctx.env[arg.arg] = role
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
