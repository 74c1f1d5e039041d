"""Stream transcripts: legacy Langdock SSE or AI SDK 4 lines → AI SDK 5 or AI SDK 4 streams.

`convert_stream(text, ctx)` reads the transcript (S1: which format), turns it into a
list of AI SDK 5 chunks (the common vocabulary: S2-S6 from legacy events, S8 from v4
lines) and writes the chosen format (S3 framing, S9 headers in `ctx.extras`). Input
already in the chosen format comes back byte for byte (S10).
"""
from __future__ import annotations

from ..context import Context
from .headers import HEADERS
from .legacy_to_chunks import legacy_to_chunks
from .read_lines import read_sse, read_v4, sse_format
from .v4_to_chunks import v4_to_chunks
from .write import write_v4, write_v5


def convert_stream(text: str, ctx: Context) -> str:
    target = ctx.options["stream_format"]
    first = text.lstrip()[:5]
    if first.startswith("data:") or first.startswith(":") or first[:3] in ("eve", "id:", "ret"):
        events = read_sse(text, ctx)
        source = sse_format(events)
    else:
        lines = read_v4(text)
        source = "data-stream"
    ctx.extras["input_format"] = source
    if source == "ui-message-stream" or source == target:
        # S10: nothing to do; a v5 stream is never downgraded to v4.
        ctx.extras["stream_format"] = source
        ctx.extras["headers"] = dict(HEADERS[source])
        if source != target:
            ctx.note("S10", "info", "this is already an AI SDK 5 UI message stream; it is not turned "
                     "back into the older data stream", line=1)
        else:
            ctx.note("S10", "info", f"already a {source} transcript; nothing to convert", line=1)
        return text
    described = {"legacy-sse": "Langdock's legacy SSE events", "data-stream": "the AI SDK 4 data stream"}
    ctx.note("S1", "info", f"input detected as {described[source]}; converted to the "
             f"{'AI SDK 5 UI message stream' if target == 'ui-message-stream' else 'AI SDK 4 data stream'}",
             line=1)
    chunks = legacy_to_chunks(events, ctx) if source == "legacy-sse" else v4_to_chunks(lines, ctx)
    ctx.extras["stream_format"] = target
    ctx.extras["headers"] = dict(HEADERS[target])
    ctx.note("S9", "info", "send these response headers with the stream: " +
             ", ".join(f"{k}: {v}" for k, v in HEADERS[target].items()), line=1)
    return write_v5(chunks) if target == "ui-message-stream" else write_v4(chunks, ctx)
