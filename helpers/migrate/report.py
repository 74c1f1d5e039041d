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

    def __init__(self, path: str | Path | None, truncate_to: int | None = None):
        self._out: TextIO | None = None
        if path:
            path = Path(path)
            if truncate_to is not None and path.exists():
                with path.open("r+b") as raw:
                    raw.truncate(truncate_to)
            self._out = path.open("a", encoding="utf-8")
        self._lock = threading.Lock()

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
            self._out.write(line + "\n")
            self._out.flush()

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
