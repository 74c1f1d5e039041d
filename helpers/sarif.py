"""One SARIF 2.1.0 log for a whole `convert --sarif` run, ready for code scanning.

A rule per conversion rule that wrote a note (with its summary as description
and help), a result per note with file, line and column, and two rules of our
own: `convertible` (a file the converter would change, located at its first
changed line, so CI flags legacy code that comes back even where no note is
written) and `unreadable-input` (a file that cannot be read as its kind).
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

from .batch import Outcome
from .rule_catalog import describe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
CONVERTIBLE = ("convertible", "Legacy Assistants-API code or data that the workbook converts automatically "
               "(run `python -m helpers convert --write` on the file).")
UNREADABLE = ("unreadable-input", "The file cannot be read as the kind its name says (for example invalid JSON).")


def _uri(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_uri()


def _location(uri: str, line: int | None, column: int | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, line or 1)}
    if column:
        region["startColumn"] = max(1, column)
    return {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "region": region}}


def first_changed_line(source: str, output: str) -> int:
    matcher = difflib.SequenceMatcher(None, source.splitlines(), output.splitlines(), autojunk=False)
    for tag, i1, _, _, _ in matcher.get_opcodes():
        if tag != "equal":
            return i1 + 1
    return 1


def sarif_log(outcomes: Iterable[Outcome], root: Path, version: str = "0.1.0") -> dict[str, Any]:
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []

    def rule_index(rule_id: str, summary: str, level: str) -> int:
        if rule_id not in rules:
            rules[rule_id] = {
                "id": rule_id,
                "name": rule_id.replace("-", "_"),
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "help": {"text": f"{summary} See the notes of `python -m helpers convert` for the advice per place.",
                         "markdown": f"{summary}\n\nRun `python -m helpers convert PATH` to see the change and its notes."},
                "defaultConfiguration": {"level": level},
            }
        return list(rules).index(rule_id)

    for outcome in outcomes:
        uri = _uri(outcome.path, root)
        if outcome.error is not None:
            index = rule_index(UNREADABLE[0], UNREADABLE[1], "error")
            results.append({
                "ruleId": UNREADABLE[0], "ruleIndex": index, "level": "error",
                "message": {"text": outcome.error.get("message", "cannot read")},
                "locations": [_location(uri, outcome.error.get("line"), outcome.error.get("column"))],
            })
            continue
        result = outcome.result
        if result is None:
            continue
        if result.changed:
            index = rule_index(CONVERTIBLE[0], CONVERTIBLE[1], "warning")
            results.append({
                "ruleId": CONVERTIBLE[0], "ruleIndex": index, "level": "warning",
                "message": {"text": f"Legacy {result.kind} input: `python -m helpers convert --write {uri}` converts it."},
                "locations": [_location(uri, first_changed_line(result.source, result.output), None)],
            })
        for note in result.notes:
            level = LEVELS[note.severity]
            index = rule_index(note.rule, describe(note.rule).summary, level)
            entry = {
                "ruleId": note.rule, "ruleIndex": index, "level": level,
                "message": {"text": note.message},
                "locations": [_location(uri, note.line, note.column)],
            }
            if note.path:
                entry["properties"] = {"jsonPath": note.path}
            results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "agents-migration-workbook",
                "version": version,
                "rules": list(rules.values()),
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
            "results": results,
        }],
    }
