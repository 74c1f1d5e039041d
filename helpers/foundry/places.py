"""Where a statement sits, and whether a name bound in one place is bound in another.

The walk records, for every statement, the chain of statement lists that hold
it (module body, function body, `if` branch, ...) and the function it belongs
to. A binding *dominates* a use when the use cannot run without the binding
having run first: same list or a list nested in it, earlier in the source.
Bodies that always finish once entered (`with`, a `try` whose handlers all
leave) count as part of the list that holds them. New names (the OpenAI
client) are only inserted where they dominate every use, so converted code
never reads a name on a path that did not define it.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

Path = tuple[int, ...]


@dataclass(frozen=True)
class Definition:
    """A line the conversion inserts that binds `name`."""

    name: str
    path: Path  # the statement lists that hold the inserted line
    line: float  # where it sits, as a (fractional) source line
    scope: int  # id of the function holding it, 0 for module level


@dataclass
class Places:
    paths: dict[int, Path] = field(default_factory=dict)
    scopes: dict[int, int] = field(default_factory=dict)
    transparent: set[int] = field(default_factory=set)
    definitions: dict[str, list[Definition]] = field(default_factory=dict)

    def record(self, stmt: ast.stmt, path: Path, scope: int) -> None:
        self.paths[id(stmt)] = path
        self.scopes[id(stmt)] = scope

    def path_of(self, stmt: ast.stmt) -> Path:
        return self.paths.get(id(stmt), ())

    def scope_of(self, stmt: ast.stmt) -> int:
        return self.scopes.get(id(stmt), 0)

    def dominates(self, path: Path, line: float, scope: int, use: ast.stmt) -> bool:
        """Does a binding at (path, line, scope) hold when `use` runs?"""
        use_path = self.path_of(use)
        use_scope = self.scope_of(use)
        trimmed = list(path)
        while trimmed and trimmed[-1] not in use_path and trimmed[-1] in self.transparent:
            trimmed.pop()
        if tuple(trimmed) != use_path[: len(trimmed)]:
            return False
        if scope == use_scope:
            return line <= use.lineno
        # a function reads a module-level name when it is called, after the module ran
        return scope == 0 and len(trimmed) == 1

    def binding_dominates(self, binding: ast.stmt, use: ast.stmt) -> bool:
        return self.dominates(self.path_of(binding), binding.lineno, self.scope_of(binding), use)

    def after(self, binding: ast.stmt) -> tuple[Path, float]:
        """Path and line of a line inserted after `binding` (into the body of a `with`)."""
        if isinstance(binding, (ast.With, ast.AsyncWith)):
            return (*self.path_of(binding), id(binding.body)), binding.body[0].lineno - 0.5
        return self.path_of(binding), binding.end_lineno + 0.5

    def known(self, key: str, use: ast.stmt) -> str | None:
        """The name of an earlier inserted definition for `key` that holds at `use`."""
        for definition in self.definitions.get(key, ()):
            if self.dominates(definition.path, definition.line, definition.scope, use):
                return definition.name
        return None

    def add(self, key: str, definition: Definition) -> None:
        self.definitions.setdefault(key, []).append(definition)


def own_statements(func: ast.FunctionDef | ast.AsyncFunctionDef):
    """The statements of a function, nested blocks included, nested functions and classes not."""
    todo = list(func.body)
    while todo:
        stmt = todo.pop(0)
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field_name in ("body", "orelse", "finalbody"):
            todo.extend(getattr(stmt, field_name, None) or ())
        for handler in getattr(stmt, "handlers", None) or ():
            todo.extend(handler.body)


def parameters(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = func.args
    return {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}


def local_names(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Parameters and every name the function's own code assigns."""
    names = parameters(func)
    for stmt in own_statements(func):
        for node in ast.walk(stmt) if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) else ():
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return names
