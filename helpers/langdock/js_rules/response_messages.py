"""Reading the chat response: `result` becomes `messages` (rule K1).

Before: `const res = await axios.post(URL, body); res.data.result[0].content[0].text`,
        `function answerOf(res) { return res.data.result.map((m) => m.content[0].text) }`
        (called with the chat response), `data.result.at(-1).content[0].text`
After:  `res.data.messages[0]` read through `langdockText(...)`:
        `langdockText(res.data.messages[0])`, `.map((m) => langdockText(m))`,
        `langdockText(data.messages.at(-1))`

Only reads whose value is followed back to the chat call are rewritten
(declarations, assignments, returns, parameters, callbacks; other files in
folder mode). `langdockText` accepts the `content` string the guide shows and
the `parts` the reference documents; loops over a message's parts
(`for (const p of m.content)`, `m.content.filter(...)`) read `langdockParts(m)`.
Other uses of `content` get a note.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-response-messages"


@js_rule(NAME)
def read_messages(ctx) -> None:
    decisions = ctx.facts.decisions
    reads = decisions.result_renames
    for node in reads:
        prop = jstree.property_node(node)
        if prop is not None:
            ctx.replace(prop.start_byte, prop.end_byte, "messages", NAME)
    if reads:
        ctx.note(reads[0], "info", NAME, advice.RESPONSE_SHAPE)
    for outer, message in decisions.content_text:
        ctx.insert(message.start_byte, "langdockText(", NAME)
        ctx.replace(message.end_byte, outer.end_byte, ")", NAME)
    for content, message in decisions.content_parts:  # `for (const p of m.content)`
        ctx.insert(message.start_byte, "langdockParts(", NAME)
        ctx.replace(message.end_byte, content.end_byte, ")", NAME)
    for content in decisions.content_notes:
        ctx.note(content, "warning", NAME, advice.CONTENT_IS_STRING)
