"""State of the local service: JSON documents and file bytes in SQLite.

The one store behind every backend, so the legacy and the new surfaces (and a
restart) see the same data. `path=None` keeps everything in memory (tests);
a file path makes conversations survive a restart of the service.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    kind   TEXT NOT NULL,
    id     TEXT NOT NULL,
    parent TEXT,
    body   TEXT NOT NULL,
    UNIQUE (kind, id)
);
CREATE INDEX IF NOT EXISTS docs_parent ON docs (kind, parent, seq);
CREATE TABLE IF NOT EXISTS blobs (id TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS journal (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    body TEXT NOT NULL
);
"""


class Store:
    """Documents of a `kind` (for example "thread", "message"), each with an id,
    an optional parent id (the thread of a message) and a JSON body; listed in
    the order they were inserted."""

    def __init__(self, path: str | Path | None = None):
        self.path = str(path) if path else ":memory:"
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def insert(self, kind: str, id: str, body: dict[str, Any], parent: str | None = None) -> dict[str, Any]:
        with self._lock:
            text = json.dumps(body)
            self._db.execute("INSERT INTO docs (kind, id, parent, body) VALUES (?, ?, ?, ?)", (kind, id, parent, text))
            self._journal(kind, id, text)
        return body

    def _journal(self, kind: str, id: str, text: str) -> None:
        # Every write is also appended here, so what a run did stays visible after it
        # deletes its objects (`check` verifies from this).
        self._db.execute("INSERT INTO journal (kind, id, body) VALUES (?, ?, ?)", (kind, id, text))

    def journal_position(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM journal").fetchone()[0]

    def written_since(self, position: int, until: int | None = None) -> list[tuple[str, dict[str, Any]]]:
        """(kind, body) of each object written after `position` (up to `until`), in its last
        written form, deleted ones too."""
        with self._lock:
            rows = self._db.execute("SELECT kind, id, body FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq",
                                    (position, until if until is not None else 2**62)).fetchall()
        latest: dict[tuple[str, str], dict[str, Any]] = {}
        for kind, id, body in rows:
            latest.pop((kind, id), None)
            latest[(kind, id)] = json.loads(body)
        return [(kind, body) for (kind, _), body in latest.items()]

    def get(self, kind: str, id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM docs WHERE kind = ? AND id = ?", (kind, id)).fetchone()
        return json.loads(row[0]) if row else None

    def parent_of(self, kind: str, id: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT parent FROM docs WHERE kind = ? AND id = ?", (kind, id)).fetchone()
        return row[0] if row else None

    def update(self, kind: str, id: str, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            text = json.dumps(body)
            cursor = self._db.execute("UPDATE docs SET body = ? WHERE kind = ? AND id = ?", (text, kind, id))
            if cursor.rowcount == 0:
                raise KeyError(f"{kind} {id}")
            self._journal(kind, id, text)
        return body

    def delete(self, kind: str, id: str) -> bool:
        with self._lock:
            cursor = self._db.execute("DELETE FROM docs WHERE kind = ? AND id = ?", (kind, id))
        return cursor.rowcount > 0

    def delete_children(self, kind: str, parent: str) -> int:
        with self._lock:
            cursor = self._db.execute("DELETE FROM docs WHERE kind = ? AND parent = ?", (kind, parent))
        return cursor.rowcount

    def list(self, kind: str, parent: str | None = None) -> list[dict[str, Any]]:
        """All documents of `kind` (under `parent` when given), oldest first."""
        with self._lock:
            if parent is None:
                rows = self._db.execute("SELECT body FROM docs WHERE kind = ? ORDER BY seq", (kind,)).fetchall()
            else:
                rows = self._db.execute(
                    "SELECT body FROM docs WHERE kind = ? AND parent = ? ORDER BY seq", (kind, parent)
                ).fetchall()
        return [json.loads(row[0]) for row in rows]

    def put_blob(self, id: str, data: bytes) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO blobs (id, data) VALUES (?, ?)", (id, data))

    def get_blob(self, id: str) -> bytes | None:
        with self._lock:
            row = self._db.execute("SELECT data FROM blobs WHERE id = ?", (id,)).fetchone()
        return bytes(row[0]) if row else None

    def reset(self) -> None:
        """Forget everything (between tests)."""
        with self._lock:
            self._db.execute("DELETE FROM docs")
            self._db.execute("DELETE FROM blobs")
            self._db.execute("DELETE FROM journal")

    def close(self) -> None:
        with self._lock:
            self._db.close()
