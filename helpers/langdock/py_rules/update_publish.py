"""Updates are drafts now (rule B4): a note, no rewrite.

Before: `requests.patch(f"{BASE}/assistant/v1/update", json={...})`
After:  the same call with `/agent/v1/update`, plus a note that changes stay a
        draft until `POST /agent/v1/publish {agentId, description?}`.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from ..urls import REWRITTEN
from . import py_rule

NAME = "langdock-publish-after-update"


@py_rule(NAME, cst.SimpleString, cst.FormattedString)
def note_publish(ctx, original, updated):
    analysis = ctx.facts.literals.get(id(original))
    if analysis is not None and any(
        f.endpoint == "update" and f.status in REWRITTEN for f in analysis.findings
    ):
        ctx.note(original, "warning", NAME, advice.PUBLISH)
    return updated
