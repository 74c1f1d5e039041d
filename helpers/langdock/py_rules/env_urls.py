"""Langdock URLs held in environment variables get a note (rule U1).

Before: `URL = os.environ.get("LANGDOCK_URL", "https://.../assistant/v1/chat/completions")`,
        `requests.post(os.environ["LANGDOCK_CHAT_URL"], json=body)`
After:  the default becomes `/agent/v1/...`, plus a note at the environment read: the
        value set in `.env` files or deployment settings must change too.
"""
from __future__ import annotations

import libcst as cst

from . import emit_notes, py_rule

NAME = "langdock-env-url"


@py_rule(NAME, cst.Module)
def note_env(ctx, original, updated):
    emit_notes(ctx, NAME)
    return updated
