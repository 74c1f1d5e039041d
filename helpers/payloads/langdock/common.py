"""Small helpers the Langdock rules share: finding messages, renaming keys in place of order."""
from __future__ import annotations

from typing import Any, Iterator

from ..jsontext import Path


def messages_of(doc: Any) -> tuple[list[Any], Path]:
    """The message list of a request (or a bare message array) and its JSON path."""
    if isinstance(doc, list):
        return doc, ()
    return doc["messages"], ("messages",)  # ChatRequestIn has made it a list


def each_message(doc: Any) -> Iterator[tuple[int, dict[str, Any], Path]]:
    messages, base = messages_of(doc)
    for index, message in enumerate(messages):
        if isinstance(message, dict):
            yield index, message, (*base, index)


def replace_message(doc: Any, index: int, message: dict[str, Any]) -> None:
    (doc if isinstance(doc, list) else doc["messages"])[index] = message


def rename_keys(obj: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """A copy of `obj` with keys renamed where they stood (key order is the user's)."""
    return {renames.get(key, key): value for key, value in obj.items()}


def metadata_of(message: dict[str, Any], path: Path, ctx: Any) -> dict[str, Any]:
    """A copy of the message's metadata object; a non-object value is kept inside it."""
    metadata = message.get("metadata")
    if metadata is None:
        return {}
    if isinstance(metadata, dict):
        return dict(metadata)
    ctx.note("C6", "warning", "`metadata` was not an object; its value was kept as "
             "metadata.legacyMetadata", (*path, "metadata"))
    return {"legacyMetadata": metadata}
