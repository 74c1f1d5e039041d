"""What the Python rules need to know about the whole module, computed in one visit.

Which string literals are Langdock URLs, whether the module is Langdock code
(`mode`) and which `iter_lines` loops parse the legacy stream; the value flow
(`py_flow`) then decides which dicts are chat requests and messages
(`py_requests_flow`) and which reads see a chat answer (`py_reads_flow`). Rules
only look up the decisions by node id.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .py_flow import Externals, Flow, Recorder, is_env_read
from .urls import REWRITTEN, Analysis, analyse

WIRE_KEYS = ("assistantId", "agentId", "assistant", "agent")
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


HELPERS = ("langdock_text", "langdock_parts", "to_ui_messages", "to_agent_request")
DOCUMENTED_ROOT = frozenset({"assistantId", "agentId", "assistant", "agent", "messages", "stream",
                             "output", "maxSteps", "imageResponseFormat"})
MISNAMED_ATTACHMENTS = frozenset({"attachments", "attachment_ids", "attachmentId", "attachment_id",
                                  "files", "fileIds", "file_ids"})
_STREAM_READERS = ("iter_bytes", "aiter_bytes", "iter_raw", "aiter_raw", "iter_lines",
                   "aiter_lines", "iter_content", "iter_text", "aiter_text")


@dataclass
class PyFacts:
    mode: str = "none"
    names_langdock: bool = False
    literals: dict[int, Analysis] = field(default_factory=dict)  # id(node) -> analysis
    legacy_endpoints: set[str | None] = field(default_factory=set)
    has_chat_call: bool = False
    request_dicts: set[int] = field(default_factory=set)
    client_dicts: set[int] = field(default_factory=set)  # a client's body: keys stay
    message_dicts: list[cst.Dict] = field(default_factory=list)
    runtime_ids: set[int] = field(default_factory=set)  # message dicts built in loops
    wrap_bodies: set[int] = field(default_factory=set)  # -> to_agent_request(...)
    wrap_messages: set[int] = field(default_factory=set)  # -> to_ui_messages(...)
    key_renames: dict[int, str] = field(default_factory=dict)  # subscript/get -> new key
    string_renames: dict[int, str] = field(default_factory=dict)  # legacy event types
    rewritten_loops: set[int] = field(default_factory=set)
    attachment_assigns: set[int] = field(default_factory=set)  # Assign nodes
    result_renames: set[int] = field(default_factory=set)
    content_text: dict[int, cst.CSTNode] = field(default_factory=dict)  # outer node -> message
    content_notes: list[cst.CSTNode] = field(default_factory=list)
    content_parts: set[int] = field(default_factory=set)  # `m["content"]` looped over
    agent_renames: set[int] = field(default_factory=set)
    sse_loops: list[cst.CSTNode] = field(default_factory=list)
    helpers_defined: set[str] = field(default_factory=set)
    helpers_used: set[str] = field(default_factory=set)
    has_uuid_import: bool = False
    # (node, severity, rule, message) notes decided while scanning
    notes: list[tuple[cst.CSTNode, str, str, str]] = field(default_factory=list)
    summary: object = None  # py_flow.Externals for sibling files (folder mode)

    def note(self, node, severity: str, rule: str, message: str) -> None:
        self.notes.append((node, severity, rule, message))


class _Scanner(Recorder):
    def __init__(self, facts: PyFacts) -> None:
        super().__init__()
        self.facts = facts
        self.strings: list[tuple[cst.CSTNode, list[str | None]]] = []
        self.appended: dict[str, list[cst.CSTNode]] = {}
        self.for_loops: list[cst.For] = []
        self.loops: list[tuple[cst.For, cst.CSTNode]] = []
        self.has_assistant_id_key = False
        self.key_reads: list[tuple[cst.CSTNode, cst.CSTNode, str]] = []  # node, base, key
        self.env_reads: list[cst.Call] = []
        self.stream_calls: list[cst.Call] = []
        self.v4_checks: list[cst.CSTNode] = []
        self.loop_reads: list[tuple] = []  # key reads with their innermost for loop
        self.iterated: set[int] = set()  # ids of what `for` loops and comprehensions run over

    def _mark(self, text: str) -> None:
        if "langdock" in text.lower():
            self.facts.names_langdock = True

    def visit_Comment(self, node: cst.Comment) -> None:
        self._mark(node.value)

    def visit_Name(self, node: cst.Name) -> None:
        self._mark(node.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self._mark(node.value)
        if "/v1" in node.value or "assistantId" in node.value:
            segments = literal_segments(node)
            if segments is not None:
                self.strings.append((node, segments))

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        segments = literal_segments(node)
        if segments is None:
            return
        joined = "".join(s for s in segments if s)
        self._mark(joined)
        if "/v1" in joined or "assistantId" in joined:
            self.strings.append((node, segments))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        target = _list_name(node.target)
        if target is not None and isinstance(node.operator, cst.AddAssign):
            self.appended.setdefault(target, []).extend(_grown_by(node.value))

    def visit_Import(self, node: cst.Import) -> None:
        if any(isinstance(a.name, cst.Name) and a.name.value == "uuid" for a in node.names):
            self.facts.has_uuid_import = True

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if len(self.scopes) == 1 and node.name.value in HELPERS:
            self.facts.helpers_defined.add(node.name.value)
        super().visit_FunctionDef(node)

    def visit_Call(self, node: cst.Call) -> None:
        super().visit_Call(node)
        func = node.func
        target = _list_name(func.value) if isinstance(func, cst.Attribute) else None
        if target is not None:
            method = func.attr.value
            values = [a.value for a in node.args if a.keyword is None]
            if method == "insert":
                values = values[1:]
            if method in ("append", "insert"):
                self.appended.setdefault(target, []).extend(values)
            elif method == "extend" and values:
                self.appended.setdefault(target, []).extend(_grown_by(values[0]))
        key = get_key(node)
        if key is not None:
            self.key_reads.append((node, node.func.value, key))
            if self.for_loops:
                self.loop_reads.append((node, node.func.value, key, self.for_loops[-1]))
        if is_env_read(node):
            self.env_reads.append(node)
        if isinstance(func, (cst.Name, cst.Attribute)):
            name = func.value if isinstance(func, cst.Name) else func.attr.value
            if name.endswith("Response"):
                self.stream_calls.append(node)
            if name == "startswith" and node.args and str_value(node.args[0].value) in (
                "0:", '0:"'
            ):
                self.v4_checks.append(node)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        super().visit_Subscript(node)
        key = str_index(node)
        if key is not None:
            self.key_reads.append((node, node.value, key))
            if self.for_loops:
                self.loop_reads.append((node, node.value, key, self.for_loops[-1]))

    def visit_Dict(self, node: cst.Dict) -> None:
        super().visit_Dict(node)
        if "assistantId" in dict_keys(node):
            self.has_assistant_id_key = True

    def visit_For(self, node: cst.For) -> None:
        super().visit_For(node)
        self.for_loops.append(node)
        self.iterated.add(id(node.iter))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        super().visit_CompFor(node)
        self.iterated.add(id(node.iter))

    def leave_For(self, original_node: cst.For) -> None:
        super().leave_For(original_node)
        self.for_loops.pop()

    def visit_Comparison(self, node: cst.Comparison) -> None:
        super().visit_Comparison(node)
        # `"assistantId" in body`: a validation read of the client's key;
        # `"result" in data`: a check of the answer's shape
        key = str_value(node.left)
        if key in ("assistantId", "assistant", "result") and len(node.comparisons) == 1 and isinstance(
            node.comparisons[0].operator, (cst.In, cst.NotIn)
        ):
            self.key_reads.append((node, node.comparisons[0].comparator, key))
        if not self.for_loops:
            return
        sides = [node.left] + [c.comparator for c in node.comparisons]
        # `!=` too: `if event["type"] != "message": continue` skips the same events
        if not all(isinstance(c.operator, (cst.Equal, cst.NotEqual)) for c in node.comparisons):
            return
        if any(str_value(s) in _LEGACY_TYPES for s in sides) and any(
            str_index(s) == "type" or get_key(s) == "type" for s in sides
        ):
            for loop in self.for_loops:
                if _reads_lines(loop.iter):
                    self.loops.append((loop, node))
                    break


def _grown_by(value: cst.CSTNode) -> list[cst.CSTNode]:
    """The items `x.extend(value)` or `x += value` adds; a value that is not a list
    display stays whole, so following it as a message finds no dict (unseen)."""
    if isinstance(value, cst.List):
        return [e.value for e in value.elements]
    if isinstance(value, cst.ListComp):
        return [value.elt]
    return [value]


def _list_name(node: cst.CSTNode) -> str | None:
    """`history` -> "history"; `payload["messages"]` -> "payload[messages]"."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name):
        key = str_index(node)
        return f"{node.value.value}[{key}]" if key is not None else None
    return None


