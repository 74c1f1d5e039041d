"""The map of changes names only what the installed SDKs have, and renders as rows.

Legacy names are checked against azure-ai-agents 1.1.0 (and openai's beta Assistants types);
new names against azure-ai-projects 2.10 and openai 3.54, by introspection.
"""
from __future__ import annotations

import inspect
import typing

import azure.ai.agents.models as legacy
import azure.ai.projects.models as new
import pytest
from openai.types.beta.threads import Message as OpenAIMessage
from openai.types.beta.threads import Run as OpenAIRun
from openai.types.beta.threads.run import LastError
from openai.types.conversations import Conversation, Message
from openai.types.responses import Response, ResponseUsage
from openai.types.responses.response import IncompleteDetails
from openai.types.responses.response_error import ResponseError

import helpers.mapping as m
from helpers.mapping import fields
from helpers.mapping.tools import OPENAPI_AUTH, OPENAPI_SCHEME_RENAMES, RANKERS

from .sdk_models import rest_fields

MCP_PREVIEW = "mcp"  # McpTool came with the azure-ai-agents 1.2 previews, not in the installed 1.1.0


def literal(annotation) -> set:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Union:
        return set().union(*(literal(a) for a in args if a is not type(None)))
    return set(args)


def enum_values(enum) -> set[str]:
    return {member.value for member in enum}


@pytest.mark.parametrize("spec", [s for s in m.TOOLS if s.new_type], ids=lambda s: s.legacy_type)
def test_new_tool_names_are_azure_ai_projects_models(spec):
    model = new.Tool.__mapping__[spec.new_type]
    assert model.__name__ == spec.new_class and getattr(new, spec.new_class) is model
    declared = rest_fields(model)
    if spec.settings:
        assert spec.settings in declared
    for name in spec.settings_classes:
        assert isinstance(getattr(new, name), type), name
    if spec.entries:
        assert spec.entries in rest_fields(getattr(new, spec.settings_classes[0]))
    inner = rest_fields(getattr(new, spec.settings_classes[-1])) if spec.settings_classes else declared
    for _, fresh in spec.renames:
        assert fresh in inner or fresh in declared, fresh


@pytest.mark.parametrize("spec", [s for s in m.TOOLS if s.legacy_type != MCP_PREVIEW], ids=lambda s: s.legacy_type)
def test_legacy_tool_names_are_azure_ai_agents_names(spec):
    assert spec.legacy_type in legacy.ToolDefinition.__mapping__
    helper = getattr(legacy, spec.legacy_class)
    parameters = [p for p in inspect.signature(helper.__init__).parameters if p != "self"]
    assert tuple(parameters) == spec.helper_args
    if spec.renames and spec.entries:
        definition = legacy.ToolDefinition.__mapping__[spec.legacy_type]
        settings = rest_fields(definition).get(spec.settings)
        entry_class = {"search_configurations": legacy.BingGroundingSearchConfiguration,
                       "indexes": legacy.AISearchIndexResource}[spec.entries]
        for old, _ in spec.renames:
            assert old in rest_fields(entry_class), old
        assert settings is not None or spec.resource  # AI Search reads its indexes from tool_resources


def test_the_resources_tools_read_are_legacy_tool_resources():
    declared = set(rest_fields(legacy.ToolResources))
    assert {s.resource for s in m.TOOLS if s.resource and s.resource != MCP_PREVIEW} <= declared
    assert set(rest_fields(legacy.CodeInterpreterToolResource)) == {"file_ids", "data_sources"}
    assert set(rest_fields(legacy.FileSearchToolResource)) == {"vector_store_ids", "vector_stores"}


def test_openapi_auth_names():
    assert set(legacy.OpenApiAuthDetails.__mapping__) == set(OPENAPI_AUTH)
    for legacy_type, (new_type, details, scheme) in OPENAPI_AUTH.items():
        assert new.OpenApiAuthDetails.__mapping__[new_type].__name__ == details
        if scheme:
            assert "security_scheme" in rest_fields(getattr(new, details))
    old, fresh = OPENAPI_SCHEME_RENAMES[0]
    assert old in rest_fields(legacy.OpenApiConnectionSecurityScheme)
    assert fresh in rest_fields(new.OpenApiProjectConnectionSecurityScheme)
    assert m.new_model("OpenApiConnectionAuthDetails") == "OpenApiProjectConnectionAuthDetails"
    assert m.new_model("OpenApiConnectionSecurityScheme") == "OpenApiProjectConnectionSecurityScheme"


def test_rankers():
    assert {v for v, _ in RANKERS.values()} <= enum_values(new.RankerVersionType)
    assert set(rest_fields(legacy.FileSearchRankingOptions)) <= set(rest_fields(new.RankingOptions))


def test_run_statuses():
    assert set(m.RUN_STATUS) == enum_values(legacy.RunStatus) | literal(OpenAIRun.model_fields["status"].annotation)
    assert {v for v, _ in m.RUN_STATUS.values()} <= literal(Response.model_fields["status"].annotation)


