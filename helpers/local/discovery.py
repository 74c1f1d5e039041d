"""Finding a service that `python -m helpers serve` runs in another process.

`serve` writes `service.json` (its URL and process id) into its data folder and
removes it on exit; `run` and `check` use that service when it answers
`/health`, and otherwise start their own, so a killed service is simply
replaced by the next call.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import httpx

from .service import Service
from .tls import certificates

STATE_FILE = "service.json"


def announce(svc: Service, folder: Path) -> Path:
    path = folder / STATE_FILE
    path.write_text(json.dumps({"base_url": svc.base_url, "pid": os.getpid()}))
    return path


def withdraw(folder: Path) -> None:
    (folder / STATE_FILE).unlink(missing_ok=True)


def find_running(folder: Path) -> Service | None:
    """The service announced in `folder`, if it answers; None otherwise."""
    try:
        state = json.loads((folder / STATE_FILE).read_text())
        base_url = state["base_url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    certs = certificates(folder / "tls")
    import ssl

    try:
        context = ssl.create_default_context(cafile=str(certs.bundle_file))
        answer = httpx.get(f"{base_url}/health", verify=context, timeout=2)
    except httpx.HTTPError:
        return None
    return Service(base_url=base_url, certs=certs) if answer.status_code == 200 else None
