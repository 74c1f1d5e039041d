"""Rule stream_text_deltas: `stream.text_deltas` handed to other code becomes a generator of texts.

Before:
    with client.runs.stream(thread_id=thread.id, agent_id=agent.id) as stream:
        st.write_stream(stream.text_deltas)
After:
    with openai_client.responses.create(..., stream=True) as stream:
        st.write_stream((event.delta for event in stream if event.type == "response.output_text.delta"))

The Responses stream has no `text_deltas`; the text arrives in
"response.output_text.delta" events. A `for` loop directly over
`stream.text_deltas` is converted by stream_loops; this rule covers every
other use (Streamlit's `st.write_stream`, `"".join(...)`, a function argument).
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule

RULE = rule("stream_text_deltas", "stream.text_deltas -> (event.delta for event in stream if ...)")


@RULE.on(ast.Attribute)
def convert(node: ast.Attribute, ctx: Context) -> None:
    if node.attr != "text_deltas" or not isinstance(node.value, ast.Name) or node.value.id not in ctx.streams:
        return
    if not isinstance(node.ctx, ast.Load) or not ctx.claim(node):
        return
    stream = node.value.id
    info = ctx.streams[stream]
    loop = "async for" if getattr(info, "is_async", False) else "for"
    event = "event" if "event" not in ctx.name_counts else "stream_event"
    ctx.replace(node, f"({event}.delta {loop} {event} in {stream} if {event}.type == \"response.output_text.delta\")")
    ctx.note(node, "info", f"`{stream}.text_deltas` became a generator of the text deltas of the response stream.")
