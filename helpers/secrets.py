"""Keep secrets out of converted results.

Pasted code often carries an API key (`api_key="sk-..."`, `Authorization:
Bearer ...`). The input stays the user's; the converted result, and anything
shown from it, gets a placeholder instead and a note that says where the key
was. Only shapes that are secrets with near certainty are matched, so real code
is never altered by a guess.
"""
from __future__ import annotations

import re

from .inputs import line_column
from .results import ConversionResult, Note

PLACEHOLDER = "<redacted-secret>"

# Each pattern's group `s` is the secret itself.
_PATTERNS = [
    ("API key", re.compile(r"\b(?P<s>sk-[A-Za-z0-9_\-]{20,})")),
    ("bearer token", re.compile(r"Bearer (?P<s>[A-Za-z0-9._~+/\-]{24,}=*)")),
    ("JSON Web Token", re.compile(r"\b(?P<s>eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})")),
    ("key", re.compile(r"""(?:api_key|apiKey|api-key|subscription_key)["']?\s?[=:]\s?["'](?P<s>[A-Za-z0-9_\-]{24,})["']""")),
]


def find_secrets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every secret-looking token, in order, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("s")
            if not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, kind))
    return sorted(found)


def redact(text: str) -> str:
    spans = find_secrets(text)
    if not spans:
        return text
    out, cursor = [], 0
    for start, end, _ in spans:
        out.append(text[cursor:start])
        out.append(PLACEHOLDER)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def without_secrets(result: ConversionResult) -> ConversionResult:
    """The result with secrets replaced in its output, and a note for each one found in the input."""
    spans = find_secrets(result.output)
    if not spans:
        return result
    notes = list(result.notes)
    for start, _, kind in find_secrets(result.source):
        line, column = line_column(result.source, start)
        notes.append(Note(line, "warning", "secrets", f"This line holds what looks like a {kind}. The "
                          f"converted result shows {PLACEHOLDER} instead: load it from an environment "
                          "variable or a key vault, and rotate it if this code was shared.", column))
    from dataclasses import replace

    from .results import sorted_notes

    return replace(result, output=redact(result.output), notes=sorted_notes(notes))
