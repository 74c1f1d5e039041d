"""Running lesson code as scripts: against the local service (offline) or live.

Offline, `start()` starts the local service in this kernel (memory store, a
free port on 127.0.0.1) and every run gets its variables, exactly as
`python -m helpers run` does. Live, scripts get this kernel's environment
(your PROJECT_ENDPOINT, credentials, ...) and talk to the real services.
Printed output passes the secret scrubber before it is shown.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..secrets import redact
from .display import HTMLBlock, columns_html

TIMEOUT = 120


@dataclass
class Session:
    live: bool
    service: object | None = None  # helpers.local.Service offline

    def close(self) -> None:
        if self.service is not None:
            self.service.stop()
            self.service = None


_SESSION: Session | None = None


def start(live: bool = False) -> Session:
    """The kernel's session (one service per kernel, reused by every cell)."""
    global _SESSION
    if _SESSION is not None and _SESSION.live == live and (live or _SESSION.service is not None):
        return _SESSION
    if _SESSION is not None:
        _SESSION.close()
    if live:
        _SESSION = Session(live=True)
    else:
        from ..local import start as start_service

        _SESSION = Session(live=False, service=start_service())
    return _SESSION


@dataclass
class RunOutcome:
    code: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def shown(self) -> str:
        text = self.stdout
        if not self.ok:
            text += f"\n[exit status {self.code}]\n" + "\n".join(self.stderr.strip().splitlines()[-12:])
        return redact(text)


def run_code(code: str, session: Session, *, timeout: float = TIMEOUT) -> RunOutcome:
    """Run `code` as a script (never inside the kernel) and capture what it printed."""
    with tempfile.TemporaryDirectory(prefix="lesson-") as folder:
        script = Path(folder) / "lesson.py"
        script.write_text(code, encoding="utf-8")
        try:
            if session.live:
                done = subprocess.run([sys.executable, str(script)], cwd=folder, capture_output=True, text=True,
                                      timeout=timeout, env=dict(os.environ))
            else:
                from ..local.run import run_script

                done = run_script(script, service=session.service, capture=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return RunOutcome(124, "", f"stopped after {timeout} s")
    return RunOutcome(done.returncode, done.stdout, done.stderr)


class LessonRunFailed(RuntimeError):
    """A lesson's own code failed: the notebook stops here, visibly."""


def run_both(before: str, after: str, session: Session, *, titles=("Legacy SDK", "Agents API")) -> HTMLBlock:
    """Both versions run; their outputs are shown next to each other. Raises if either fails."""
    outcomes = [run_code(before, session), run_code(after, session)]
    block = HTMLBlock(
        columns_html([(f"{title} (exit {outcome.code})", outcome.shown(), "text")
                      for title, outcome in zip(titles, outcomes)]),
        "\n".join(f"--- {title} (exit {o.code}) ---\n{o.shown()}" for title, o in zip(titles, outcomes)),
    )
    failed = [title for title, outcome in zip(titles, outcomes) if not outcome.ok]
    if failed:
        raise LessonRunFailed(f"{' and '.join(failed)} failed:\n{block.text}")
    return block
