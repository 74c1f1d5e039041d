"""Shared helpers for the widget tests: a manual timer and a stand-in converter."""

from __future__ import annotations

import pytest

from helpers.results import ConversionResult, Note


class ManualTimers:
    """A `schedule` for `Debouncer` that fires only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0
        self.pending: list[list] = []  # [due, callback, cancelled]

    def clock(self) -> float:
        return self.now

    def schedule(self, delay, callback):
        entry = [self.now + delay, callback, False]
        self.pending.append(entry)

        class Handle:
            def cancel(self_inner):
                entry[2] = True

        return Handle()

    def advance(self, seconds: float) -> None:
        self.now += seconds
        due = [e for e in self.pending if e[0] <= self.now and not e[2]]
        self.pending = [e for e in self.pending if e[0] > self.now and not e[2]]
        for entry in due:
            entry[1]()


@pytest.fixture
def timers() -> ManualTimers:
    return ManualTimers()


def _upper_converter(calls: list | None = None):
    """A converter that upper-cases the input and writes one note per line containing 'todo'."""

    def convert(text, kind=None, **options):
        if calls is not None:
            calls.append((text, kind, options))
        notes = tuple(
            Note(i, "warning", "todo-rule", "cannot convert this line")
            for i, line in enumerate(text.splitlines(), 1)
            if "todo" in line
        )
        return ConversionResult(
            kind=kind or "python",
            source=text,
            output=text.upper(),
            notes=notes,
            detected=kind is None,
        )

    return convert


@pytest.fixture
def upper_converter():
    """Factory fixture: `upper_converter(calls)` gives the stand-in converter."""
    return _upper_converter
