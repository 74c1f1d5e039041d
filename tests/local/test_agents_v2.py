"""Foundry 2.x agents (`project_client.agents`) against the local service, through azure-ai-projects 2.10."""
from __future__ import annotations

import asyncio
import datetime

import httpx
import pytest
from azure.ai.projects.models import (
    AgentDetails,
    AgentVersionDetails,
    CodeInterpreterTool,
    FunctionTool,
    PromptAgentDefinition,
)
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from .new_api import AsyncLocalCredential


def _definition(**extra):
    return PromptAgentDefinition(model="gpt-4o", instructions="You answer briefly.", **extra)


def test_create_version_returns_id_and_version_and_numbers_versions(svc):
    agents = svc.project_client().agents
    first = agents.create_version(agent_name="math-tutor", definition=_definition(), description="v1",
                                  metadata={"team": "docs"})
    assert isinstance(first, AgentVersionDetails)
    assert (first.id, first.name, first.version, first.description) == ("math-tutor:1", "math-tutor", "1", "v1")
    assert first.metadata == {"team": "docs"}
    assert isinstance(first.created_at, datetime.datetime)
    assert isinstance(first.definition, PromptAgentDefinition)
    assert first.definition.instructions == "You answer briefly."
    second = agents.create_version(agent_name="math-tutor",
                                   definition=_definition(tools=[CodeInterpreterTool()]))
    assert second.version == "2"
    assert second.definition.tools[0].type == "code_interpreter"


def test_get_list_and_versions(svc):
    agents = svc.project_client().agents
    agents.create_version(agent_name="alpha", definition=_definition())
    agents.create_version(agent_name="alpha", definition=_definition(temperature=0.2))
    agents.create_version(agent_name="beta", definition=_definition())
    details = agents.get(agent_name="alpha")
    assert isinstance(details, AgentDetails)
    assert (details.name, details.versions.latest.version) == ("alpha", "2")
    assert details.versions.latest.definition.temperature == 0.2
    assert sorted(a.name for a in agents.list()) == ["alpha", "beta"]
    assert [a.name for a in agents.list(limit=1, order="asc")] == ["alpha", "beta"]  # paged one at a time
    assert [v.version for v in agents.list_versions(agent_name="alpha", order="asc")] == ["1", "2"]
    assert [v.version for v in agents.list_versions(agent_name="alpha")] == ["2", "1"]
    assert agents.get_version(agent_name="alpha", agent_version="1").definition.temperature is None


def test_delete_version_and_agent(svc):
    agents = svc.project_client().agents
    agents.create_version(agent_name="gamma", definition=_definition())
    agents.create_version(agent_name="gamma", definition=_definition())
    deleted = agents.delete_version(agent_name="gamma", agent_version="1")
    assert (deleted.name, deleted.version, deleted.deleted) == ("gamma", "1", True)
    assert [v.version for v in agents.list_versions(agent_name="gamma")] == ["2"]
    with pytest.raises(ResourceNotFoundError):
        agents.get_version(agent_name="gamma", agent_version="1")
    gone = agents.delete(agent_name="gamma")
    assert (gone.name, gone.deleted) == ("gamma", True)
    with pytest.raises(ResourceNotFoundError):
        agents.get(agent_name="gamma")
    assert list(agents.list()) == []


def test_deleting_the_last_version_deletes_the_agent(svc):
    agents = svc.project_client().agents
    agents.create_version(agent_name="solo", definition=_definition())
    agents.delete_version(agent_name="solo", agent_version="1", force=True)
    with pytest.raises(ResourceNotFoundError):
        agents.get(agent_name="solo")


@pytest.mark.parametrize("name", ["my_agent", "-leading", "trailing-", "a" * 64, "has space", "dots.in.name"])
def test_names_that_break_the_2x_rule_are_400_in_the_azure_shape(svc, name):
    agents = svc.project_client().agents
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name=name, definition=_definition())
    assert caught.value.status_code == 400
    assert caught.value.error.code == "invalid_parameters"
    assert "alphanumeric" in caught.value.error.message


@pytest.mark.parametrize("name", ["a", "A1", "my-agent-2", "x" * 63])
def test_names_that_follow_the_rule_are_accepted(svc, name):
    assert svc.project_client().agents.create_version(agent_name=name, definition=_definition()).name == name


def test_unknown_agents_are_404_with_the_azure_error_body(svc):
    agents = svc.project_client().agents
    for call in (lambda: agents.get(agent_name="nobody"), lambda: agents.delete(agent_name="nobody"),
                 lambda: list(agents.list_versions(agent_name="nobody")),
                 lambda: agents.get_version(agent_name="nobody", agent_version="1")):
        with pytest.raises(ResourceNotFoundError) as caught:
            call()
        assert caught.value.status_code == 404
    raw = httpx.get(f"{svc.project_endpoint}/agents/nobody", params={"api-version": "v1"},
                    headers={"Authorization": "Bearer local"}, verify=svc.ssl_context())
    assert raw.status_code == 404
    assert raw.headers["x-ms-error-code"] == "NotFound"
    assert raw.json() == {"error": {"code": "NotFound", "message": "Agent 'nobody' not found."}}


