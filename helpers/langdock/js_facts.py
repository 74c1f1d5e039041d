"""What the JavaScript rules need to know about the whole file, computed once.

The rules stay small because the questions they share live here: which string
literals are Langdock URLs, whether the file is Langdock code at all (`mode`),
which objects are chat requests and which message literals they send. The value
flow (`js_flow`) and what follows from it (`js_decide`) hang off `flow` and
`decisions`; object literals that name an agent but are not seen being sent
are still treated as requests, as before.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from tree_sitter import Node

from . import jstree
from .urls import REWRITTEN, Analysis, analyse

if TYPE_CHECKING:
    from .javascript import JsContext

WIRE_KEYS = ("assistantId", "agentId", "assistant", "agent")


@dataclass
class Literal:
    """A string or template literal split into text pieces and interpolations."""

    node: Node
    segments: list[str | None]
    offsets: list[int]  # byte offset of each text piece (-1 for interpolations)
    analysis: Analysis


class Facts:
    def __init__(self, ctx: "JsContext") -> None:
        self.ctx = ctx
        self.src = ctx.source

    # -- literals and mode -------------------------------------------------
    def _split(self, node: Node) -> tuple[list[str | None], list[int]]:
        segments: list[str | None] = []
        offsets: list[int] = []
        position = node.start_byte + 1
        for child in node.children:
            if child.type == "template_substitution":
                segments.append(jstree.between(self.src, position, child.start_byte))
                offsets.append(position)
                segments.append(None)
                offsets.append(-1)
                position = child.end_byte
        segments.append(jstree.between(self.src, position, node.end_byte - 1))
        offsets.append(position)
        return segments, offsets

    @cached_property
    def _raw_literals(self) -> list[tuple[Node, list[str | None], list[int]]]:
        found = []
        for node in self.ctx.nodes("string", "template_string"):
            raw = self.src[node.start_byte:node.end_byte]
            if b"/assistant/v1" in raw or b"assistantId=" in raw or b"/agent/v1" in raw:
                found.append((node, *self._split(node)))
        return found

    @cached_property
    def mode(self) -> str:
        """"langdock", "foreign" (only non-Langdock hosts use the path) or "none"."""
        statuses = set()
        for _node, segments, _offsets in self._raw_literals:
            statuses.update(f.status for f in analyse(segments).findings)
        if b"langdock" in self.src.lower() or statuses & REWRITTEN:
            return "langdock"
        if "foreign" in statuses:
            return "foreign"
        if self._calls_sibling_langdock_code():
            return "langdock"
        for node in self.ctx.nodes(
            "identifier", "property_identifier", "shorthand_property_identifier"
        ):
            if "assistant" in jstree.text(self.src, node).lower():
                return "langdock"
        return "none"

    def _calls_sibling_langdock_code(self) -> bool:
        """Folder mode: this file calls a sibling's function that returns a chat
        answer or sends its argument as chat messages."""
        from .folder import current_externals

        ext = current_externals("javascript")
        if ext is None:
            return False
        names = set(ext.returns) | set(ext.message_params) | set(ext.params)
        if any(jstree.callee_name(self.src, call) in names
               for call in self.ctx.nodes("call_expression")):
            return True
        # siblings pass chat answers to a function defined here
        return any(self.ctx.text(f.child_by_field_name("name")) in ext.params
                   for f in self.ctx.nodes("function_declaration")
                   if f.child_by_field_name("name") is not None)

    @cached_property
    def flow(self):
        from .folder import current_externals
        from .js_flow import JsFlow

        return JsFlow(self.ctx, current_externals("javascript"))

    @cached_property
    def decisions(self):
        """What the value flow decided (`js_decide`); empty outside Langdock code."""
        from .js_decide import JsDecisions, decide

        if self.mode != "langdock":
            return JsDecisions()
        return decide(self.ctx, self.flow)

    @cached_property
    def names_langdock_host(self) -> bool:
        return b"langdock" in self.src.lower()

    @cached_property
    def literals(self) -> list[Literal]:
        query = self.mode == "langdock"
        return [
            Literal(node, segments, offsets, analyse(segments, query_context=query))
            for node, segments, offsets in self._raw_literals
        ]

    @cached_property
    def literal_by_id(self) -> dict[int, Literal]:
        return {lit.node.id: lit for lit in self.literals}

    @cached_property
    def legacy_endpoints(self) -> set[str | None]:
        """Endpoints of legacy URLs that get rewritten."""
        return {
            f.endpoint
            for lit in self.literals
            for f in lit.analysis.findings
            if f.status in REWRITTEN
        }

    # -- declarations --------------------------------------------------------
    @cached_property
    def declarations(self) -> dict[str, list[Node]]:
        """Variable name -> the values it is declared with (`const x = value`)."""
        decls: dict[str, list[Node]] = {}
        for node in self.ctx.nodes("variable_declarator"):
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier":
                decls.setdefault(jstree.text(self.src, name), []).append(value)
        return decls

    def _is_chat_url(self, node: Node | None, depth: int = 0) -> bool:
        node = jstree.unwrap(node)
        if node is None or depth > 3:
            return False
        if node.type in jstree.STRINGS:
            lit = self.literal_by_id.get(node.id)
            if lit is None:
                return False
            return any(
                f.endpoint in ("chat/completions", None) for f in lit.analysis.findings
            ) or (lit.analysis.has_new_path and b"chat/completions" in self.src[
                node.start_byte:node.end_byte])
        if node.type == "identifier":
            values = self.declarations.get(jstree.text(self.src, node), [])
            return any(self._is_chat_url(v, depth + 1) for v in values)
        if node.type == "binary_expression":
            return any(self._is_chat_url(c, depth + 1) for c in node.named_children)
        return False

    # -- chat requests and their messages -----------------------------------
    def _inside_chat_call(self, obj: Node) -> bool:
        node = obj.parent
        for _ in range(8):
            if node is None:
                return False
            if node.type == "call_expression":
                args = jstree.call_arguments(node)
                if args and self._is_chat_url(args[0]):
                    return True
            node = node.parent
        return False

    @cached_property
    def chat_requests(self) -> list[Node]:
        """Object literals that are Langdock chat request bodies."""
        if self.mode != "langdock":
            return []
        requests = list(self.decisions.requests)
        known = {r.id for r in requests} | self.decisions.client_objects
        for obj in self.ctx.nodes("object"):
            members = jstree.object_members(self.src, obj)
            if "messages" not in members or obj.id in known:
                continue
            if any(k in members for k in WIRE_KEYS) or self._inside_chat_call(obj):
                requests.append(obj)
        return requests

    def _array_elements(self, value: Node | None, seen: set[int]) -> list[Node]:
        """Elements of the message array a `messages` value refers to."""
        value = jstree.unwrap(value)
        if value is None or value.id in seen:
            return []
        seen.add(value.id)
        if value.type == "array":
            return list(value.named_children)
        if value.type in ("identifier", "shorthand_property_identifier"):
            name = jstree.text(self.src, value)
            elements = []
            for declared in self.declarations.get(name, []):
                elements.extend(self._array_elements(declared, seen))
            elements.extend(self._pushed.get(name, []))
            return elements
        return []

    @cached_property
    def _pushed(self) -> dict[str, list[Node]]:
        """`name.push(obj, ...)` arguments by array name."""
        pushed: dict[str, list[Node]] = {}
        for call in self.ctx.nodes("call_expression"):
            func = call.child_by_field_name("function")
            if func is None or func.type != "member_expression":
                continue
            target = func.child_by_field_name("object")
            if jstree.callee_name(self.src, call) in ("push", "unshift") and (
                target is not None and target.type == "identifier"
            ):
                pushed.setdefault(jstree.text(self.src, target), []).extend(
                    jstree.call_arguments(call)
                )
        return pushed

    @cached_property
    def message_elements(self) -> list[tuple[Node | None, Node]]:
        """(request or None, element) for every message literal that is sent."""
        out: list[tuple[Node | None, Node]] = [(None, m) for m in self.decisions.messages]
        seen_elements = {m.id for m in self.decisions.messages}
        sent = {r.id for r in self.decisions.requests}
        for request in self.chat_requests:
            if request.id in sent:
                continue
            member = jstree.object_members(self.src, request)["messages"]
            for element in self._array_elements(jstree.member_value(member), set()):
                if element.id not in seen_elements:
                    seen_elements.add(element.id)
                    out.append((request, element))
        return out
