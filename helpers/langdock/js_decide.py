"""What the JavaScript rules do, decided once from the value flow (`js_flow`).

Requests: from every chat call's body back through names, returns and member
assignments (`body.assistant = {...}`) to object literals (converted in place)
or to values from outside the file (wrapped in `toAgentRequest(...)` /
`toUIMessages(...)`). Reads: `result` on a value traced to the chat call is
renamed, on a value traced nowhere (or to a parsed file) it gets a note, on
anything else it stays. Plus the notes about stream consumers, environment
URLs and fields Langdock ignores.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from . import advice, jstree
from .js_flow import JsFlow, _is_env, env_name, strip
from .urls import REWRITTEN

DOCUMENTED_ROOT = frozenset({"assistantId", "agentId", "assistant", "agent", "messages", "stream",
                             "output", "maxSteps", "imageResponseFormat"})
MISNAMED_ATTACHMENTS = frozenset({"attachments", "attachment_ids", "attachmentId",
                                  "files", "fileIds", "file_ids"})
HELPERS = ("langdockText", "langdockParts", "toUIMessages", "toAgentRequest")
FORWARD = "langdock-forwarded-request"
FIELDS = "langdock-request-fields"
UNTRACED = "langdock-untraced-read"
STREAMS = "langdock-stream-consumer"
ENV = "langdock-env-url"
_LOOPS = ("for_statement", "for_in_statement", "while_statement", "do_statement")
_STREAM_READERS = ("getReader", "pipe", "pipeTo", "pipeThrough", "tee")


@dataclass
class JsDecisions:
    has_chat_call: bool = False
    requests: list[Node] = field(default_factory=list)
    messages: list[Node] = field(default_factory=list)  # message object literals
    request_ids: set[int] = field(default_factory=set)
    message_ids: set[int] = field(default_factory=set)
    runtime_ids: set[int] = field(default_factory=set)
    wrap_bodies: list[Node] = field(default_factory=list)
    wrap_messages: list[Node] = field(default_factory=list)
    client_objects: set[int] = field(default_factory=set)  # a client's body: keys stay
    property_renames: dict[int, str] = field(default_factory=dict)  # property node -> name
    kept_members: set[int] = field(default_factory=set)  # set on a wrapped body: stay legacy
    attachment_assigns: list[Node] = field(default_factory=list)  # `m.attachmentIds` targets
    result_renames: list[Node] = field(default_factory=list)
    content_text: list[tuple[Node, Node]] = field(default_factory=list)  # (outer, message)
    content_notes: list[Node] = field(default_factory=list)
    content_parts: list[tuple[Node, Node]] = field(default_factory=list)  # (content, message)
    agent_renames: list[Node] = field(default_factory=list)
    helpers_defined: set[str] = field(default_factory=set)
    helpers_used: set[str] = field(default_factory=set)
    notes: list[tuple[Node, str, str, str]] = field(default_factory=list)
    message_params: dict[str, set[int]] = field(default_factory=dict)
    legacy: bool = False  # the file calls a legacy endpoint: opaque values get wrapped

    def note(self, node: Node, severity: str, rule: str, message: str) -> None:
        self.notes.append((node, severity, rule, message))


def _helper_call(ctx, node: Node | None, name: str) -> bool:
    node = strip(node)
    return node is not None and node.type == "call_expression" and (
        ctx.text(node.child_by_field_name("function")) == name)


class _Sources:
    def __init__(self, flow: JsFlow, types: tuple[str, ...]) -> None:
        self.flow = flow
        self.types = types
        self.literals: list[Node] = []
        self.names: list[tuple[str, int]] = []  # (name, scope id)
        self.params: list[tuple[str | None, int, tuple[str, ...]]] = []
        self.opaque = False

    def follow(self, node: Node | None, depth: int = 0) -> None:
        node = strip(node)
        if node is None or depth > 6:
            self.opaque = True
            return
        ctx = self.flow.ctx
        if node.type == "member_expression":
            # `req.body`: note which parameter it comes from (its callers play the client)
            obj = strip(node.child_by_field_name("object"))
            prop = jstree.property_name(ctx.source, node)
            shown = False
            if obj.type == "identifier":
                for how in self.flow.lookup(ctx.text(obj), obj):
                    if how[0] == "param":
                        if self._callers_show_it(how[1], how[2], (prop,), depth):
                            shown = True
                        else:
                            self.params.append((how[1], how[2], (prop,)))
            self.opaque |= not shown
        elif node.type in self.types:
            self.literals.append(node)
        elif node.type in ("identifier", "shorthand_property_identifier"):
            name = ctx.text(node)
            key = (name, self.flow.scope_of(node).id)
            if key in self.names:
                return
            self.names.append(key)
            bindings = self.flow.lookup(name, node)
            if not bindings:
                self.opaque = True
            for how in bindings:
                if how[0] == "value":
                    self.follow(how[1], depth + 1)
                elif how[0] == "param" and self._callers_show_it(how[1], how[2], (), depth):
                    continue
                else:
                    self.opaque = True
                    if how[0] == "param":
                        self.params.append((how[1], how[2], ()))
        elif node.type == "call_expression" and self.flow.local_function(node) is not None:
            for function in self.flow.functions[self.flow.local_function(node)]:
                for value in self.flow.returns(function):
                    self.follow(value, depth + 1)
        elif node.type == "call_expression" and jstree.callee_name(ctx.source, node) == "map" and (
            "array" in self.types
        ):
            args = jstree.call_arguments(node)
            callback = args[0] if args else None
            if callback is not None and callback.type in ("arrow_function", "function_expression"):
                self.literals.append(callback)  # its returned objects are the elements
            else:
                self.opaque = True
        else:
            self.opaque = True

    def _callers_show_it(self, function, index, path, depth: int) -> bool:
        """A parameter (or `param.path`) whose every caller in this file passes a literal."""
        flow = self.flow
        calls = flow.calls.get(function, []) if function else []
        if not calls:
            return False
        trial = _Sources(flow, ("object",) if path else self.types)
        for call in calls:
            args = jstree.call_arguments(call)
            if index >= len(args):
                return False
            trial.follow(args[index], depth + 1)
        if trial.opaque or not trial.literals:
            return False
        found = trial.literals
        for prop in path:
            inner = _Sources(flow, self.types)  # a path is one name long: `req.body`
            for obj in found:
                member = jstree.object_members(flow.src, obj).get(prop)
                if member is None:
                    return False
                inner.follow(jstree.member_value(member), depth + 1)
            if inner.opaque or not inner.literals:
                return False
            found = inner.literals
        self.literals.extend(found)
        return True


def decide(ctx, flow: JsFlow) -> JsDecisions:
    out = JsDecisions(legacy=bool(ctx.facts.legacy_endpoints))
    for function in ctx.nodes("function_declaration"):
        name = function.child_by_field_name("name")
        if name is not None and ctx.text(name) in HELPERS and function.parent.type == "program":
            out.helpers_defined.add(ctx.text(name))
    seen_messages: set[int] = set()
    for call in ctx.nodes("call_expression"):
        if flow.http_family(call) != "chat":
            continue
        out.has_chat_call = True
        parts = flow.http_parts(call)
        if parts is not None and parts[1] is not None:
            _request(ctx, flow, out, parts[1], call, seen_messages)
    for name, indexes in flow.ext.message_params.items():
        if name in flow.functions:
            continue
        for call in flow.calls.get(name, []):
            args = jstree.call_arguments(call)
            for index in indexes:
                if index < len(args):
                    _messages(ctx, flow, out, args[index], seen_messages, wrap=False)
    _member_assignments(ctx, out)
    for message in out.messages:
        for key, member in jstree.object_members(ctx.source, message).items():
            if key in MISNAMED_ATTACHMENTS:
                out.note(member, "warning", FIELDS, advice.MISNAMED_ATTACHMENTS.format(key=key))
    _reads(ctx, flow, out)
    return out


def _request(ctx, flow, out, body, call, seen_messages) -> None:
    if _helper_call(ctx, body, "toAgentRequest"):
        # converted by an earlier run: the names it goes through keep their keys, and the
        # objects callers pass still play the client, as they did then (a second run must
        # change nothing)
        wrapped = _Sources(flow, ("object",))
        wrapped.follow(next(iter(jstree.call_arguments(strip(body))), None))
        _keep_wrapped_keys(ctx, out, {name for name, _scope in wrapped.names})
        _keep_callers(ctx, flow, out, wrapped.params)
        return
    sources = _Sources(flow, ("object",))
    sources.follow(body)
    for literal in sources.literals:
        if literal.id in out.request_ids:
            continue
        out.request_ids.add(literal.id)
        out.requests.append(literal)
        for key, member in jstree.object_members(ctx.source, literal).items():
            if key == "messages":
                _messages(ctx, flow, out, jstree.member_value(member), seen_messages)
            elif key not in DOCUMENTED_ROOT:
                out.note(member, "warning", FIELDS, advice.UNDOCUMENTED_FIELD.format(key=key))
    names = {name for name, _scope in sources.names}
    wrapped = sources.opaque and out.legacy
    if wrapped:
        _keep_wrapped_keys(ctx, out, names)
    pushed = [arg for call in flow.calls.get("push", []) + flow.calls.get("unshift", [])
              for arg in jstree.call_arguments(call)
              if _push_target(ctx, call) in {f"{name}.messages" for name in names}]
    if pushed:
        _message_objects(flow, out, pushed)
    for assign in ctx.nodes("assignment_expression"):
        left = assign.child_by_field_name("left")
        if left.type != "member_expression" or (
            ctx.text(left.child_by_field_name("object")) not in names
        ):
            continue
        prop = left.child_by_field_name("property")
        key = ctx.text(prop)
        if key == "messages":
            _messages(ctx, flow, out, assign.child_by_field_name("right"), seen_messages)
        elif prop.id in out.kept_members:
            continue
        elif key == "assistant":
            out.property_renames[prop.id] = "agent"
        elif key not in DOCUMENTED_ROOT:
            out.note(left, "warning", FIELDS, advice.UNDOCUMENTED_FIELD.format(key=key))
    if wrapped:
        _keep_callers(ctx, flow, out, sources.params)
        out.wrap_bodies.append(strip(body))
        out.helpers_used.add("toAgentRequest")  # which calls toUIMessages
        out.note(call, "warning", FORWARD, advice.FORWARDED_BODY)
        forwarded = ctx.text(strip(body))
        for node in ctx.nodes("member_expression", "subscript_expression"):
            key = jstree.property_name(ctx.source, node)
            obj = node.child_by_field_name("object")
            if key in ("assistantId", "assistant") and (
                ctx.text(obj) == forwarded or ctx.text(obj) in names
            ):
                out.note(node, "info", FORWARD, advice.VALIDATION_READ.format(key=key))


def _keep_wrapped_keys(ctx, out, names: set[str]) -> None:
    """`body.assistantId = ...` on a body sent through `toAgentRequest` keeps its name: the
    wrapper renames it when sent, and renamed here too the client's value would win."""
    for assign in ctx.nodes("assignment_expression"):
        left = assign.child_by_field_name("left")
        if left.type != "member_expression":
            continue
        target, prop = left.child_by_field_name("object"), left.child_by_field_name("property")
        if ctx.text(target) in names and ctx.text(prop) in ("assistant", "assistantId"):
            out.kept_members.add(prop.id)


