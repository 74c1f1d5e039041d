"""Other modules of the same project, for what a script imports from them (its `user_functions`).

`convert_code(source, modules={"utils.user_functions": text, ...})` (and the
command line, for the files of a folder it converts) makes their source
available while one file is converted. Only function definitions and simple
module-level lists of names are read; nothing is imported or executed.
"""
from __future__ import annotations

import ast
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Mapping

_MODULES: ContextVar[Mapping[str, str] | None] = ContextVar("sibling_modules", default=None)


@contextmanager
def available(modules: Mapping[str, str] | None) -> Iterator[None]:
    """Make `modules` (dotted module name -> source) readable during a conversion."""
    token = _MODULES.set(modules)
    try:
        yield
    finally:
        _MODULES.reset(token)


def given() -> bool:
    return bool(_MODULES.get())


def module_tree(dotted: str) -> ast.Module | None:
    """The parsed source of module `dotted`, matched on whole trailing name parts.

    `samples.utils.user_functions` finds a module given as `utils.user_functions`
    and the other way round, since scripts extend `sys.path` in different ways.
    """
    modules = _MODULES.get()
    if not modules:
        return None
    wanted = dotted.split(".")
    best = None
    for name, source in modules.items():
        parts = name.split(".")
        shared = min(len(parts), len(wanted))
        if shared and parts[-shared:] == wanted[-shared:] and parts[-1] == wanted[-1]:
            if best is None or shared > best[0]:
                best = (shared, source)
    if best is None:
        return None
    try:
        return ast.parse(best[1])
    except (SyntaxError, ValueError, RecursionError):
        return None


def module_names(paths: Mapping[str, str]) -> dict[str, str]:
    """`{"utils/user_functions.py": text}` -> `{"utils.user_functions": text}` (packages drop `__init__`)."""
    found = {}
    for path, text in paths.items():
        parts = path.replace("\\", "/").removesuffix(".py").split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(p for p in parts if p)] = text
    return found
