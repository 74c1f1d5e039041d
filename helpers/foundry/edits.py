"""Planned changes to the source, applied in one go at the end.

Rules never edit text directly: they plan replacements of exact spans, and the
planner composes nested ones (an inner call rewritten inside an outer chain
that is rewritten too) by handing each outer builder the text of its span with
the inner changes already made.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

Builder = Callable[[str], str]


@dataclass
class Replacement:
    start: int
    end: int
    build: Builder
    children: list["Replacement"] = field(default_factory=list)


@dataclass
class Edits:
    replacements: list[Replacement] = field(default_factory=list)
    insertions: list[tuple[int, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, build: Builder | str) -> None:
        if isinstance(build, str):
            text = build
            build = lambda _old, text=text: text  # noqa: E731
        self.replacements.append(Replacement(start, end, build))

    def insert(self, at: int, text: str) -> None:
        """Insert whole lines at a line start (never inside a replaced span)."""
        self.insertions.append((at, text))

    def has(self, start: int, end: int) -> bool:
        return any(r.start == start and r.end == end for r in self.replacements)

    def __bool__(self) -> bool:
        return bool(self.replacements or self.insertions)

    def apply(self, text: str) -> str:
        roots = _nest(self.replacements)
        # An insertion lands before the root span that contains or follows it.
        for at, added in sorted(self.insertions, key=lambda item: item[0]):
            for rep in roots:
                if rep.start < at < rep.end:
                    at = rep.start
                    break
            roots.append(Replacement(at, at, lambda old, added=added: added))
        roots.sort(key=lambda rep: (rep.start, rep.end != rep.start))
        return _apply(text, 0, roots)


def _nest(replacements: list[Replacement]) -> list[Replacement]:
    """Arrange replacements as a forest: a span inside another becomes its child.

    Of equal spans the later-planned one is outer, so it builds on the earlier one.
    Partly overlapping spans cannot both apply; the later one is dropped.
    """
    ordered = sorted(
        enumerate(replacements), key=lambda item: (item[1].start, -item[1].end, -item[0])
    )
    roots: list[Replacement] = []
    stack: list[Replacement] = []
    for _, rep in ordered:
        rep.children = []
        while stack and not (stack[-1].start <= rep.start and rep.end <= stack[-1].end):
            stack.pop()
        if stack:
            parent = stack[-1]
            if parent.children and parent.children[-1].end > rep.start and not (
                parent.children[-1].start <= rep.start and rep.end <= parent.children[-1].end
            ):
                continue
            parent.children.append(rep)
        else:
            if roots and roots[-1].end > rep.start:
                continue
            roots.append(rep)
        stack.append(rep)
    return roots


def _apply(text: str, base: int, forest: list[Replacement]) -> str:
    out: list[str] = []
    cursor = base
    for rep in forest:
        out.append(text[cursor - base : rep.start - base])
        inner = _apply(text[rep.start - base : rep.end - base], rep.start, rep.children)
        out.append(rep.build(inner))
        cursor = rep.end
    out.append(text[cursor - base :])
    return "".join(out)
