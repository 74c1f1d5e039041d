"""Rules agents_client, openai_client, project_client_1x."""
from __future__ import annotations

import pytest

from .support import assert_converts, convert_checked, messages


def test_agents_client_becomes_project_client():
    assert_converts(
        """
        from azure.ai.agents import AgentsClient
        from azure.identity import DefaultAzureCredential

        client = AgentsClient(endpoint=ENDPOINT, credential=DefaultAzureCredential())
        """,
        """
        from azure.identity import DefaultAzureCredential
        from azure.ai.projects import AIProjectClient

        client = AIProjectClient(endpoint=ENDPOINT, credential=DefaultAzureCredential())
        """,
    )


def test_aliased_import_is_found_by_meaning():
    result = convert_checked(
        "from azure.ai.agents import AgentsClient as AC\n"
        "svc = AC(endpoint=e, credential=c)\n"
        "a = svc.create_agent(model='m', name='n')\n"
    )
    assert "svc = AIProjectClient(endpoint=e, credential=c)" in result.output
    assert "svc.agents.create_version(agent_name='n'" in result.output
    assert "AC" not in result.output.replace("AIProjectClient", "")


def test_async_client_imports_from_aio():
    result = convert_checked(
        "from azure.ai.agents.aio import AgentsClient\n"
        "client = AgentsClient(endpoint=e, credential=c)\n"
    )
    assert "from azure.ai.projects.aio import AIProjectClient" in result.output
    assert "azure.ai.agents" not in result.output


def test_openai_client_with_assistants_becomes_foundry_client():
    result = convert_checked(
        "from openai import OpenAI\n"
        "client = OpenAI(api_key='sk-secret-value-1234567890')\n"
        "assistant = client.beta.assistants.create(model='gpt-4.1', name='helper')\n"
    )
    out = result.output
    assert "sk-secret" not in out, "API keys must never be copied into the output"
    assert "project_client = AIProjectClient(" in out
    assert "client = project_client.get_openai_client()" in out
    assert "project_client.agents.create_version(agent_name='helper'" in out
    assert "from openai import OpenAI" not in out
    assert "import os" in out
    assert "sk-secret" not in messages(result)


def test_openai_client_without_assistants_is_untouched():
    source = "from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model='m', messages=[])\n"
    result = convert_checked(source)
    assert not result.changed and result.output == source


def test_from_connection_string_is_noted_not_guessed():
    source = (
        "from azure.ai.projects import AIProjectClient\n"
        "project = AIProjectClient.from_connection_string(conn_str=CONN, credential=cred)\n"
    )
    result = convert_checked(source)
    assert result.output == source
    assert result.notes[0].line == 2 and result.notes[0].severity == "error"
    assert "endpoint" in result.notes[0].message


@pytest.mark.parametrize(
    "source",
    [
        "from azure.ai.projects import AIProjectClient\n"
        "project = AIProjectClient(endpoint=e, credential=c)\n"
        "openai_client = project.get_openai_client()\n"
        "r = openai_client.responses.create(input='hi')\n",
        "# nothing here\nprint('hello')\n",
        "",
    ],
)
def test_new_or_unrelated_code_comes_back_byte_for_byte(source):
    result = convert_checked(source)
    assert result.output == source and not result.changed and not result.notes
