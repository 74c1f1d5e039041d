"""Check converted Python against the SDKs that are actually installed.

For every call the new code makes on azure-ai-projects 2.x or the OpenAI
client (agents.create_version, conversations.items.create, responses.create,
PromptAgentDefinition(...), models.FunctionTool(...), ...) this looks the callee
up by introspection and checks its keywords and the number of positional
arguments. Calls the conversion left on the legacy APIs (create_agent,
threads.create, runs.create_and_process, client.beta..., anything imported from
azure.ai.agents) are found too, so code that was not converted never passes.
It reads code only; nothing is executed.

The verdict has three levels:

- "ok": every new-SDK call matches, and no legacy call is left;
- "warning": the only problems are legacy calls, and the conversion wrote a
  note for each of them (pass the notes, see `verify_code`);
- "failed": a call does not match the installed SDKs, a legacy call is left
  without a note, or the code does not parse.

`Verdict.ok` is True for "ok" only.
"""
from __future__ import annotations

import ast
import bisect
import difflib
import inspect
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

LEVELS = ("ok", "warning", "failed")


@dataclass(frozen=True)
class CallCheck:
    """One call: `ok` when it matches the new SDKs; `legacy` when it is a call of the old APIs.

    `level` is "ok", "warning" (a legacy call the conversion wrote a note about)
    or "failed".
    """

    line: int
    call: str
    ok: bool
    message: str
    legacy: bool = False
    level: str = "ok"


@dataclass(frozen=True)
class Verdict:
    checks: tuple[CallCheck, ...] = field(default_factory=tuple)
    error: str | None = None

    @property
    def level(self) -> str:
        if self.error is not None:
            return "failed"
        levels = {check.level for check in self.checks}
        return "failed" if "failed" in levels else "warning" if "warning" in levels else "ok"

    @property
    def ok(self) -> bool:
        return self.level == "ok"

    @property
    def summary(self) -> str:
        if self.error:
            return f"not checked: {self.error}"
        new = [c for c in self.checks if not c.legacy]
        legacy = [c for c in self.checks if c.legacy]
        wrong = [c for c in new if not c.ok]
        unnoted = [c for c in legacy if c.level == "failed"]
        parts = []
        if wrong:
            parts.append(f"{len(wrong)} of {len(new)} calls do not match the installed SDKs")
        elif len(new) == 1:
            parts.append("the one call to the new SDKs exists with these keywords")
        elif new:
            parts.append(f"all {len(new)} calls to the new SDKs exist with these keywords")
        if legacy:
            calls = "call" if len(legacy) == 1 else "calls"
            if unnoted:
                parts.append(f"{len(legacy)} legacy {calls} left, {len(unnoted)} without a note")
            else:
                parts.append(f"{len(legacy)} legacy {calls} left, each with a note")
        return "; ".join(parts) or "no calls to the new SDKs to check"

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "level": self.level, "summary": self.summary,
                "checks": [c.__dict__ for c in self.checks]}


# --- the installed SDKs -------------------------------------------------------------------------

def _openai_resources() -> dict[str, type]:
    from openai.resources.conversations.conversations import Conversations
    from openai.resources.conversations.items import Items
    from openai.resources.responses.responses import Responses

    from openai.resources.files import Files
    from openai.resources.vector_stores.file_batches import FileBatches
    from openai.resources.vector_stores.files import Files as VectorStoreFiles
    from openai.resources.vector_stores.vector_stores import VectorStores

    return {"conversations.items": Items, "conversations": Conversations, "responses": Responses,
            "files": Files, "vector_stores": VectorStores, "vector_stores.files": VectorStoreFiles,
            "vector_stores.file_batches": FileBatches}


@lru_cache(maxsize=None)
def _targets() -> dict[str, Any]:
    from azure.ai.projects import AIProjectClient
    from azure.ai.projects.operations import AgentsOperations

    return {"agents": AgentsOperations, "client": AIProjectClient, **_openai_resources()}


