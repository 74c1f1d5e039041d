"""The map of all changes, as 00 shows it: read from the one mapping the converters use."""
from __future__ import annotations

from .display import HTMLBlock


def map_of_changes(area: str | None = None) -> HTMLBlock:
    from .. import mapping

    rows = mapping.rows(area) if area else mapping.rows()
    text = "\n".join(f"{r.area}: {r.legacy} -> {r.new}" + (f" ({r.note})" if r.note else "") for r in rows)
    return HTMLBlock(mapping.html_table(area) if area else mapping.html_table(), text)
