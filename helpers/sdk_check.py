"""Check converted Python against the SDKs that are actually installed.

For every call the new code makes on azure-ai-projects 2.x or the OpenAI
client (agents.create_version, conversations.items.create, responses.create,
PromptAgentDefinition(...), tool models, ...) this looks the callee up by
introspection and checks that each keyword it passes is a real parameter.
It reads code only; nothing is executed.
"""
from __future__ import annotations

import ast
import inspect
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable


@dataclass(frozen=True)
class CallCheck:
    line: int
    call: str
    ok: bool
    message: str


@dataclass(frozen=True)
class Verdict:
    checks: tuple[CallCheck, ...] = field(default_factory=tuple)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(check.ok for check in self.checks)

    @property
    def summary(self) -> str:
        if self.error:
            return f"not checked: {self.error}"
        if not self.checks:
            return "no calls to the new SDKs to check"
        bad = [c for c in self.checks if not c.ok]
        if not bad:
            return f"all {len(self.checks)} calls to the new SDKs exist with these keywords"
        return f"{len(bad)} of {len(self.checks)} calls do not match the installed SDKs"

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "summary": self.summary,
                "checks": [c.__dict__ for c in self.checks]}


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


# Resources whose unknown methods are not reported: legacy clients had methods of the same
# resource names (files.upload_and_poll, ...) that a conversion may leave in place with a note.
LENIENT = ("files", "vector_stores", "vector_stores.files", "vector_stores.file_batches")


@lru_cache(maxsize=None)
def _targets() -> dict[str, Any]:
    from azure.ai.projects import AIProjectClient
    from azure.ai.projects.operations import AgentsOperations

    return {"agents": AgentsOperations, "client": AIProjectClient, **_openai_resources()}


@lru_cache(maxsize=None)
def _parameters(func: Callable) -> tuple[frozenset[str], frozenset[str]] | None:
    """Keyword names a callable accepts, and the keyword-only ones it requires."""
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
    for signature in signatures:
        needed = set()
        for param in signature.parameters.values():
            if param.name == "self" or param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
                continue
            if param.kind != param.POSITIONAL_ONLY:
                names.add(param.name)
            if param.kind == param.KEYWORD_ONLY and param.default is param.empty:
                needed.add(param.name)
        if not any(p.kind == p.KEYWORD_ONLY for p in signature.parameters.values()):
            continue  # the `Model(mapping)` form of azure models takes a dict instead
        # with overloads, a keyword is required only if every keyword form requires it
        required = needed if required is None else required & needed
    return frozenset(names), frozenset(required or ())


@lru_cache(maxsize=None)
def _model(name: str) -> Any:
    from azure.ai.projects import models

    return getattr(models, name, None)


def _callee(node: ast.Call, model_names: set[str]) -> tuple[str, Callable] | None:
    func = node.func
    targets = _targets()
    if isinstance(func, ast.Name):
        if func.id == "AIProjectClient":
            return "AIProjectClient", targets["client"].__init__
        if func.id in model_names:
            cls = _model(func.id)
            if cls is None:
                return f"{func.id}", None  # type: ignore[return-value]
            return func.id, cls.__init__
        return None
    if not isinstance(func, ast.Attribute):
        return None
    parts = []
    node_ = func
    while isinstance(node_, ast.Attribute):
        parts.append(node_.attr)
        node_ = node_.value
    parts.reverse()
    method = parts[-1]
    owner = parts[:-1]
    if method == "get_openai_client":
        return "get_openai_client", targets["client"].get_openai_client
    if owner[-2:] == ["conversations", "items"]:
        key = "conversations.items"
    elif owner[-2:] in (["vector_stores", "files"], ["vector_stores", "file_batches"]):
        key = ".".join(owner[-2:])
    elif owner[-1:] in (["files"], ["vector_stores"]) and owner[-2:-1] != ["containers"]:
        key = owner[-1]
    elif owner[-1:] == ["conversations"]:
        key = "conversations"
    elif owner[-1:] == ["responses"]:
        key = "responses"
    elif owner[-1:] == ["agents"] and method in ("create_version", "get", "get_version", "list", "list_versions",
                                                   "delete", "delete_version"):
        key = "agents"
    else:
        return None
    label = f"{'.'.join(owner[-2:] if key.count('.') else owner[-1:])}.{method}"
    found = getattr(targets[key], method, None)
    if found is None and key in LENIENT:
        return None
    return label, found  # type: ignore[return-value]


def verify_code(source: str) -> Verdict:
    """Check each new-SDK call in `source`; never raises."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError) as exc:
        return Verdict(error=f"the code does not parse ({exc})")
    try:
        _targets()
    except ImportError as exc:  # pragma: no cover - requirements missing
        return Verdict(error=f"the SDKs are not installed ({exc.name})")
    model_names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("azure.ai.projects.models",):
            model_names.update(alias.asname or alias.name for alias in node.names)
    checks = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        found = _callee(node, model_names)
        if found is None:
            continue
        label, func = found
        if func is None:
            checks.append(CallCheck(node.lineno, label, False, f"{label} does not exist in the installed SDK"))
            continue
        accepted = _parameters(func)
        if accepted is None:
            continue
        names, required = accepted
        given = {k.arg for k in node.keywords}
        unknown = [k.arg for k in node.keywords if k.arg is not None and k.arg not in names]
        missing = [] if None in given else sorted(required - given)
        if unknown:
            checks.append(CallCheck(node.lineno, label, False,
                                    f"{label} has no parameter {', '.join(unknown)}"))
        elif missing:
            checks.append(CallCheck(node.lineno, label, False,
                                    f"{label} requires {', '.join(missing)}"))
        else:
            checks.append(CallCheck(node.lineno, label, True, f"{label} accepts these keywords"))
    return Verdict(tuple(sorted(checks, key=lambda c: c.line)))