@lru_cache(maxsize=None)
def _legacy_methods() -> dict[str, frozenset[str]]:
    """Public methods of the azure-ai-agents 1.x operations, by the attribute that reaches them.

    Read from the installed legacy SDK when it is there; the fallback lists the
    same 1.1.0 names so the check does not depend on the legacy package.
    """
    fallback = {
        "agents": {"create_agent", "update_agent", "get_agent", "delete_agent", "list_agents",
                   "create_thread_and_run", "create_thread_and_process_run",
                   "enable_auto_function_calls"},
        "threads": {"create", "delete", "get", "list", "update"},
        "messages": {"create", "get", "list", "update", "get_last_message_by_role",
                     "get_last_message_text_by_role"},
        "runs": {"cancel", "create", "create_and_process", "get", "list", "stream",
                 "submit_tool_outputs", "submit_tool_outputs_stream", "update"},
        "run_steps": {"get", "list"},
        "files": {"delete", "get", "get_content", "list", "save", "upload", "upload_and_poll"},
        "vector_stores": {"create", "create_and_poll", "delete", "get", "list", "modify"},
        "vector_store_files": {"create", "create_and_poll", "delete", "get", "list"},
        "vector_store_file_batches": {"cancel", "create", "create_and_poll", "get", "list_files"},
    }
    try:
        from azure.ai.agents import AgentsClient
        from azure.ai.agents import operations as ops
    except ImportError:  # pragma: no cover - the legacy SDK is optional
        return {key: frozenset(value) for key, value in fallback.items()}

    def public(cls: type) -> frozenset[str]:
        return frozenset(name for name in dir(cls) if not name.startswith("_"))

    return {
        "agents": public(AgentsClient) - {"close", "send_request"},
        "threads": public(ops.ThreadsOperations),
        "messages": public(ops.MessagesOperations),
        "runs": public(ops.RunsOperations),
        "run_steps": public(ops.RunStepsOperations),
        "files": public(ops.FilesOperations),
        "vector_stores": public(ops.VectorStoresOperations),
        "vector_store_files": public(ops.VectorStoreFilesOperations),
        "vector_store_file_batches": public(ops.VectorStoreFileBatchesOperations),
    }


# OpenAI resources of the new client that have sub-resources named like legacy ones
# (client.evals.runs, client.chat.completions.messages, client.beta.chatkit.threads is beta anyway).
_NEW_PARENTS = frozenset({"evals", "completions", "fine_tuning", "jobs", "chatkit", "output_items"})
PROJECT_MODELS = "azure.ai.projects.models"
LEGACY_MODULES = ("azure.ai.agents",)


@dataclass(frozen=True)
class _Signature:
    names: frozenset[str]  # keyword names accepted
    required: frozenset[str]  # keyword-only names every keyword form requires
    max_positional: int | None  # None: any number (*args)


@lru_cache(maxsize=None)
def _parameters(func: Callable) -> _Signature | None:
    """What a callable accepts, merged over its overloads."""
    signatures = []
    overloads = typing.get_overloads(func) if hasattr(typing, "get_overloads") else []
    for candidate in overloads or [func]:
        try:
            signatures.append(inspect.signature(candidate))
        except (TypeError, ValueError):
            continue
    if not signatures:
        return None
    names: set[str] = set()
    required: set[str] | None = None
    max_positional: int | None = 0
    for signature in signatures:
        needed = set()
        positional = 0
        for param in signature.parameters.values():
            if param.name == "self":
                continue
            if param.kind == param.VAR_POSITIONAL:
                positional = None
            elif param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD) and positional is not None:
                positional += 1
            if param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
                continue
            if param.kind != param.POSITIONAL_ONLY:
                names.add(param.name)
            if param.kind == param.KEYWORD_ONLY and param.default is param.empty:
                needed.add(param.name)
        if max_positional is not None:
            max_positional = None if positional is None else max(max_positional, positional)
        if not any(p.kind == p.KEYWORD_ONLY for p in signature.parameters.values()):
            continue  # the `Model(mapping)` form of azure models takes a dict instead
        # with overloads, a keyword is required only if every keyword form requires it
        required = needed if required is None else required & needed
    return _Signature(frozenset(names), frozenset(required or ()), max_positional)


@lru_cache(maxsize=None)
def _model(name: str) -> Any:
    from azure.ai.projects import models

    return getattr(models, name, None)


# --- what the code imports ----------------------------------------------------------------------

@dataclass
class _Imports:
    models: set[str] = field(default_factory=set)  # names imported from azure.ai.projects.models
    model_modules: set[str] = field(default_factory=set)  # dotted names bound to that module
    legacy_names: dict[str, str] = field(default_factory=dict)  # name -> legacy module
    legacy_modules: set[str] = field(default_factory=set)  # dotted names bound to a legacy module
    own_methods: set[str] = field(default_factory=set)  # methods of classes defined in the code


def _is_legacy_module(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in LEGACY_MODULES)