def test_unknown_fields_in_the_definition_are_400(svc):
    agents = svc.project_client().agents
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name="typo", body={"definition": {"kind": "prompt", "model": "gpt-4o",
                                                                      "instruction": "singular"}})
    assert caught.value.status_code == 400
    assert caught.value.error.message == "Unknown parameter: 'definition.instruction'."
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name="typo", body={"definition": {"kind": "prompt", "model": "gpt-4o"},
                                                       "name": "typo"})
    assert caught.value.error.message == "Unknown parameter: 'name'."
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name="typo", body={"definition": {"kind": "assistant", "model": "gpt-4o"}})
    assert caught.value.status_code == 400
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name="typo", body={"definition": {"kind": "prompt"}})
    assert "definition.model" in caught.value.error.message
    with pytest.raises(ResourceNotFoundError):
        agents.get(agent_name="typo")  # nothing was created


def test_update_details_points_the_agent_endpoint_at_a_version(svc):
    from azure.ai.projects.models import (AgentEndpointConfig, FixedRatioVersionSelectionRule, ProtocolConfiguration,
                                          ResponsesProtocolConfiguration, VersionSelector)

    agents = svc.project_client().agents
    agents.create_version(agent_name="routed", definition=_definition())
    assert agents.get(agent_name="routed").agent_endpoint is None
    config = AgentEndpointConfig(
        version_selector=VersionSelector(version_selection_rules=[
            FixedRatioVersionSelectionRule(agent_version="1", traffic_percentage=100)]),
        protocol_configuration=ProtocolConfiguration(responses=ResponsesProtocolConfiguration()))
    updated = agents.update_details(agent_name="routed", agent_endpoint=config)
    rule = updated.agent_endpoint.version_selector.version_selection_rules[0]
    assert (rule.agent_version, rule.traffic_percentage) == ("1", 100)


def test_async_client_drives_the_same_endpoints(svc):
    from azure.ai.projects.aio import AIProjectClient

    async def scenario():
        async with AsyncLocalCredential() as credential, AIProjectClient(
                endpoint=svc.project_endpoint, credential=credential, connection_verify=svc.ca_bundle) as client:
            tool = FunctionTool(name="get_time", parameters={"type": "object", "properties": {}}, strict=True)
            created = await client.agents.create_version(agent_name="async-agent",
                                                         definition=_definition(tools=[tool]))
            fetched = await client.agents.get(agent_name="async-agent")
            names = [a.name async for a in client.agents.list()]
            versions = [v.version async for v in client.agents.list_versions(agent_name="async-agent")]
            deleted = await client.agents.delete_version(agent_name="async-agent", agent_version=created.version)
            return created, fetched, names, versions, deleted

    created, fetched, names, versions, deleted = asyncio.run(scenario())
    assert created.definition.tools[0].name == "get_time"
    assert fetched.versions.latest.id == "async-agent:1"
    assert (names, versions, deleted.deleted) == (["async-agent"], ["1"], True)


def test_tools_in_the_definition_are_checked_against_the_sdk_models(svc):
    agents = svc.project_client().agents
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name="tooled", body={"definition": {
            "kind": "prompt", "model": "gpt-4o", "tools": [{"type": "code_interpreter"}, {"type": "retrieval"}]}})
    assert caught.value.error.message == "Invalid value for 'definition.tools[1].type': 'retrieval'."
    with pytest.raises(HttpResponseError) as caught:
        agents.create_version(agent_name="tooled", body={"definition": {
            "kind": "prompt", "model": "gpt-4o", "tools": [{"type": "function", "name": "f", "function": {}}]}})
    assert caught.value.error.message == "Unknown parameter: 'definition.tools[0].function'."


def test_deleting_a_routed_version_takes_it_out_of_the_agent_endpoint(svc):
    from azure.ai.projects.models import AgentEndpointConfig, FixedRatioVersionSelectionRule, VersionSelector

    agents = svc.project_client().agents
    for _ in range(2):
        agents.create_version(agent_name="routed", definition=_definition())
    agents.update_details(agent_name="routed", agent_endpoint=AgentEndpointConfig(
        version_selector=VersionSelector(version_selection_rules=[
            FixedRatioVersionSelectionRule(agent_version="2", traffic_percentage=100)])))
    with pytest.raises(ResourceNotFoundError):  # a rule must name an existing version
        agents.update_details(agent_name="routed", agent_endpoint=AgentEndpointConfig(
            version_selector=VersionSelector(version_selection_rules=[
                FixedRatioVersionSelectionRule(agent_version="7", traffic_percentage=100)])))
    agents.delete_version(agent_name="routed", agent_version="2")
    assert agents.get(agent_name="routed").agent_endpoint is None
