"""F3: a thread message becomes a conversation message item.

Before: `{"id": "msg_1", "object": "thread.message", "created_at": 1762218811, "thread_id":
          "thread_1", "role": "assistant", "content": [{"type": "text", "text": {"value": "Hi",
          "annotations": []}}], "assistant_id": "asst_1", "run_id": "run_1", "attachments": [],
          "metadata": {}, "status": "completed"}`
After:  `{"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
          "content": [{"type": "output_text", "text": "Hi", "annotations": []}]}`
Content types follow the role: user text → `input_text`, assistant text → `output_text`;
`image_file`/`image_url` → `input_image`. Annotations become the Responses annotation shapes
(`file_citation`, `file_path`, `url_citation`) with a note. Fields an item has no place for
(thread_id, assistant_id, run_id, created_at, attachments, metadata, …) are noted.
Id policy: the legacy id is kept; the service assigns new item ids.
"""
from __future__ import annotations

from typing import Any

from ..context import Context
from ..jsontext import Path
from ..models.foundry import LegacyThreadMessage
from ..registry import rule
from ..validation import validate
from ...mapping import MESSAGE_STATUS, fields, lookup
from .common import carry_unknown, note_dropped, note_id_kept

DROPPED = fields.dropped(fields.MESSAGE)
KNOWN = set(fields.MESSAGE)


@rule("foundry-message", "F3", order=10)
def message_rule(doc: Any, ctx: Context) -> Any:
    if doc.get("type") == "message" and "object" not in doc:
        ctx.note("F3", "info", "already a conversation message item; nothing to convert", ())
        return doc
    validate(LegacyThreadMessage, doc, ctx.text_for_lines, ctx.kind)
    return message_to_item(doc, ctx, ())


def message_to_item(doc: dict[str, Any], ctx: Context, base: Path) -> dict[str, Any]:
    role = doc.get("role")
    found = lookup(MESSAGE_STATUS, doc.get("status") or "completed")
    status = found[0] if found else None
    if status is None:
        ctx.note("F3", "warning", f"status {doc.get('status')!r} has no item counterpart; it became "
                 "'completed'", (*base, "status"))
        status = "completed"
    content = [_content(part, role, ctx, (*base, "content", n)) for n, part in enumerate(doc.get("content") or [])]
    new = {"type": "message", "id": doc.get("id"), "status": status, "role": role, "content": content}
    if not base:
        note_id_kept(ctx, "F3", doc.get("id"), "conversation items")
    note_dropped(ctx, "F3", doc, DROPPED, base, "a conversation item")
    carry_unknown(ctx, "F3", doc, KNOWN, new, base, "a conversation item")
    return new


def _content(part: Any, role: Any, ctx: Context, path: Path) -> Any:
    kind = part.get("type")  # LegacyThreadMessage makes every part an object
    if kind == "text":
        text = part.get("text")
        value = text.get("value", "") if isinstance(text, dict) else (text if isinstance(text, str) else "")
        annotations = (text.get("annotations") or []) if isinstance(text, dict) else []
        annotations = annotations if isinstance(annotations, list) else [annotations]
        if role == "assistant":
            return {"type": "output_text", "text": value,
                    "annotations": [_annotation(a, ctx, (*path, "text", "annotations", i))
                                    for i, a in enumerate(annotations)]}
        if annotations:
            ctx.note("F3", "warning", "annotations on input text have no counterpart and were left out",
                     (*path, "text", "annotations"))
        return {"type": "input_text", "text": value}
    if kind == "image_file" and isinstance(part.get("image_file"), dict):
        image = part["image_file"]
        _note_output_image(role, ctx, path)
        return {"type": "input_image", "file_id": image.get("file_id"), "detail": image.get("detail") or "auto"}
    if kind == "image_url" and isinstance(part.get("image_url"), dict):
        image = part["image_url"]
        _note_output_image(role, ctx, path)
        return {"type": "input_image", "image_url": image.get("url"), "detail": image.get("detail") or "auto"}
    if kind == "refusal":
        return {"type": "refusal", "refusal": part.get("refusal", "")}
    if kind in ("input_text", "output_text", "input_image", "input_file"):
        return part
    ctx.note("F3", "warning", f"content type {kind!r} has no item counterpart; it was kept as it is",
             path)
    return part


def _note_output_image(role: Any, ctx: Context, path: Path) -> None:
    if role == "assistant":
        ctx.note("F3", "warning", "an image in an assistant message was a tool output; as an item it "
                 "can only be input_image content: check that this is what you want", path)


def _annotation(annotation: Any, ctx: Context, path: Path) -> Any:
    kind = annotation.get("type") if isinstance(annotation, dict) else None
    if kind == "file_citation":
        ctx.note("F3", "info", "file citation converted; the new shape has file_id, filename and "
                 "index (the quoted text is gone, the filename is unknown here)", path)
        return {"type": "file_citation", "file_id": _inner(annotation, "file_citation", "file_id"),
                "filename": "", "index": annotation.get("start_index", 0)}
    if kind == "file_path":
        ctx.note("F3", "info", "file path annotation converted to {file_id, index}", path)
        return {"type": "file_path", "file_id": _inner(annotation, "file_path", "file_id"),
                "index": annotation.get("start_index", 0)}
    if kind == "url_citation":
        info = annotation.get("url_citation") if isinstance(annotation.get("url_citation"), dict) else {}
        return {"type": "url_citation", "url": info.get("url"), "title": info.get("title", ""),
                "start_index": annotation.get("start_index", 0), "end_index": annotation.get("end_index", 0)}
    ctx.note("F3", "warning", f"annotation type {kind!r} has no known counterpart; kept as it is", path)
    return annotation


def _inner(annotation: dict[str, Any], name: str, key: str) -> Any:
    inner = annotation.get(name)
    return inner.get(key) if isinstance(inner, dict) else None