def _keep_callers(ctx, flow, out, params) -> None:
    """Objects this file passes to a forwarding function stay legacy: they play the
    client, and the wrapper converts them when they are forwarded."""
    for function, index, path in params:
        for call in flow.calls.get(function, []) if function else []:
            args = jstree.call_arguments(call)
            if index >= len(args):
                continue
            objects = _Sources(flow, ("object",))
            objects.follow(args[index])
            found = objects.literals
            for prop in path:
                inner = []
                for obj in found:
                    member = jstree.object_members(ctx.source, obj).get(prop)
                    if member is not None:
                        nested = _Sources(flow, ("object",))
                        nested.follow(jstree.member_value(member))
                        inner.extend(nested.literals)
                found = inner
            out.client_objects.update(o.id for o in found)


def _in_loop(node: Node) -> bool:
    """Built in a loop, a callback or a factory function (so built many times)."""
    if _returned(node):
        return True  # a message factory: `return { role, content }`, `(t) => ({ ... })`
    current = node.parent
    while current is not None and current.type != "program":
        if current.type in _LOOPS:
            return True
        if current.type in ("arrow_function", "function_expression"):
            parent = current.parent
            if parent.type == "arguments":
                return True
        if current.type in ("function_declaration", "method_definition"):
            return False
        current = current.parent
    return False


