"""P1: a Foundry object printed by Python (`{'id': 'asst_…', 'description': None, …}`) is read as JSON.

Before: the dict as the SDK prints it (single quotes, `None`, `True`), as the Microsoft guide
shows the classic agent objects.
After:  the converted object as JSON (2-space indent), with a note saying so.
Only dicts whose `object` field names a known Foundry object are taken this way, so Python
code that happens to be a dict literal still goes to the code converters.
"""
from __future__ import annotations

import ast
from typing import Any

# Printed SDK objects are small; a large text is never taken for one.
MAX_LITERAL_CHARS = 200_000
FOUNDRY_OBJECTS = frozenset({"assistant", "agent.version", "thread", "conversation", "thread.message",
                             "thread.run", "response"})


def python_object(text: str) -> dict[str, Any] | None:
    """The dict `text` spells in Python literal syntax, if it is a printed Foundry object."""
    stripped = text.strip()
    if len(stripped) > MAX_LITERAL_CHARS or not stripped.startswith("{"):
        return None
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, dict) and value.get("object") in FOUNDRY_OBJECTS and _json_safe(value):
        return value
    return None


def _json_safe(value: Any, depth: int = 0) -> bool:
    if depth > 100:
        return False
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_safe(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_json_safe(v, depth + 1) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))