def test_message_and_step_statuses_and_roles():
    assert set(m.MESSAGE_STATUS) == enum_values(legacy.MessageStatus)
    assert {v for v, _ in m.MESSAGE_STATUS.values()} <= literal(Message.model_fields["status"].annotation)
    assert set(m.RUN_STEP_STATUS) == enum_values(legacy.RunStepStatus)
    assert {v for v, _ in m.RUN_STEP_STATUS.values()} <= literal(Message.model_fields["status"].annotation)
    assert set(m.ROLE) == enum_values(legacy.MessageRole) == literal(OpenAIMessage.model_fields["role"].annotation)
    assert {v for v, _ in m.ROLE.values()} <= literal(Message.model_fields["role"].annotation)


def test_incomplete_reasons_truncation_and_error_codes():
    legacy_reasons = enum_values(legacy.IncompleteDetailsReason) | {"content_filter"}  # messages' reason
    assert set(m.INCOMPLETE_REASON) == legacy_reasons
    assert {v for v, _ in m.INCOMPLETE_REASON.values() if v} <= literal(IncompleteDetails.model_fields["reason"].annotation)
    assert set(m.TRUNCATION) == enum_values(legacy.TruncationStrategy)
    assert {v for v, _ in m.TRUNCATION.values() if v} <= literal(Response.model_fields["truncation"].annotation)
    from helpers.mapping.values import ERROR_CODES

    assert set(ERROR_CODES) == literal(LastError.model_fields["code"].annotation)
    assert set(ERROR_CODES) <= literal(ResponseError.model_fields["code"].annotation)


def test_usage_fields():
    assert {"prompt_tokens", "completion_tokens", "total_tokens"} == set(rest_fields(legacy.RunCompletionUsage))
    for old, (fresh, _) in m.USAGE.items():
        head, _, tail = fresh.partition(".")
        assert head in ResponseUsage.model_fields, fresh
        if tail:
            details = ResponseUsage.model_fields[head].annotation
            assert tail in details.model_fields, fresh
    for fresh in m.values.USAGE_NEW_ONLY if hasattr(m, "values") else ():
        head, _, tail = fresh.partition(".")
        assert tail in ResponseUsage.model_fields[head].annotation.model_fields


def _top(path: str) -> str:
    return path.split(".")[0]


def test_object_fields_exist_on_both_sides():
    run_fields = set(rest_fields(legacy.ThreadRun)) | set(OpenAIRun.model_fields)
    assert set(fields.RUN) <= run_fields
    assert {_top(n) for n, _ in fields.RUN.values() if n} <= set(Response.model_fields)
    assert set(fields.AGENT) <= set(rest_fields(legacy.Agent))
    prompt = set(rest_fields(new.PromptAgentDefinition))
    for name, _ in fields.AGENT.values():
        if name.startswith("definition."):
            assert name.split(".")[1] in prompt, name
        else:
            assert name in rest_fields(new.AgentVersionDetails), name
    assert set(fields.THREAD) <= set(rest_fields(legacy.AgentThread))
    assert {n for n, _ in fields.THREAD.values() if n} <= set(Conversation.model_fields)
    assert set(fields.MESSAGE) <= set(rest_fields(legacy.ThreadMessage))
    assert {n for n, _ in fields.MESSAGE.values() if n} <= set(Message.model_fields)


def test_rows_render_the_map_of_changes():
    rows = m.rows()
    assert len(rows) >= 100
    assert all(isinstance(v, str) and v for row in rows for v in row[:3])
    assert m.areas()[:2] == ["tool", "tool resource"]
    tools = m.rows("tool")
    assert len(tools) == len(m.TOOLS)
    connected = next(r for r in tools if "connected_agent" in r.legacy)
    assert connected.new == '{"type": "function"} / FunctionTool(…)'
    assert "request" in connected.note and "WorkflowAgentDefinition" in connected.note
    assert ("run status", "requires_action", "completed") == m.rows("run status")[6][:3]
    assert m.rows("nonsense") == []


def test_the_map_renders_as_an_escaped_html_table():
    table = m.html_table("tool")
    assert table.startswith('<table class="amw-map"><thead><tr><th>area</th><th>legacy</th><th>new</th>')
    assert table.count("<tr>") == len(m.TOOLS) + 1
    assert "&quot;type&quot;: &quot;connected_agent&quot;" in table and '"type"' not in table


def test_both_converters_read_the_same_tool_record(monkeypatch):
    """Change one record of the map and both the payload rules and the code converter follow it."""
    import dataclasses
    import json

    from helpers import convert_code
    from helpers.mapping import tools as records
    from helpers.payloads import convert_payload

    spec = m.tool_for_type("bing_grounding")
    changed = dataclasses.replace(spec, renames=(("connection_id", "renamed_for_test"),))
    monkeypatch.setitem(records._BY_TYPE, "bing_grounding", changed)
    monkeypatch.setitem(records._BY_CLASS, "BingGroundingTool", changed)

    agent = {"id": "a", "object": "assistant", "name": "b", "model": "m", "tools": [
        {"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"connection_id": "c1"}]}}]}
    tool = json.loads(convert_payload(json.dumps(agent)).output)["definition"]["tools"][0]
    assert tool["bing_grounding"]["search_configurations"] == [{"renamed_for_test": "c1"}]

    code = ("from azure.ai.agents.models import BingGroundingTool\n"
            "bing = BingGroundingTool(connection_id=conn_id_for_mapping_test)\n")
    assert "BingGroundingSearchConfiguration(renamed_for_test=conn_id_for_mapping_test)" in convert_code(code).output
