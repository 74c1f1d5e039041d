"""Updates are drafts now (rule B4): a note, no rewrite.

Before: `axios.patch("https://api.langdock.com/assistant/v1/update", {...})`
After:  the same call with `/agent/v1/update`, plus a note that changes stay a
        draft until `POST /agent/v1/publish {agentId, description?}`.
"""
from __future__ import annotations

from .. import advice
from ..urls import REWRITTEN
from . import js_rule

NAME = "langdock-publish-after-update"


@js_rule(NAME)
def note_publish(ctx) -> None:
    for lit in ctx.facts.literals:
        if any(f.endpoint == "update" and f.status in REWRITTEN for f in lit.analysis.findings):
            ctx.note(lit.node, "warning", NAME, advice.PUBLISH)
