"""J1: JSON of no known payload shape is returned unchanged, with a note saying what is known.

Before/after: identical. The note lists the shapes the workbook converts, so a user who
pasted, say, a run without its `object` field can pick the kind by hand.
"""
from __future__ import annotations

from typing import Any

from .context import Context
from .registry import rule


@rule("json", "J1", order=10)
def leave_unknown_json(doc: Any, ctx: Context) -> Any:
    ctx.note("J1", "info", "this JSON matches no known payload (Foundry agent/thread/message/run objects "
             "with their `object` field, Langdock chat or agent bodies); it was left unchanged. Pick "
             "the kind by hand if detection missed it", ())
    return doc
