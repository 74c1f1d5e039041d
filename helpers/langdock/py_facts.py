"""What the Python rules need to know about the whole module, computed in one visit.

Which string literals are Langdock URLs, whether the module is Langdock code
(`mode`), which dicts are chat requests and message literals, which names hold
a parsed response (`data = r.json()`) or its `result` list and messages, and
which `iter_lines` loops parse the legacy stream.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .urls import REWRITTEN, Analysis, analyse

WIRE_KEYS = ("assistantId", "agentId", "assistant", "agent")
_HTTP_METHODS = ("post", "request", "stream", "put", "patch", "get")
_LINE_READERS = ("iter_lines", "aiter_lines", "iter_text", "aiter_text", "iter_content",
                 "iter_any", "content")
_LEGACY_TYPES = ("message", "done")


def str_value(node: cst.CSTNode | None) -> str | None:
    """Value of a plain (non-bytes) string literal, else None."""
    if not isinstance(node, cst.SimpleString):
        return None
    prefix = node.prefix.lower()
    if "b" in prefix:
        return None
    if "\\" not in node.value:  # no escapes: the text between the quotes is the value
        return node.value[len(node.prefix) + len(node.quote):-len(node.quote)]
    try:
        value = node.evaluated_value
    except Exception:  # noqa: BLE001 - odd escapes: not a key we know
        return None
    return value if isinstance(value, str) else None


def int_index(node: cst.Subscript) -> bool:
    """`x[0]`, `x[-1]`, `x[i]`: a single non-string index."""
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return False
    return str_value(node.slice[0].slice.value) is None


def str_index(node: cst.CSTNode) -> str | None:
    """`x["name"]` -> name."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        inner = node.slice[0].slice
        if isinstance(inner, cst.Index):
            return str_value(inner.value)
    return None


def get_key(node: cst.CSTNode) -> str | None:
    """`x.get("name", default)` -> name."""
    if (
        isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get" and node.args
        and node.args[0].keyword is None
    ):
        return str_value(node.args[0].value)
    return None


def unwrap(node: cst.CSTNode | None) -> cst.CSTNode | None:
    while isinstance(node, cst.Await):
        node = node.expression
    return node


def dict_keys(node: cst.Dict) -> dict[str, cst.DictElement]:
    keys: dict[str, cst.DictElement] = {}
    for element in node.elements:
        if isinstance(element, cst.DictElement):
            name = str_value(element.key)
            if name is not None and name not in keys:
                keys[name] = element
    return keys


def literal_segments(node: cst.CSTNode) -> list[str | None] | None:
    """Text pieces of a string literal, `None` for f-string expressions."""
    if isinstance(node, cst.SimpleString):
        if "b" in node.prefix.lower():
            return None
        quote = node.quote
        return [node.value[len(node.prefix) + len(quote):-len(quote)]]
    if isinstance(node, cst.FormattedString):
        if "b" in node.prefix.lower():
            return None
        return [
            part.value if isinstance(part, cst.FormattedStringText) else None
            for part in node.parts
        ]
    return None


@dataclass
class PyFacts:
    mode: str = "none"
    names_langdock: bool = False
    literals: dict[int, Analysis] = field(default_factory=dict)  # id(node) -> analysis
    legacy_endpoints: set[str | None] = field(default_factory=set)
    request_dicts: set[int] = field(default_factory=set)
    message_dicts: list[cst.Dict] = field(default_factory=list)
    spread_messages: list[cst.CSTNode] = field(default_factory=list)
    json_names: set[str] = field(default_factory=set)
    result_lists: set[str] = field(default_factory=set)
    result_messages: set[str] = field(default_factory=set)
    sse_loops: list[cst.CSTNode] = field(default_factory=list)

    # -- questions the rules ask (about original nodes) ------------------------
    def is_response_body(self, node: cst.CSTNode | None) -> bool:
        node = unwrap(node)
        if isinstance(node, cst.Name):
            return node.value in self.json_names
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            return node.func.attr.value == "json"
        return False

    def is_result_read(self, node: cst.CSTNode | None) -> bool:
        """`body["result"]` or `body.get("result", ...)`."""
        if self.mode != "langdock" or node is None:
            return False
        if isinstance(node, cst.Subscript) and str_index(node) == "result":
            return self.is_response_body(node.value)
        if get_key(node) == "result":
            return self.is_response_body(node.func.value)
        return False

    def is_result_list(self, node: cst.CSTNode | None) -> bool:
        if isinstance(node, cst.Name):
            return node.value in self.result_lists
        return self.is_result_read(node)

    def is_result_message(self, node: cst.CSTNode | None) -> bool:
        if isinstance(node, cst.Name):
            return node.value in self.result_messages
        return isinstance(node, cst.Subscript) and int_index(node) and self.is_result_list(
            node.value
        )


