"""Where the OpenAI client that new code needs is created.

Converted calls on conversations and responses run on
`project_client.get_openai_client()`. The line that makes it goes where it is
defined on every path to each use (see places):

- in a class, as an attribute next to the legacy client
  (`self.openai_client = self.client.get_openai_client()` after `self.client = ...`,
  or a class attribute after a class attribute client);
- after the statement that binds the project client, when that binding holds
  at the use (same block or an enclosing one, a `with` body, a `try` body whose
  handlers leave);
- for a parameter or a global, before the outermost statement of the function
  that needs it and that no `if client is None` test guards;
- otherwise right before the statement that uses it (a client bound on one
  branch only, Streamlit state set on the first run).

The `openai` module used as the client gets a Foundry project client and its
OpenAI client once, after the imports.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .places import Definition, local_names, parameters

if TYPE_CHECKING:
    from .context import Context

NAME = "openai_client"


def openai_client(ctx: Context, project_text: str | None, node: ast.AST) -> str:
    use = ctx.statement
    if project_text is None or use is None:
        if project_text is None:
            ctx.note(node, "warning", "No project client found here: create the OpenAI client with "
                     "`openai_client = project_client.get_openai_client()` before this line.")
        return NAME
    existing = _existing(ctx, project_text, use)
    if existing is not None:
        return existing
    known = ctx.places.known(project_text, use)
    if known is not None:
        return known
    root = project_text.split(".")[0].split("(")[0].split("[")[0]
    if _bound_inside(use, root):
        # `[c.threads.create() for c in clients]`: no line before the statement has `c`
        ctx.note(node, "info", f"`{root}` exists only inside this expression, so the OpenAI client is made "
                 "right there; create it once outside if this runs often.")
        return f"{project_text}.get_openai_client()"
    line = f"{NAME} = {project_text}.get_openai_client()"
    func = ctx.function()
    cls = ctx.enclosing_class()
    if project_text.startswith(("self.", "cls.")) and func is not None and cls is not None:
        attribute = _class_attribute(ctx, cls, project_text)
        if attribute is not None:
            return attribute
    binding = ctx.bound_at.get(project_text)
    places = ctx.places
    if binding is not None and places.scope_of(binding) != ctx.scope_id() and func is not None \
            and root in local_names(func):
        binding = None  # bound in another function; this one binds its own
    if binding is not None and places.binding_dominates(binding, use):
        path, at = places.after(binding)
        ctx.insert_after(binding, [line])
        places.add(project_text, Definition(NAME, path, at, places.scope_of(binding)))
        return NAME
    if binding is None and func is None:
        anchor = ctx.top_statement  # a fragment that never shows the client: before its first use
    elif binding is not None and (func is None or (root in local_names(func) and root not in parameters(func))):
        anchor = _insertable(ctx, use)  # bound on some paths only: right where it is used
    else:
        anchor = _unguarded(ctx, root)  # a parameter or a global
    ctx.insert_before(anchor, [line])
    places.add(project_text, Definition(NAME, places.path_of(anchor), anchor.lineno - 0.5, places.scope_of(anchor)))
    return NAME


def module_openai_client(ctx: Context) -> str:
    if ctx.tools.get("module_openai_client") is None:
        ctx.tools["module_openai_client"] = NAME
        body = ctx.tree.body
        first_code = min((s.lineno for s in body if not isinstance(s, (ast.Import, ast.ImportFrom, ast.Expr))),
                         default=10**9)
        leading = [s for s in body if isinstance(s, (ast.Import, ast.ImportFrom)) and s.lineno <= first_code]
        lines = ["project_client = AIProjectClient(endpoint=os.environ[\"AZURE_AI_PROJECT_ENDPOINT\"], "
                 "credential=DefaultAzureCredential())", f"{NAME} = project_client.get_openai_client()"]
        if leading:
            ctx.insert_after(leading[-1], ["", *lines])
        else:
            ctx.insert_before(body[0], lines)
        ctx.require_import("azure.ai.projects", "AIProjectClient")
        ctx.require_import("azure.identity", "DefaultAzureCredential")
        ctx.require_import("os", "")
        rule, ctx.rule = ctx.rule, "openai_client"
        ctx.note(body[0], "warning", "The `openai` module served as the Assistants client: a Foundry project "
                 "client and its OpenAI client are now created after the imports (set AZURE_AI_PROJECT_ENDPOINT; "
                 "`openai.api_key` and similar settings no longer apply).")
        ctx.rule = rule
    return ctx.tools["module_openai_client"]


def _existing(ctx: Context, project_text: str, use: ast.stmt) -> str | None:
    """An OpenAI client the code already made from this project client, bound where it is used."""
    for name, role in ctx.env.items():
        if role.kind == "openai" and role.from_new_sdk and role.project == project_text:
            binding = ctx.bound_at.get(name)
            if binding is not None and ctx.places.binding_dominates(binding, use):
                return name
    return None


def _class_attribute(ctx: Context, cls: ast.ClassDef, project_text: str) -> str | None:
    """`self.openai_client = self.client.get_openai_client()` next to where the class sets `self.client`."""
    key = f"{id(cls)}:{project_text}"
    if key in ctx.class_openai:
        return ctx.class_openai[key]
    assigned = ctx.class_attrs.get(id(cls), {})
    assignment = assigned.get(project_text)
    if assignment is None:
        return None  # a property or set elsewhere: the function-level placement applies
    owner, attr = project_text.split(".", 1)
    if assignment in cls.body:  # a class attribute: its OpenAI client is one too, read through self or cls
        shared = f"{id(cls)}:class:{attr}"
        if shared not in ctx.class_openai:
            ctx.class_openai[shared] = NAME if f"self.{NAME}" not in assigned else f"{attr}_{NAME}"
            ctx.insert_after(assignment, [f"{ctx.class_openai[shared]} = {attr}.get_openai_client()"])
        ctx.class_openai[key] = f"{owner}.{ctx.class_openai[shared]}"
        return ctx.class_openai[key]
    attribute = f"self.{NAME}"
    if attribute in set(ctx.class_openai.values()) | set(assigned):
        attribute = f"self.{attr.lstrip('_')}_{NAME}"
    ctx.class_openai[key] = attribute
    ctx.insert_after(assignment, [f"{attribute} = {project_text}.get_openai_client()"])
    return attribute


def _unguarded(ctx: Context, root: str) -> ast.stmt:
    """The outermost statement of the current function around the current one that no
    `if`/`while` test on `root` guards (`if client is None: ...`): the client is made
    once, not in every branch or loop round, and never from a guarded value."""
    stack = ctx.stmt_stack
    start = 0
    for index, stmt in enumerate(stack[:-1]):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            start = index + 1
    for index in range(start, len(stack)):
        if not any(isinstance(s, (ast.If, ast.While)) and _mentions(s.test, root) for s in stack[index:-1]):
            return _insertable(ctx, stack[index])
    return _insertable(ctx, stack[-1])


def _insertable(ctx: Context, stmt: ast.stmt) -> ast.stmt:
    """`stmt`, or the `if` it continues when it is an `elif` (no line can go between)."""
    stack = ctx.stmt_stack
    for index in range(len(stack) - 1, 0, -1):
        current, parent = stack[index], stack[index - 1]
        if current is stmt and isinstance(parent, ast.If) and parent.orelse == [stmt] \
                and ctx.src.lines[stmt.lineno - 1].lstrip().startswith("elif"):
            stmt = parent
    return stmt


def _bound_inside(stmt: ast.stmt, name: str) -> bool:
    """Is `name` a comprehension variable, lambda parameter or `:=` target of this statement?"""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return False
    for node in ast.walk(stmt):
        if isinstance(node, ast.comprehension) and any(
                isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.target)):
            return True
        if isinstance(node, ast.Lambda) and name in {a.arg for a in node.args.args + node.args.kwonlyargs}:
            return True
        if isinstance(node, ast.NamedExpr) and node.target.id == name:
            return True
    return False


def _mentions(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))