def _imports(tree: ast.AST) -> _Imports:
    found = _Imports()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found.own_methods.update(item.name for item in node.body
                                     if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)))
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                bound = alias.asname or alias.name
                full = f"{node.module}.{alias.name}"
                if node.module == PROJECT_MODELS:
                    found.models.add(bound)
                elif full == PROJECT_MODELS:
                    found.model_modules.add(bound)
                elif _is_legacy_module(full) and alias.name in ("models", "aio", "operations"):
                    found.legacy_modules.add(bound)
                elif _is_legacy_module(node.module):
                    found.legacy_names[bound] = node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == PROJECT_MODELS:
                    found.model_modules.add(alias.asname or alias.name)
                elif _is_legacy_module(alias.name):
                    found.legacy_modules.add(alias.asname or alias.name)
                elif alias.asname is None and PROJECT_MODELS.startswith(alias.name + "."):
                    # `import azure.ai.projects` binds `azure`: calls spell out the whole path
                    found.model_modules.add(PROJECT_MODELS)
    return found


# --- one call -----------------------------------------------------------------------------------

def _dotted(node: ast.expr) -> list[str] | None:
    """`a.b.c` as ["a", "b", "c"] (the root may be any expression: its parts are dropped)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif isinstance(node, ast.Call):
        parts.append("<call>")
    parts.reverse()
    return parts or None


def _legacy(parts: list[str], imports: _Imports) -> str | None:
    """Why the call `parts` is a call of the legacy APIs, or None."""
    method, owner = parts[-1], parts[:-1]
    legacy = _legacy_methods()
    if len(parts) == 1 and method in imports.legacy_names:
        return f"{method} comes from the legacy {imports.legacy_names[method]}"
    prefix = ".".join(owner)
    for module in imports.legacy_modules:
        if prefix == module or prefix.startswith(module + "."):
            return f"{'.'.join(parts)} is part of the legacy azure-ai-agents SDK"
    if "beta" in owner and not {"chatkit", "realtime"} & set(owner):
        return "client.beta is the OpenAI Assistants API, replaced by conversations and responses"
    if not owner:
        return None
    # `planner.create_agent()` calls a method of a class defined right here, not the SDK
    if (method in legacy["agents"] and method not in imports.own_methods
            and not hasattr(_targets()["agents"], method)):
        return f"{method} is an AgentsClient method of azure-ai-agents 1.x"
    resource = owner[-1]
    # a bare `files` or `vector_stores` name may be anything: only calls through a client count
    if resource in ("files", "vector_stores") and len(owner) >= 2 and "containers" not in owner:
        if method in legacy[resource] and not hasattr(_targets()[resource], method):
            return f"{resource}.{method} is an azure-ai-agents 1.x operation"
    if resource in ("threads", "messages", "runs", "run_steps", "vector_store_files",
                    "vector_store_file_batches") and not _NEW_PARENTS & set(owner):
        if method in legacy[resource]:
            return f"{resource}.{method} is an azure-ai-agents 1.x operation"
    return None


def _callee(parts: list[str], imports: _Imports) -> tuple[str, Callable | None] | None:
    """The label and callable of a new-SDK call, None for calls not on the new SDKs."""
    targets = _targets()
    method, owner = parts[-1], parts[:-1]
    if not owner:
        if method == "AIProjectClient":
            return "AIProjectClient", targets["client"].__init__
        if method in imports.models:
            cls = _model(method)
            return method, None if cls is None else cls.__init__
        return None
    if ".".join(owner) in imports.model_modules:
        cls = _model(method)
        return f"models.{method}", None if cls is None else cls.__init__
    if method == "get_openai_client":
        return "get_openai_client", targets["client"].get_openai_client
    if owner[-2:] == ["conversations", "items"]:
        key = "conversations.items"
    elif owner[-2:] in (["vector_stores", "files"], ["vector_stores", "file_batches"]):
        key = ".".join(owner[-2:])
    elif owner[-1] in ("files", "vector_stores") and len(owner) >= 2 and "containers" not in owner:
        key = owner[-1]
    elif owner[-1] in ("conversations", "responses", "agents"):
        key = owner[-1]
    else:
        return None
    label = f"{key}.{method}"
    return label, getattr(targets[key], method, None)


def _check_call(node: ast.Call, label: str, func: Callable | None) -> CallCheck | None:
    if func is None:
        return CallCheck(node.lineno, label, False, f"{label} does not exist in the installed SDKs",
                         level="failed")
    accepted = _parameters(func)
    if accepted is None:
        return None
    given = {k.arg for k in node.keywords}
    unknown = [k.arg for k in node.keywords if k.arg is not None and k.arg not in accepted.names]
    missing = [] if None in given else sorted(accepted.required - given)
    positional = len(node.args)
    starred = any(isinstance(arg, ast.Starred) for arg in node.args)
    problem = None
    if unknown:
        problem = f"{label} has no parameter {', '.join(unknown)}"
    elif not starred and accepted.max_positional is not None and positional > accepted.max_positional:
        problem = (f"{label} takes at most {accepted.max_positional} positional "
                   f"argument{'s' * (accepted.max_positional != 1)}, {positional} given")
    elif missing:
        problem = f"{label} requires {', '.join(missing)}"
    if problem:
        return CallCheck(node.lineno, label, False, problem, level="failed")
    return CallCheck(node.lineno, label, True, f"{label} accepts these arguments")


# --- notes that cover legacy calls --------------------------------------------------------------

class _Notes:
    """The conversion's notes, indexed once: which input lines they point at, what they say."""

    def __init__(self, notes: list[Any], original: str | None, output: str) -> None:
        self.lines = sorted({n.line for n in notes if getattr(n, "line", None) is not None})
        self.text = "\n".join(str(getattr(n, "message", "")) for n in notes)
        # for each output line (0-based), the input lines [start, stop) it came from (0-based)
        self.sources: list[tuple[int, int]] | None = None
        if original is not None:
            self.sources = [(0, 0)] * len(output.splitlines())
            matcher = difflib.SequenceMatcher(None, original.splitlines(), output.splitlines(),
                                              autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                for j in range(j1, j2):
                    self.sources[j] = (i1 + j - j1, i1 + j - j1 + 1) if tag == "equal" else (i1, i2)

    def point_at(self, first: int, last: int) -> bool:
        """Whether a note points at output lines first..last (1-based), through the line map."""
        for j in range(first, last + 1):
            if self.sources is None:
                start, stop = j, j + 1
            elif 1 <= j <= len(self.sources):
                start, stop = (k + 1 for k in self.sources[j - 1])
            else:
                continue
            at = bisect.bisect_left(self.lines, start)
            if at < len(self.lines) and self.lines[at] < stop:
                return True
        return False


def _noted(check: CallCheck, statement: ast.stmt, notes: _Notes) -> bool:
    method = check.call.rsplit(".", 1)[-1]
    # a note names the call by its label ("threads.list"), or by a name specific enough on its
    # own ("FunctionTool", "upload_and_poll"); a bare "list" or "get" would match any note
    names = {check.call} | ({method} if method[:1].isupper() or "_" in method else set())
    if notes.point_at(statement.lineno, statement.end_lineno or statement.lineno):
        return True
    return any(name in notes.text for name in names)


def _statements(tree: ast.AST) -> dict[int, ast.stmt]:
    """The innermost statement around each call, by the call's id."""
    around: dict[int, ast.stmt] = {}

    def visit(node: ast.AST, statement: ast.stmt | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                visit(child, child)
            else:
                if isinstance(child, ast.Call) and statement is not None:
                    around[id(child)] = statement
                visit(child, statement)

    visit(tree, None)
    return around


# --- the check ----------------------------------------------------------------------------------

def verify_code(source: str, notes: Iterable[Any] | None = None, *,
                original: str | None = None) -> Verdict:
    """Check each new-SDK call in `source` and find the legacy calls left in it; never raises.

    `notes` are the notes of the conversion that produced `source`: a legacy call
    counts as a warning instead of a failure when a note points at its statement
    or names its method. Note lines point into `original` (the converted input)
    when it is given, into `source` otherwise. `verify_result` passes all three.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError) as exc:
        return Verdict(error=f"the code does not parse ({exc})")
    try:
        _targets()
    except ImportError as exc:  # pragma: no cover - requirements missing
        return Verdict(error=f"the SDKs are not installed ({exc.name})")
    imports = _imports(tree)
    notes = list(notes or ())
    around: dict[int, ast.stmt] | None = None
    indexed: _Notes | None = None
    checks = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        parts = _dotted(node.func)
        if not parts:
            continue
        reason = _legacy(parts, imports)
        if reason is not None:
            label = ".".join(parts[-2:]) if len(parts) > 1 else parts[0]
            check = CallCheck(node.lineno, label, False, reason, legacy=True, level="failed")
            if notes:
                if around is None or indexed is None:
                    around, indexed = _statements(tree), _Notes(notes, original, source)
                statement = around.get(id(node))
                if statement is not None and _noted(check, statement, indexed):
                    check = CallCheck(node.lineno, label, False, reason + " (the conversion notes it)",
                                      legacy=True, level="warning")
            checks.append(check)
            continue
        found = _callee(parts, imports)
        if found is None:
            continue
        check = _check_call(node, *found)
        if check is not None:
            checks.append(check)
    return Verdict(tuple(sorted(checks, key=lambda c: c.line)))


def verify_result(result: Any) -> Verdict:
    """`verify_code` for a `ConversionResult`: its output, checked with its notes and input."""
    return verify_code(result.output, result.notes, original=result.source)
