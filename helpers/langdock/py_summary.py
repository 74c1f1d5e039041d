"""What one Python module tells its siblings in folder mode (see `folder`)."""
from __future__ import annotations

import libcst as cst

from .py_flow import Externals


def summarise_python(text: str) -> Externals | None:
    """Returns, call arguments and message parameters of one module (None if unreadable)."""
    from .py_facts import scan
    from .python_requests import looks_like_langdock

    try:
        module = cst.parse_module(text)
        facts = scan(module)
    except Exception:  # noqa: BLE001 - a file that does not parse tells nothing
        return None
    if facts.summary is None and not looks_like_langdock(text):
        return None
    if facts.summary is None:
        return Externals()
    return facts.summary


def merge_python(summaries: list[Externals]) -> Externals:
    from .merge_summaries import merge

    return merge(Externals(), summaries)
