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
    PROJECT_CLIENT_CLASSES,
    Imports,
    Role,
    chain,
    dotted,
)
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
        return self.src.indent_of(node.lineno)

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
        if not isinstance(target, ast.Name):
            return
        if role is None:
            self.env.pop(target.id, None)
            return
        self.env[target.id] = replace(role, binding_line=stmt.lineno)
        self.bound_at[target.id] = stmt

    def role_of(self, node: ast.AST | None) -> Role | None:
        if node is None:
            return None
        if isinstance(node, ast.Await):
            return self.role_of(node.value)
        if isinstance(node, ast.Name):
            return self.env.get(node.id)
        if isinstance(node, ast.Attribute):
            if node.attr == "agents":
                base = self.role_of(node.value)
                if base is not None and base.kind in ("project", "agents_client"):
                    return Role("agents_ops", base.is_async, project=self.text(node.value))
                if base is None and isinstance(node.value, ast.Name) and node.value.id not in self.imports.names:
                    # `project.agents` in a fragment: `project` can only be a project client
                    return Role("agents_ops", project=node.value.id, assumed=True)
            return None
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
            op = ".".join(rest[1:])
            return Target("agents", op, base_text, role, f"{base_text}.agents", base_text, role.is_async)
        if role.kind == "agents_client":
            op = ".".join(rest)
            return Target("agents", op, base_text, role, f"{base_text}.agents", base_text, role.is_async)
        if role.kind == "agents_ops":
            op = ".".join(rest)
            return Target("agents", op, base_text, role, base_text, role.project, role.is_async)
        if role.kind == "openai":
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
        if not isinstance(base, (ast.Name, ast.Attribute)):
            return None
        if isinstance(base, ast.Attribute) and "beta" in (dotted(base) or []):
            return None  # `x.beta.threads` is the OpenAI surface, found at a shorter base
        legacy_op = rest[0] in LEGACY_AGENT_METHODS or (
            rest[0] in LEGACY_SUB_OPERATIONS and len(rest) > 1
        )
        if isinstance(base, ast.Attribute) and base.attr == "agents" and legacy_op:
            return Role("agents_ops", project=self.text(base.value))
        if rest[0] == "agents" and len(rest) > 1 and (
            rest[1] in LEGACY_AGENT_METHODS or rest[1] in LEGACY_SUB_OPERATIONS
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

    # -- the clients new code needs ----------------------------------------
    def _parameter_owner(self, project_text: str | None) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The innermost enclosing function when `project_text` starts with one of its parameters."""
        if not project_text:
            return None
        root = project_text.split(".")[0]
        for stmt in reversed(self.stmt_stack):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return stmt if root in _function_parameters(stmt) else None
        return None

    def openai_client(self, project_text: str | None, node: ast.AST, is_async: bool = False) -> str:
        """Name of the OpenAI client for `project_text`, planning its creation once."""
        owner = self._parameter_owner(project_text) if project_text not in self.bound_at else None
        key = (project_text or "") + (f"@{id(owner)}" if owner is not None else "")
        if key in self.openai_names:
            return self.openai_names[key]
        for name, role in self.env.items():
            if role.kind == "openai" and role.from_new_sdk and (role.project == project_text or not project_text):
                self.openai_names[key] = name
                return name
        name = "openai_client"
        self.openai_names[key] = name
        if project_text is None:
            self.note(node, "warning", "No project client found here: create the OpenAI client with "
                      "`openai_client = project_client.get_openai_client()` before this line.")
            return name
        line = f"{name} = {project_text}.get_openai_client()"
        anchor = self.bound_at.get(project_text)
        if anchor is not None:
            self.insert_after(anchor, [line])
        elif owner is not None:
            # a parameter: create the client at the top of that function (after its docstring)
            first = owner.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and len(owner.body) > 1:
                self.insert_before(owner.body[1], [line])
            else:
                self.insert_before(first, [line])
        else:
            top = self.top_statement
            if top is not None:
                self.insert_before(top, [line])
        self.env[name] = Role("openai", is_async, project=project_text, from_new_sdk=True)
        return name


def _function_parameters(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = func.args
    return {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}


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
