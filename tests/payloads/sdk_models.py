"""Check converted JSON with the installed SDKs' own models (test support).

openai's types are pydantic models: `model_validate` decides. azure-ai-projects' models
accept any mapping without checking it, so `azure_problems` walks a value against the
model's declared fields instead: required fields present, no field the model does not
declare, every value of the declared type, discriminated unions (tool `type`, definition
`kind`, auth `type`) resolved to a real subclass.
"""
from __future__ import annotations

import datetime
import enum
import importlib
import sys
import typing
from typing import Any

from pydantic import TypeAdapter

MARKER = "unconverted"  # the converters' documented key for legacy values with no 2.x place


def rest_fields(cls: type) -> dict[str, Any]:
    """{JSON name: type annotation} of an azure-ai-projects (or azure-ai-agents) model class."""
    cls.__new__(cls)  # the SDK computes its field table on first construction
    hints = _hints(cls)
    return {rf._rest_name: hints.get(attr, Any) for attr, rf in cls._attr_to_rest_field.items()}


def _hints(cls: type) -> dict[str, Any]:
    module = sys.modules[cls.__module__]
    package = importlib.import_module(cls.__module__.rsplit(".", 1)[0])
    namespace = {**vars(module), "_models": package, "_unions": _unions(package)}
    out: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        for attr, annotation in klass.__dict__.get("__annotations__", {}).items():
            out[attr] = _resolve(annotation, namespace)
    return out


def _unions(package: Any) -> Any:
    try:
        return importlib.import_module(package.__name__.rsplit(".", 1)[0] + "._unions")
    except ImportError:
        return None


