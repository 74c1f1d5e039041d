"""Where values come from in JavaScript/TypeScript: follow the chat call's answer.

The JavaScript twin of `py_flow`. Bindings are collected per scope (a function
or the program): `const`/`let` declarations (also `{ data } = ...`
destructuring), plain assignments, `for (const x of xs)`, parameters (from the
call sites in this file, from sibling files in folder mode, and for callbacks
of `xs.map/filter/forEach/find(...)` the elements of `xs`). `kinds(node)` gives
the same labels as in Python: `chat.response`, `chat.body`, `chat.result`,
`chat.message`, `build.response`, `build.body`, `other`, `file`; an empty set
means the value could not be followed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from . import jstree
from .urls import REWRITTEN, another_api

FUNCTIONS = ("function_declaration", "function_expression", "arrow_function",
             "method_definition", "generator_function_declaration", "generator_function")
HTTP_METHODS = ("post", "get", "patch", "put", "delete", "request")
GLOBALS = ("window", "globalThis", "self")  # `window.fetch(...)` is `fetch(...)`
CALLBACK_METHODS = ("map", "forEach", "filter", "find", "findLast", "some", "every", "flatMap")
_BUILD = ("get", "create", "update", "disable", "models")
_WRAPPERS = ("parenthesized_expression", "await_expression", "as_expression",
             "non_null_expression", "satisfies_expression", "type_assertion")


def strip(node: Node | None) -> Node | None:
    while node is not None:
        if node.type in _WRAPPERS:
            # `<T>x` puts the type first (in `(x: T)` it comes last): skip it and comments
            # (every wrapper holds an expression)
            node = [c for c in node.named_children
                    if c.type not in ("type_arguments", "comment")][0]
        elif _await_call(node):
            # tree-sitter reads `await (x)` as a call of a function named `await`
            node = node.child_by_field_name("arguments").named_children[0]
        else:
            return node
    return node


def _await_call(node: Node) -> bool:
    if node.type != "call_expression":
        return False
    func = node.child_by_field_name("function")  # both fields are required in a call
    args = node.child_by_field_name("arguments")
    return func.type == "identifier" and func.text == b"await" and len(args.named_children) == 1


@dataclass
class JsExternals:
    """What sibling files tell about functions (folder mode)."""

    returns: dict[str, frozenset[str]] = field(default_factory=dict)
    params: dict[str, dict[int, frozenset[str]]] = field(default_factory=dict)
    message_params: dict[str, set[int]] = field(default_factory=dict)


class JsFlow:
    def __init__(self, ctx, externals: JsExternals | None = None) -> None:
        self.ctx = ctx
        self.src = ctx.source
        self.ext = externals or JsExternals()
        self.bindings: dict[tuple[int, str], list[tuple]] = {}
        self.functions: dict[str, list[Node]] = {}
        self.calls: dict[str, list[Node]] = {}
        self._memo: dict[int, frozenset[str]] = {}
        self._busy: set[int] = set()
        self._families: dict[int, str | None] = {}
        self.env_urls: list[Node] = []
        self._collect()

    # -- scopes and bindings ----------------------------------------------------
    def scope_of(self, node: Node) -> Node:
        current = node.parent
        while current is not None and current.type not in FUNCTIONS:
            current = current.parent
        return current if current is not None else self.ctx.tree.root_node

    def _bind(self, scope: Node, name: str, how: tuple) -> None:
        self.bindings.setdefault((scope.id, name), []).append(how)

    def _collect(self) -> None:
        text = self.ctx.text
        for node in self.ctx.nodes("variable_declarator"):
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if value is None:  # `let x;` (the name is always there)
                continue
            scope = self.scope_of(node)
            if name.type == "identifier":
                self._bind(scope, text(name), ("value", value))
                if value.type in ("arrow_function", "function_expression", "generator_function"):
                    self.functions.setdefault(text(name), []).append(value)
            elif name.type == "object_pattern":
                for child in name.named_children:
                    if child.type == "shorthand_property_identifier_pattern":
                        self._bind(scope, text(child), ("field", value, text(child)))
                    elif child.type == "pair_pattern":
                        key = jstree.key_name(self.src, child.child_by_field_name("key"))
                        target = child.child_by_field_name("value")
                        if key and target is not None and target.type == "identifier":
                            self._bind(scope, text(target), ("field", value, key))
        # left and right are required parts of these nodes in every grammar
        for node in self.ctx.nodes("assignment_expression"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left.type == "identifier":
                self._bind(self._declaring_scope(node, text(left)), text(left), ("value", right))
        for node in self.ctx.nodes("for_in_statement"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left.type == "identifier":
                self._bind(self.scope_of(left), text(left), ("element", right))
        for node in self.ctx.nodes(*FUNCTIONS):
            name = node.child_by_field_name("name")
            if name is not None:  # arrow functions have no name of their own
                self.functions.setdefault(text(name), []).append(node)
            params = node.child_by_field_name("parameters")
            if params is None:  # `x => ...` (or no parameter: None, skipped below)
                names = [node.child_by_field_name("parameter")]
            else:
                names = [_param_name(p) for p in params.named_children]
            callback = _callback_of(node)
            promise = _then_of(node)
            for index, ident in enumerate(names):
                if ident is None:
                    continue
                if promise is not None:
                    if index == 0:  # `p.then((value) => ...)`: the value p resolves to
                        self._bind(node, text(ident), ("value", promise))
                elif callback is not None and index == 0:
                    self._bind(node, text(ident), ("element", callback))
                elif callback is None:
                    owner = self._function_name(node)
                    self._bind(node, text(ident), ("param", owner, index))
        for call in self.ctx.nodes("call_expression"):
            name = jstree.callee_name(self.src, call)
            if name is not None:
                self.calls.setdefault(name, []).append(call)

    def _declaring_scope(self, node: Node, name: str) -> Node:
        scope = self.scope_of(node)
        while True:
            if (scope.id, name) in self.bindings or scope.type == "program":
                return scope
            scope = self.scope_of(scope)

    def _function_name(self, node: Node) -> str | None:
        name = node.child_by_field_name("name")
        if name is not None:
            return self.ctx.text(name)
        parent = node.parent  # a function is never the root
        if parent.type == "variable_declarator":
            return self.ctx.text(parent.child_by_field_name("name"))
        if parent.type == "pair":
            return jstree.key_name(self.src, parent.child_by_field_name("key"))
        return None

    def lookup(self, name: str, node: Node) -> list[tuple]:
        scope = self.scope_of(node)
        while True:
            found = self.bindings.get((scope.id, name))
            if found is not None:
                return found
            if scope.type == "program":
                return []
            scope = self.scope_of(scope)

    def returns(self, function: Node) -> list[Node]:
        body = function.child_by_field_name("body")  # every function kind has one
        if body.type != "statement_block":
            return [body]
        out = []
        for node in jstree.walk(body):
            if node.type == "return_statement" and self.scope_of(node).id == function.id:
                value = node.named_children[0] if node.named_children else None
                if value is not None:
                    out.append(value)
        return out

    def local_function(self, call: Node) -> str | None:
        func = call.child_by_field_name("function")
        if func.type == "identifier":
            name = self.ctx.text(func)
        elif func.type == "member_expression" and self.ctx.text(
            func.child_by_field_name("object")) == "this":
            name = jstree.callee_name(self.src, call)
        else:
            return None
        return name if name in self.functions else None

    # -- HTTP calls ------------------------------------------------------------
    def http_parts(self, call: Node) -> tuple[Node | None, Node | None] | None:
        """(url, body) of an HTTP call (`fetch`, `axios.post`, `client.get`, ...)."""
        func = call.child_by_field_name("function")
        args = jstree.call_arguments(call)
        if not args:
            return None
        name = jstree.callee_name(self.src, call)
        options = args[1] if len(args) > 1 else None
        if name == "fetch" and (func.type == "identifier" or self.ctx.text(
                func.child_by_field_name("object")) in GLOBALS):
            return args[0], self._options_body(options)
        if func.type == "member_expression" and name in HTTP_METHODS:
            body = self._options_body(options)
            if body is None and name in ("post", "put", "patch") and options is not None and (
                not self._is_options(options)
            ):
                body = options
            return args[0], body
        return None

    def _is_options(self, node: Node) -> bool:
        node = strip(node)
        if node.type != "object":
            return False
        keys = set(jstree.object_members(self.src, node))
        return bool(keys & {"headers", "method", "body", "json"}) and "messages" not in keys

    def _options_body(self, options: Node | None) -> Node | None:
        options = strip(options)
        if options is None:
            return None
        if options.type == "identifier":
            for how in self.lookup(self.ctx.text(options), options):
                value = strip(how[1]) if how[0] == "value" else None
                if value is not None and value.type == "object":
                    return self._options_body(how[1])
            return None
        if not self._is_options(options):  # also False for anything but an object literal
            return None
        members = jstree.object_members(self.src, options)
        if "json" in members:
            return jstree.member_value(members["json"])
        if "body" in members:
            value = strip(jstree.member_value(members["body"]))
            if value is not None and value.type == "call_expression" and self.ctx.text(
                value.child_by_field_name("function")) == "JSON.stringify":
                args = jstree.call_arguments(value)
                return args[0] if args else None
        return None

    def url_family(self, node: Node | None, depth: int = 0) -> set[str]:
        node = strip(node)
        if node is None or depth > 6:
            return set()
        appended = self._after_base(node, depth)
        if appended is not None:
            return appended
        if node.type in jstree.STRINGS:
            lit = self.ctx.facts.literal_by_id.get(node.id)
            if lit is not None and lit.analysis.findings:
                families = set()
                for finding in lit.analysis.findings:
                    if finding.status not in REWRITTEN:  # a gateway's copy, an unknown endpoint
                        families.add("foreign")
                    elif finding.endpoint == "chat/completions":
                        families.add("chat")
                    elif finding.endpoint in _BUILD:
                        families.add("build")
                return families
            raw = self.ctx.text(node)
            if "/agent/v1/chat/completions" in raw:
                return {"chat"}
            if any(f"/agent/v1/{e}" in raw for e in _BUILD):
                return {"build"}
            value = jstree.string_value(self.src, node)
            if another_api(value if value is not None else raw):
                return {"foreign"}
            return {"other"} if ("/" in raw or "http" in raw) else set()
        if node.type == "identifier":
            found: set[str] = set()
            for how in self.lookup(self.ctx.text(node), node):
                if how[0] == "value":
                    found |= self.url_family(how[1], depth + 1)
            return found
        if node.type == "binary_expression":
            parts = node.named_children
        elif _is_env(self.ctx, node):
            self.env_urls.append(node)
            return set()
        elif node.type in ("call_expression", "new_expression"):  # urlFor(...), new URL(...)
            parts = jstree.call_arguments(node)
        else:
            return set()
        # an env part (`process.env.X + "/search"`, `new URL(path, process.env.X)`) is a
        # Langdock base only next to a chat or build path: it is not followed on its own
        found = set()
        for part in parts:
            if not _is_env(self.ctx, part):
                found |= self.url_family(part, depth + 1)
        if found & {"chat", "build"}:
            self.env_urls.extend(part for part in parts if _is_env(self.ctx, part))
        return found

    def _after_base(self, node: Node, depth: int) -> set[str] | None:
        """`${BASE}/create`, `BASE + "/chat/completions"`: an endpoint after a name that
        holds the API's base URL (`.../assistant/v1`, the path the literal itself lacks)."""
        parts = node.named_children
        if node.type == "template_string" and len(parts) == 2 and (
                parts[0].type == "template_substitution" and parts[1].type == "string_fragment"):
            base, rest = parts[0].named_children[0], self.ctx.text(parts[1])
        elif node.type == "binary_expression" and node.child_by_field_name("operator").type == "+" and (
                jstree.string_value(self.src, strip(parts[1])) is not None):
            base, rest = parts[0], jstree.string_value(self.src, strip(parts[1]))
        else:
            return None
        endpoint = rest.split("?", 1)[0].strip("/")
        family = {"chat"} if endpoint == "chat/completions" else (
            {"build"} if endpoint in _BUILD else None)
        if family is None or not self._is_base(base, depth + 1):
            return None
        return family

    def _is_base(self, node: Node | None, depth: int) -> bool:
        """Whether a value ends with the Assistants or Agents API base path."""
        node = strip(node)
        if node is None or depth > 6:
            return False
        text = jstree.string_value(self.src, node)
        if text is not None:
            return text.rstrip("/").endswith(("/assistant/v1", "/agent/v1"))
        if node.type == "binary_expression" and node.child_by_field_name("operator").type == "+":
            return self._is_base(node.named_children[1], depth + 1)
        if node.type == "identifier":
            return any(how[0] == "value" and self._is_base(how[1], depth + 1)
                       for how in self.lookup(self.ctx.text(node), node))
        return False

    def http_family(self, call: Node) -> str | None:
        if call.id not in self._families:
            self._families[call.id] = self._http_family(call)
        return self._families[call.id]

    def _http_family(self, call: Node) -> str | None:
        parts = self.http_parts(call)
        if parts is None:
            return None
        url, body = parts
        families = self.url_family(url)
        if "chat" in families:
            return "chat"
        if "build" in families:
            return "build"
        if "foreign" in families:
            return "other"  # OpenAI-style APIs take `messages` too: the body does not decide
        if body is not None and self._looks_like_chat_body(body):
            return "chat"
        if families:
            return "other"
        if jstree.string_value(self.src, strip(url)) is not None:
            return None  # a fixed text without a slash (`headers.get("accept")`): a key, not a URL
        # a request to a URL the file does not show, in Langdock code: a Langdock call
        # of unknown endpoint; only a chat answer has `result`, so reading it decides
        return "maybe" if self.ctx.facts.mode == "langdock" else None

    def _looks_like_chat_body(self, node: Node, depth: int = 0) -> bool:
        node = strip(node)
        if node is None or depth > 4:
            return False
        if node.type == "object":
            keys = set(jstree.object_members(self.src, node))
            return bool(keys & {"messages", "assistantId", "agentId", "assistant", "agent"})
        if node.type == "identifier":
            return any(how[0] == "value" and self._looks_like_chat_body(how[1], depth + 1)
                       for how in self.lookup(self.ctx.text(node), node))
        return False

    # -- what an expression holds ------------------------------------------------
    def kinds(self, node: Node | None) -> frozenset[str]:
        node = strip(node)
        if node is None:
            return frozenset()
        if node.id in self._memo:
            return self._memo[node.id]
        if node.id in self._busy:
            return frozenset()
        self._busy.add(node.id)
        try:
            found = frozenset(self._kinds(node))
        finally:
            self._busy.discard(node.id)
        self._memo[node.id] = found
        return found

    def _kinds(self, node: Node) -> set[str]:
        kind = node.type
        if kind == "identifier":
            found: set[str] = set()
            for how in self.lookup(self.ctx.text(node), node):
                found |= self._binding_kinds(how)
            return found
        if kind in ("member_expression", "subscript_expression"):
            base = self.kinds(node.child_by_field_name("object"))
            name = jstree.property_name(self.src, node)
            if name is not None:
                return _field(base, name)
            if "chat.result" in base:
                return {"chat.message"}
            return {"other"} if base else set()
        if kind == "call_expression":
            return self._call_kinds(node)
        if kind in ("object", "array", "string", "template_string", "number"):
            return {"other"}
        if kind == "binary_expression":
            found = set()
            for child in node.named_children:
                found |= self.kinds(child)
            return found
        return set()

    def _binding_kinds(self, how: tuple) -> set[str]:
        if how[0] == "value":
            return set(self.kinds(how[1]))
        if how[0] == "field":
            return _field(self.kinds(how[1]), how[2])
        if how[0] == "element":
            base = self.kinds(how[1])
            return {"chat.message"} if "chat.result" in base else ({"other"} if base else set())
        if how[0] == "param":
            found: set[str] = set()
            function, index = how[1], how[2]
            # an anonymous function's owner is None, which names no call
            for call in self.calls.get(function, []):
                args = jstree.call_arguments(call)
                if index < len(args):
                    found |= self.kinds(args[index])
            found |= self.ext.params.get(function, {}).get(index, frozenset())
            return found
        return set()

    def _call_kinds(self, call: Node) -> set[str]:
        family = self.http_family(call)
        if family is not None:
            return {f"{family}.response"}
        func = call.child_by_field_name("function")
        name = jstree.callee_name(self.src, call)
        if func.type == "member_expression":
            target = func.child_by_field_name("object")
            if name == "json" and not jstree.call_arguments(call):
                return _parsed(self.kinds(target))
            if self.ctx.text(func) == "JSON.parse":
                return {"file"}
            base = self.kinds(target)
            if "chat.result" in base:
                if name in ("at", "find", "findLast", "pop", "shift"):
                    return {"chat.message"}
                if name in ("filter", "slice", "reverse", "toReversed", "concat"):
                    return {"chat.result"}
            if name == "then":
                return set()
        local = self.local_function(call)
        if local is not None:
            found: set[str] = set()
            for function in self.functions[local]:
                for value in self.returns(function):
                    found |= self.kinds(value)
            return found
        if name in self.ext.returns:
            return set(self.ext.returns[name])
        return set()

    # -- folder mode -------------------------------------------------------------
    def summary(self) -> JsExternals:
        out = JsExternals()
        for name, functions in self.functions.items():
            found: set[str] = set()
            for function in functions:
                for value in self.returns(function):
                    found |= self.kinds(value)
            found -= {"other", "file"}
            if found:
                out.returns[name] = frozenset(found)
        for name, calls in self.calls.items():
            if name in self.functions:
                continue
            for call in calls:
                for index, arg in enumerate(jstree.call_arguments(call)):
                    kinds = self.kinds(arg) - {"other", "file"}
                    if kinds:
                        slot = out.params.setdefault(name, {})
                        slot[index] = slot.get(index, frozenset()) | kinds
        return out