class _Scanner(cst.CSTVisitor):
    def __init__(self, facts: PyFacts) -> None:
        self.facts = facts
        self.strings: list[tuple[cst.CSTNode, list[str | None]]] = []
        self.assigned: dict[str, list[cst.CSTNode]] = {}
        self.appended: dict[str, list[cst.CSTNode]] = {}
        self.message_values: list[cst.CSTNode] = []
        self.dicts_with_messages: list[tuple[cst.Dict, bool]] = []
        self.for_loops: list[cst.For] = []
        self.loops: list[tuple[cst.For, cst.CSTNode]] = []
        self.json_arg_dicts: set[int] = set()
        self.has_assistant_id_key = False
        self.for_targets: list[tuple[str, cst.CSTNode]] = []

    def _mark(self, text: str) -> None:
        if "langdock" in text.lower():
            self.facts.names_langdock = True

    def visit_Comment(self, node: cst.Comment) -> None:
        self._mark(node.value)

    def visit_Name(self, node: cst.Name) -> None:
        self._mark(node.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self._mark(node.value)
        if "/v1/" in node.value or "assistantId" in node.value:
            segments = literal_segments(node)
            if segments is not None:
                self.strings.append((node, segments))

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        segments = literal_segments(node)
        if segments is None:
            return
        joined = "".join(s for s in segments if s)
        self._mark(joined)
        if "/v1/" in joined or "assistantId" in joined:
            self.strings.append((node, segments))

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self.assigned.setdefault(target.target.value, []).append(node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name) and node.value is not None:
            self.assigned.setdefault(node.target.value, []).append(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            method = func.attr.value
            values = [a.value for a in node.args if a.keyword is None]
            if method == "insert":
                values = values[1:]
            if method in ("append", "insert"):
                self.appended.setdefault(func.value.value, []).extend(values)
            elif method == "extend" and values and isinstance(values[0], cst.List):
                self.appended.setdefault(func.value.value, []).extend(
                    e.value for e in values[0].elements
                )
        if isinstance(func, cst.Attribute) and func.attr.value in _HTTP_METHODS:
            for arg in node.args:
                if arg.keyword is not None and arg.keyword.value == "json" and isinstance(
                    arg.value, cst.Dict
                ):
                    self.json_arg_dicts.add(id(arg.value))

    def visit_Dict(self, node: cst.Dict) -> None:
        keys = dict_keys(node)
        if "assistantId" in keys:
            self.has_assistant_id_key = True
        if "messages" in keys:
            self.dicts_with_messages.append((node, any(k in keys for k in WIRE_KEYS)))

    def visit_For(self, node: cst.For) -> None:
        self.for_loops.append(node)
        if isinstance(node.target, cst.Name):
            self.for_targets.append((node.target.value, node.iter))

    def leave_For(self, original_node: cst.For) -> None:
        self.for_loops.pop()

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if not self.for_loops:
            return
        sides = [node.left] + [c.comparator for c in node.comparisons]
        ops = [c.operator for c in node.comparisons]
        if not all(isinstance(op, cst.Equal) for op in ops):
            return
        if any(str_value(s) in _LEGACY_TYPES for s in sides) and any(
            str_index(s) == "type" or get_key(s) == "type" for s in sides
        ):
            for loop in self.for_loops:
                if _reads_lines(loop.iter):
                    self.loops.append((loop, node))
                    break


def _reads_lines(node: cst.CSTNode) -> bool:
    node = unwrap(node)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        return node.func.attr.value in _LINE_READERS
    if isinstance(node, cst.Attribute):
        return node.attr.value in _LINE_READERS
    return False


def scan(module: cst.Module) -> PyFacts:
    """Visit `module` once and derive the facts the rules use."""
    facts = PyFacts()
    scanner = _Scanner(facts)
    module.visit(scanner)

    statuses: set[str] = set()
    for _node, segments in scanner.strings:
        statuses.update(f.status for f in analyse(segments).findings)
    if facts.names_langdock or statuses & REWRITTEN:
        facts.mode = "langdock"
    elif "foreign" in statuses:
        facts.mode = "foreign"
    elif scanner.has_assistant_id_key:
        facts.mode = "langdock"
    query = facts.mode == "langdock"
    for node, segments in scanner.strings:
        analysis = analyse(segments, query_context=query)
        facts.literals[id(node)] = analysis
        facts.legacy_endpoints.update(
            f.endpoint for f in analysis.findings if f.status in REWRITTEN
        )
    if facts.mode != "langdock":
        return facts

    for name, values in scanner.assigned.items():
        if any(_is_json_call(v) for v in values):
            facts.json_names.add(name)
    for name, values in scanner.assigned.items():
        if any(facts.is_result_read(v) for v in values):
            facts.result_lists.add(name)
    for name, values in scanner.assigned.items():
        if any(
            isinstance(v, cst.Subscript) and int_index(v) and facts.is_result_list(v.value)
            for v in values
        ):
            facts.result_messages.add(name)
    for target, iterable in scanner.for_targets:
        if facts.is_result_list(iterable):
            facts.result_messages.add(target)
    facts.sse_loops = [loop for loop, _cmp in scanner.loops]
    _collect_messages(facts, scanner)
    return facts


def _is_json_call(node: cst.CSTNode) -> bool:
    node = unwrap(node)
    return (
        isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "json"
    )


def _collect_messages(facts: PyFacts, scanner: _Scanner) -> None:
    seen: set[int] = set()
    for request, has_wire_key in scanner.dicts_with_messages:
        if not (has_wire_key or id(request) in scanner.json_arg_dicts):
            continue
        facts.request_dicts.add(id(request))
        value = dict_keys(request)["messages"].value
        for element in _elements(value, scanner, set()):
            if id(element) in seen:
                continue
            seen.add(id(element))
            if isinstance(element, cst.Dict):
                facts.message_dicts.append(element)
            else:
                facts.spread_messages.append(element)


def _elements(value: cst.CSTNode, scanner: _Scanner, seen: set[str]) -> list[cst.CSTNode]:
    if isinstance(value, cst.List):
        out: list[cst.CSTNode] = []
        for element in value.elements:
            out.append(element if isinstance(element, cst.StarredElement) else element.value)
        return out
    if isinstance(value, cst.Name) and value.value not in seen:
        seen.add(value.value)
        out = []
        for assigned in scanner.assigned.get(value.value, []):
            out.extend(_elements(assigned, scanner, seen))
        out.extend(scanner.appended.get(value.value, []))
        return out
    return []
