"""Which Python values flow into a Langdock chat request, and what to do with them.

Starting at every chat call's body (`json=`, or `data=`/`content=json.dumps(...)`)
the value is followed back through names, function returns and subscript
assignments (`payload["messages"] = ...`). Dict literals found on the way are
chat requests and their message literals are converted in place; where the
value comes from outside the module (a parameter, a browser's body, another
module) the body or message list is wrapped in a helper that converts it at
run time. Decisions are stored in `PyFacts` by node id.
"""
from __future__ import annotations

import libcst as cst

from . import advice
from .py_facts import DOCUMENTED_ROOT, MISNAMED_ATTACHMENTS, dict_keys, str_index
from .py_flow import Flow

FORWARD = "langdock-forwarded-request"
FIELDS = "langdock-request-fields"


def _helper_call(node: cst.CSTNode, name: str) -> bool:
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and (
        node.func.value == name)


class _Sources:
    """Literals an expression may evaluate to, the names on the way, and whether
    some of it comes from somewhere the module does not show (`opaque`)."""

    def __init__(self, flow: Flow, literal_types: tuple[type, ...]) -> None:
        self.flow = flow
        self.types = literal_types
        self.literals: list[tuple[cst.CSTNode, object]] = []
        self.names: list[tuple[str, object]] = []
        self.params: list[tuple[str, int | None]] = []
        self.opaque = False

    def follow(self, expr: cst.CSTNode, scope, depth: int = 0) -> None:
        if depth > 6:
            self.opaque = True
            return
        while isinstance(expr, cst.Await):
            expr = expr.expression
        if isinstance(expr, self.types):
            self.literals.append((expr, scope))
        elif isinstance(expr, cst.Name):
            bindings, owner = self.flow.bindings(expr.value, scope)
            if (expr.value, owner) in self.names:
                return
            self.names.append((expr.value, owner))
            if not bindings:
                self.opaque = True
            for how in bindings:
                if how[0] == "value":
                    self.follow(how[1], owner, depth + 1)
                elif how[0] == "param" and self._callers_show_it(how[1], how[2], how[3], depth):
                    continue
                else:
                    self.opaque = True
                    if how[0] == "param":
                        self.params.append((how[1], how[2]))
        elif isinstance(expr, cst.Call) and self.flow.local_function(expr) is not None:
            for function_scope, _params in self.flow.rec.functions[self.flow.local_function(expr)]:
                for value in function_scope.returns:
                    self.follow(value, function_scope, depth + 1)
        elif isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            self.follow(expr.left, scope, depth + 1)
            self.follow(expr.right, scope, depth + 1)
        else:
            self.opaque = True

    def _callers_show_it(self, function: str, index: int | None, name: str, depth: int) -> bool:
        """A parameter whose every caller in this module passes a literal: follow those."""
        from .py_flow import _argument

        calls = self.flow.rec.calls.get(function)
        if not calls or index is None:
            return False
        trial = _Sources(self.flow, self.types)
        for call, scope in calls:
            arg = _argument(call, index, name)
            if arg is None:
                return False
            trial.follow(arg, scope, depth + 1)
        if trial.opaque or not trial.literals:
            return False
        self.literals.extend(trial.literals)
        self.names.extend(trial.names)
        return True


def decide_requests(facts, scanner, flow: Flow) -> None:
    state = {"messages_seen": set(), "message_params": {}}
    for calls in list(scanner.calls.values()):
        for call, scope in calls:
            family = flow.http_family(call, scope)
            if family == "maybe" and _sends_chat_literal(flow, call, scope):
                family = "chat"  # an unseen URL, but the body is a chat request
            if family != "chat":
                continue
            facts.has_chat_call = True
            body = flow.body_arg(call)
            if body is not None:
                _request(facts, scanner, flow, body.value, scope, call, state)
    # folder mode: arguments a sibling module sends on as chat messages
    for name, indexes in flow.ext.message_params.items():
        if name in scanner.functions:
            continue
        for call, scope in scanner.calls.get(name, []):
            positional = [a.value for a in call.args if a.keyword is None]
            for index in indexes:
                if index is not None and index < len(positional):
                    _messages(facts, scanner, flow, positional[index], scope, state, wrap=False)
    scanner.message_params = state["message_params"]
    for target, _value, scope, _assign in scanner.sub_assigns:
        key = str_index(target)
        if key == "assistantId":
            facts.key_renames[id(target)] = "agentId"
        elif key == "attachmentIds" and id(target) not in facts.key_renames:
            facts.key_renames[id(target)] = "metadata.attachments"
    facts.runtime_ids = {id(d) for d in facts.message_dicts if id(d) in scanner.in_loop}
    for message in facts.message_dicts:
        for key, element in dict_keys(message).items():
            if key in MISNAMED_ATTACHMENTS:
                facts.note(element, "warning", FIELDS, advice.MISNAMED_ATTACHMENTS.format(key=key))