def _returned(node: Node) -> bool:
    parent = node.parent
    while parent.type == "parenthesized_expression":
        parent = parent.parent
    if parent.type == "return_statement":
        return True
    body = parent.child_by_field_name("body") if parent.type == "arrow_function" else None
    return body is not None and strip(body) is not None and strip(body).id == node.id


def _messages(ctx, flow, out, value, seen, wrap: bool = True) -> None:
    value = strip(value)
    if value is None or value.id in seen or _helper_call(ctx, value, "toUIMessages"):
        return
    seen.add(value.id)
    sources = _Sources(flow, ("array",))
    sources.follow(value)
    elements: list[Node] = []
    for literal in sources.literals:
        if literal.type == "array":
            for element in literal.named_children:
                if element.type == "spread_element":
                    sources.opaque = True
                elif element.type != "comment":
                    elements.append(element)
        else:  # a `.map` callback: the objects it returns
            elements.extend(flow.returns(literal))
    for name, _scope in sources.names:
        for call in flow.calls.get("push", []) + flow.calls.get("unshift", []):
            if _push_target(ctx, call) == name:
                elements.extend(jstree.call_arguments(call))
    for function, index, path in sources.params:
        if function and not path:
            out.message_params.setdefault(function, set()).add(index)
    sources.opaque |= _message_objects(flow, out, elements)
    if sources.opaque and wrap and out.legacy:
        out.wrap_messages.append(value)
        out.helpers_used.add("toUIMessages")
        out.note(value, "warning", FORWARD, advice.FORWARDED_MESSAGES)


