"""Other modules of the same project, for what a script imports from them (its `user_functions`).

`convert_code(source, modules={"utils.user_functions": text, ...})` makes their
source available while one file is converted; the command line passes a
`FolderModules`, which reads a module from disk only when the script imports
from it. Only function definitions and simple module-level lists of names are
read; nothing is imported or executed.
"""
from __future__ import annotations

import ast
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
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


def converted_together() -> bool:
    """True when the modules come from the folder being converted, so they change in the same run."""
    return bool(getattr(_MODULES.get(), "converted_together", False))


def module_tree(dotted: str) -> ast.Module | None:
    """The parsed source of module `dotted`, matched on whole trailing name parts.

    `samples.utils.user_functions` finds a module given as `utils.user_functions`
    and the other way round, since scripts extend `sys.path` in different ways.
    """
    modules = _MODULES.get()
    if not modules:
        return None
    wanted = dotted.split(".")
    source = None
    for start in range(len(wanted)):  # the longest trailing part that names a module wins
        source = modules.get(".".join(wanted[start:]))
        if isinstance(source, str):
            return _parse(source)
    if not isinstance(modules, dict):
        return None
    best = None
    for name, source in modules.items():
        parts = name.split(".")
        shared = min(len(parts), len(wanted))
        if shared and parts[-shared:] == wanted[-shared:] and parts[-1] == wanted[-1]:
            if best is None or shared > best[0]:
                best = (shared, source)
    return None if best is None else _parse(best[1])


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return None


class FolderModules(Mapping):
    """Modules read from disk on demand: `utils.user_functions` is `<root>/utils/user_functions.py`
    (or its `__init__.py`) under the first root that has it, as `sys.path` would find it.

    The roots lie inside the folder the command line walks, so every module found
    here is converted in the same run (`converted_together`)."""

    converted_together = True

    def __init__(self, roots: list[Path] | tuple[Path, ...]) -> None:
        self.roots = tuple(roots)

    def __getitem__(self, dotted: str) -> str:
        parts = dotted.split(".")
        if not all(part.isidentifier() for part in parts):
            raise KeyError(dotted)
        for root in self.roots:
            for path in (root.joinpath(*parts).with_suffix(".py"), root.joinpath(*parts, "__init__.py")):
                try:
                    return path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
        raise KeyError(dotted)

    def __iter__(self) -> Iterator[str]:  # a folder is not listed: modules are looked up by name
        return iter(())

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return bool(self.roots)


def search_roots(path: Path, top: Path) -> tuple[Path, ...]:
    """The folders a script at `path` imports from: its own folder and each parent up to `top`."""
    roots = [path.parent]
    while roots[-1] != top and top in roots[-1].parents:
        roots.append(roots[-1].parent)
    return tuple(roots)


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
