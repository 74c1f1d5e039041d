"""Notebook 16's steps, on the local service: seed, dry run, migrate, inspect, resume."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .display import HTMLBlock


class HistoryDemo:
    """State that really is state: one service, one state file, one report, across the lesson's cells."""

    def __init__(self, session, threads: int = 6, messages: int = 8):
        from ..local.seed import seed

        self.service = session.service
        self.legacy = self.service.agents_client()
        self.openai = self.service.project_openai_client()
        self.seeded = seed(self.legacy, threads, messages)
        folder = Path(tempfile.mkdtemp(prefix="history-"))
        self.state_path, self.report_path = folder / "state.sqlite3", folder / "report.jsonl"

    def migrate(self, *, dry_run: bool = False, only: int | None = None):
        from ..migrate.foundry_threads import migrate_threads
        from ..migrate.report import Report
        from ..migrate.state import State

        ids = self.seeded["threads"][:only] if only else self.seeded["threads"]
        state = State(None if dry_run else self.state_path)
        report = Report(None if dry_run else self.report_path)
        try:
            return migrate_threads(ids, self.legacy, self.openai, state, report, dry_run=dry_run, concurrency=4)
        finally:
            report.close()
            state.close()

    def report(self) -> list[dict]:
        return [json.loads(line) for line in self.report_path.read_text().splitlines()]

    def conversation(self, thread_index: int = 0) -> HTMLBlock:
        """The first thread's messages next to its conversation's items."""
        from .display import columns_html

        thread_id = self.seeded["threads"][thread_index]
        entry = next(row for row in self.report() if row["old_id"] == thread_id)
        old = [f"{m.role}: {m.text_messages[0].text.value if m.text_messages else ''}"
               for m in self.legacy.messages.list(thread_id=thread_id, order="asc")]
        new = [f"{item.role}: {' '.join(getattr(p, 'text', '') or '' for p in item.content)}"
               for item in self.openai.conversations.items.list(conversation_id=entry["new_id"], order="asc")]
        titles = (f"thread {thread_id}", f"conversation {entry['new_id']}")
        return HTMLBlock(columns_html([(titles[0], "\n".join(old), "text"), (titles[1], "\n".join(new), "text")]),
                         "\n".join(old) + "\n---\n" + "\n".join(new))
