"""Legacy endpoint URLs in string literals and f-strings (rules U1-U4).

Before: `URL = "https://api.langdock.com/assistant/v1/chat/completions"`,
        `f"{BASE}/assistant/v1/get?assistantId={aid}"`
After:  `URL = "https://api.langdock.com/agent/v1/chat/completions"`,
        `f"{BASE}/agent/v1/get?agentId={aid}"` (plus a note: host is a variable)

Only the path segment and the `assistantId` query key change; non-Langdock
hosts with the same path get a note instead.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from ..urls import apply_text_edits
from . import py_rule

NAME = "langdock-endpoint-url"


def _notes(ctx, node, analysis) -> None:
    for finding in analysis.findings:
        if finding.status == "foreign":
            ctx.note(node, "warning", NAME,
                     advice.FOREIGN_HOST.format(host=finding.host or "this path"))
        elif finding.status == "unknown-host" and "unknown-host" not in ctx.counters:
            ctx.counters["unknown-host"] = True  # one note per module: same base URL
            ctx.note(node, "info", NAME, advice.UNKNOWN_HOST)
        elif finding.status == "bare" and not ctx.facts.names_langdock:
            ctx.note(node, "info", NAME, advice.BARE_PATH)
        elif finding.status == "unknown-endpoint":
            ctx.note(node, "warning", NAME,
                     advice.UNKNOWN_ENDPOINT.format(endpoint=finding.endpoint or ""))


@py_rule(NAME, cst.SimpleString, cst.FormattedString)
def rewrite_urls(ctx, original, updated):
    analysis = ctx.facts.literals.get(id(original))
    if analysis is None:
        return updated
    _notes(ctx, original, analysis)
    if not analysis.edits:
        return updated
    if isinstance(updated, cst.SimpleString):
        head = len(updated.prefix) + len(updated.quote)
        inner = apply_text_edits(updated.value[head:-len(updated.quote)], analysis.edits)
        return updated.with_changes(
            value=updated.value[:head] + inner + updated.value[-len(updated.quote):]
        )
    parts = list(updated.parts)
    for index, part in enumerate(parts):
        edits = [e for e in analysis.edits if e.segment == index]
        if edits and isinstance(part, cst.FormattedStringText):
            parts[index] = part.with_changes(value=apply_text_edits(part.value, edits))
    return updated.with_changes(parts=parts)