def _resolve(annotation: Any, namespace: dict[str, Any]) -> Any:
    """An annotation as ("union"|"list"|"dict"|"literal", args), a class, or Any."""
    if isinstance(annotation, typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        try:
            annotation = eval(annotation, namespace)  # noqa: S307 - SDK annotations, not user input
        except Exception:  # noqa: BLE001 - an annotation we cannot read accepts anything
            return Any
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return ("literal", args)
    if origin is typing.Union:
        return ("union", tuple(_resolve(arg, namespace) for arg in args))
    if origin in (list, typing.List) and args:
        return ("list", _resolve(args[0], namespace))
    if origin in (dict, typing.Dict) and args:
        return ("dict", _resolve(args[-1], namespace))
    if origin is not None:
        return Any
    return annotation


def _required(annotation: Any) -> bool:
    return not (isinstance(annotation, tuple) and annotation[0] == "union" and type(None) in annotation[1])


def azure_problems(cls: type, value: Any, path: str = "$", allow: frozenset[str] = frozenset()) -> list[str]:
    """What is wrong with `value` as JSON of azure model `cls` (empty when it fits)."""
    if not isinstance(value, dict):
        return [f"{path}: expected an object for {cls.__name__}, got {type(value).__name__}"]
    cls = _subclass(cls, value)
    if isinstance(cls, str):
        return [f"{path}: {cls}"]
    problems = []
    declared = rest_fields(cls)
    for name, annotation in declared.items():
        if name not in value:
            if _required(annotation):
                problems.append(f"{path}.{name}: required by {cls.__name__}")
            continue
        problems += _check(annotation, value[name], f"{path}.{name}")
    problems += [f"{path}.{key}: not a field of {cls.__name__}" for key in value
                 if key not in declared and key not in allow]
    return problems


def _subclass(cls: type, value: dict) -> type | str:
    """The concrete model for a discriminated base (Tool → BingGroundingTool, ...)."""
    seen = set()
    while getattr(cls, "__mapping__", None):
        discriminator = next((rf for rf in cls.__dict__.values()
                              if getattr(rf, "_is_discriminator", False) and rf._rest_name not in seen), None)
        if discriminator is None:
            break
        seen.add(discriminator._rest_name)
        tag = value.get(discriminator._rest_name)
        found = cls.__mapping__.get(tag)
        if found is None:
            return f"{discriminator._rest_name} {tag!r} is not one of {cls.__name__}'s kinds"
        cls = found
    return cls


def _check(annotation: Any, value: Any, path: str) -> list[str]:
    if annotation is Any or annotation is object:
        return []
    if isinstance(annotation, tuple):
        form, args = annotation
        if form == "union":
            if value is None and type(None) in args:
                return []
            results = [_check(option, value, path) for option in args if option is not type(None)]
            return [] if any(not r for r in results) else min(results, key=len)
        if form == "literal":
            return [] if value in args else [f"{path}: {value!r} is not one of {list(args)}"]
        if form == "list":
            if not isinstance(value, list):
                return [f"{path}: expected a list"]
            return [p for i, item in enumerate(value) for p in _check(args, item, f"{path}[{i}]")]
        if form == "dict":
            if not isinstance(value, dict):
                return [f"{path}: expected an object"]
            return [p for k, item in value.items() for p in _check(args, item, f"{path}.{k}")]
        return []
    if isinstance(annotation, type):
        if hasattr(annotation, "_attr_to_rest_field") or hasattr(annotation, "__mapping__") \
                or annotation.__module__.endswith("._models"):
            return azure_problems(annotation, value, path)
        if issubclass(annotation, enum.Enum):
            return [] if value in [m.value for m in annotation] else [f"{path}: {value!r} is not a {annotation.__name__}"]
        if annotation is bool:
            return [] if isinstance(value, bool) else [f"{path}: expected a boolean"]
        if annotation is int:
            return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{path}: expected an integer"]
        if annotation is float:
            return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{path}: expected a number"]
        if annotation is str:
            return [] if isinstance(value, str) else [f"{path}: expected a string"]
        if annotation is datetime.datetime:  # the SDK sends unix timestamps (seconds)
            return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{path}: expected a unix timestamp"]
    return []


# --- which SDK model reads which converted kind ---------------------------------------------------

def validate_converted(kind: str, value: Any) -> str:
    """Validate a converted Foundry value with the SDK model that will read it; returns the model's name.

    Raises AssertionError (azure) or pydantic.ValidationError (openai) when it does not fit.
    """
    from azure.ai.projects import models as am
    from openai.types.conversations import Conversation, ConversationItem, ConversationItemList
    from openai.types.responses import Response

    if kind == "foundry-agent":
        problems = azure_problems(am.AgentVersionDetails, value, allow=frozenset({MARKER}))
        assert not problems, problems
        return "azure.ai.projects.models.AgentVersionDetails"
    if kind == "foundry-thread":
        Conversation.model_validate(value)
        return "openai.types.conversations.Conversation"
    if kind == "foundry-message":
        TypeAdapter(ConversationItem).validate_python(value)
        return "openai.types.conversations.ConversationItem"
    if kind in ("foundry-message-list", "foundry-run-steps"):
        if isinstance(value, list):
            TypeAdapter(list[ConversationItem]).validate_python(value)
            return "list[openai.types.conversations.ConversationItem]"
        ConversationItemList.model_validate(value)
        return "openai.types.conversations.ConversationItemList"
    if kind == "foundry-run":
        # openai's Response knows openai's tools; Foundry's own tools (Bing, Azure AI Search,
        # OpenAPI, ...) are checked with azure-ai-projects' Tool models instead.
        openai_tools = {"function", "file_search", "code_interpreter", "mcp", "web_search", "computer_use_preview",
                        "image_generation", "local_shell", "custom", "shell", "apply_patch"}
        tools = value.get("tools") or []
        Response.model_validate({**value, "tools": [t for t in tools if t.get("type") in openai_tools]})
        problems = [p for t in tools if t.get("type") not in openai_tools for p in azure_problems(am.Tool, t)]
        assert not problems, problems
        return "openai.types.responses.Response"
    raise ValueError(f"no SDK model for {kind}")
