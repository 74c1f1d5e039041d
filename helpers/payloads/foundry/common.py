"""Helpers the Foundry rules share: notes for fields without a counterpart, status maps."""
from __future__ import annotations

import json
from typing import Any

from ..context import Context
from ..jsontext import Path


def is_empty(value: Any) -> bool:
    return value in (None, "", [], {})


def note_dropped(ctx: Context, rule: str, doc: dict[str, Any], advice: dict[str, str], base: Path,
                 target: str) -> None:
    """One note per legacy field in `advice` that `doc` has: it has no counterpart in `target`."""
    for key, text in advice.items():
        if key in doc:
            value = doc[key]
            severity = "info" if is_empty(value) else "warning"
            shown = "empty" if is_empty(value) else f"value {_short(value)}"
            ctx.note(rule, severity, f"`{key}` ({shown}) has no counterpart in {target} and was left "
                     f"out: {text}", (*base, key))


def carry_unknown(ctx: Context, rule: str, doc: dict[str, Any], known: set[str], new: dict[str, Any],
                  base: Path, target: str) -> None:
    """Copy fields no rule knows into `new`, each with a note (nothing is dropped silently)."""
    for key, value in doc.items():
        if key not in known and key not in new:
            new[key] = value
            ctx.note(rule, "warning", f"`{key}` is not a known field; it was carried over unchanged, "
                     f"check whether {target} accepts it", (*base, key))


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def note_id_kept(ctx: Context, rule: str, old_id: Any, what: str, base: Path = ()) -> None:
    if old_id is not None:
        ctx.note(rule, "info", f"the legacy id {old_id!r} was kept so you can trace the object; the "
                 f"service assigns new ids to {what} (keep a mapping old → new)", (*base, "id"))


def text_format(response_format: Any) -> dict[str, Any] | None:
    """The Responses `text` setting for a legacy `response_format`, or None if unknown.

    "auto" and None mean plain text; `{"type": "json_schema", "json_schema": {...}}`
    flattens into the format; `json_object` and `text` carry over by type.
    """
    if response_format in (None, "auto"):
        return {"format": {"type": "text"}}
    if isinstance(response_format, dict):
        kind = response_format.get("type")
        if kind == "json_schema" and isinstance(response_format.get("json_schema"), dict):
            return {"format": {"type": "json_schema", **response_format["json_schema"]}}
        if kind in ("json_object", "text"):
            return {"format": {"type": kind}}
    return None
