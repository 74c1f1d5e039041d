"""The service's backends, one module per API surface (see ../app.py).

Each exports `MOUNTS` and `routes()`; state lives in `request.app.state.store`.
"""
from __future__ import annotations

from . import classic_agents, files, vector_stores

BACKENDS: tuple = (classic_agents, files, vector_stores)
