"""Before and after, next to each other, highlighted the way the converter widget does."""
from __future__ import annotations

import html

from ..widgets.highlight import highlight_html

_TABLE = (
    '<table style="width:100%;table-layout:fixed;border-collapse:collapse">'
    "<tr>{heads}</tr><tr>{cells}</tr></table>"
)
_HEAD = '<th style="text-align:left;padding:4px 8px;border-bottom:2px solid #888">{}</th>'
# JupyterLab right-aligns cells of rendered tables; code reads from the left.
_CELL = ('<td style="vertical-align:top;text-align:left;padding:4px 8px;overflow:auto">'
         '<pre style="margin:0;text-align:left;white-space:pre-wrap;font-size:12px">{}</pre></td>')


def columns_html(columns: list[tuple[str, str, str]]) -> str:
    """An HTML table of (title, text, kind) columns."""
    heads = "".join(_HEAD.format(html.escape(title)) for title, _, _ in columns)
    cells = "".join(_CELL.format(_body(text, kind)) for _, text, kind in columns)
    return _TABLE.format(heads=heads, cells=cells)


def _body(text: str, kind: str) -> str:
    inner = highlight_html(text, kind)
    # highlight_html wraps in <pre>; the cell already is one.
    if inner.startswith("<pre"):
        inner = inner[inner.index(">") + 1:]
        inner = inner[: inner.rfind("</pre>")] if "</pre>" in inner else inner
    return inner


class HTMLBlock:
    """Shows as HTML in Jupyter and as plain text elsewhere (papermill logs, tests)."""

    def __init__(self, markup: str, text: str):
        self.markup, self.text = markup, text

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text


def side_by_side(before: str, after: str, *, kind: str = "python", titles=("Before", "After")) -> HTMLBlock:
    text = f"--- {titles[0]} ---\n{before}\n--- {titles[1]} ---\n{after}"
    return HTMLBlock(columns_html([(titles[0], before, kind), (titles[1], after, kind)]), text)
