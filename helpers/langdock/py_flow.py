"""Where values come from in a Python module: follow the chat call's answer.

`Recorder` is mixed into the facts visitor and notes, per scope (module or
function), what each name is bound to (assignments, `with ... as`, `for`
targets, parameters), what functions return and where they are called. `Flow`
then answers `kinds(expr, scope)`: the set of things an expression may hold,

- `chat.response`, `chat.body`, `chat.result`, `chat.message`: the HTTP response
  of a chat call, its parsed JSON, its `result` list and one of its messages;
- `build.response`, `build.body`: the same for get/create/update calls;
- `other`: traced to something that is not a Langdock answer (an upload, a literal);
- `file`: parsed from a file or a string (perhaps a cached copy of an answer).

An empty set means the value could not be followed. Names are looked up in
their function first, then in the module; parameters take what the call sites
in this file (or, in folder mode, in sibling files: `externals`) pass.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .urls import REWRITTEN, another_api, is_langdock_host

HTTP_METHODS = ("post", "get", "patch", "put", "delete", "request", "stream")
_BUILD = ("get", "create", "update", "disable", "models")


def str_of(node: cst.CSTNode | None) -> str | None:
    if not isinstance(node, cst.SimpleString):
        return None
    try:
        value = node.evaluated_value
    except Exception:  # noqa: BLE001 - odd escapes
        return None
    return value if isinstance(value, str) else None  # bytes are no keys


def _key(node: cst.Subscript) -> cst.CSTNode | None:
    if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return node.slice[0].slice.value
    return None


def is_env_read(node: cst.CSTNode) -> bool:
    """`os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`, `environ.get(...)`,
    `getenv(...)` (`from os import getenv`)."""
    if isinstance(node, cst.Subscript):
        return _names_environ(node.value)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
        return node.func.value == "getenv"
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        attr = node.func.attr.value
        if attr == "getenv":
            return True
        return attr == "get" and _names_environ(node.func.value)
    return False


def _names_environ(node: cst.CSTNode) -> bool:
    return (isinstance(node, cst.Attribute) and node.attr.value == "environ") or (
        isinstance(node, cst.Name) and node.value == "environ")


@dataclass
class Scope:
    name: str
    parent: "Scope | None"
    bindings: dict[str, list[tuple]] = field(default_factory=dict)
    returns: list[cst.CSTNode] = field(default_factory=list)


class Recorder(cst.CSTVisitor):
    """Records bindings, returns and calls while the facts visitor walks the module."""

    def __init__(self) -> None:
        super().__init__()
        self.module_scope = Scope("<module>", None)
        self.scopes: list[Scope] = [self.module_scope]
        self.functions: dict[str, list[tuple[Scope, list[str]]]] = {}
        self.calls: dict[str, list[tuple[cst.Call, Scope]]] = {}
        self.scope_of: dict[int, Scope] = {}  # id(node) -> scope, for nodes rules ask about
        self.loop_depth: list[int] = [0]
        self.in_loop: set[int] = set()  # ids of dicts built in a loop, comprehension or return
        self.sub_assigns: list[tuple[cst.Subscript, cst.CSTNode, Scope, cst.Assign]] = []
        self._classes = 0

    @property
    def scope(self) -> Scope:
        return self.scopes[-1]

    def _bind(self, name: str, how: tuple) -> None:
        self.scope.bindings.setdefault(name, []).append(how)

    # -- scopes ----------------------------------------------------------------
    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes += 1

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._classes -= 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        scope = Scope(node.name.value, self.scope)
        params = [p.name.value for p in node.params.params]
        if self._classes and params and params[0] in ("self", "cls"):
            params = params[1:]
        for index, name in enumerate(params):
            scope.bindings.setdefault(name, []).append(("param", node.name.value, index, name))
        for param in node.params.kwonly_params:
            scope.bindings.setdefault(param.name.value, []).append(
                ("param", node.name.value, None, param.name.value))
        self.functions.setdefault(node.name.value, []).append((scope, params))
        self.scopes.append(scope)
        self.loop_depth.append(0)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()
        self.loop_depth.pop()

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self.scope.returns.append(node.value)
            if isinstance(node.value, cst.Dict) and len(self.scopes) > 1:
                self.in_loop.add(id(node.value))  # a message factory: called many times

    # -- loops -----------------------------------------------------------------
    def _enter_loop(self, *_args) -> None:
        self.loop_depth[-1] += 1

    def _leave_loop(self, *_args) -> None:
        self.loop_depth[-1] -= 1

    visit_While = _enter_loop
    leave_While = _leave_loop
    visit_ListComp = _enter_loop
    leave_ListComp = _leave_loop
    visit_GeneratorExp = _enter_loop
    leave_GeneratorExp = _leave_loop
    visit_Lambda = _enter_loop
    leave_Lambda = _leave_loop

    def visit_For(self, node: cst.For) -> None:
        self._enter_loop()
        if isinstance(node.target, cst.Name):
            self._bind(node.target.value, ("element", node.iter))

    def leave_For(self, original_node: cst.For) -> None:
        self._leave_loop()

    def visit_CompFor(self, node: cst.CompFor) -> None:
        if isinstance(node.target, cst.Name):
            self._bind(node.target.value, ("element", node.iter))

    def visit_Dict(self, node: cst.Dict) -> None:
        self.scope_of[id(node)] = self.scope
        if self.loop_depth[-1]:
            self.in_loop.add(id(node))

    # -- bindings and calls ----------------------------------------------------
    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self._bind(target.target.value, ("value", node.value))
            elif isinstance(target.target, cst.Subscript):
                self.sub_assigns.append((target.target, node.value, self.scope, node))
            elif _self_attribute(target.target) is not None:
                # `self.url = ...`: bound for the whole class body (methods read it)
                self.module_scope.bindings.setdefault(
                    f"self.{_self_attribute(target.target)}", []).append(("value", node.value))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name) and node.value is not None:
            self._bind(node.target.value, ("value", node.value))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None and isinstance(node.asname.name, cst.Name):
            self._bind(node.asname.name.value, ("value", node.item))

    def visit_Call(self, node: cst.Call) -> None:
        self.scope_of[id(node)] = self.scope
        func = node.func
        name = func.value if isinstance(func, cst.Name) else (
            func.attr.value if isinstance(func, cst.Attribute) else None)
        if name is not None:
            self.calls.setdefault(name, []).append((node, self.scope))

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.scope_of[id(node)] = self.scope

    def visit_Comparison(self, node: cst.Comparison) -> None:  # `"result" in data`
        self.scope_of[id(node)] = self.scope


@dataclass
class Externals:
    """What sibling files tell about functions (folder mode)."""

    returns: dict[str, frozenset[str]] = field(default_factory=dict)
    # function name -> argument index -> kinds passed by callers in other files
    params: dict[str, dict[int, frozenset[str]]] = field(default_factory=dict)
    # function name -> indexes of parameters that become chat messages in another file
    message_params: dict[str, set[int]] = field(default_factory=dict)


class Flow:
    def __init__(self, recorder: Recorder, literals: dict, langdock: bool,
                 externals: Externals | None = None) -> None:
        self.rec = recorder
        self.literals = literals  # id(string node) -> urls.Analysis
        self.langdock = langdock
        self.ext = externals or Externals()
        self._memo: dict[tuple[int, int], frozenset[str]] = {}
        self._busy: set[tuple[int, int]] = set()
        self._families: dict[int, str | None] = {}
        self.env_urls: list[cst.CSTNode] = []  # env reads that decide a Langdock URL

    # -- lookups ---------------------------------------------------------------
    def bindings(self, name: str, scope: Scope) -> tuple[list[tuple], Scope]:
        current: Scope | None = scope
        while current is not None:
            if name in current.bindings:
                return current.bindings[name], current
            current = current.parent
        return [], scope

    def local_function(self, call: cst.Call) -> str | None:
        func = call.func
        name = func.value if isinstance(func, cst.Name) else (
            func.attr.value if isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name) and func.value.value in ("self", "cls")
            else None)
        return name if name in self.rec.functions else None

    # -- HTTP calls --------------------------------------------------------------
    def url_arg(self, call: cst.Call) -> cst.CSTNode | None:
        func = call.func
        method = func.attr.value if isinstance(func, cst.Attribute) else (
            func.value if isinstance(func, cst.Name) else None)
        if method not in HTTP_METHODS:
            return None
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == "url":
                return arg.value
        positional = [a.value for a in call.args if a.keyword is None]
        index = 1 if method in ("request", "stream") else 0
        return positional[index] if len(positional) > index else None

    def body_arg(self, call: cst.Call) -> cst.Arg | None:
        """The `json=` argument, or `data=`/`content=json.dumps(x)` (the x inside)."""
        for arg in call.args:
            if arg.keyword is None:
                continue
            if arg.keyword.value == "json":
                return arg
            if arg.keyword.value in ("data", "content") and isinstance(arg.value, cst.Call):
                inner = arg.value
                if (isinstance(inner.func, cst.Attribute) and inner.func.attr.value == "dumps"
                        and inner.args):
                    return inner.args[0]
        return None

    def url_family(self, node: cst.CSTNode | None, scope: Scope, depth: int = 0) -> set[str]:
        """"chat", "build", "other" for what a URL expression points at (empty: unknown);
        "foreign" for a URL known to serve no Langdock agent endpoint."""
        if node is None or depth > 6:
            return set()
        analysis = self.literals.get(id(node))
        if analysis is not None and analysis.findings:
            families = set()
            for finding in analysis.findings:
                if finding.status not in REWRITTEN:  # a gateway's copy, an unknown endpoint
                    families.add("foreign")
                elif finding.endpoint == "chat/completions":
                    families.add("chat")
                elif finding.endpoint in _BUILD:
                    families.add("build")
            return families
        appended = self._after_base(node, scope, depth)
        if appended is not None:
            return appended
        if isinstance(node, cst.ConcatenatedString):
            return self.url_family(node.left, scope, depth + 1) | self.url_family(
                node.right, scope, depth + 1)
        if isinstance(node, (cst.SimpleString, cst.FormattedString)):
            code = _literal_text(node)
            if "/agent/v1/chat/completions" in code:
                return {"chat"}
            if any(f"/agent/v1/{e}" in code for e in _BUILD):
                return {"build"}
            if another_api(str_of(node) or code):  # the value, without quotes
                return {"foreign"}
            if "/" in code or "http" in code:
                return {"other"}
            return set()
        if isinstance(node, cst.Name):
            found: set[str] = set()
            for how in self.bindings(node.value, scope)[0]:
                if how[0] == "value":
                    found |= self.url_family(how[1], scope, depth + 1)
            return found
        if isinstance(node, cst.BinaryOperation):
            return self.url_family(node.left, scope, depth + 1) | self.url_family(
                node.right, scope, depth + 1)
        if isinstance(node, cst.Call):
            if is_env_read(node):
                defaults = [a.value for a in node.args[1:2]]
                found = self.url_family(defaults[0], scope, depth + 1) if defaults else set()
                if found & {"chat", "build"} or not defaults:
                    self.env_urls.append(node)
                return found
            if isinstance(node.func, cst.Attribute) and node.func.attr.value == "format":
                return self.url_family(node.func.value, scope, depth + 1)
            found = set()
            for arg in node.args:
                found |= self.url_family(arg.value, scope, depth + 1)
            return (found & {"chat", "build"}) or (found & {"other", "foreign"})
        if isinstance(node, cst.Subscript) and is_env_read(node):
            self.env_urls.append(node)
        attribute = _self_attribute(node)
        if attribute is not None:
            found = set()
            for how in self.rec.module_scope.bindings.get(f"self.{attribute}", []):
                found |= self.url_family(how[1], self.rec.module_scope, depth + 1)
            return found
        return set()

    def _after_base(self, node: cst.CSTNode, scope: Scope, depth: int) -> set[str] | None:
        """`f"{BASE}/create"`, `BASE + "/chat/completions"`: an endpoint after a name that
        holds the API's base URL (`.../assistant/v1`, the path the literal itself lacks)."""
        if isinstance(node, cst.FormattedString) and len(node.parts) == 2 and isinstance(
                node.parts[0], cst.FormattedStringExpression) and isinstance(
                node.parts[1], cst.FormattedStringText):
            base, rest = node.parts[0].expression, node.parts[1].value
        elif isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) and (
                str_of(node.right) is not None):
            base, rest = node.left, str_of(node.right)
        else:
            return None
        endpoint = rest.split("?", 1)[0].strip("/")
        family = {"chat"} if endpoint == "chat/completions" else (
            {"build"} if endpoint in _BUILD else None)
        if family is None or not self._is_base(base, scope, depth + 1):
            return None
        return family

    def _is_base(self, node: cst.CSTNode, scope: Scope, depth: int) -> bool:
        """Whether a value ends with the Assistants or Agents API base path."""
        if depth > 6:
            return False
        text = str_of(node)
        if text is not None:
            return text.rstrip("/").endswith(("/assistant/v1", "/agent/v1"))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            return self._is_base(node.right, scope, depth + 1)
        if isinstance(node, cst.Name):
            return any(how[0] == "value" and self._is_base(how[1], scope, depth + 1)
                       for how in self.bindings(node.value, scope)[0])
        return False

    def http_family(self, call: cst.Call, scope: Scope) -> str | None:
        """"chat", "build" or "other" when `call` is an HTTP request, else None."""
        key = id(call)
        if key not in self._families:
            self._families[key] = self._http_family(call, scope)
        return self._families[key]

    def _http_family(self, call: cst.Call, scope: Scope) -> str | None:
        url = self.url_arg(call)
        if url is None:
            return None
        families = self.url_family(url, scope)
        if "chat" in families:
            return "chat"
        if "build" in families:
            return "build"
        if "foreign" in families:
            return "other"  # OpenAI-style APIs take `messages` too: the body does not decide
        body = self.body_arg(call)
        if self.langdock and body is not None and self._looks_like_chat_body(body.value, scope):
            return "chat"
        if families:
            return "other"
        # a request to a URL the module does not show, in Langdock code: a Langdock
        # call of unknown endpoint; only a chat answer has `result`, so reading it decides
        if self.langdock and _http_client_call(call):
            return "maybe"
        return None

    def _looks_like_chat_body(self, node: cst.CSTNode, scope: Scope, depth: int = 0) -> bool:
        if depth > 4:
            return False
        if isinstance(node, cst.Dict):
            keys = {str_of(e.key) for e in node.elements if isinstance(e, cst.DictElement)}
            return bool(keys & {"messages", "assistantId", "agentId", "assistant", "agent"})
        if isinstance(node, cst.Name):
            bindings, owner = self.bindings(node.value, scope)
            return any(how[0] == "value" and self._looks_like_chat_body(how[1], owner, depth + 1)
                       for how in bindings)
        if isinstance(node, cst.Call) and self.local_function(node) is not None:
            # `json=build(q)`: the body a function of this module returns
            return any(self._looks_like_chat_body(value, function_scope, depth + 1)
                       for function_scope, _params in self.rec.functions[self.local_function(node)]
                       for value in function_scope.returns)
        return False

    # -- what an expression holds ---------------------------------------------------
    def kinds(self, node: cst.CSTNode | None, scope: Scope) -> frozenset[str]:
        if node is None:
            return frozenset()
        key = (id(node), id(scope))
        if key in self._memo:
            return self._memo[key]
        if key in self._busy:
            return frozenset()
        self._busy.add(key)
        try:
            found = frozenset(self._kinds(node, scope))
        finally:
            self._busy.discard(key)
        self._memo[key] = found
        return found

    def _kinds(self, node: cst.CSTNode, scope: Scope) -> set[str]:
        while isinstance(node, cst.Await):
            node = node.expression
        if isinstance(node, cst.Name):
            return self._name_kinds(node.value, scope)
        if isinstance(node, cst.Subscript):
            base = self.kinds(node.value, scope)
            key = _key(node)
            text = str_of(key)
            if text is not None:
                return self._field(base, text)
            if key is not None and "chat.result" in base:
                return {"chat.message"}
            return {"other"} if base else set()
        if isinstance(node, cst.Call):
            return self._call_kinds(node, scope)
        if isinstance(node, (cst.Dict, cst.List, cst.SimpleString, cst.FormattedString,
                             cst.Integer, cst.ListComp, cst.DictComp, cst.Tuple)):
            return {"other"}
        if isinstance(node, cst.BooleanOperation):
            return set(self.kinds(node.left, scope) | self.kinds(node.right, scope))
        return set()

    @staticmethod
    def _field(base: frozenset[str], name: str) -> set[str]:
        if base & {"chat.body", "maybe.body"} and name == "result":
            return {"chat.result"}
        return {"other"} if base else set()

    def _name_kinds(self, name: str, scope: Scope) -> set[str]:
        found: set[str] = set()
        bindings, owner = self.bindings(name, scope)
        for how in bindings:
            if how[0] == "value":
                found |= self.kinds(how[1], owner)
            elif how[0] == "element":
                if "chat.result" in self.kinds(how[1], owner):
                    found.add("chat.message")
                elif self.kinds(how[1], owner):
                    found.add("other")
            elif how[0] == "param":
                found |= self._param_kinds(how[1], how[2], how[3])
        return found

    def _param_kinds(self, function: str, index: int | None, name: str) -> set[str]:
        found: set[str] = set()
        for call, scope in self.rec.calls.get(function, []):
            arg = _argument(call, index, name)
            if arg is not None:
                found |= self.kinds(arg, scope)
        if index is not None:
            found |= self.ext.params.get(function, {}).get(index, frozenset())
        return found

    def _call_kinds(self, call: cst.Call, scope: Scope) -> set[str]:
        func = call.func
        family = self.http_family(call, scope)
        if family is not None:
            return {f"{family}.response"}
        if isinstance(func, cst.Attribute):
            attr = func.attr.value
            if attr == "json" and not call.args:
                return self._parsed(self.kinds(func.value, scope))
            if attr in ("load", "loads") and isinstance(func.value, cst.Name) and (
                func.value.value == "json"
            ):
                if call.args and attr == "loads":
                    inner = call.args[0].value
                    if isinstance(inner, cst.Attribute) and inner.attr.value in ("text", "content"):
                        parsed = self._parsed(self.kinds(inner.value, scope))
                        if parsed:
                            return parsed
                return {"file"}
            if attr == "get" and call.args:
                text = str_of(call.args[0].value)
                if text is not None:
                    return self._field(self.kinds(func.value, scope), text)
        local = self.local_function(call)
        if local is not None:
            found: set[str] = set()
            for function_scope, _params in self.rec.functions[local]:
                for value in function_scope.returns:
                    found |= self.kinds(value, function_scope)
            return found
        name = func.value if isinstance(func, cst.Name) else (
            func.attr.value if isinstance(func, cst.Attribute) else None)
        if name in self.ext.returns:
            return set(self.ext.returns[name])
        if name in ("list", "reversed", "sorted", "tuple") and call.args:
            return set(self.kinds(call.args[0].value, scope))
        return set()

    @staticmethod
    def _parsed(response: frozenset[str]) -> set[str]:
        out = {k.replace(".response", ".body") for k in response if k.endswith(".response")}
        if not out and response:
            return {"other"}
        return out

    # -- folder mode summaries ------------------------------------------------------
    def summary(self) -> Externals:
        """What this module tells sibling files: returns and arguments of calls."""
        out = Externals()
        for name, defs in self.rec.functions.items():
            found: set[str] = set()
            for function_scope, _params in defs:
                for value in function_scope.returns:
                    found |= self.kinds(value, function_scope)
            found &= {"chat.response", "chat.body", "chat.result", "chat.message",
                      "build.response", "build.body"}
            if found:
                out.returns[name] = frozenset(found)
        for name, calls in self.rec.calls.items():
            if name in self.rec.functions:
                continue
            for call, scope in calls:
                for index, arg in enumerate(a for a in call.args if a.keyword is None):
                    kinds = self.kinds(arg.value, scope) - {"other", "file"}
                    if kinds:
                        slot = out.params.setdefault(name, {})
                        slot[index] = slot.get(index, frozenset()) | kinds
        return out


def _argument(call: cst.Call, index: int | None, name: str) -> cst.CSTNode | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    if index is None:
        return None
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    return positional[index] if index < len(positional) else None


def _literal_text(node: cst.SimpleString | cst.FormattedString) -> str:
    if isinstance(node, cst.SimpleString):
        return node.value
    return "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))


_CLIENT_NAMES = ("requests", "httpx", "session", "client", "http", "aiohttp")


def _http_client_call(call: cst.Call) -> bool:
    """`requests.post(...)`, `self.session.post(...)`, `client.request(...)`: clearly HTTP
    (a bare `.get(...)` could be a dict)."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return False
    base = func.value
    name = base.attr.value if isinstance(base, cst.Attribute) else (
        base.value if isinstance(base, cst.Name) else "")
    return any(part in name.lower() for part in _CLIENT_NAMES)


def _self_attribute(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and (
        node.value.value == "self"
    ):
        return node.attr.value
    return None
