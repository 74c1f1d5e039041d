"""Agents Migration Workbook: convert Assistants-API code and payloads to the Agents API.

Public API (everything else is internal and may change):

- `convert(text, kind=None, **options)`: any input; detects its kind.
- `convert_code(source, modules=None)`: Python (Foundry SDKs, OpenAI beta, Langdock HTTP calls);
  `modules` maps other modules of the project to their source (`{"utils.user_functions": text}`).
- `convert_payload(text, kind=None, **options)`: JSON payloads and stream transcripts.
- `detect_kind(text)`, `all_kinds()`: what an input is, and what kinds exist.
- `verify_code(source, notes=None, original=None)`: checks converted calls against the installed
  SDKs and finds legacy calls left (a warning when `notes` cover them, a failure otherwise).
- `check_script(path_or_source, timeout=60)`: converts a Python script, runs the
  original and the conversion against a fresh local service (this runs the
  code), and returns a `helpers.local.check.CheckReport`: both outcomes, the
  masked output diff, and the verification steps (`report.ok`, `.text()`,
  `.to_dict()`). Also `python -m helpers check SCRIPT`.
- `ConversionResult`, `Note`: the one result type.
- `WorkbookError` and its kinds `InputError` (the input is at fault, with a location) and
  `InternalError` (a bug in the workbook; its message asks for a report): the only errors raised.
"""
from __future__ import annotations

from collections.abc import Mapping

from .api import convert
from .errors import InputError, InternalError, UnknownKindError, WorkbookError
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


def verify_code(source: str, notes=None, *, original: str | None = None):
    from .sdk_check import verify_code as _verify_code

    return _verify_code(source, notes, original=original)


def check_script(script, *, timeout: float = 60.0):
    from .local.check import check_script as _check_script

    return _check_script(script, timeout=timeout)


__all__ = [
    "convert",
    "convert_code",
    "convert_payload",
    "detect_kind",
    "all_kinds",
    "verify_code",
    "check_script",
    "ConversionResult",
    "Note",
    "WorkbookError",
    "InputError",
    "InternalError",
    "UnknownKindError",
]
