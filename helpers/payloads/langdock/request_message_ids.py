"""C2: every message gets an `id` (the Agents API requires one).

Before: `{"role": "user", "content": "Hi"}` (the legacy schema has no message id)
After:  `{"id": "msg_0", "role": "user", …}`: `msg_<position>`, stable across re-runs.
Existing ids are kept; duplicates and non-string ids are made unique strings with a note.
One note says that real clients generate unique ids themselves.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..registry import rule
from .common import each_message, messages_of, replace_message


@rule("langdock-chat-request", "C2", order=20)
def add_message_ids(doc: Any, ctx: Context) -> Any:
    taken = {m.get("id") for _, m, _ in each_message(doc) if isinstance(m.get("id"), str)}
    seen: set[str] = set()
    generated = 0
    for index, message, path in list(each_message(doc)):
        current = message.get("id")
        if isinstance(current, str) and current and current not in seen:
            seen.add(current)
            continue
        if "id" in message and current is not None:
            reason = "duplicate" if isinstance(current, str) and current in seen else "not a non-empty string"
            new_id = _free_id(f"{current}_{index}" if isinstance(current, str) and current else f"msg_{index}", taken)
            ctx.note("C2", "warning", f"message id {current!r} is {reason}; it became {new_id!r}",
                     (*path, "id"))
        else:
            new_id = _free_id(f"msg_{index}", taken)
            generated += 1
        taken.add(new_id)
        seen.add(new_id)
        rest = {k: v for k, v in message.items() if k != "id"}
        replace_message(doc, index, {"id": new_id, **rest})
    if generated:
        _, base = messages_of(doc)
        ctx.note("C2", "info", f"{generated} message id(s) were generated as msg_<position> so the "
                 "output is reproducible; real clients create unique ids (crypto.randomUUID(), "
                 "nanoid(), uuid.uuid4())", base)
    return doc


def _free_id(candidate: str, taken: set[str]) -> str:
    new_id, n = candidate, 1
    while new_id in taken:
        new_id = f"{candidate}_{n}"
        n += 1
    return new_id
