"""The SDK verdict for converted Python, guarded for a missing checker.

`helpers.verify_code` checks that every call in the converted code exists in the
installed SDKs, and finds legacy calls the conversion left. Its level becomes the
status shown: "ok" (green), "warning" (amber: legacy calls left, each with a
note), "failed" (red). It may be absent in a partial checkout: then the status is
"unavailable" instead of failing the whole conversion.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import WorkbookError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckRow:
    line: int | None
    call: str
    ok: bool
    message: str
    level: str = "ok"  # "ok", "warning" (a legacy call with a note) or "failed"


@dataclass(frozen=True)
class Verdict:
    """`status` is "ok", "warning", "failed", "unavailable" or "not-applicable"."""

    status: str
    summary: str
    checks: list[CheckRow] = field(default_factory=list)


NOT_APPLICABLE = Verdict("not-applicable", "The SDK check applies to Python code only.")
ICONS = {"ok": "&#10004;", "warning": "&#9888;", "failed": "&#10008;"}  # check, warning sign, cross
LABELS = {"ok": "SDK check passed", "warning": "SDK check: legacy calls left",
          "failed": "SDK check failed"}


def verdict_for(output: str, notes: Iterable[Any] = (), original: str | None = None) -> Verdict:
    """Run the SDK check on converted Python with the conversion's notes; never raises."""
    try:
        from .. import verify_code

        report = verify_code(output, list(notes), original=original)
    except ImportError:
        return Verdict("unavailable", "verdict unavailable: the SDK checker is not installed")
    except WorkbookError as exc:
        return Verdict("unavailable", f"verdict unavailable: {exc}")
    except Exception as exc:  # noqa: BLE001 - the page must not break; see log at DEBUG
        log.debug("verify_code failed", exc_info=True)
        return Verdict("unavailable", f"verdict unavailable (internal error: {type(exc).__name__})")
    checks = [
        CheckRow(
            getattr(c, "line", None),
            str(getattr(c, "call", "")),
            bool(getattr(c, "ok", False)),
            str(getattr(c, "message", "")),
            str(getattr(c, "level", "ok" if getattr(c, "ok", False) else "failed")),
        )
        for c in getattr(report, "checks", ()) or ()
    ]
    level = getattr(report, "level", None) or ("ok" if getattr(report, "ok", False) else "failed")
    return Verdict(level if level in ICONS else "failed", str(getattr(report, "summary", "")), checks)


def verdict_html(verdict: Verdict) -> str:
    icon = ICONS.get(verdict.status, "&#8226;")
    label = LABELS.get(verdict.status, "SDK check")
    parts = [
        f'<div class="amw-verdict amw-verdict-{verdict.status}" data-level="{verdict.status}">'
        f"<b>{icon} {label}:</b> {html.escape(verdict.summary)}"
    ]
    failing = [c for c in verdict.checks if not c.ok]
    if failing:
        parts.append("<ul>")
        for check in failing:
            line = f"output line {check.line}: " if check.line is not None else ""
            parts.append(
                f'<li class="amw-check-{check.level}">{line}<code>{html.escape(check.call)}</code> '
                f"{html.escape(check.message)}</li>"
            )
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
