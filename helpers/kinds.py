"""The kinds of input the workbook converts, and how a kind is guessed.

Code kinds live here; payload and stream kinds come from `helpers.payloads`,
which owns their detection. `detect_kind` never raises: a text nothing
recognises is treated as Python so that its syntax error can be shown with a
line and column.
"""
from __future__ import annotations

import re

CODE_KINDS: dict[str, str] = {
    "python": "Python code (Foundry SDKs, OpenAI beta, Langdock requests/httpx)",
    "javascript": "JavaScript code (Langdock fetch/axios)",
    "typescript": "TypeScript code (Langdock fetch/axios)",
}

_TS_HINT = re.compile(
    r"^\s*(interface|type)\s+\w+\s*[={<]|:\s*(string|number|boolean|any|unknown)\b|\bimport\s+type\b|\bas\s+const\b",
    re.M,
)
_JS_HINT = re.compile(
    r"\b(const|let|var)\s+[\w{\[]|=>|\brequire\(|\bfunction\s*\w*\s*\(|\bconsole\.\w+\(|;\s*$|\bexport\s+(default|async|function|const)\b",
    re.M,
)


def payload_kinds() -> dict[str, str]:
    try:
        from .payloads import PAYLOAD_KINDS
    except ImportError:  # payload converters not installed in this build
        return {}
    return dict(PAYLOAD_KINDS)


def all_kinds() -> dict[str, str]:
    """Every kind a user may pick, with a one-line description."""
    return {**CODE_KINDS, **payload_kinds()}


def detect_code_kind(text: str) -> str:
    """Python, JavaScript or TypeScript (or broken JSON), judged by parsing and telltale syntax."""
    import ast

    try:
        ast.parse(text)
        return "python"
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    if text.lstrip().startswith(("{", "[")) and "json" in payload_kinds():
        return "json"  # broken JSON: report it as JSON, not as a Python syntax error
    if _TS_HINT.search(text):
        return "typescript"
    if _JS_HINT.search(text):
        return "javascript"
    return "python"


def detect_kind(text: str) -> str:
    """The kind `text` most likely is; payloads and streams first, then code."""
    try:
        from .payloads import detect_payload_kind
    except ImportError:
        kind = None
    else:
        kind = detect_payload_kind(text)
    return kind if kind is not None else detect_code_kind(text)
