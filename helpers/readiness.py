"""A migration readiness report for a repository: what is legacy, what converts
by itself, what needs a person, how long that may take, and the deadline.

Effort is a rough planning figure, stated as such: a person reviews each
automatic change (5 minutes a changed block), acts on each warning
(15 minutes) and resolves each error (45 minutes); info notes cost nothing.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

from .batch import Outcome
from .rule_catalog import describe

MINUTES = {"change": 5, "warning": 15, "error": 45, "info": 0}
PLATFORMS = {
    "openai": ("OpenAI Assistants", "shut down on 2026-08-26: its endpoints answer 404 today"),
    "foundry": ("classic Foundry agents", "retire on 2027-03-31"),
    "langdock": ("Langdock Assistants API", "deprecated; Langdock's documents give no firm date"),
}


@dataclass
class FileReport:
    path: str
    kind: str | None
    platforms: list[str]
    changes: int                      # changed blocks the converter writes by itself
    notes: dict[str, int]             # severity -> count
    minutes: int
    error: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)


def _changed_blocks(source: str, output: str) -> int:
    matcher = difflib.SequenceMatcher(None, source.splitlines(), output.splitlines(), autojunk=False)
    return sum(1 for tag, *_ in matcher.get_opcodes() if tag != "equal")


def _platforms(outcome: Outcome) -> list[str]:
    """Which legacy APIs the file uses: read from its text and the rules that fired."""
    result = outcome.result
    text = result.source
    found: set[str] = set()
    if result.kind.startswith("langdock") or result.kind in ("javascript", "typescript") or any(
            describe(note.rule).platform == "langdock" for note in result.notes):
        found.add("langdock")
    if "beta.assistants" in text or "beta.threads" in text:
        found.add("openai")
    if "azure.ai.agents" in text or "azure.ai.projects" in text or "AgentsClient" in text \
            or ".agents." in text or result.kind.startswith("foundry"):
        found.add("foundry")
    if not found:
        found.add("foundry")  # fragments: the Foundry converter changed or noted them
    return sorted(found)


def file_report(outcome: Outcome) -> FileReport | None:
    """None for files with nothing legacy in them."""
    if outcome.error is not None:
        return FileReport(str(outcome.path), outcome.kind, [], 0, {}, 0, error=outcome.error.get("message"))
    result = outcome.result
    if result is None or (not result.changed and not any(n.severity != "info" for n in result.notes)):
        return None
    counts = {s: sum(1 for n in result.notes if n.severity == s) for s in ("error", "warning", "info")}
    changes = _changed_blocks(result.source, result.output)
    minutes = changes * MINUTES["change"] + sum(counts[s] * MINUTES[s] for s in counts)
    findings = [{"line": n.line, "severity": n.severity, "rule": n.rule, "message": n.message,
                 "minutes": MINUTES[n.severity]} for n in result.notes if n.severity != "info"]
    return FileReport(str(outcome.path), result.kind, _platforms(outcome), changes, counts, minutes, findings=findings)


def build_report(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    files = []
    scanned = skipped = 0
    for outcome in outcomes:
        scanned += 1
        skipped += outcome.skipped
        report = file_report(outcome)
        if report is not None:
            files.append(report)
    platforms = sorted({p for f in files for p in f.platforms})
    totals = {
        "files_scanned": scanned,
        "files_skipped_by_filter": skipped,
        "legacy_files": sum(1 for f in files if not f.error),
        "unreadable_files": sum(1 for f in files if f.error),
        "automatic_changes": sum(f.changes for f in files),
        "errors": sum(f.notes.get("error", 0) for f in files),
        "warnings": sum(f.notes.get("warning", 0) for f in files),
        "estimated_minutes": sum(f.minutes for f in files),
    }
    return {
        "totals": totals,
        "platforms": [{"id": p, "name": PLATFORMS[p][0], "deadline": PLATFORMS[p][1],
                       "files": sum(1 for f in files if p in f.platforms)} for p in platforms],
        "files": [vars(f) for f in files],
    }


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f} h" if minutes >= 60 else f"{minutes} min"


def as_text(report: dict[str, Any]) -> str:
    t = report["totals"]
    lines = [
        f"Scanned {t['files_scanned']} file(s) ({t['files_skipped_by_filter']} ruled out by the byte filter): "
        f"{t['legacy_files']} with legacy code, {t['unreadable_files']} unreadable.",
        f"Automatic: {t['automatic_changes']} changed block(s). Needs a person: {t['errors']} error(s), "
        f"{t['warnings']} warning(s). Estimated effort: {_hours(t['estimated_minutes'])}.",
    ]
    for platform in report["platforms"]:
        lines.append(f"- {platform['name']}: {platform['files']} file(s); {platform['deadline']}.")
    for f in report["files"]:
        if f["error"]:
            lines.append(f"{f['path']}: unreadable: {f['error']}")
            continue
        lines.append(f"{f['path']} [{', '.join(f['platforms'])}]: {f['changes']} automatic, "
                     f"{f['notes'].get('error', 0)} error(s), {f['notes'].get('warning', 0)} warning(s), "
                     f"~{_hours(f['minutes'])}")
        for finding in f["findings"]:
            lines.append(f"  {f['path']}:{finding['line'] or 0}: {finding['severity']}: {finding['message']}")
    return "\n".join(lines) + "\n"


def as_markdown(report: dict[str, Any]) -> str:
    t = report["totals"]
    out = [
        "## Assistants → Agents migration readiness", "",
        f"**{t['legacy_files']}** of {t['files_scanned']} scanned files hold legacy code. "
        f"The converter rewrites **{t['automatic_changes']}** blocks by itself; "
        f"**{t['errors']}** errors and **{t['warnings']}** warnings need a person "
        f"(estimated **{_hours(t['estimated_minutes'])}**).", "",
        "| Platform | Files | Deadline |", "| --- | ---: | --- |",
        *[f"| {p['name']} | {p['files']} | {p['deadline']} |" for p in report["platforms"]], "",
        "| File | Platforms | Automatic | Errors | Warnings | Effort |", "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for f in report["files"]:
        if f["error"]:
            out.append(f"| `{f['path']}` | unreadable: {f['error']} | | | | |")
        else:
            out.append(f"| `{f['path']}` | {', '.join(f['platforms'])} | {f['changes']} | "
                       f"{f['notes'].get('error', 0)} | {f['notes'].get('warning', 0)} | {_hours(f['minutes'])} |")
    findings = [(f["path"], x) for f in report["files"] for x in f["findings"]]
    if findings:
        out += ["", "<details><summary>What needs a person</summary>", ""]
        out += [f"- `{path}:{x['line'] or 0}` **{x['severity']}**: {x['message']}" for path, x in findings]
        out += ["", "</details>"]
    return "\n".join(out) + "\n"
