"""Shared checks for the Langdock code converter tests."""
from __future__ import annotations

import libcst
import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Language, Parser

_LANGS = {
    "javascript": Language(tree_sitter_javascript.language()),
    "typescript": Language(tree_sitter_typescript.language_typescript()),
    "tsx": Language(tree_sitter_typescript.language_tsx()),
}


def js_tree(code: str, kind: str = "javascript"):
    return Parser(_LANGS[kind]).parse(code.encode("utf-8"))


def js_parses(code: str, kind: str = "javascript") -> bool:
    return not js_tree(code, kind).root_node.has_error


def js_tokens(code: str, kind: str = "javascript") -> list[tuple[str, str]]:
    """Leaf tokens without comments: two programs with equal tokens differ only in layout."""
    data = code.encode("utf-8")
    tree = js_tree(code, kind)
    assert not tree.root_node.has_error, "expected code must parse"
    tokens = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "comment":
            continue
        if node.child_count == 0 or node.type in ("string", "template_string"):
            tokens.append((node.type, data[node.start_byte:node.end_byte].decode()))
            continue
        stack.extend(reversed(node.children))
    return tokens


def py_parses(code: str) -> bool:
    try:
        libcst.parse_module(code)
    except libcst.ParserSyntaxError:
        return False
    return True
