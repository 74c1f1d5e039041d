"""Legacy endpoint URLs in string and template literals (rules U1-U4).

Before: `"https://api.langdock.com/assistant/v1/chat/completions"`,
        `` `${BASE}/assistant/v1/get?assistantId=${id}` ``
After:  `"https://api.langdock.com/agent/v1/chat/completions"`,
        `` `${BASE}/agent/v1/get?agentId=${id}` `` (plus a note: host is a variable)

Only the path segment and the `assistantId` query key change; scheme, host,
`/api/public` prefix, query and fragment stay. Non-Langdock hosts get a note.
"""
from __future__ import annotations

from .. import advice
from . import js_rule

NAME = "langdock-endpoint-url"


@js_rule(NAME)
def rewrite_urls(ctx) -> None:
    facts = ctx.facts
    unknown_host_noted = False
    for lit in facts.literals:
        for finding in lit.analysis.findings:
            if finding.status == "foreign":
                ctx.note(lit.node, "warning", NAME,
                         advice.FOREIGN_HOST.format(host=finding.host or "this path"))
            elif finding.status == "unknown-host" and not unknown_host_noted:
                unknown_host_noted = True  # one note per file: it is the same base URL
                ctx.note(lit.node, "info", NAME, advice.UNKNOWN_HOST)
            elif finding.status == "bare" and not facts.names_langdock_host:
                ctx.note(lit.node, "info", NAME, advice.BARE_PATH)
            elif finding.status == "unknown-endpoint":
                ctx.note(lit.node, "warning", NAME,
                         advice.UNKNOWN_ENDPOINT.format(endpoint=finding.endpoint or ""))
        for edit in lit.analysis.edits:
            piece = lit.segments[edit.segment]
            base = lit.offsets[edit.segment]
            start = base + len(piece[:edit.start].encode("utf-8"))
            end = base + len(piece[:edit.end].encode("utf-8"))
            ctx.replace(start, end, edit.text, NAME)
