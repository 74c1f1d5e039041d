"""Rule annotations: citations and generated files are read from the text parts of a message.

Before:
    for ann in msg.url_citation_annotations:
        print(ann.url_citation.title, ann.url_citation.url)
    for ann in msg.file_path_annotations:
        print(ann.file_path.file_id)
    for img in msg.image_contents:
        print(img.image_file.file_id)
After:
    for ann in [a for part in msg.content if part.type == "output_text" for a in part.annotations if a.type == "url_citation"]:
        print(ann.title, ann.url)
    for ann in [a for part in msg.content if part.type == "output_text" for a in part.annotations if a.type == "container_file_citation"]:
        print(ann.file_id)
    for img in [a for part in msg.content if ... a.type == "container_file_citation" and a.filename.lower().endswith(IMAGES)]:
        print(img.file_id)

A 2.x message item has no annotation lists of its own: each `output_text`
part carries `annotations` (`url_citation` with url/title/start_index/
end_index, `file_citation` with file_id/filename/index). Files the code
interpreter writes, images included, are `container_file_citation`
annotations (container_id, file_id, filename); download them with
`openai_client.containers.files.content.retrieve(file_id, container_id=...)`.
Legacy placeholders (`annotation.text`, such as "【4:0†source】") have no
counterpart and get a note.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..leftovers import cut_attribute, legacy_code
from ..registry import rule

RULE = rule("annotations", "url/file citation, file path annotations and image contents -> output_text annotations")

LISTS = {
    "url_citation_annotations": 'a.type == "url_citation"',
    "file_citation_annotations": 'a.type == "file_citation"',
    "file_path_annotations": 'a.type == "container_file_citation"',
    "image_contents": 'a.type == "container_file_citation" and a.filename.lower().endswith((".png", ".jpg", '
    '".jpeg", ".gif", ".webp"))',
}
# `annotation.url_citation.url` -> `annotation.url`, ...
NESTED = {
    "url_citation": {"url", "title"},
    "file_citation": {"file_id"},
    "file_path": {"file_id"},
    "image_file": {"file_id"},
}
DOWNLOAD = ("Files the code interpreter made are container files now: download one with "
            "`openai_client.containers.files.content.retrieve(annotation.file_id, "
            "container_id=annotation.container_id)` (its `.write_to_file(path)` saves it).")


def _annotation_names(ctx: Context) -> set[str]:
    found = ctx.tools.get("annotation_names")
    if found is None:
        found = ctx.tools["annotation_names"] = set()
    return found


@RULE.on(ast.Attribute)
def convert(node: ast.Attribute, ctx: Context) -> None:
    if node.attr in LISTS:
        if legacy_code(ctx) and ctx.claim(node):
            condition = LISTS[node.attr]
            ctx.replace(node, lambda text: f"[a for part in {cut_attribute(text)}.content if part.type == "
                        f'"output_text" for a in part.annotations if {condition}]')
            if node.attr in ("file_path_annotations", "image_contents"):
                ctx.note(node, "info", DOWNLOAD)
            if node.attr == "image_contents":
                ctx.note(node, "info", "Images the code interpreter made are container files cited in the "
                         "answer's text (`container_file_citation`), not image parts of the message.")
        return
    inner = node.value
    if (isinstance(inner, ast.Attribute) and inner.attr in NESTED and node.attr in NESTED[inner.attr]
            and legacy_code(ctx) and _not_chat(ctx, inner.value) and ctx.claim(node)):
        ctx.replace(node, lambda text: f"{cut_attribute(cut_attribute(text))}.{node.attr}")
        return
    if node.attr == "text" and isinstance(inner, ast.Name) and _is_annotation(ctx, inner.id) and ctx.claim(node):
        ctx.note(node, "warning", f"`{inner.id}.text` was the placeholder that marked the citation in the "
                 "legacy answer; 2.x answers carry no placeholders: use the annotation's start_index/end_index "
                 "(url citations) or index (file citations) to place it in `part.text`.")


def _not_chat(ctx: Context, owner: ast.AST) -> bool:
    """Chat Completions annotations keep `url_citation.url`: rename only where none can be meant."""
    known = isinstance(owner, ast.Name) and _is_annotation(ctx, owner.id)
    return known or "completions" not in ctx.src.text


def _is_annotation(ctx: Context, name: str) -> bool:
    if name in _annotation_names(ctx):
        return True
    # a comprehension in this statement whose target is read before the walk reaches its `for`
    return ctx.statement is not None and any(
        isinstance(n, ast.comprehension) and isinstance(n.target, ast.Name) and n.target.id == name
        and isinstance(n.iter, ast.Attribute) and n.iter.attr in LISTS for n in ast.walk(ctx.statement))


@RULE.on(ast.For, ast.AsyncFor, ast.comprehension)
def remember(node: ast.AST, ctx: Context) -> None:
    """Loop variables over annotation lists, so their `.text` placeholder can be noted."""
    iterable = node.iter  # type: ignore[attr-defined]
    if (isinstance(iterable, ast.Attribute) and iterable.attr in LISTS and iterable.attr != "image_contents"
            and isinstance(node.target, ast.Name)):  # type: ignore[attr-defined]
        _annotation_names(ctx).add(node.target.id)  # type: ignore[attr-defined]
