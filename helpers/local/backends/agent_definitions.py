"""What an agent definition and its tools may contain, read from azure-ai-projects' own models.

The real service refuses a definition or a tool with a field its schema lacks
(`{"type": "function", "function": {...}}`, the chat-completions shape, is a
400), and so does the local one: the allowed JSON names come from the SDK's
model classes (`PromptAgentDefinition`, `FunctionTool`, ...), so they follow the
pinned SDK. Used for `agents.create_version` and for `tools` on responses.
"""
from __future__ import annotations

import functools
from typing import Any

from ..errors import bad_request


@functools.cache
def _wire_names(model) -> frozenset[str]:
    """The JSON names of an azure-ai-projects model's fields, read from the model class itself."""
    from azure.ai.projects._utils.model_base import _RestField

    return frozenset(field._rest_name_input or attr for cls in model.__mro__ for attr, field in vars(cls).items()
                     if isinstance(field, _RestField))


def _check_fields(value: dict[str, Any], base, discriminator: str, where: str) -> None:
    """`value` must name a known subtype of `base` (by `discriminator`) and carry only its fields."""
    kind = value.get(discriminator)
    if not isinstance(kind, str):
        raise bad_request(f"Missing required parameter: '{where}.{discriminator}'.", param=f"{where}.{discriminator}",
                          code="missing_required_parameter")
    model = base.__mapping__.get(kind)
    if model is None:
        raise bad_request(f"Invalid value for '{where}.{discriminator}': '{kind}'.", param=f"{where}.{discriminator}",
                          code="invalid_value")
    allowed = _wire_names(model)
    for name in value:
        if name not in allowed:
            raise bad_request(f"Unknown parameter: '{where}.{name}'.", param=f"{where}.{name}",
                              code="unknown_parameter")


def check_definition(definition: dict[str, Any]) -> None:
    from azure.ai.projects.models import AgentDefinition

    _check_fields(definition, AgentDefinition, "kind", "definition")
    if definition["kind"] != "prompt":
        return
    if not isinstance(definition.get("model"), str) or not definition["model"]:
        raise bad_request("Missing required parameter: 'definition.model'.", param="definition.model",
                          code="missing_required_parameter")
    tools = definition.get("tools", [])
    if not isinstance(tools, list) or not all(isinstance(tool, dict) for tool in tools):
        raise bad_request("Invalid value for 'definition.tools': expected an array of tools.",
                          param="definition.tools", code="invalid_value")
    check_tools(tools, "definition.tools")


def check_tools(tools: list[dict[str, Any]], where: str) -> None:
    """Each tool must be a type the SDK knows, with only that type's fields (as on the real service)."""
    from azure.ai.projects.models import Tool

    for index, tool in enumerate(tools):
        if tool.get("type") not in _openai_only_tool_types():
            _check_fields(tool, Tool, "type", f"{where}[{index}]")


@functools.cache
def _openai_only_tool_types() -> frozenset[str]:
    """Tool types openai's Responses API declares that the azure models lack (dated web-search aliases)."""
    import typing

    from azure.ai.projects.models import Tool
    from openai.types.responses.tool import Tool as OpenAITool

    members = typing.get_args(typing.get_args(OpenAITool)[0])
    names = {name for member in members for name in typing.get_args(member.model_fields["type"].annotation)}
    return frozenset(names - set(Tool.__mapping__))
