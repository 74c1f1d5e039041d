"""Folder mode: convert several files together so values are followed across them.

A first pass reads every file and summarises what it tells its siblings: which
functions return a chat answer, what callers pass to functions defined
elsewhere, and which parameters end up as chat messages. The second pass
converts each file through the public `helpers.convert` with those summaries
in effect, so `data = chat(...)` in one module and `return r.json()` in another
are recognised as the same answer. Names are matched by function name.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePath
from typing import Iterator, Mapping

from ..results import ConversionResult

KIND_BY_SUFFIX = {".py": "python", ".js": "javascript", ".mjs": "javascript",
                  ".cjs": "javascript", ".jsx": "javascript", ".ts": "typescript",
                  ".tsx": "typescript", ".mts": "typescript", ".cts": "typescript"}

_EXTERNALS: ContextVar[dict | None] = ContextVar("langdock_externals", default=None)


def current_externals(language: str):
    """What sibling files tell, for the file being converted (None outside folder mode)."""
    table = _EXTERNALS.get()
    return None if table is None else table.get(language)


@contextmanager
def _externals(table: dict) -> Iterator[None]:
    token = _EXTERNALS.set(table)
    try:
        yield
    finally:
        _EXTERNALS.reset(token)


def _summaries(sources: Mapping[str, str]) -> dict:
    from .js_summary import summarise_javascript, merge_js
    from .py_summary import merge_python, summarise_python

    python, javascript = [], []
    for name, text in sources.items():
        kind = KIND_BY_SUFFIX.get(PurePath(name).suffix)
        if kind == "python":
            summary = summarise_python(text)
            if summary is not None:
                python.append(summary)
        elif kind is not None:
            summary = summarise_javascript(text, kind)
            if summary is not None:
                javascript.append(summary)
    return {"python": merge_python(python), "javascript": merge_js(javascript)}


def summarise(sources: Mapping[str, str]) -> dict:
    """What the files (path -> text) tell each other; pass it to `in_folder` (picklable)."""
    return _summaries(sources)


@contextmanager
def in_folder(table: dict) -> Iterator[None]:
    """Conversions inside the block follow values across the summarised files."""
    with _externals(table):
        yield


def convert_files(sources: Mapping[str, str]) -> dict[str, ConversionResult]:
    """Convert files of one folder (path -> text) together; returns path -> result.

    Files of other kinds (JSON payloads, streams) are converted on their own.
    Raises `InputError` for a file that cannot be read as its kind.
    """
    from ..api import convert

    table = _summaries(sources)
    results: dict[str, ConversionResult] = {}
    with _externals(table):
        for name, text in sources.items():
            kind = KIND_BY_SUFFIX.get(PurePath(name).suffix)
            results[name] = convert(text, kind=kind)
    return results
