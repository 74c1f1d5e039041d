"""The service's backends, one module per API surface (see ../app.py).

Each exports `MOUNTS` and `routes()`; state lives in `request.app.state.store`.
"""
from __future__ import annotations

from . import agents_v2, containers, conversations, langdock, responses

BACKENDS: tuple = (agents_v2, conversations, responses, containers, langdock)
