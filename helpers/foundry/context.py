"""What the rules share while the code is walked once: names, roles, edits, notes.

The walk goes statement by statement in source order, so a rule looking at a
call knows what every name meant at that point (`agents = project.agents`,
`agent = client.create_agent(...)`, ...).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, replace

from ..results import Note, Severity
from .edits import Builder, Edits
from .names import (
    AGENTS_CLIENT_CLASSES,
    LEGACY_AGENT_METHODS,
    LEGACY_SUB_OPERATIONS,
    OPENAI_CLIENT_CLASSES,
    PRE_GA_OPERATIONS,
    PROJECT_CLIENT_CLASSES,
    Imports,
    Role,
    chain,
    dotted,
)
from . import client_placement
from .agent_attributes import agent_attribute_role
from .places import Places, own_statements
from .source import SourceText

AGENT_RESULT_OPS = {
    "create_agent": True, "update_agent": True, "get_agent": False,
    "assistants.create": True, "assistants.update": True, "assistants.retrieve": False,
    "create_version": True, "get_version": True, "get": False,
}
THREAD_RESULT_OPS = {"threads.create", "threads.get", "threads.retrieve", "conversations.create",
                     "conversations.retrieve"}
RUN_RESULT_OPS = {
    "runs.create", "runs.create_and_process", "create_thread_and_process_run", "create_thread_and_run",
    "threads.runs.create", "threads.runs.create_and_poll", "threads.create_and_run",
    "threads.create_and_run_poll", "responses.create", "runs.get", "threads.runs.retrieve",
}


BARE_CLASSES = {
    "AgentsClient": "azure.ai.agents.AgentsClient",
    "AIProjectClient": "azure.ai.projects.AIProjectClient",
}


@dataclass(frozen=True)
class Target:
    """A call on a legacy surface, resolved to the operation it performs.

    surface: "agents" (azure-ai-agents / azure-ai-projects 1.x) or "openai" (beta).
    op: the operation path below the client, e.g. "threads.create", "create_agent",
        "assistants.create", "threads.runs.create_and_poll".
    ops_text: new-code text for the 2.x agents operations (`project.agents`).
    project_text: new-code text for the project client, when known.
    """

    surface: str
    op: str
    base_text: str
    role: Role
    ops_text: str
    project_text: str | None
    is_async: bool


class Context:
    def __init__(self, source: str, tree: ast.Module) -> None:
        self.src = SourceText(source)
        self.tree = tree
        self.imports = Imports()
        self.env: dict[str, Role] = {}
        self.bound_at: dict[str, ast.stmt] = {}
        self.edits = Edits()
        self.notes: list[Note] = []
        self.rule = ""
        self.stmt_stack: list[ast.stmt] = []
        self.handled: set[int] = set()
        self.new_imports: dict[str, set[str]] = {}
        self.openai_names: dict[str, str] = {}
        self.project_names: dict[str, str] = {}
        self.assumed: set[str] = set()
        self.removed: list[ast.stmt] = []
        self.converted_runs: dict[str, str] = {}  # run variable -> conversation text
        self.streams: dict[str, object] = {}  # stream variable -> stream_events.StreamInfo
        self.role_overrides: dict[int, Role] = {}
        self.name_counts: dict[str, int] = {}  # names used in the input, counted during the walk
        self.tools: dict = {}  # tools.py: tool variables, function-call names (see tools.state)
        self._unit: str | None = None
        self.dedents: list[tuple[int, int, int]] = []  # (first line, last line, columns) moved left
        self.block_stack: list[int] = []  # ids of the statement lists around the current statement
        self.places = Places()
        self.attr_env: dict[tuple[int, str], Role] = {}  # (class id or 0, "self.client") -> role
        self.class_attrs: dict[int, dict[str, ast.stmt]] = {}  # class id -> "self.x" -> first assignment
        self.class_openai: dict[int, str] = {}  # class id -> "self.openai_client" once planned
        self.user_objects: set[str] = set()  # names holding instances of classes defined here
        self._factories: dict[str, Role | None] = {}
        self._methods: dict[int, dict[str, ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self._learning: ast.ClassDef | None = None
        self._functions = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self._class_names: set[str] | None = None

    # -- notes and text -------------------------------------------------
    def note(self, node: ast.AST | None, severity: Severity, message: str) -> None:
        line = getattr(node, "lineno", None)
        column = getattr(node, "col_offset", None)
        self.notes.append(
            Note(line, severity, self.rule, message, None if column is None else column + 1)
        )

    def text(self, node: ast.AST) -> str:
        return self.src.segment(node)

    def indent(self, node: ast.AST) -> str:
        indent = self.src.indent_of(node.lineno)
        for first, last, width in self.dedents:  # code a rule moves one level out (polling_loops)
            if first <= node.lineno <= last:
                indent = indent[width:]
        return indent

    def unit(self) -> str:
        """The file's indentation unit (its first indented line), found once per file."""
        if self._unit is None:
            self._unit = "    "
            for line in self.src.lines:
                stripped = line.lstrip(" ")
                if stripped and stripped != line and not stripped.startswith("#"):
                    self._unit = " " * (len(line) - len(stripped))
                    break
        return self._unit

    def class_names(self) -> set[str]:
        """Classes defined anywhere in the code (found once, when first asked)."""
        if self._class_names is None:
            self._class_names = {s.name for s in ast.walk(self.tree) if isinstance(s, ast.ClassDef)} \
                if "class " in self.src.text else set()
        return self._class_names

    def function(self) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The innermost function around the current statement (not the statement itself)."""
        for stmt in reversed(self.stmt_stack[:-1]):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return stmt
        return None

    def scope_id(self) -> int:
        """Id of the function whose body is being walked (0 at module level)."""
        for stmt in reversed(self.stmt_stack):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return id(stmt)
        return 0

    def enclosing_class(self) -> ast.ClassDef | None:
        for stmt in reversed(self.stmt_stack[:-1]):
            if isinstance(stmt, ast.ClassDef):
                return stmt
        return None

    @property
    def statement(self) -> ast.stmt | None:
        return self.stmt_stack[-1] if self.stmt_stack else None

    @property
    def top_statement(self) -> ast.stmt | None:
        return self.stmt_stack[0] if self.stmt_stack else None

    # -- planning edits ---------------------------------------------------
    def claim(self, node: ast.AST) -> bool:
        """True the first time a node is claimed; rules skip claimed nodes."""
        if id(node) in self.handled:
            return False
        self.handled.add(id(node))
        return True

    def replace(self, node: ast.AST, build: Builder | str) -> None:
        start, end = self.src.span(node)
        self.edits.replace(start, end, build)

    def remove_statement(self, stmt: ast.stmt) -> None:
        start = self.src.line_start(stmt.lineno)
        end = self.src.line_end(stmt.end_lineno)
        self.edits.replace(start, end, "")
        self.removed.append(stmt)

    def insert_before(self, stmt: ast.stmt, lines: list[str]) -> None:
        indent = self.indent(stmt)
        nl = self.src.newline()
        first = stmt.lineno
        decorators = getattr(stmt, "decorator_list", None)
        if decorators:
            first = min(d.lineno for d in decorators)
        self.edits.insert(self.src.line_start(first), "".join(f"{indent}{line}{nl}" for line in lines))

    def insert_after(self, stmt: ast.stmt, lines: list[str]) -> None:
        """After a simple statement; as the first lines of the body of a `with`."""
        nl = self.src.newline()
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            self.insert_before(stmt.body[0], lines)
            return
        indent = self.indent(stmt)
        at = self.src.line_end(stmt.end_lineno)
        prefix = "" if self.src.text[:at].endswith(("\n", "\r")) else nl
        self.edits.insert(at, prefix + "".join(f"{indent}{line}{nl}" for line in lines))

    def require_import(self, module: str, name: str) -> None:
        self.new_imports.setdefault(module, set()).add(name)

    # -- names and roles ----------------------------------------------------
    def bind(self, target: ast.AST, role: Role | None, stmt: ast.stmt) -> None:
        if _is_slot(target):
            key = self._attr_key(self.text(target))
            self.bound_at[self.text(target)] = stmt
            if role is None:
                self.attr_env.pop(key, None)
            else:
                self.attr_env[key] = replace(role, binding_line=stmt.lineno)
            return
        if not isinstance(target, ast.Name):
            return
        value = getattr(stmt, "value", None)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in self.class_names():
            self.user_objects.add(target.id)
        else:
            self.user_objects.discard(target.id)
        if role is None:
            self.env.pop(target.id, None)
            self.bound_at[target.id] = stmt
            return
        self.env[target.id] = replace(role, binding_line=stmt.lineno)
        self.bound_at[target.id] = stmt

    def role_of(self, node: ast.AST | None) -> Role | None:
        if node is None:
            return None
        if isinstance(node, ast.Await):
            return self.role_of(node.value)
        if isinstance(node, ast.Name):
            role = self.env.get(node.id)
            if role is None and self.imports.names.get(node.id) == "openai" and self._uses_assistants():
                return Role("openai", project="project_client", client="module")
            return role
        if isinstance(node, ast.Attribute):
            if self.attr_env and dotted(node):
                known = self.attr_env.get(self._attr_key(self.text(node)))
                if known is not None:
                    return known
            held = agent_attribute_role(self, node)  # `member.agent_instance`, set to agents elsewhere
            if held is not None:
                return held
            if node.attr == "agents":
                base = self.role_of(node.value)
                if base is not None and base.kind in ("project", "agents_client"):
                    return Role("agents_ops", base.is_async, project=self.text(node.value))
                if base is None and isinstance(node.value, ast.Name) and node.value.id not in self.imports.names:
                    # `project.agents` in a fragment: `project` can only be a project client
                    return Role("agents_ops", project=node.value.id, assumed=True)
            return None
        if isinstance(node, ast.Subscript):
            return self.attr_env.get((0, self.text(node))) if self.attr_env and _is_slot(node) else None
        if isinstance(node, ast.Call):
            if id(node) in self.role_overrides:
                return self.role_overrides[id(node)]
            return self._role_of_call(node)
        return None

    def _role_of_call(self, call: ast.Call) -> Role | None:
        qualified = self.imports.qualified(call.func)
        if qualified is None and isinstance(call.func, ast.Name):
            # a fragment that uses a client class without importing it
            qualified = BARE_CLASSES.get(call.func.id)
        if qualified in AGENTS_CLIENT_CLASSES:
            return Role("agents_client", AGENTS_CLIENT_CLASSES[qualified])
        if qualified in PROJECT_CLIENT_CLASSES:
            return Role("project", PROJECT_CLIENT_CLASSES[qualified])
        if qualified and qualified.rsplit(".", 1)[0] in PROJECT_CLIENT_CLASSES:
            # AIProjectClient.from_connection_string(...) in 1.0 betas
            return Role("project", PROJECT_CLIENT_CLASSES[qualified.rsplit(".", 1)[0]])
        if qualified in OPENAI_CLIENT_CLASSES:
            return Role("openai", OPENAI_CLIENT_CLASSES[qualified])
        if isinstance(call.func, ast.Name) and call.func.id in self._functions and call.func.id not in self.env:
            return self._factory_role(call.func.id)
        method = self._own_method(call.func)
        if method is not None:
            key = f"{id(method)}"
            if key not in self._factories:
                self._factories[key] = None  # recursion guard
                self._factories[key] = self._returned_role(method, kinds=("project", "agents_client", "openai",
                                                                           "agent"))
            return self._factories[key]
        if isinstance(call.func, ast.Attribute) and call.func.attr == "get_openai_client":
            base = self.role_of(call.func.value)
            is_async = bool(base and base.is_async)
            return Role("openai", is_async, project=self.text(call.func.value), from_new_sdk=True)
        target = self.resolve(call)
        if target is None:
            return None
        op = target.op
        if op in AGENT_RESULT_OPS:
            return Role("agent", target.is_async, versioned=AGENT_RESULT_OPS[op])
        if op in THREAD_RESULT_OPS:
            return Role("thread", target.is_async)
        if op in RUN_RESULT_OPS:
            thread = _keyword(call, "thread_id") or (call.args[0] if call.args else None)
            return Role("run", target.is_async, thread=self.text(thread) if thread is not None else None)
        if op in ("messages.list", "threads.messages.list", "conversations.items.list"):
            return Role("messages", target.is_async)
        if op == "messages.get_last_message_text_by_role":
            return Role("text", target.is_async)
        return None

    def resolve(self, call: ast.Call) -> Target | None:
        """The legacy operation a call performs, or None."""
        if not isinstance(call.func, ast.Attribute):
            return None
        base, attrs = chain(call.func)
        # Try the longest base first: `project.agents.threads.create` has the base
        # `project.agents`, and `self.client.agents...` has no name to look up.
        root_known = isinstance(base, ast.Name) and base.id in self.env
        for split in range(len(attrs) - 1, -1, -1):
            base_node = _prefix(call.func, len(attrs) - split)
            target = self._target(base_node, attrs[split:], assume=not root_known)
            if target is not None:
                return target
        return None

    def _target(self, base: ast.AST, rest: list[str], assume: bool) -> Target | None:
        if not rest:
            return None
        role = self.role_of(base)
        base_text = self.text(base)
        if role is None and assume:
            role = self._assume(base, rest)
            role = replace(role, assumed=True) if role is not None else None
        if role is None:
            return None
        if role.kind == "project":
            if rest[0] != "agents" or len(rest) < 2:
                return None
            op = _ga(rest[1:])
            return Target("agents", op, base_text, role, f"{base_text}.agents", base_text, role.is_async)
        if role.kind == "agents_client":
            op = ".".join(rest)
            return Target("agents", op, base_text, role, f"{base_text}.agents", base_text, role.is_async)
        if role.kind == "agents_ops":
            op = _ga(rest)
            return Target("agents", op, base_text, role, base_text, role.project, role.is_async)
        if role.kind == "ops_group":  # `runs = client.agents.runs`, `threads = client.beta.threads`
            op = f"{role.group}.{'.'.join(rest)}"
            if role.project is not None and role.group.split(".")[0] != "beta":
                return Target("agents", op, role.project, role, f"{role.project}.agents", role.project,
                              role.is_async)
            if role.group == "beta":  # `beta = client.beta`: the variable now holds the OpenAI client itself
                return Target("openai", ".".join(rest), base_text, role, "", role.project, role.is_async)
            if role.client is not None and role.group.startswith("beta."):
                return Target("openai", op[len("beta."):], role.client, role, "", role.project, role.is_async)
            return None
        if role.kind == "openai":
            if role.client == "module" and isinstance(base, ast.Name):  # the `openai` module as the client
                base_text = self.module_openai_client()
            if rest[0] == "beta" and len(rest) > 1:
                op = ".".join(rest[1:])
                return Target("openai", op, base_text, role, "", role.project, role.is_async)
            op = ".".join(rest)
            return Target("openai-new", op, base_text, role, "", role.project, role.is_async)
        return None

    def _assume(self, base: ast.AST, rest: list[str]) -> Role | None:
        """Guess what an undefined client is from the calls made on it."""
        if isinstance(base, ast.Name) and base.id in self.imports.names:
            return None
        root = chain(base)[0]
        if isinstance(base, ast.Name) and base.id in ("self", "cls"):
            return None  # the class's own methods (`self.create_agent()`), not an SDK call
        if isinstance(root, ast.Name) and root.id in self.user_objects:
            return None  # an instance of a class defined in this code
        if isinstance(base, ast.Call):
            return None
        if not isinstance(base, (ast.Name, ast.Attribute)):
            return None
        if isinstance(base, ast.Attribute) and "beta" in (dotted(base) or []):
            return None  # `x.beta.threads` is the OpenAI surface, found at a shorter base
        legacy_op = rest[0] in LEGACY_AGENT_METHODS or (
            rest[0] in LEGACY_SUB_OPERATIONS and len(rest) > 1
        ) or (len(rest) == 1 and rest[0] in PRE_GA_OPERATIONS)
        if isinstance(base, ast.Attribute) and base.attr == "agents" and legacy_op:
            return Role("agents_ops", project=self.text(base.value))
        if rest[0] == "agents" and len(rest) > 1 and (
            rest[1] in LEGACY_AGENT_METHODS or rest[1] in LEGACY_SUB_OPERATIONS
            or (len(rest) == 2 and rest[1] in PRE_GA_OPERATIONS)
        ):
            return Role("project")
        if rest[0] in LEGACY_AGENT_METHODS or (rest[0] in LEGACY_SUB_OPERATIONS and len(rest) > 1):
            if rest[0] in ("threads", "runs", "messages") and len(rest) == 2 and rest[1] not in (
                "create", "get", "list", "update", "delete", "create_and_process", "stream",
                "submit_tool_outputs", "submit_tool_outputs_stream", "cancel",
                "get_last_message_text_by_role", "get_last_message_by_role",
            ):
                return None
            return Role("agents_client")
        if rest[0] == "beta" and len(rest) > 2 and rest[1] in ("assistants", "threads"):
            return Role("openai")
        if rest[0] in ("conversations", "responses") and len(rest) > 1:
            return Role("openai", from_new_sdk=True)
        return None

    def note_assumption(self, target: Target, node: ast.AST) -> None:
        if not target.role.assumed:
            return
        name, kind = target.base_text, target.role.kind
        if kind == "agents_ops" and target.role.project:
            name, kind = target.role.project, "project"
        if name in self.assumed:
            return
        self.assumed.add(name)
        what = {
            "agents_client": "a legacy `AgentsClient` (it becomes an `AIProjectClient`)",
            "project": "an `AIProjectClient`",
            "agents_ops": "the `.agents` operations of an `AIProjectClient`",
            "openai": "an OpenAI client",
        }.get(kind)
        if what:
            self.note(node, "info", f"`{name}` is not defined in this code; assumed it is {what}.")

    def annotated_role(self, annotation: ast.AST | None) -> Role | None:
        """`client: AgentsClient` / `project: AIProjectClient`: the client the annotation names."""
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return None
        if not isinstance(annotation, (ast.Name, ast.Attribute)):
            return None
        qualified = self.imports.qualified(annotation)
        if qualified in AGENTS_CLIENT_CLASSES:
            return Role("agents_client", AGENTS_CLIENT_CLASSES[qualified])
        if qualified in PROJECT_CLIENT_CLASSES:
            return Role("project", PROJECT_CLIENT_CLASSES[qualified])
        return None

    def group_role(self, node: ast.AST | None) -> Role | None:
        """`client.agents.runs`, `agents.messages`, `client.beta.threads.runs`: an operation group."""
        if not isinstance(node, ast.Attribute):
            return None
        base, attrs = chain(node)
        for split in range(len(attrs) - 1, -1, -1):
            owner = _prefix(node, len(attrs) - split)
            role = self.role_of(owner)
            if role is None:
                continue
            parts = attrs[split:]
            if role.kind == "project" and len(parts) == 2 and parts[0] == "agents":
                parts = parts[1:]
                role = Role("agents_ops", role.is_async, project=self.text(owner))
            if role.kind in ("agents_client", "agents_ops") and len(parts) == 1 and parts[0] in GROUPS:
                project = role.project if role.kind == "agents_ops" else self.text(owner)
                return Role("ops_group", role.is_async, project=project, group=parts[0])
            if role.kind == "openai" and parts[0] == "beta" and \
                    ".".join(parts) in ("beta", "beta.threads", "beta.threads.runs", "beta.threads.messages"):
                return Role("ops_group", role.is_async, project=role.project, group=".".join(parts),
                            client=self.text(owner))
            return None
        return None

    def _uses_assistants(self) -> bool:
        return ".beta.assistants" in self.src.text or ".beta.threads" in self.src.text

    # -- the clients new code needs (see client_placement) ------------------
    def openai_client(self, project_text: str | None, node: ast.AST, is_async: bool = False) -> str:
        """Name of the OpenAI client for `project_text`, created where every path that reaches
        the current statement has it."""
        return client_placement.openai_client(self, project_text, node)

    def module_openai_client(self) -> str:
        """The module `openai` served as the client: a Foundry one, made once after the imports."""
        return client_placement.module_openai_client(self)

    # -- classes and factories -------------------------------------------
    def _attr_key(self, text: str) -> tuple[int, str]:
        if text.startswith(("self.", "cls.")):
            cls = self.enclosing_class() or (self.statement if isinstance(self.statement, ast.ClassDef) else None)
            return (id(cls) if cls is not None else 0, text)
        return (0, text)

    def learn_class(self, cls: ast.ClassDef) -> None:
        """Before walking a class: the `self.x = ...` it sets and the properties it has,
        so that every method knows `self.client` is a client wherever it was set."""
        first: dict[str, ast.stmt] = {}
        methods = [s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        self._methods[id(cls)] = {m.name: m for m in methods}
        self._learning = cls
        methods.sort(key=lambda m: m.name != "__init__")
        for method in methods:
            if any(_decorator_name(d) == "property" for d in method.decorator_list):
                role = self._returned_role(method)
                if role is not None:
                    self.attr_env[(id(cls), f"self.{method.name}")] = role
                continue
            for node in own_statements(method):
                targets = node.targets if isinstance(node, ast.Assign) else (
                    [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
                for target in targets:
                    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                            and target.value.id == "self":
                        text = f"self.{target.attr}"
                        first.setdefault(text, node)
                        role = self.role_of(node.value)
                        if role is not None and role.kind in ("project", "agents_client", "agents_ops", "openai"):
                            self.attr_env.setdefault((id(cls), text), role)
        for stmt in cls.body:  # `client = AgentsClient(...)` in the class body: `self.client` / `cls.client`
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                role = self.role_of(stmt.value)
                if role is not None and role.kind in ("project", "agents_client", "openai"):
                    for owner in ("self", "cls"):
                        text = f"{owner}.{stmt.targets[0].id}"
                        first.setdefault(text, stmt)
                        self.attr_env.setdefault((id(cls), text), role)
        self.class_attrs[id(cls)] = first
        self._learning = None

    def _factory_role(self, name: str) -> Role | None:
        """What a function defined in this code returns, when it builds a client."""
        if name not in self._factories:
            self._factories[name] = None  # recursion guard
            self._factories[name] = self._returned_role(self._functions[name])
        return self._factories[name]

    def _own_method(self, func: ast.AST):
        """`self.make_agent` -> the class's own method `make_agent`, when there is one."""
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"):
            return None
        cls = self._learning or self.enclosing_class()
        if cls is None:
            return None
        return self._methods.get(id(cls), {}).get(func.attr)

    def _returned_role(self, func: ast.FunctionDef | ast.AsyncFunctionDef,
                       kinds: tuple[str, ...] = ("project", "agents_client", "openai")) -> Role | None:
        local: dict[str, ast.expr] = {}
        for node in own_statements(func):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                local[node.targets[0].id] = node.value
            elif isinstance(node, ast.Return) and node.value is not None:
                value = node.value
                if isinstance(value, ast.Name) and value.id in local:
                    value = local[value.id]
                if isinstance(value, ast.Await):
                    value = value.value
                if isinstance(value, ast.Call):
                    role = self._role_of_call(value)
                    if role is not None and role.kind in kinds:
                        return role
        return None


def _is_slot(node: ast.AST) -> bool:
    """`self.client`, `st.session_state.client`, `state["client"]`: a place a client can be kept."""
    if isinstance(node, ast.Attribute):
        return dotted(node) is not None
    return isinstance(node, ast.Subscript) and dotted(node.value) is not None \
        and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, (str, int))


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


GROUPS = {"threads", "messages", "runs"}


def _ga(parts: list[str]) -> str:
    """The GA operation path for a pre-GA flat one (`create_thread` -> `threads.create`)."""
    if len(parts) == 1 and parts[0] in PRE_GA_OPERATIONS:
        return PRE_GA_OPERATIONS[parts[0]]
    return ".".join(parts)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _prefix(node: ast.AST, drop: int) -> ast.AST:
    for _ in range(drop):
        node = node.value  # type: ignore[attr-defined]
    return node


keyword = _keyword
