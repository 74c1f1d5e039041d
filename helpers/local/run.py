"""Running a script, unchanged, against the local service.

Uses the service that `python -m helpers serve` announced in the data folder
when it answers, and otherwise starts one for the run (state kept in the same
folder). The script runs in a child Python (this interpreter, so the SDKs
installed here) with the service's variables (see `script_env`); its exit
status and output are its own.
"""
from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .discovery import find_running
from .script_env import script_environment
from .service import Service, default_data, start


@contextmanager
def available_service(data: Path | None = None) -> Iterator[Service]:
    """The running service for `data` (default folder unless given), or one started until the block ends."""
    folder = Path(data) if data else default_data()
    running = find_running(folder)
    if running is not None:
        yield running
        return
    own = start(folder)
    try:
        yield own
    finally:
        own.stop()


def run_script(script: str | Path, args: list[str] = (), *, service: Service, capture: bool = False,
               timeout: float | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run `script` with `args` against `service` (`input`: what its standard input reads)."""
    path = Path(script)
    source = path.read_text(encoding="utf-8", errors="replace")
    env = script_environment(source, service.child_env(), service.env())
    return subprocess.run(
        [sys.executable, str(path), *args], env=env, cwd=path.parent or None,
        capture_output=capture, text=capture or input is not None, timeout=timeout, input=input,
    )
