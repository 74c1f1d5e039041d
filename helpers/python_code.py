"""`convert_code`: legacy Python in, Agents-API Python out, with notes.

Runs the Langdock HTTP rules (requests/httpx) when the code talks to Langdock
and the Foundry rules when it uses the agents SDKs or the OpenAI beta surface.
Never executes the code it reads.
"""
from __future__ import annotations

import ast
import warnings

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
            column=exc.offset,
            kind="python",
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise InputError(f"this Python cannot be read: {type(exc).__name__}", kind="python") from None


def convert_code(source: str | bytes, *, disabled_rules: frozenset[str] | set[str] = frozenset()) -> ConversionResult:
    """Convert legacy Python; `disabled_rules` switches rules off by name."""
    text = as_text(source, kind="python")
    tree = parse_python(text)
    notes: list[Note] = []
    output = text
    output, langdock_notes = _langdock(output)
    notes.extend(langdock_notes)
    if output is not text:
        tree = parse_python(output)
    from .foundry.engine import rewrite

    try:
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
