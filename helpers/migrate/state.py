"""The migration's memory: a small key/value table in SQLite.

Every step records what it finished (a thread's conversation id, the input
and output offsets of a history file) in one transaction, after its output is
written and flushed. A run killed at any point, even with SIGKILL, therefore
restarts from the last record: nothing is done twice, nothing is skipped.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterator


class State:
    def __init__(self, path: str | Path | None):
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def items(self, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
        with self._lock:
            rows = self._db.execute("SELECT key, value FROM state WHERE key LIKE ? ORDER BY key",
                                    (prefix.replace("%", r"\%") + "%",)).fetchall()
        for key, value in rows:
            yield key, json.loads(value)

    def close(self) -> None:
        with self._lock:
            self._db.close()
