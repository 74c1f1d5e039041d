"""A side-by-side diff of input and output as an HTML table.

Each input line has an anchor id (`<prefix>-in-<line>`) so the notes table can
link a note's line straight to its place in the diff. Our own table rather than
`difflib.HtmlDiff`: that one writes a whole page with fixed ids and a legend.
"""

from __future__ import annotations

import difflib
import html

# Beyond this many lines on either side the diff is skipped: it would be unreadable
# and slow to render; the download still holds the whole result.
DIFF_LINE_LIMIT = 4000


def line_anchor(prefix: str, line: int) -> str:
    return f"{prefix}-in-{line}"


def _cell(number: int | None, text: str | None, side: str, tag: str, prefix: str) -> str:
    if number is None:
        return '<td class="amw-ln"></td><td class="amw-empty"></td>'
    anchor = f' id="{line_anchor(prefix, number)}"' if side == "in" else ""
    return (
        f'<td class="amw-ln"{anchor}>{number}</td>'
        f'<td class="amw-{tag}-{side}">{html.escape(text or "") or "&nbsp;"}</td>'
    )


def diff_rows(
    before: str, after: str
) -> list[tuple[str, int | None, str | None, int | None, str | None]]:
    """(tag, input line, input text, output line, output text) per table row."""
    old, new = before.splitlines(), after.splitlines()
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            left = (i + 1, old[i]) if i < i2 else (None, None)
            right = (j + 1, new[j]) if j < j2 else (None, None)
            rows.append((tag, left[0], left[1], right[0], right[1]))
    return rows


def diff_html(before: str, after: str, prefix: str) -> str:
    """The diff table, or a short message when the texts are too long or identical."""
    lines = max(before.count("\n"), after.count("\n")) + 1
    if lines > DIFF_LINE_LIMIT:
        return (
            f'<p class="amw-muted">The diff is skipped for inputs over {DIFF_LINE_LIMIT:,} lines '
            f"(this one has {lines:,}); download the result to compare it.</p>"
        )
    parts = [
        '<table class="amw-diff"><colgroup><col class="amw-ln-col"><col><col class="amw-ln-col">'
        "<col></colgroup><thead><tr><th></th><th>input</th><th></th>"
        "<th>converted</th></tr></thead><tbody>"
    ]
    for tag, i, left, j, right in diff_rows(before, after):
        parts.append(
            f'<tr class="amw-row-{tag}">'
            f"{_cell(i, left, 'in', tag, prefix)}{_cell(j, right, 'out', tag, prefix)}</tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)
