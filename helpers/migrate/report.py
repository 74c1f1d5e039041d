"""The JSON-lines migration report: one line per migrated (or skipped) object.

Lines are flushed as they are written, so a report of a run that was killed
holds everything finished before the kill. Values pass through the secret
scrubber, so a token in a message text never lands in a report.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, TextIO

from ..secrets import redact


class Report:
    """Appends to `path`; `truncate_to` first cuts off lines a killed run wrote after its last checkpoint."""

    def __init__(self, path: str | Path | None, truncate_to: int | None = None, *, one_line_per_id: bool = False):
        self._out: TextIO | None = None
        self._unique = one_line_per_id  # then a second success line for an old id is not written
        self._reported: set[str] = set()  # old ids with a success line already in the file
        if path:
            path = Path(path)
            if path.exists():
                with path.open("r+b") as raw:
                    if truncate_to is not None:
                        raw.truncate(truncate_to)
                    _cut_partial_line(raw)
                self._reported = _reported_ids(path) if one_line_per_id else set()
            self._out = path.open("a", encoding="utf-8")
        self._lock = threading.Lock()

    def reported(self, old_id: str) -> bool:
        """Whether a resumed run already reported `old_id` (so its line is not written twice)."""
        return old_id in self._reported

    def tell(self) -> int | None:
        if self._out is None:
            return None
        with self._lock:
            self._out.flush()
            return self._out.tell()

    def write(self, entry: dict[str, Any]) -> None:
        if self._out is None:
            return
        line = redact(json.dumps(entry, ensure_ascii=False))
        with self._lock:
            old_id = entry.get("old_id")
            if self._unique and "error" not in entry and old_id is not None:
                if old_id in self._reported:
                    return
                self._reported.add(old_id)
            self._out.write(line + "\n")
            self._out.flush()

    def close(self) -> None:
        if self._out is not None:
            self._out.close()


def _cut_partial_line(raw) -> None:
    """A run killed in the middle of a line leaves it without its newline: cut it off."""
    raw.seek(0, 2)
    size = raw.tell()
    if size == 0:
        return
    raw.seek(size - 1)
    if raw.read(1) == b"\n":
        return
    raw.seek(0)
    data = raw.read()
    raw.truncate(data.rfind(b"\n") + 1)


def _reported_ids(path: Path) -> set[str]:
    found = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and "error" not in entry and entry.get("old_id") is not None:
                found.add(str(entry["old_id"]))
    return found