def _sends_chat_literal(flow, call, scope) -> bool:
    body = flow.body_arg(call)
    if body is None:
        return False
    sources = _Sources(flow, (cst.Dict,))
    sources.follow(body.value, scope)
    return any(set(dict_keys(d)) & {"messages", "assistantId", "assistant"}
               for d, _owner in sources.literals)


def _request(facts, scanner, flow, expr, scope, call, state) -> None:
    if _helper_call(expr, "to_agent_request"):
        # converted by an earlier run: the dicts callers pass still play the client,
        # as they did then (the second run must change nothing)
        if expr.args:
            inner = _Sources(flow, (cst.Dict,))
            inner.follow(expr.args[0].value, scope)
            _keep_callers(facts, flow, inner.params)
        return
    sources = _Sources(flow, (cst.Dict,))
    sources.follow(expr, scope)
    for literal, owner in sources.literals:
        if id(literal) in facts.request_dicts:
            continue
        facts.request_dicts.add(id(literal))
        for key, element in dict_keys(literal).items():
            if key == "messages":
                _messages(facts, scanner, flow, element.value, owner, state)
            elif key not in DOCUMENTED_ROOT:
                facts.note(element, "warning", FIELDS, advice.UNDOCUMENTED_FIELD.format(key=key))
    names = {(name, id(owner)) for name, owner in sources.names}
    pushed = [value for name, _owner in sources.names
              for value in scanner.appended.get(f"{name}[messages]", [])]
    if pushed:
        _message_dicts(facts, flow, [(value, scope) for value in pushed])
    for target, value, owner, _assign in scanner.sub_assigns:
        if not isinstance(target.value, cst.Name) or (target.value.value, id(owner)) not in names:
            continue
        key = str_index(target)
        if key == "messages":
            _messages(facts, scanner, flow, value, owner, state)
        elif key == "assistant":
            facts.key_renames[id(target)] = "agent"
        elif key is not None and key not in DOCUMENTED_ROOT:
            facts.note(target, "warning", FIELDS, advice.UNDOCUMENTED_FIELD.format(key=key))
        if key == "attachmentIds":
            facts.key_renames[id(target)] = "attachmentIds"  # root level: noted, not moved
    if sources.opaque and facts.legacy_endpoints:
        _keep_callers(facts, flow, sources.params)
        facts.wrap_bodies.add(id(expr))
        facts.helpers_used.update(("to_agent_request", "to_ui_messages"))
        facts.note(call, "warning", FORWARD, advice.FORWARDED_BODY)
        for node, base, key in scanner.key_reads:
            if key in ("assistantId", "assistant") and isinstance(base, cst.Name) and any(
                base.value == name for name, _owner in sources.names
            ):
                facts.note(node, "info", FORWARD, advice.VALIDATION_READ.format(key=key))


def _messages(facts, scanner, flow, expr, scope, state, wrap: bool = True) -> None:
    if _helper_call(expr, "to_ui_messages") or id(expr) in state["messages_seen"]:
        return
    state["messages_seen"].add(id(expr))
    sources = _Sources(flow, (cst.List, cst.ListComp))
    sources.follow(expr, scope)
    elements: list[tuple[cst.CSTNode, object]] = []
    for literal, owner in sources.literals:
        if isinstance(literal, cst.ListComp):
            elements.append((literal.elt, owner))
        else:
            for element in literal.elements:
                if isinstance(element, cst.StarredElement):
                    sources.opaque = True
                else:
                    elements.append((element.value, owner))
    for name, owner in sources.names:
        elements.extend((value, owner) for value in scanner.appended.get(name, []))
    for function, index in sources.params:
        state["message_params"].setdefault(function, set()).add(index)
    sources.opaque |= _message_dicts(facts, flow, elements)
    if sources.opaque and wrap and facts.legacy_endpoints:
        facts.wrap_messages.add(id(expr))
        facts.helpers_used.add("to_ui_messages")
        facts.note(expr, "warning", FORWARD, advice.FORWARDED_MESSAGES)


def _message_dicts(facts, flow, elements) -> bool:
    """Record the message dicts `elements` resolve to; True if some do not."""
    opaque = False
    known = {id(m) for m in facts.message_dicts}
    for value, owner in elements:
        dicts = _Sources(flow, (cst.Dict,))
        dicts.follow(value, owner)
        opaque |= dicts.opaque
        for literal, _owner in dicts.literals:
            if id(literal) not in known:
                known.add(id(literal))
                facts.message_dicts.append(literal)
    return opaque


def _keep_callers(facts, flow, params) -> None:
    """Dicts this module passes to a forwarding function stay legacy: they play the
    client, and the wrapper converts them when they are forwarded."""
    for function, index in params:
        if index is None:
            continue
        for call, scope in flow.rec.calls.get(function, []):
            positional = [a.value for a in call.args if a.keyword is None]
            if index < len(positional):
                dicts = _Sources(flow, (cst.Dict,))
                dicts.follow(positional[index], scope)
                for literal, _owner in dicts.literals:
                    facts.client_dicts.add(id(literal))
