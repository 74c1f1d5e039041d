"""The one result type every converter returns, and the notes it carries.

Converters for Python, JavaScript, JSON payloads and streams all hand back a
`ConversionResult`; widgets, the command line and the notebooks only ever read
this type, never a rule's internals.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


@dataclass(frozen=True)
class Note:
    """Something the user must know about one place in the input.

    `line` (1-based) and `column` (1-based) point into the *input*; `path` is a
    JSON path such as `messages[2].content` for payloads. `rule` names the rule
    that wrote the note, `message` is the honest migration advice.
    """

    line: int | None
    severity: Severity
    rule: str
    message: str
    column: int | None = None
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "line": self.line,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }
        if self.column is not None:
            data["column"] = self.column
        if self.path is not None:
            data["path"] = self.path
        return data


@dataclass(frozen=True)
class ConversionResult:
    """What a converter made of one input.

    `kind` is the kind of input that was converted (see `helpers.kinds`),
    `detected` says whether it was detected rather than given, `output` is the
    converted text (the input itself, byte for byte, when `changed` is False).
    `extras` holds kind-specific facts a presenter may show, for example the
    HTTP headers a converted stream needs.
    """

    kind: str
    source: str
    output: str
    notes: tuple[Note, ...] = ()
    detected: bool = False
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.output != self.source

    def notes_of(self, severity: Severity) -> list[Note]:
        return [note for note in self.notes if note.severity == severity]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "detected": self.detected,
            "changed": self.changed,
            "output": self.output,
            "notes": [note.to_dict() for note in self.notes],
        }
        if self.extras:
            data["extras"] = self.extras
        return data


def sorted_notes(notes: list[Note]) -> tuple[Note, ...]:
    """Notes in reading order: by line, errors before warnings before info."""
    rank = {severity: index for index, severity in enumerate(reversed(SEVERITIES))}
    return tuple(
        sorted(notes, key=lambda n: (n.line if n.line is not None else 0, rank[n.severity]))
    )