def _field(base: frozenset[str], name: str) -> set[str]:
    if name == "data" and any(k.endswith(".response") for k in base):
        return {k.replace(".response", ".body") for k in base if k.endswith(".response")}
    if name == "result" and base & {"chat.body", "maybe.body"}:
        return {"chat.result"}
    return {"other"} if base else set()


def _parsed(base: frozenset[str]) -> set[str]:
    out = {k.replace(".response", ".body") for k in base if k.endswith(".response")}
    return out or ({"other"} if base else set())


def _param_name(param: Node) -> Node | None:
    """The name a parameter binds (None for patterns and `...rest`)."""
    if param.type in ("required_parameter", "optional_parameter"):  # TypeScript
        param = param.child_by_field_name("pattern")
    elif param.type == "assignment_pattern":  # `x = default`
        param = param.child_by_field_name("left")
    return param if param.type == "identifier" else None


def _receiver(function: Node) -> tuple[str, Node] | None:
    """For a function passed to `obj.method(...)`: the method's name and `obj`."""
    args = function.parent  # a function is never the root
    if args.type != "arguments":
        return None
    func = args.parent.child_by_field_name("function")  # None for `new X(fn)`
    if func is None or func.type != "member_expression":
        return None
    return func.child_by_field_name("property").text.decode(), func.child_by_field_name("object")


