"""Merging what several files tell (folder mode), the same for Python and JavaScript summaries."""
from __future__ import annotations

from typing import Iterable, TypeVar

T = TypeVar("T")


def merge(out: T, summaries: Iterable) -> T:
    """Unions every summary's returns, parameter kinds and message parameters into `out`."""
    for summary in summaries:
        for name, kinds in summary.returns.items():
            out.returns[name] = out.returns.get(name, frozenset()) | kinds
        for name, slots in summary.params.items():
            target = out.params.setdefault(name, {})
            for index, kinds in slots.items():
                target[index] = target.get(index, frozenset()) | kinds
        for name, indexes in summary.message_params.items():
            out.message_params.setdefault(name, set()).update(indexes)
    return out