def _push_target(ctx, call: Node) -> str | None:
    """`history.push(...)` -> history; a plain `push(...)` -> None."""
    target = call.child_by_field_name("function").child_by_field_name("object")
    return ctx.text(target) if target is not None else None


def _message_objects(flow, out, elements: list[Node]) -> bool:
    """Record the message literals `elements` resolve to; True if some do not."""
    opaque = False
    for element in elements:
        objects = _Sources(flow, ("object",))
        objects.follow(element)
        opaque |= objects.opaque
        for literal in objects.literals:
            if literal.id not in out.message_ids:
                out.message_ids.add(literal.id)
                out.messages.append(literal)
                if _in_loop(literal):
                    out.runtime_ids.add(literal.id)
    return opaque


def _member_assignments(ctx, out) -> None:
    for assign in ctx.nodes("assignment_expression"):
        left = assign.child_by_field_name("left")
        if left.type != "member_expression":
            continue
        prop = left.child_by_field_name("property")
        if ctx.text(prop) == "assistantId" and prop.id not in out.kept_members:
            out.property_renames[prop.id] = "agentId"
        elif ctx.text(prop) == "attachmentIds":
            out.attachment_assigns.append(left)


def _reads(ctx, flow: JsFlow, out: JsDecisions) -> None:
    src = ctx.source
    facts = ctx.facts
    legacy_chat = bool(facts.legacy_endpoints & {"chat/completions", None})
    answers_here = out.has_chat_call or bool(flow.ext.returns)
    handled: set[int] = set()
    content_reads, text_reads = [], []
    helper_ranges = [(f.start_byte, f.end_byte) for f in ctx.nodes("function_declaration")
                     if f.child_by_field_name("name") is not None
                     and ctx.text(f.child_by_field_name("name")) in HELPERS]
    for node in ctx.nodes("member_expression", "subscript_expression", "binary_expression"):
        if any(a <= node.start_byte < b for a, b in helper_ranges):
            continue  # our own helpers read both shapes on purpose
        if node.type == "binary_expression":  # `"result" in data` checks the answer's shape
            if node.child_by_field_name("operator").type != "in":
                continue
            name = jstree.string_value(src, strip(node.child_by_field_name("left")))
            obj = node.child_by_field_name("right")
        else:
            name = jstree.property_name(src, node)
            obj = node.child_by_field_name("object")
        if name == "result":
            kinds = flow.kinds(obj)
            if "chat.body" in kinds:
                out.result_renames.append(node)
            elif "maybe.body" in kinds and not out.has_chat_call:
                # a fragment whose only request goes to an unseen URL: only chat has `result`
                out.result_renames.append(node)
                out.note(node, "info", UNTRACED, advice.ASSUMED_CHAT)
            elif not kinds - {"file", "maybe.body"}:
                out.note(node, "warning" if answers_here else "info", UNTRACED,
                         advice.UNTRACED_RESULT)
        elif name == "assistant" and "build.body" in flow.kinds(obj):
            out.agent_renames.append(node)
        elif name == "text" and node.type == "member_expression":
            inner = strip(obj)
            if inner.type == "subscript_expression" and jstree.property_name(src, inner) is None:
                content = strip(inner.child_by_field_name("object"))
                if content is not None and content.type == "member_expression" and (
                    jstree.property_name(src, content) == "content"
                ):
                    message = content.child_by_field_name("object")
                    if "chat.message" in flow.kinds(message):
                        text_reads.append((node, message, content))
        elif name == "content" and node.type == "member_expression":
            content_reads.append(node)
        elif name == "delta" and legacy_chat:
            inner = strip(obj)
            if inner is not None and inner.type == "subscript_expression":
                choices = strip(inner.child_by_field_name("object"))
                if choices is not None and jstree.property_name(src, choices) == "choices":
                    out.note(node, "warning", STREAMS, advice.DELTA_READER)
    renamed = {n.id for n in out.result_renames}
    for node, message, content in text_reads:
        item = strip(message)
        result = strip(item.child_by_field_name("object")) if item is not None and \
            item.type == "subscript_expression" else None
        if result is not None and jstree.property_name(src, result) == "result" and result.id not in renamed:
            continue  # `x.result[0]` whose `result` stays (not a traced chat answer): its text read stays too
        out.content_text.append((node, message))
        out.helpers_used.add("langdockText")
        handled.add(content.id)
    for node in content_reads:
        message = node.child_by_field_name("object")
        if node.id in handled or "chat.message" not in flow.kinds(message):
            continue
        if _iterated(src, node):  # a loop over the parts: give it parts
            out.content_parts.append((node, message))
            out.helpers_used.add("langdockParts")
        else:
            out.content_notes.append(node)
    if legacy_chat:
        _stream_notes(ctx, flow, out)
    for call in ctx.nodes("call_expression"):
        if jstree.callee_name(src, call) == "startsWith":
            args = jstree.call_arguments(call)
            if args and jstree.string_value(src, args[0]) in ("0:", '0:"'):
                out.note(call, "warning", STREAMS, advice.V4_READER)
    _env_notes(ctx, flow, out)


