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
Legacy placeholders (`annotation.text`, such as "【4:0†source】" or
"sandbox:/mnt/data/chart.png") have no counterpart: on a file or container file
citation they become `annotation.filename` with a note, on a URL citation they
stay with a note (code that replaced the placeholder in the text needs
rewriting); a file citation's `start_index`/`end_index` become its `index`.
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


# what a legacy placeholder (`annotation.text`) becomes, by the list the annotation came from
PLACEHOLDERS = {"url_citation_annotations": None, "file_citation_annotations": "filename",
                "file_path_annotations": "filename"}


def _annotation_names(ctx: Context) -> dict[str, tuple[str, int, int]]:
    """Loop variable -> the legacy annotation list it walks, and the loop's first and last line."""
    found = ctx.tools.get("annotation_names")
    if found is None:
        found = ctx.tools["annotation_names"] = {}
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
    kind = _annotation_kind(ctx, inner.id) if isinstance(inner, ast.Name) else None
    if kind is None:
        return
    if node.attr == "text" and PLACEHOLDERS[kind] is None and ctx.claim(node):
        ctx.note(node, "warning", f"`{inner.id}.text` was the placeholder that marked the citation in the "
                 "legacy answer; 2.x answers carry no placeholders: use the annotation's start_index/end_index "
                 "(url citations) or index (file citations) to place it in `part.text`.")
    elif node.attr == "text" and ctx.claim(node):
        field = PLACEHOLDERS[kind]
        ctx.replace(node, f"{inner.id}.{field}")
        ctx.note(node, "warning", f"`{inner.id}.text` was the placeholder that marked the citation in the "
                 f"legacy answer; 2.x answers carry no placeholders, so it became `{inner.id}.{field}`. To place "
                 "the citation in `part.text`, use the annotation's start_index/end_index (URL and container "
                 "file citations) or index (file citations).")
    elif node.attr in ("start_index", "end_index") and kind == "file_citation_annotations" and ctx.claim(node):
        ctx.replace(node, f"{inner.id}.index")
        ctx.note(node, "warning", f"A file citation has no `{node.attr}`: it marks one place, `{inner.id}.index`.")


def _not_chat(ctx: Context, owner: ast.AST) -> bool:
    """Chat Completions annotations keep `url_citation.url`: rename only where none can be meant."""
    known = isinstance(owner, ast.Name) and _is_annotation(ctx, owner.id)
    return known or "completions" not in ctx.src.text


def _is_annotation(ctx: Context, name: str) -> bool:
    return _annotation_kind(ctx, name) is not None


def _annotation_kind(ctx: Context, name: str) -> str | None:
    """The legacy annotation list the loop variable `name` walks, if it walks one."""
    kind, first, last = _annotation_names(ctx).get(name, (None, 0, 0))
    if kind is not None and ctx.statement is not None and first <= ctx.statement.lineno <= last:
        return kind
    # a comprehension in this statement whose target is read before the walk reaches its `for`
    return next((n.iter.attr for n in ast.walk(ctx.statement) if isinstance(n, ast.comprehension)
                 and isinstance(n.target, ast.Name) and n.target.id == name and isinstance(n.iter, ast.Attribute)
                 and n.iter.attr in PLACEHOLDERS), None) if ctx.statement is not None else None


@RULE.on(ast.For, ast.AsyncFor, ast.comprehension)
def remember(node: ast.AST, ctx: Context) -> None:
    """Loop variables over annotation lists, so their `.text` placeholder can be noted."""
    iterable = node.iter  # type: ignore[attr-defined]
    if (isinstance(iterable, ast.Attribute) and iterable.attr in LISTS and iterable.attr != "image_contents"
            and isinstance(node.target, ast.Name)):  # type: ignore[attr-defined]
        # a comprehension's variable lives in its statement only (see _annotation_kind)
        if isinstance(node, (ast.For, ast.AsyncFor)):
            _annotation_names(ctx)[node.target.id] = (iterable.attr, node.lineno, node.end_lineno or node.lineno)
