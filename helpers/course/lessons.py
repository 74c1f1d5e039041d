"""The course: its notebooks in order, and each lesson's runnable examples.

A lesson's `before` is legacy code written for this course; its `after` is
what the converter makes of it (so the course shows the tool's real output,
and the tests prove that output runs). Both run against the local service.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .display import HTMLBlock


@dataclass(frozen=True)
class Notebook:
    number: str
    slug: str
    title: str
    platform: str  # "foundry", "langdock" or "both"

    @property
    def filename(self) -> str:
        return f"{self.number}-{self.slug}.ipynb"


LESSONS: tuple[Notebook, ...] = (
    Notebook("00", "start-here", "Start here", "both"),
    Notebook("01", "threads-to-conversations", "Threads become conversations", "foundry"),
    Notebook("02", "messages-to-items", "Messages become conversation items", "foundry"),
    Notebook("03", "runs-to-responses", "Runs and polling become responses", "foundry"),
    Notebook("04", "versioned-agents", "Classic agents become versioned agents", "foundry"),
    Notebook("05", "openai-assistants", "OpenAI assistants become agents", "foundry"),
    Notebook("06", "tools", "Tools", "foundry"),
    Notebook("07", "function-calling", "Function calling", "foundry"),
    Notebook("08", "streaming", "Streaming", "foundry"),
    Notebook("09", "reading-answers", "Reading answers, citations and generated files", "foundry"),
    Notebook("10", "whole-repositories", "Migrate a whole script or folder", "both"),
    Notebook("11", "verify", "Verify your migration", "foundry"),
    Notebook("12", "langdock-endpoints", "Langdock: endpoints and parameters", "langdock"),
    Notebook("13", "langdock-requests", "Langdock: the chat request format", "langdock"),
    Notebook("14", "langdock-responses", "Langdock: the response format", "langdock"),
    Notebook("15", "langdock-streaming", "Langdock: streaming and the AI SDK formats", "langdock"),
    Notebook("16", "keep-your-history", "Keep your history", "both"),
    Notebook("17", "troubleshooting", "Troubleshooting", "both"),
    Notebook("18", "gradual-migration", "A gradual migration checklist", "both"),
)


def _find(slug_or_number: str) -> int:
    for index, notebook in enumerate(LESSONS):
        if slug_or_number in (notebook.slug, notebook.number, notebook.filename):
            return index
    raise KeyError(slug_or_number)


def navigation(slug_or_number: str) -> HTMLBlock:
    """Links to the previous and the next notebook, and back to the contents."""
    index = _find(slug_or_number)
    links: list[tuple[str, str]] = []  # (href, label)
    if index > 0:
        previous = LESSONS[index - 1]
        links.append((previous.filename, f"← {previous.number} {previous.title}"))
        links.append((LESSONS[0].filename, "contents"))
    if index + 1 < len(LESSONS):
        following = LESSONS[index + 1]
        links.append((following.filename, f"{following.number} {following.title} →"))
    markup = " &nbsp;|&nbsp; ".join(f'<a href="{href}">{label}</a>' for href, label in links)
    return HTMLBlock(markup, " | ".join(label for _, label in links))


def contents() -> HTMLBlock:
    rows = "".join(f'<li><a href="{n.filename}">{n.number} {n.title}</a> <small>({n.platform})</small></li>'
                   for n in LESSONS[1:])
    return HTMLBlock(f"<ol start=\"1\" style=\"list-style:none;padding-left:0\">{rows}</ol>",
                     "\n".join(f"{n.number} {n.title}" for n in LESSONS[1:]))


@dataclass(frozen=True)
class Lesson:
    """One runnable example: legacy code and how the reader should think about it."""

    name: str
    before: str
    kind: str = "python"
    notes: tuple[str, ...] = field(default=())

    @cached_property
    def conversion(self):
        from .. import convert

        return convert(self.before, kind=self.kind)

    @property
    def after(self) -> str:
        return self.conversion.output


def lesson(name: str) -> Lesson:
    from .examples import EXAMPLES

    return EXAMPLES[name]
