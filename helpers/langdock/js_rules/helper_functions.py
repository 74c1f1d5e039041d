"""The helpers converted code calls are appended once per file.

Before: a file whose converted code calls `langdockText(...)`, `toUIMessages(...)`
        or `toAgentRequest(...)`
After:  the same file ending with the helper declarations, e.g.
        `function langdockText(message) { ... }` (a message's `content` string or its
        text `parts`); typed signatures in TypeScript

A helper already declared at the top level (a second run) is not written again.
"""
from __future__ import annotations

from ..js_helpers_source import NAMES, helper_source
from . import js_rule

NAME = "langdock-helper-functions"


@js_rule(NAME)
def add_helpers(ctx) -> None:
    decisions = ctx.facts.decisions
    used = set(decisions.helpers_used)
    if "toAgentRequest" in used:
        used.add("toUIMessages")
    wanted = [n for n in NAMES if n in used and n not in decisions.helpers_defined]
    if not wanted:
        return
    typed = ctx.kind in ("typescript", "tsx")
    text = "\n".join(helper_source(name, typed) for name in wanted)
    end = len(ctx.source)
    lead = "" if ctx.source.endswith(b"\n") else "\n"
    ctx.insert(end, lead + "\n" + text, NAME)
