"""`convert_code`: legacy Python in, Agents-API Python out, with notes.

Runs the Langdock HTTP rules (requests/httpx) when the code talks to Langdock
and the Foundry rules when it uses the agents SDKs or the OpenAI beta surface.
Never executes the code it reads.
"""
from __future__ import annotations

import ast
import io
import tokenize
import warnings
from typing import Mapping

from .errors import InputError
from .inputs import as_text
from .results import ConversionResult, Note, sorted_notes


def parse_python(text: str) -> ast.Module:
    """`ast.parse`, turning every failure into a located `InputError`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except SyntaxError as exc:
        raise InputError(
            f"this is not valid Python: {exc.msg}",
            line=exc.lineno,
            column=python_column(exc),
            kind="python",
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise InputError(f"this Python cannot be read: {type(exc).__name__}", kind="python") from None


def python_column(exc: SyntaxError) -> int | None:
    """The 1-based column of a syntax error; CPython gives 0 for some (`@0`): that is the line's start."""
    return None if exc.offset is None else max(1, exc.offset)


# Spaces that web pages put into code samples and Python rejects outside strings.
_ODD_SPACES = "\u00a0\u202f\u2007"
_TO_SPACE = str.maketrans({ch: " " for ch in _ODD_SPACES})


def _plain_spaces(text: str) -> tuple[str, tuple[int, int]]:
    """Replace non-breaking spaces outside string literals with plain spaces.

    The replacement keeps every offset, so the string literals found by
    tokenizing the provisional text are exactly those of the original.
    """
    if not any(space in text for space in _ODD_SPACES):
        return text, (0, 0)
    provisional = text.translate(_TO_SPACE)
    protected: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(provisional).readline):
            if token.type == tokenize.STRING:
                protected.append((token.start, token.end))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass  # the parser will report the real problem
    lines = text.splitlines(keepends=True)
    changed_lines = set()
    for number, line in enumerate(lines, 1):
        if not any(space in line for space in _ODD_SPACES):
            continue
        chars = list(line)
        for col, ch in enumerate(chars):
            if ch in _ODD_SPACES and not any(start <= (number, col) < end for start, end in protected):
                chars[col] = " "
                changed_lines.add(number)
        lines[number - 1] = "".join(chars)
    return "".join(lines), (min(changed_lines) if changed_lines else 0, len(changed_lines))


def convert_code(source: str | bytes, *, disabled_rules: frozenset[str] | set[str] = frozenset(),
                 modules: Mapping[str, str] | None = None) -> ConversionResult:
    """Convert legacy Python; `disabled_rules` switches rules off by name.

    `modules` maps dotted module names of the same project to their source
    (`{"utils.user_functions": text}`): what the code imports from them (the
    functions behind a FunctionTool) is read from there. Nothing is executed.
    """
    text = as_text(source, kind="python")
    if modules is not None and not (isinstance(modules, Mapping) and (not isinstance(modules, dict) or all(
            isinstance(k, str) and isinstance(v, str) for k, v in modules.items()))):
        raise InputError("modules must map module names to their source text", kind="python")
    notes: list[Note] = []
    output, (first, fixed) = _plain_spaces(text)
    if fixed:
        notes.append(Note(first, "info", "spaces", f"Replaced non-breaking spaces outside strings on "
                          f"{fixed} line(s) with plain spaces (they come from copying code out of a web page)."))
    tree = parse_python(output)
    before_langdock = output
    output, langdock_notes = _langdock(output)
    notes.extend(langdock_notes)
    if output is not before_langdock:
        tree = parse_python(output)
    from .foundry.engine import rewrite
    from .foundry.sibling_modules import available

    try:
        with available(modules):
            output, foundry_notes = rewrite(output, tree, frozenset(disabled_rules))
    except RecursionError:
        raise InputError("this code is nested too deeply to convert", kind="python") from None
    notes.extend(foundry_notes)
    return ConversionResult(kind="python", source=text, output=output, notes=sorted_notes(notes))


def _langdock(text: str) -> tuple[str, list[Note]]:
    try:
        from .langdock.python_requests import looks_like_langdock, rewrite_langdock_python
    except ImportError:
        return text, []
    if not looks_like_langdock(text):
        return text, []
    import libcst as cst

    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        return text, [Note(exc.raw_line, "warning", "langdock", f"LibCST cannot read this code: {exc.message}")]
    new_module, notes = rewrite_langdock_python(module)
    code = new_module.code
    return (code if code != text else text), list(notes)
