"""Small read-only helpers over tree-sitter nodes of JavaScript/TypeScript."""
from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

STRINGS = ("string", "template_string")


def walk(root: Node) -> Iterator[Node]:
    """Every node below `root` in document order, without recursion."""
    cursor = root.walk()
    while True:
        yield cursor.node
        if cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return


def between(source: bytes, start: int, end: int) -> str:
    """The text of a byte range; never raises (a broken byte becomes U+FFFD)."""
    return source[start:end].decode("utf-8", "replace")


def text(source: bytes, node: Node) -> str:
    return between(source, node.start_byte, node.end_byte)


def unwrap(node: Node | None) -> Node | None:
    """Strip parentheses, `await`, `as`/`!` TypeScript wrappers."""
    while node is not None and node.type in (
        "parenthesized_expression", "await_expression", "as_expression",
        "non_null_expression", "satisfies_expression",
    ):
        node = node.named_children[0] if node.named_children else None
    return node


def string_value(source: bytes, node: Node | None) -> str | None:
    """The raw inner text of a plain string or a template without `${}`."""
    if node is None or node.type not in STRINGS:
        return None
    if any(c.type == "template_substitution" for c in node.children):
        return None
    return between(source, node.start_byte + 1, node.end_byte - 1)


def key_name(source: bytes, key: Node | None) -> str | None:
    """Name of an object key: `a`, `"a"`, `'a'` (computed keys give None)."""
    if key is None:
        return None
    if key.type in ("property_identifier", "shorthand_property_identifier", "identifier"):
        return text(source, key)
    if key.type == "string":
        return string_value(source, key)
    return None


def object_members(source: bytes, obj: Node) -> dict[str, Node]:
    """Key name -> `pair` or shorthand node, for an `object` literal."""
    members: dict[str, Node] = {}
    for child in obj.named_children:
        if child.type == "pair":
            name = key_name(source, child.child_by_field_name("key"))
        elif child.type == "shorthand_property_identifier":
            name = text(source, child)
        else:
            continue
        if name is not None and name not in members:
            members[name] = child
    return members


def member_value(member: Node) -> Node:
    """The value of a `pair`, or the shorthand identifier itself."""
    return member.child_by_field_name("value") if member.type == "pair" else member


def property_name(source: bytes, node: Node) -> str | None:
    """`x.name` -> name; `x["name"]` -> name; anything else None."""
    if node.type == "member_expression":
        prop = node.child_by_field_name("property")
        return text(source, prop) if prop is not None else None
    if node.type == "subscript_expression":
        return string_value(source, node.child_by_field_name("index"))
    return None


def property_node(node: Node) -> Node | None:
    """The node holding the property name of a member or subscript expression, or
    of the key an `in` test checks (`"result" in data`)."""
    if node.type == "member_expression":
        return node.child_by_field_name("property")
    index = node.child_by_field_name("left" if node.type == "binary_expression" else "index")
    if index is not None and index.type == "string":
        fragments = [c for c in index.named_children if c.type == "string_fragment"]
        return fragments[0] if len(fragments) == 1 else None
    return None


def callee_name(source: bytes, call: Node) -> str | None:
    """`f(...)` -> f, `a.b.f(...)` -> f."""
    func = call.child_by_field_name("function")
    if func is None:
        return None
    if func.type == "identifier":
        return text(source, func)
    if func.type == "member_expression":
        prop = func.child_by_field_name("property")
        return text(source, prop) if prop is not None else None
    return None


def call_arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return list(args.named_children) if args is not None else []


def first_error(root: Node) -> Node | None:
    """The first MISSING node, or the innermost first ERROR node (the skipped tokens
    closest to the mistake), in document order; clean subtrees are skipped."""
    node = root
    while node.has_error or node.is_missing:
        if node.is_missing:
            return node
        for child in node.children:
            if child.has_error or child.is_missing:
                node = child
                break
        else:
            return node
    return None