def _callback_of(function: Node) -> Node | None:
    """For `xs.map(fn)`-style callbacks: the `xs` whose elements `fn` receives."""
    receiver = _receiver(function)
    return receiver[1] if receiver is not None and receiver[0] in CALLBACK_METHODS else None


def _then_of(function: Node) -> Node | None:
    """For `p.then(fn)`: the promise `p` whose value `fn` (the first argument) receives."""
    receiver = _receiver(function)
    if receiver is None or receiver[0] != "then" or function.prev_named_sibling is not None:
        return None
    return receiver[1]


def _is_env(ctx, node: Node) -> bool:
    """`process.env.X`, `process.env["X"]`, `Deno.env.get("X")`, `import.meta.env.X`
    (not `process.env.X + "/path"`, whose text starts the same)."""
    node = strip(node)
    return node.type in ("member_expression", "subscript_expression", "call_expression") and (
        ctx.text(node).startswith(("process.env.", "process.env[", "Deno.env.get(",
                                   "import.meta.env.")))


def env_name(ctx, node: Node) -> str:
    """`X` of an `_is_env` expression (the key's source when it is not a string)."""
    node = strip(node)
    if node.type == "member_expression":  # process.env.X, import.meta.env.X
        return ctx.text(node.child_by_field_name("property"))
    if node.type == "subscript_expression":  # process.env["X"]
        key = node.child_by_field_name("index")
    else:  # Deno.env.get("X")
        args = jstree.call_arguments(node)
        key = args[0] if args else node
    name = jstree.string_value(ctx.source, key)
    return name if name is not None else ctx.text(key)
