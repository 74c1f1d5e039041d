"""C3, C4, C5, C8: message `content` becomes a `parts` array.

C3 Before: `{"role": "user", "content": "Hi there "}`
   After:  `{"role": "user", "parts": [{"type": "text", "text": "Hi there "}]}` (whitespace kept)
C4 `""`, `null` or no content → one empty text part, with a note.
C5 OpenAI-style arrays: `{"type": "text", "text"}` → text part; `image_url` with a data URL →
   `{"type": "file", "mediaType", "url"}`; a remote URL → file part plus a note; anything else
   is kept under `metadata.unconverted` with a note, so nothing is lost.
C8 A message that already has `parts` and no `content` is left alone; with both, `parts`
   wins, and a `content` that says something else is kept under `metadata.unconverted`.
"""
from __future__ import annotations

import mimetypes
import re
from typing import Any

from ..context import Context
from ..jsontext import Path
from ..registry import rule
from .common import each_message, metadata_of, replace_message

_DATA_URL = re.compile(r"data:([\w.+-]+/[\w.+*-]+)?[;,]")


@rule("langdock-chat-request", "C3", order=30)
def content_to_parts(doc: Any, ctx: Context) -> Any:
    for index, message, path in list(each_message(doc)):
        has_content = "content" in message
        if "parts" in message:
            if has_content:
                replace_message(doc, index, _drop_content(message, path, ctx))
            continue
        content = message.get("content")
        unconverted: list[Any] = []
        parts = _parts_of(content, (*path, "content"), has_content, message, ctx, unconverted)
        new = {}
        for key, value in message.items():
            if key == "content":
                new["parts"] = parts
            else:
                new[key] = value
        if not has_content:
            new["parts"] = parts
        if unconverted:
            metadata = metadata_of(new, path, ctx)
            metadata["unconverted"] = [*_as_list(metadata.get("unconverted")), *unconverted]
            new["metadata"] = metadata
        replace_message(doc, index, new)
    return doc


def _parts_of(content: Any, path: Path, present: bool, message: dict, ctx: Context,
              unconverted: list[Any]) -> list[dict[str, Any]]:
    if isinstance(content, str):
        if content == "":
            ctx.note("C4", "info", _empty_advice(message, "empty content"), path)
        return [{"type": "text", "text": content}]
    if content is None:
        what = "content is null" if present else "no content"
        ctx.note("C4", "warning", _empty_advice(message, what), path if present else path[:-1])
        return [{"type": "text", "text": ""}]
    items = content if isinstance(content, list) else [content]
    parts = []
    for n, item in enumerate(items):
        item_path = (*path, n) if isinstance(content, list) else path
        part = _part_of(item, item_path, ctx)
        if part is None:
            unconverted.append(item)
            ctx.note("C5", "warning", "this content item has no Agents-API part; it was kept "
                     "under metadata.unconverted: move it into a supported part by hand",
                     item_path)
        else:
            parts.append(part)
    if not any(p["type"] == "text" for p in parts):
        parts.insert(0, {"type": "text", "text": ""})
    return parts


def _part_of(item: Any, path: Path, ctx: Context) -> dict[str, Any] | None:
    if isinstance(item, str):
        return {"type": "text", "text": item}
    if not isinstance(item, dict):
        return None
    kind = item.get("type")
    if kind == "text" and isinstance(item.get("text"), str):
        return {"type": "text", "text": item["text"]}
    if kind == "file" and isinstance(item.get("url"), str) and isinstance(item.get("mediaType"), str):
        return item
    if kind in ("image_url", "image"):
        source = item.get("image_url", item.get("image", item.get("url")))
        url = source.get("url") if isinstance(source, dict) else source
        if not isinstance(url, str):
            return None
        match = _DATA_URL.match(url)
        if match:
            return {"type": "file", "mediaType": match.group(1) or "text/plain", "url": url}
        guessed = mimetypes.guess_type(url.split("?")[0])[0]
        ctx.note("C5", "warning", "a remote image URL became a file part; Langdock documents "
                 "inline data URLs only, so check that the agent can fetch it (or inline it)", path)
        return {"type": "file", "mediaType": guessed or "image/*", "url": url}
    return None


def _empty_advice(message: dict, what: str) -> str:
    if message.get("attachmentIds"):
        return (f"{what}: the message only carries attachments; it now has one empty text part "
                "(Langdock's own widget sends a short prompt with attachments instead)")
    return f"{what}: the message now has one empty text part; consider dropping the message"


def _drop_content(message: dict, path: Path, ctx: Context) -> dict[str, Any]:
    content = message["content"]
    parts = message["parts"]
    texts = "".join(p.get("text", "") for p in parts if isinstance(p, dict) and p.get("type") == "text") \
        if isinstance(parts, list) else None
    new = {k: v for k, v in message.items() if k != "content"}
    if content == texts or content in (None, ""):
        ctx.note("C8", "info", "the message had both `content` and `parts`; `content` repeated the "
                 "text parts and was removed", (*path, "content"))
    else:
        metadata = metadata_of(new, path, ctx)
        metadata["unconverted"] = [*_as_list(metadata.get("unconverted")), {"content": content}]
        new["metadata"] = metadata
        ctx.note("C8", "warning", "the message had both `content` and `parts`; `parts` was kept and "
                 "the differing `content` moved to metadata.unconverted: merge them by hand",
                 (*path, "content"))
    return new


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
