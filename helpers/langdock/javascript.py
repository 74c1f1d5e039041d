"""Convert JavaScript/TypeScript that calls Langdock's Assistants API.

The source is parsed with tree-sitter; every rule in `js_rules` looks at the
syntax tree and asks for byte-range edits (and writes notes). The edits are
applied in one go, so comments, quotes and layout outside the touched bytes
survive unchanged. The result is parsed again to be sure it is still valid.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Tree

from ..errors import InputError
from ..inputs import as_text
from ..results import ConversionResult, Note, Severity, sorted_notes
from . import jstree
from .js_facts import Facts

_GRAMMARS = {
    "javascript": tree_sitter_javascript.language,
    "typescript": tree_sitter_typescript.language_typescript,
    "tsx": tree_sitter_typescript.language_tsx,
}
KINDS = tuple(_GRAMMARS)


@lru_cache(maxsize=None)
def _parser(kind: str) -> Parser:
    return Parser(Language(_GRAMMARS[kind]()))


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: bytes
    rule: str


class JsContext:
    """One conversion: the tree, the facts, and the edits and notes rules add."""

    def __init__(self, source: bytes, tree: Tree, kind: str) -> None:
        self.source = source
        self.tree = tree
        self.kind = kind
        self.edits: list[Edit] = []
        self.notes: list[Note] = []
        self._noted: set[tuple[str, int | None, str]] = set()
        self._by_type: dict[str, list[Node]] = defaultdict(list)
        for node in jstree.walk(tree.root_node):
            if node.is_named:
                self._by_type[node.type].append(node)
        self._line_starts = [0]
        position = source.find(b"\n")
        while position != -1:
            self._line_starts.append(position + 1)
            position = source.find(b"\n", position + 1)

    @cached_property
    def facts(self) -> Facts:
        return Facts(self)

    def nodes(self, *types: str) -> list[Node]:
        """Named nodes of these types, in document order per type."""
        if len(types) == 1:
            return self._by_type.get(types[0], [])
        found = [n for t in types for n in self._by_type.get(t, [])]
        return sorted(found, key=lambda n: n.start_byte)

    def text(self, node: Node) -> str:
        return jstree.text(self.source, node)

    def position(self, byte: int) -> tuple[int, int]:
        """1-based line and character column of a byte offset."""
        index = bisect_right(self._line_starts, byte) - 1
        start = self._line_starts[index]
        column = len(jstree.between(self.source, start, byte)) + 1
        return index + 1, column

    def replace(self, start: int, end: int, text: str, rule: str) -> None:
        self.edits.append(Edit(start, end, text.encode("utf-8"), rule))

    def insert(self, at: int, text: str, rule: str) -> None:
        self.replace(at, at, text, rule)

    def note(self, node: Node | int, severity: Severity, rule: str, message: str) -> None:
        byte = node if isinstance(node, int) else node.start_byte
        line, column = self.position(byte)
        key = (rule, line, message)
        if key not in self._noted:  # one note per rule, line and message
            self._noted.add(key)
            self.notes.append(Note(line, severity, rule, message, column=column))

    def apply(self) -> bytes:
        """The source with all edits applied; an edit overlapping an earlier one is dropped."""
        chosen: list[Edit] = []
        last_end = -1
        # a stable sort: edits at the same place apply in the order rules asked for them
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end)):
            if edit.start < last_end:
                self.note(edit.start, "warning", edit.rule,
                          "Two rewrites touched the same code; this one was skipped.")
                continue
            chosen.append(edit)
            last_end = max(last_end, edit.end)
        out = bytearray()
        position = 0
        for edit in chosen:
            out += self.source[position:edit.start]
            out += edit.text
            position = edit.end
        out += self.source[position:]
        return bytes(out)


def parse(source: bytes, kind: str) -> tuple[Tree, str]:
    """Parse, falling back from TypeScript to TSX when the code contains JSX."""
    tree = _parser(kind).parse(source)
    if kind == "typescript" and tree.root_node.has_error:
        tsx = _parser("tsx").parse(source)
        if not tsx.root_node.has_error:
            return tsx, "tsx"
    return tree, kind


def _syntax_error(source: bytes, tree: Tree, kind: str) -> InputError | None:
    """Locate the first syntax error: a MISSING token where it should be, else the
    last token the parser had to skip (or the end of input for unclosed code)."""
    node = jstree.first_error(tree.root_node)
    if node is None:
        return None
    # a stray closer at the very end (`f(a))`) is not unclosed code
    stray_closer = node.child_count and node.children[-1].type in (")", "]", "}")
    if node.is_missing:
        at, what = node.start_byte, f"missing {node.type!r}"
    elif not source[node.end_byte:].strip() and not stray_closer:
        at, what = len(source), "unexpected end of input (something is not closed)"
    else:
        leaf = node
        while leaf.child_count:
            leaf = leaf.children[-1]
        at = leaf.start_byte
        snippet = jstree.text(source, leaf)[:20]
        what = f"unexpected {snippet!r}" if snippet.strip() else "unexpected input"
    line_start = source.rfind(b"\n", 0, at) + 1
    line = source.count(b"\n", 0, at) + 1
    column = len(jstree.between(source, line_start, at)) + 1
    return InputError(f"{kind} syntax error: {what}", line=line, column=column, kind=kind)


def convert_javascript(source: str | bytes, kind: str = "javascript") -> ConversionResult:
    """Migrate Langdock Assistants API calls in JavaScript or TypeScript code.

    `kind` is "javascript", "typescript" or "tsx"; the result carries the same
    kind. Raises `InputError` (with line and column) for a syntax error, binary
    data or oversized input.
    """
    if kind not in KINDS:
        raise InputError(f"unknown code kind {kind!r}; expected one of {', '.join(KINDS)}",
                         kind=kind)
    text = as_text(source, kind=kind)
    if not text.strip():
        return ConversionResult(kind=kind, source=text, output=text)
    data = text.encode("utf-8")
    try:
        tree, grammar = parse(data, kind)
        error = _syntax_error(data, tree, kind)
        if error is not None:
            raise error
        ctx = JsContext(data, tree, grammar)
        from .js_rules import RULES

        for rule in RULES:
            rule.apply(ctx)
        output = ctx.apply()
        if output != data:
            check, _ = parse(output, grammar)
            if check.root_node.has_error:
                ctx.notes.append(Note(None, "error", "langdock-js",
                                      "The rewrite produced invalid code, so the input was "
                                      "returned unchanged; please report this input."))
                output = data
    except InputError:
        raise
    except (RecursionError, MemoryError, ValueError) as exc:
        raise InputError(f"could not convert this {kind} code: {exc.__class__.__name__}",
                         kind=kind) from None
    out_text = output.decode("utf-8")
    return ConversionResult(
        kind=kind,
        source=text,
        output=text if out_text == text else out_text,
        notes=sorted_notes(ctx.notes),
        extras={"grammar": grammar} if grammar != kind else {},
    )
