"""The widget's stylesheet follows JupyterLab's themes instead of fixing light colours for text."""
from __future__ import annotations

import re

from helpers.widgets.styles import CSS


def _rule(selector: str) -> str:
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert match, selector
    return match.group(1)


def test_text_and_borders_come_from_jupyterlab_variables():
    for selector in (".amw-verdict", ".amw-error", ".amw-internal", ".amw-muted", "table.amw-notes td, table.amw-notes th"):
        body = _rule(selector)
        colour = re.search(r"(?<![-\w])color:\s*([^;]+);", body)
        assert colour and colour.group(1).startswith("var(--jp-"), (selector, body)


def test_status_backgrounds_are_translucent_tints():
    for selector in (".amw-verdict-ok", ".amw-verdict-warning", ".amw-verdict-failed", ".amw-error"):
        assert "background: rgba(" in _rule(selector), selector


def test_code_keeps_its_light_paper_for_pygments_colours():
    assert "background: #f7f7f9" in _rule(".amw-code") and "color: #1f2328" in _rule(".amw-code")
