"""Convert Python `requests`/`httpx` code that calls Langdock's Assistants API.

`rewrite_langdock_python` is one LibCST pass over a parsed module: the facts
are gathered first (`py_facts.scan`), then one transformer hands every node to
the rules registered for its type (`py_rules`). Notes carry the line and column
of the original node in the module that was passed in.
"""
from __future__ import annotations

import ast
from contextlib import contextmanager

import libcst as cst
from libcst._nodes.internal import CodegenState

from ..errors import InputError
from ..inputs import as_text
from ..python_code import python_column
from ..results import ConversionResult, Note, Severity, sorted_notes
from .py_facts import PyFacts, scan

_MARKERS = ("/assistant/v1/", "assistantId", "/agent/v1/")


def looks_like_langdock(source: str) -> bool:
    """Cheap pre-check: could this source contain Langdock API code? In folder mode
    also when it names a sibling's function that handles chat answers or messages."""
    if any(m in source for m in _MARKERS) or "langdock" in source.lower():
        return True
    from .folder import current_externals

    ext = current_externals("python")
    return ext is not None and any(
        f"{name}(" in source for name in (*ext.returns, *ext.message_params, *ext.params))


class _PositionState(CodegenState):
    """Code generation that notes where a few target nodes start (1-based line,
    column). Much cheaper than libcst's PositionProvider, which records every node."""

    def __init__(self, module: cst.Module, targets: set[int]) -> None:
        super().__init__(default_indent=module.default_indent,
                         default_newline=module.default_newline)
        self.targets = targets
        self.found: dict[int, tuple[int, int]] = {}
        self._done = 0  # tokens already counted
        self._line, self._column = 1, 0

    def _here(self) -> tuple[int, int]:
        chunk = "".join(self.tokens[self._done:])
        self._done = len(self.tokens)
        newlines = chunk.count("\n")
        if newlines:
            self._line += newlines
            self._column = len(chunk) - chunk.rfind("\n") - 1
        else:
            self._column += len(chunk)
        return self._line, self._column + 1

    @contextmanager
    def record_syntactic_position(self, node, *, start_node=None, end_node=None):
        if id(node) in self.targets and id(node) not in self.found:
            self.found[id(node)] = self._here()
        yield


def _positions(module: cst.Module, nodes: list[cst.CSTNode]) -> dict[int, tuple[int, int]]:
    state = _PositionState(module, {id(n) for n in nodes})
    module._codegen(state)
    return state.found


class PyContext:
    """One rewrite: the facts and the notes (positions are resolved at the end)."""

    def __init__(self, facts: PyFacts) -> None:
        self.facts = facts
        self._pending: list[tuple[cst.CSTNode, Severity, str, str]] = []
        self.counters: dict[str, object] = {}

    def note(self, node: cst.CSTNode, severity: Severity, rule: str, message: str) -> None:
        self._pending.append((node, severity, rule, message))

    def notes_for(self, module: cst.Module) -> list[Note]:
        """The notes, located in `module` (the module the original nodes belong to)."""
        if not self._pending:
            return []
        where = _positions(module, [node for node, *_ in self._pending])
        notes, seen = [], set()
        for node, severity, rule, message in self._pending:
            line, column = where.get(id(node), (None, None))
            if (rule, line, message) not in seen:  # one note per rule, line and message
                seen.add((rule, line, message))
                notes.append(Note(line, severity, rule, message, column=column))
        return notes


class _Dispatch(cst.CSTTransformer):
    def __init__(self, ctx: PyContext, table) -> None:
        super().__init__()
        self.ctx = ctx
        self.table = table

    def on_leave(self, original_node, updated_node):
        for rule in self.table.get(type(original_node), ()):
            updated_node = rule.apply(self.ctx, original_node, updated_node)
        return updated_node


def rewrite_langdock_python(module: cst.Module) -> tuple[cst.Module, list[Note]]:
    """Migrate Langdock HTTP calls in `module`; returns the new module and notes.

    Notes point at lines of `module` as given. A module without Langdock code
    comes back as the same object with no notes. In folder mode
    (`folder.convert_files`) what sibling files tell is taken into account.
    """
    from .folder import current_externals
    from .py_rules import rules_by_type

    try:
        facts = scan(module, current_externals("python"))
        if facts.mode == "none":
            return module, []
        ctx = PyContext(facts)
        new_module = module.visit(_Dispatch(ctx, rules_by_type()))
        notes = ctx.notes_for(module)
    except RecursionError:
        raise InputError("the code is nested too deeply to convert", kind="python") from None
    return (module if new_module.deep_equals(module) else new_module), notes


def convert_langdock_python(source: str | bytes) -> ConversionResult:
    """Convert Python source with only the Langdock rules (the lead's
    `convert_code` runs them together with the Foundry rules)."""
    text = as_text(source, kind="python")
    if not text.strip():
        return ConversionResult(kind="python", source=text, output=text)
    try:
        # CPython's parser first: it refuses nesting that would overflow the
        # native LibCST parser's stack (a crash, not an exception).
        ast.parse(text)
    except SyntaxError as exc:
        raise InputError(f"Python syntax error: {exc.msg}", line=exc.lineno,
                         column=python_column(exc), kind="python") from None
    except (RecursionError, MemoryError, ValueError):
        raise InputError("the code is nested too deeply to parse", kind="python") from None
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        # CPython accepted it: valid Python that LibCST cannot read (e.g. thousands of
        # implicitly joined strings), not the user's mistake
        raise InputError(f"the converter cannot read this code: {exc.message}", line=exc.raw_line,
                         column=exc.raw_column + 1, kind="python") from None
    except RecursionError:
        raise InputError("the code is nested too deeply to parse", kind="python") from None
    new_module, notes = rewrite_langdock_python(module)
    output = text if new_module is module else new_module.code
    return ConversionResult(kind="python", source=text, output=output,
                            notes=sorted_notes(notes))
