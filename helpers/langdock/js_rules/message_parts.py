"""Message literals of a chat request become UI messages (rules C2-C8, K2).

Before: `{ role: "user", content: question, attachmentIds: ids }`
After:  `{ id: "msg_0", role: "user", parts: [{ type: "text", text: question }],
          metadata: { attachments: ids } }`

Covers every message literal that flows into a chat request's `messages`:
the array itself, arrays it names, objects pushed onto them, objects returned by
a `.map` callback (other files in folder mode). Ids of literal arrays are
deterministic (`msg_<n>`, skipping ids already used); objects built in a loop,
a callback or a factory get `crypto.randomUUID()`, unique at run time. A second
run changes nothing. Messages that cannot be converted safely stay as they are
and get a note.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-message-parts"
_CONVERTIBLE_CONTENT = ("array", "object")


def _quote(ctx, role) -> str:
    """The quote the message's `role` string uses, for the strings written next to it."""
    value = jstree.member_value(role)
    if value.type == "string" and ctx.text(value).startswith("'"):
        return "'"
    return '"'


def _used_ids(ctx, elements) -> set[str]:
    used = set()
    for _request, element in elements:
        if element.type == "object":
            member = jstree.object_members(ctx.source, element).get("id")
            if member is not None:
                value = jstree.string_value(ctx.source, jstree.member_value(member))
                if value is not None:
                    used.add(value)
    return used


def _insert_id(ctx, first, text: str) -> None:
    """Insert `id: "msg_n",` before the first member, on its own line if it has one
    (a comment in front of the member keeps the id on the member's line)."""
    line_start = ctx.source.rfind(b"\n", 0, first.start_byte) + 1
    indent = jstree.between(ctx.source, line_start, first.start_byte)
    if not indent.strip():  # only blanks before the member: it has a line of its own
        ctx.insert(first.start_byte, f"{text},\n{indent}", NAME)
    else:
        ctx.insert(first.start_byte, f"{text}, ", NAME)


def _replace_member(ctx, member, key_text: str, before_value: str, after_value: str) -> None:
    """`key: value` -> `key_text: <before>value<after>` (shorthand gets its name as value)."""
    if member.type == "shorthand_property_identifier":
        name = ctx.text(member)
        ctx.replace(member.start_byte, member.end_byte,
                    f"{key_text}: {before_value}{name}{after_value}", NAME)
        return
    key, value = member.child_by_field_name("key"), member.child_by_field_name("value")
    ctx.replace(key.start_byte, key.end_byte, key_text, NAME)
    ctx.insert(value.start_byte, before_value, NAME)
    ctx.insert(value.end_byte, after_value, NAME)


@js_rule(NAME)
def convert_messages(ctx) -> None:
    src = ctx.source
    elements = ctx.facts.message_elements
    used = _used_ids(ctx, elements)
    counter = 0
    inserted_ids = False
    runtime_noted = False
    for _request, element in elements:
        if element.type != "object":
            ctx.note(element, "warning", NAME, advice.SPREAD_MESSAGES)
            continue
        members = jstree.object_members(src, element)
        if "role" not in members or "content" not in members:
            continue
        if "parts" in members:
            ctx.note(element, "warning", NAME, advice.CONTENT_AND_PARTS)
            continue
        content = members["content"]
        value = jstree.unwrap(jstree.member_value(content))
        if value is not None and value.type in _CONVERTIBLE_CONTENT:
            ctx.note(element, "warning", NAME, advice.CONTENT_NOT_STRING)
            continue
        q = _quote(ctx, members["role"])
        role = jstree.string_value(src, jstree.member_value(members["role"]))
        if role == "system":
            ctx.note(element, "warning", NAME, advice.ROLE_SYSTEM)
        elif role == "tool":
            ctx.note(element, "warning", NAME, advice.ROLE_TOOL)
        if "id" not in members and element.id in ctx.facts.decisions.runtime_ids:
            first = next(c for c in element.named_children if c.type != "comment")
            _insert_id(ctx, first, "id: crypto.randomUUID()")
            if not runtime_noted:
                runtime_noted = True
                ctx.note(element, "info", NAME,
                         advice.RUNTIME_IDS.format(how="crypto.randomUUID()"))
        elif "id" not in members:
            while f"msg_{counter}" in used:
                counter += 1
            used.add(f"msg_{counter}")
            first = next(c for c in element.named_children if c.type != "comment")
            _insert_id(ctx, first, f"id: {q}msg_{counter}{q}")
            inserted_ids = True
        _replace_member(ctx, content, "parts", f"[{{ type: {q}text{q}, text: ", " }]")
        attachments = members.get("attachmentIds")
        if attachments is not None:
            if "metadata" in members:
                ctx.note(attachments, "warning", NAME, advice.METADATA_EXISTS)
            else:
                _replace_member(ctx, attachments, "metadata", "{ attachments: ", " }")
    if inserted_ids:
        first_object = next(e for _r, e in elements if e.type == "object"
                            and e.id not in ctx.facts.decisions.runtime_ids)
        ctx.note(first_object, "info", NAME, advice.DETERMINISTIC_IDS)