_ARRAY_METHODS = ("filter", "map", "forEach", "find", "some", "every", "reduce", "flatMap")


def _iterated(src: bytes, node: Node) -> bool:
    """`for (const p of m.content)` or `m.content.filter(...)`-style use."""
    parent = node.parent
    if parent.type == "for_in_statement" and parent.child_by_field_name("right") == node:
        return True
    return (parent.type == "member_expression" and parent.child_by_field_name("object") == node
            and jstree.property_name(src, parent) in _ARRAY_METHODS
            and parent.parent is not None and parent.parent.type == "call_expression")


def _stream_notes(ctx, flow, out) -> None:
    src = ctx.source
    for node in ctx.nodes("member_expression"):
        if jstree.property_name(src, node) not in ("body", "data"):
            continue
        if not any(k in ("chat.response",) for k in flow.kinds(node.child_by_field_name("object"))):
            continue
        parent = node.parent
        forwarded = False
        if parent.type == "arguments":
            call = parent.parent
            callee = ctx.text(call.child_by_field_name("constructor") or call.child_by_field_name(
                "function") or call)
            forwarded = callee.endswith(("Response", "fromWeb", "pipeline", "stream"))
        elif parent.type == "member_expression":
            forwarded = jstree.property_name(src, parent) in ("pipe", "pipeTo", "pipeThrough")
        if forwarded:
            out.note(node, "warning", STREAMS, advice.SSE_PROXY)


def _env_notes(ctx, flow, out) -> None:
    noted: set[int] = set()
    for node in ctx.nodes("binary_expression"):
        children = node.named_children
        if len(children) != 2 or not _is_env(ctx, children[0]):
            continue
        if node.child_by_field_name("operator").type not in ("||", "??"):
            continue  # `env + "/assistant/v1/..."`: a host in front of a path, not a default
        default = strip(children[1])
        lit = ctx.facts.literal_by_id.get(default.id) if default is not None else None
        if lit is not None and any(f.status in REWRITTEN for f in lit.analysis.findings):
            noted.add(children[0].id)
            out.note(children[0], "warning", ENV,
                     advice.ENV_DEFAULT.format(name=env_name(ctx, children[0])))
    for node in flow.env_urls:
        if node.id not in noted:
            noted.add(node.id)
            out.note(node, "warning", ENV, advice.ENV_URL.format(name=env_name(ctx, node)))
