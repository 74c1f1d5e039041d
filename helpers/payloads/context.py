"""What one conversion carries from rule to rule: options, notes and facts for extras.

Rules add notes with a JSON path (payloads) or a line (streams); `finish` turns
them into `Note`s with line and column in the input, found in one pass.
A rule that fires on every one of ten thousand messages would bury the useful
notes, so each rule keeps its first `MAX_NOTES_PER_RULE` notes and then adds one
summary note saying how many more places it touched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..results import Note, Severity, sorted_notes
from .jsontext import Path, format_path, locate

MAX_NOTES_PER_RULE = 25


@dataclass
class Context:
    kind: str
    source: str
    options: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    _pending: list[tuple[str, Severity, str, Path | None, int | None, int | None]] = field(
        default_factory=list
    )
    _counts: dict[str, int] = field(default_factory=dict)
    path_offset: int = 0  # leading path steps added by the converter, not in the input
    locate_lines: bool = True  # False when the input is not JSON text (a printed Python dict)

    @property
    def text_for_lines(self) -> str:
        """The input text when JSON paths can be located in it, else "" (no lines)."""
        return self.source if self.locate_lines else ""

    def note(
        self,
        rule: str,
        severity: Severity,
        message: str,
        path: Path | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        count = self._counts.get(rule, 0) + 1
        self._counts[rule] = count
        if count <= MAX_NOTES_PER_RULE:
            self._pending.append((rule, severity, message, path, line, column))

    def finish(self) -> tuple[Note, ...]:
        """The notes in reading order, located in the input text."""
        if self.path_offset:
            self._pending = [(r, s, m, p[self.path_offset:] if p else p, line, col)
                             for (r, s, m, p, line, col) in self._pending]
        paths = [p for (_, _, _, p, line, _) in self._pending if p is not None and line is None]
        where = locate(self.source, paths) if paths and self.locate_lines else {}
        notes = []
        for rule, severity, message, path, line, column in self._pending:
            if path is not None and line is None:
                line, column = where.get(path, (None, None))
            notes.append(
                Note(
                    line=line,
                    severity=severity,
                    rule=rule,
                    message=message,
                    column=column,
                    path=format_path(path) if path is not None else None,
                )
            )
        last_line = {note.rule: note.line for note in notes}
        for rule, count in self._counts.items():
            if count > MAX_NOTES_PER_RULE:
                notes.append(
                    Note(
                        line=last_line.get(rule),
                        severity="info",
                        rule=rule,
                        message=f"{count - MAX_NOTES_PER_RULE} more places like the ones "
                        f"above ({count} in all); only the first {MAX_NOTES_PER_RULE} are listed",
                    )
                )
        return sorted_notes(notes)
