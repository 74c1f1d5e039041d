"""The SDK-existence verdict for converted Python, guarded for a missing checker.

`helpers.verify_code` checks that every call in the converted code exists in the
installed SDKs. It may be absent in a partial checkout: then the verdict says
"unavailable" instead of failing the whole conversion.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field

from ..errors import WorkbookError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckRow:
    line: int | None
    call: str
    ok: bool
    message: str


@dataclass(frozen=True)
class Verdict:
    """`status` is "ok", "problems", "unavailable" or "not-applicable"."""

    status: str
    summary: str
    checks: list[CheckRow] = field(default_factory=list)


NOT_APPLICABLE = Verdict("not-applicable", "The SDK check applies to Python code only.")


def verdict_for(output: str) -> Verdict:
    """Run the SDK check on converted Python; never raises."""
    try:
        from .. import verify_code

        report = verify_code(output)
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
        )
        for c in getattr(report, "checks", ()) or ()
    ]
    status = "ok" if getattr(report, "ok", False) else "problems"
    return Verdict(status, str(getattr(report, "summary", "")), checks)


def verdict_html(verdict: Verdict) -> str:
    icon = {"ok": "&#10004;", "problems": "&#10008;"}.get(verdict.status, "&#8226;")
    parts = [
        f'<div class="amw-verdict amw-verdict-{verdict.status}">'
        f"<b>{icon} SDK check:</b> {html.escape(verdict.summary)}"
    ]
    failing = [c for c in verdict.checks if not c.ok]
    if failing:
        parts.append("<ul>")
        for check in failing:
            line = f"line {check.line}: " if check.line is not None else ""
            parts.append(
                f"<li>{line}<code>{html.escape(check.call)}</code> "
                f"{html.escape(check.message)}</li>"
            )
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
