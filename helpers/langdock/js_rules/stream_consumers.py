"""Stream consumers that expect another format get a note (rules K3, C10, S1).

Before: `chunk.choices[0].delta.content`, `new Response(upstream.body, ...)`,
        `line.startsWith("0:")`
After:  the same code, plus a note naming the AI SDK 5 UI message stream event to read
        instead (`text-delta` with `delta`, ending at `data: [DONE]`) and what a
        pass-through proxy now forwards.
"""
from __future__ import annotations

from . import js_rule

NAME = "langdock-stream-consumer"


@js_rule(NAME)
def emit(ctx) -> None:
    for node, severity, rule, message in ctx.facts.decisions.notes:
        if rule == NAME:
            ctx.note(node, severity, rule, message)
