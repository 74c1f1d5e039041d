"""Agents Migration Workbook: convert Assistants-API code and payloads to the Agents API.

Public API (everything else is internal and may change):

- `convert(text, kind=None, **options)`: any input; detects its kind.
- `convert_code(source, modules=None)`: Python (Foundry SDKs, OpenAI beta, Langdock HTTP calls);
  `modules` maps other modules of the project to their source (`{"utils.user_functions": text}`).
- `convert_payload(text, kind=None, **options)`: JSON payloads and stream transcripts.
- `detect_kind(text)`, `all_kinds()`: what an input is, and what kinds exist.
- `verify_code(source)`: checks converted calls against the installed SDKs.
- `ConversionResult`, `Note`: the one result type.
- `WorkbookError`, `InputError`: the only errors raised on purpose.
"""
from __future__ import annotations

from collections.abc import Mapping

from .api import convert
from .errors import InputError, UnknownKindError, WorkbookError
from .kinds import all_kinds, detect_kind
from .results import ConversionResult, Note


def convert_code(source: str | bytes, *, modules: Mapping[str, str] | None = None,
                 disabled_rules: frozenset[str] | set[str] = frozenset()) -> ConversionResult:
    from .python_code import convert_code as _convert_code
    from .secrets import without_secrets

    return without_secrets(_convert_code(source, modules=modules, disabled_rules=disabled_rules))


def convert_payload(text: str | bytes, kind: str | None = None, **options) -> ConversionResult:
    from .payloads import convert_payload as _convert_payload
    from .secrets import without_secrets

    return without_secrets(_convert_payload(text, kind=kind, **options))


def verify_code(source: str):
    from .sdk_check import verify_code as _verify_code

    return _verify_code(source)


__all__ = [
    "convert",
    "convert_code",
    "convert_payload",
    "detect_kind",
    "all_kinds",
    "verify_code",
    "ConversionResult",
    "Note",
    "WorkbookError",
    "InputError",
    "UnknownKindError",
]
