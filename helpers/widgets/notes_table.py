"""The notes of a conversion as an HTML table whose line numbers jump into the diff."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..results import Note
from .diff_table import line_anchor


@dataclass(frozen=True)
class NoteRow:
    """One row of the notes table, as plain data for tests and the plain-text report."""

    line: int | None
    column: int | None
    path: str | None
    severity: str
    rule: str
    message: str

    @property
    def where(self) -> str:
        if self.line is None:
            return self.path or ""
        where = f"{self.line}:{self.column}" if self.column else str(self.line)
        return f"{where} {self.path}" if self.path else where


def note_rows(notes: tuple[Note, ...] | list[Note]) -> list[NoteRow]:
    return [NoteRow(n.line, n.column, n.path, n.severity, n.rule, n.message) for n in notes]


def _jump(prefix: str, line: int) -> str:
    # Scroll inside the page instead of changing the URL: JupyterLab owns the URL,
    # and the same widget may be shown twice (ids carry a per-widget prefix).
    target = line_anchor(prefix, line)
    return (
        f'<a href="#{target}" class="amw-jump" '
        f"onclick=\"var e=document.getElementById('{target}');"
        f"if(e){{e.scrollIntoView({{block:'center'}});e.parentElement.classList.add('amw-flash');"
        f"setTimeout(function(){{e.parentElement.classList.remove('amw-flash')}},1200);}}"
        f'return false;">{line}</a>'
    )


def notes_html(rows: list[NoteRow], prefix: str) -> str:
    if not rows:
        return '<p class="amw-muted">No notes: nothing needs your attention.</p>'
    parts = [
        '<table class="amw-notes"><thead><tr><th>line</th><th>severity</th>'
        "<th>rule</th><th>message</th></tr></thead><tbody>"
    ]
    for row in rows:
        where = _jump(prefix, row.line) if row.line is not None else ""
        if row.line is not None and row.column:
            where += f'<span class="amw-muted">:{row.column}</span>'
        if row.path:
            where += f" <code>{html.escape(row.path)}</code>"
        parts.append(
            f'<tr class="amw-sev-{html.escape(row.severity)}"><td>{where}</td>'
            f"<td>{html.escape(row.severity)}</td><td><code>{html.escape(row.rule)}</code></td>"
            f"<td>{html.escape(row.message)}</td></tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)
