"""Message dicts of a chat request become UI messages (rules C2-C8, K2).

Before: `{"role": "user", "content": prompt, "attachmentIds": ids}`
After:  `{"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": prompt}],
          "metadata": {"attachments": ids}}`

Covers every message dict that flows into a chat request's `"messages"`
(literal lists, named lists, appends, comprehensions, other modules in folder
mode). Ids of literal lists are deterministic (`msg_<n>`, skipping ids in use);
dicts built in a loop, comprehension or factory get `str(uuid.uuid4())`, unique
at run time. A second run changes nothing; what cannot be converted safely
stays and gets a note.
"""
from __future__ import annotations

import libcst as cst

from .. import advice
from ..py_facts import dict_keys, str_value
from . import py_rule

NAME = "langdock-message-parts"
_SPACE = cst.SimpleWhitespace(" ")
_UUID_CALL = cst.parse_expression("str(uuid.uuid4())")


def _string(quote_of: cst.SimpleString, text: str) -> cst.SimpleString:
    quote = quote_of.quote if len(quote_of.quote) == 1 else '"'
    return cst.SimpleString(f"{quote}{text}{quote}")


def _renamed_key(key: cst.SimpleString, new: str) -> cst.SimpleString:
    quote = key.quote
    return key.with_changes(value=f"{key.prefix}{quote}{new}{quote}")


def _used_ids(ctx) -> set[str]:
    used = set()
    for message in ctx.facts.message_dicts:
        element = dict_keys(message).get("id")
        if element is not None and str_value(element.value) is not None:
            used.add(str_value(element.value))
    return used


def _next_id(ctx) -> str:
    if "ids" not in ctx.counters:
        ctx.counters["ids"] = _used_ids(ctx)
        ctx.counters["next"] = 0
        ctx.note(ctx.facts.message_dicts[0], "info", NAME, advice.DETERMINISTIC_IDS)
    used = ctx.counters["ids"]
    while f"msg_{ctx.counters['next']}" in used:
        ctx.counters["next"] += 1
    new = f"msg_{ctx.counters['next']}"
    used.add(new)
    return new


def _check(ctx, original: cst.Dict) -> bool:
    """Whether this dict is a legacy message we can convert (notes when not)."""
    keys = dict_keys(original)
    if "role" not in keys or "content" not in keys:
        return False
    if "parts" in keys:
        ctx.note(original, "warning", NAME, advice.CONTENT_AND_PARTS)
        return False
    if isinstance(keys["content"].value, (cst.List, cst.Dict, cst.ListComp)):
        ctx.note(original, "warning", NAME, advice.CONTENT_NOT_STRING)
        return False
    role = str_value(keys["role"].value)
    if role == "system":
        ctx.note(original, "warning", NAME, advice.ROLE_SYSTEM)
    elif role == "tool":
        ctx.note(original, "warning", NAME, advice.ROLE_TOOL)
    if "attachmentIds" in keys and "metadata" in keys:
        ctx.note(keys["attachmentIds"], "warning", NAME, advice.METADATA_EXISTS)
    return True


@py_rule(NAME, cst.Dict)
def convert_message(ctx, original, updated):
    facts = ctx.facts
    if not facts.message_dicts:
        return updated
    if not any(m is original for m in facts.message_dicts) or not _check(ctx, original):
        return updated
    keys = dict_keys(original)
    elements = list(updated.elements)
    role_key = elements[list(original.elements).index(keys["role"])].key
    new_elements = []
    for element in elements:
        name = str_value(element.key) if isinstance(element, cst.DictElement) else None
        if name == "content":
            text_part = cst.Dict([
                cst.DictElement(_string(role_key, "type"), _string(role_key, "text"),
                                comma=cst.Comma(whitespace_after=_SPACE)),
                cst.DictElement(_string(role_key, "text"), element.value),
            ])
            element = element.with_changes(key=_renamed_key(element.key, "parts"),
                                           value=cst.List([cst.Element(text_part)]))
        elif name == "attachmentIds" and "metadata" not in keys:
            inner = cst.Dict([cst.DictElement(_string(element.key, "attachments"),
                                              element.value)])
            element = element.with_changes(key=_renamed_key(element.key, "metadata"),
                                           value=inner)
        new_elements.append(element)
    if "id" not in keys:
        first = new_elements[0]
        comma = first.comma if isinstance(first.comma, cst.Comma) else cst.Comma(
            whitespace_after=_SPACE)
        if isinstance(first.comma, cst.Comma) and "\n" not in cst.Module([]).code_for_node(
            first.comma
        ):
            comma = cst.Comma(whitespace_after=_SPACE)
        if id(original) in facts.runtime_ids:
            if "uuid" not in ctx.counters:
                ctx.counters["uuid"] = True
                ctx.note(original, "info", NAME, advice.RUNTIME_IDS.format(how="uuid.uuid4()"))
            value = _UUID_CALL
        else:
            value = _string(role_key, _next_id(ctx))
        new_id = cst.DictElement(_string(role_key, "id"), value, comma=comma)
        new_elements.insert(0, new_id)
    return updated.with_changes(elements=new_elements)
