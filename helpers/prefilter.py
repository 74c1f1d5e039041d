"""A byte-level test that a file cannot hold legacy code, before parsing it.

Whole-repository runs (`convert` over folders, `--check`, `report`) skip files
that contain none of the words every legacy input needs: an agent, an
assistant, a thread, Langdock, OpenAI's `beta` namespace, or a Langdock
`result` read. Lower-casing and a few substring searches cost far less
than a parse, and nearly every file of a repository fails them. Files named
on the command line are always converted.
"""
from __future__ import annotations

# `result` too: in folder mode a file that only reads a Langdock answer's
# `result` (from a function defined in a sibling file) must still be converted.
CODE_MARKERS = (b"agent", b"assistant", b"thread", b"langdock", b"beta", b'"result"', b"'result'", b".result")
JSON_MARKERS = CODE_MARKERS + (b"run_step",)


def may_need_conversion(data: bytes, suffix: str) -> bool:
    """False only when `data` certainly holds nothing to convert."""
    if suffix == ".sse":
        return True  # stream transcripts carry no tell-tale words
    lowered = data.lower()
    markers = JSON_MARKERS if suffix == ".json" else CODE_MARKERS
    return any(marker in lowered for marker in markers)
