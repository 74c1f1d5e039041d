"""One entry point for every kind of input: `convert(text, kind=None)`.

Presenters (widgets, command line, notebooks) call this and read the
`ConversionResult`; they never reach into a converter.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .errors import UnknownKindError
from .inputs import as_text
from .kinds import CODE_KINDS, all_kinds, detect_kind
from .results import ConversionResult
from .secrets import without_secrets


def convert(text: str | bytes, kind: str | None = None, **options: Any) -> ConversionResult:
    """Convert any legacy input. `kind=None` detects it (`result.detected` is True).

    Options are passed to the converter of that kind, for example
    `stream_format="data-stream"` for Langdock streams, or `modules={"utils.tools": source}`
    for Python that imports functions from other modules of the project.
    Raises `InputError` (and only that) when the input cannot be converted.
    """
    text = as_text(text, kind=kind)
    detected = kind is None
    if kind is None:
        kind = detect_kind(text)
    if kind == "python":
        from .python_code import convert_code

        result = convert_code(text, modules=options.get("modules"))
    elif kind in ("javascript", "typescript"):
        from .langdock.javascript import convert_javascript

        result = convert_javascript(text, kind=kind)
    elif kind in all_kinds():
        from .payloads import convert_payload

        result = convert_payload(text, kind=kind, **options)
    else:
        raise UnknownKindError(
            f"unknown kind {kind!r}; choose one of: {', '.join(all_kinds())}", kind=kind
        )
    return without_secrets(replace(result, detected=detected))


__all__ = ["convert", "CODE_KINDS"]