def _reads_lines(node: cst.CSTNode) -> bool:
    node = unwrap(node)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        return node.func.attr.value in _LINE_READERS
    if isinstance(node, cst.Attribute):
        return node.attr.value in _LINE_READERS
    return False


def scan(module: cst.Module, externals: Externals | None = None) -> PyFacts:
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
    elif externals is not None and (any(
        name in scanner.calls and name not in scanner.functions
        for name in (*externals.returns, *externals.message_params, *externals.params)
    ) or any(name in scanner.functions for name in externals.params)):
        # folder mode: it calls a sibling's Langdock code, or siblings pass it answers
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
    flow = Flow(scanner, facts.literals, True, externals)
    from .py_requests_flow import decide_requests
    from .py_reads_flow import decide_reads

    decide_requests(facts, scanner, flow)
    decide_reads(facts, scanner, flow)
    facts.sse_loops = [loop for loop, _cmp in scanner.loops]
    _legacy_events(facts, scanner)
    facts.summary = flow.summary()
    facts.summary.message_params = getattr(scanner, "message_params", {})
    return facts


_NEW_EVENTS = {"message": "text-delta", "done": "finish"}


class _Stops(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Break(self, node: cst.Break) -> None:
        self.found = True

    def visit_Return(self, node: cst.Return) -> None:
        self.found = True


def _stops_at_done(loop: cst.For, comparisons: list[cst.Comparison]) -> bool:
    """The loop checks for `"done"` and can leave: it will stop at `finish`, before
    the closing `data: [DONE]` line (which is not JSON) reaches its parser."""
    checks_done = any(
        str_value(side) == "done"
        for c in comparisons for side in [c.left] + [x.comparator for x in c.comparisons]
    )
    stops = _Stops()
    loop.body.visit(stops)
    return checks_done and stops.found


def _legacy_events(facts: PyFacts, scanner: _Scanner) -> None:
    """In a loop over the legacy stream that stops at `done`: `"message"` ->
    `"text-delta"`, `"done"` -> `"finish"`, the event's `content` -> `delta` (the
    AI SDK 5 event fields). Other loops only get the note."""
    by_loop: dict[int, list[cst.Comparison]] = {}
    for loop, comparison in scanner.loops:
        by_loop.setdefault(id(loop), []).append(comparison)
    for loop, comparison in scanner.loops:
        if not _stops_at_done(loop, by_loop[id(loop)]):
            continue
        facts.rewritten_loops.add(id(loop))
        sides = [comparison.left] + [c.comparator for c in comparison.comparisons]
        events = set()
        for side in sides:
            base = side.value if str_index(side) == "type" else (
                side.func.value if get_key(side) == "type" else None)
            if isinstance(base, cst.Name):
                events.add(base.value)
            if str_value(side) in _NEW_EVENTS:
                facts.string_renames[id(side)] = _NEW_EVENTS[str_value(side)]
        for node, base, key, inner in scanner.loop_reads:
            if inner is loop and key == "content" and isinstance(base, cst.Name) and (
                base.value in events
            ):
                facts.key_renames[id(node)] = "delta"
