"""Rule tool_definitions and tools.py: legacy tool helpers -> azure-ai-projects 2.x tool models."""
from __future__ import annotations

import ast

import pytest

from .support import convert_checked, dedent, messages

HEADER = "from azure.ai.agents.models import {names}\n"

# (legacy import names, legacy line, expected 2.x line, 2.x model names that must be imported)
TOOL_PAIRS = [
    ("CodeInterpreterTool", "ci = CodeInterpreterTool(file_ids=[f.id])",
     "ci = CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=[f.id]))",
     {"CodeInterpreterTool", "AutoCodeInterpreterToolParam"}),
    ("CodeInterpreterTool", "ci = CodeInterpreterTool()", "ci = CodeInterpreterTool()", {"CodeInterpreterTool"}),
    ("FileSearchTool", "fs = FileSearchTool(vector_store_ids=[vs.id])", "fs = FileSearchTool(vector_store_ids=[vs.id])",
     {"FileSearchTool"}),
    ("BingGroundingTool", "bing = BingGroundingTool(connection_id=conn_id)",
     "bing = BingGroundingTool(bing_grounding=BingGroundingSearchToolParameters(search_configurations="
     "[BingGroundingSearchConfiguration(project_connection_id=conn_id)]))",
     {"BingGroundingTool", "BingGroundingSearchToolParameters", "BingGroundingSearchConfiguration"}),
    ("BingGroundingTool", "bing = BingGroundingTool(conn_id, count=3)",
     "bing = BingGroundingTool(bing_grounding=BingGroundingSearchToolParameters(search_configurations="
     "[BingGroundingSearchConfiguration(project_connection_id=conn_id, count=3)]))",
     {"BingGroundingTool"}),
    ("AzureAISearchTool, AzureAISearchQueryType",
     'search = AzureAISearchTool(index_connection_id=conn, index_name="docs", '
     'query_type=AzureAISearchQueryType.SIMPLE, top_k=3, filter="")',
     "search = AzureAISearchTool(azure_ai_search=AzureAISearchToolResource(indexes=[AISearchIndexResource("
     'project_connection_id=conn, index_name="docs", query_type=AzureAISearchQueryType.SIMPLE, filter="", top_k=3)]))',
     {"AzureAISearchTool", "AzureAISearchToolResource", "AISearchIndexResource", "AzureAISearchQueryType"}),
    ("OpenApiTool, OpenApiAnonymousAuthDetails",
     'api = OpenApiTool(name="weather", spec=spec, description="Weather", auth=OpenApiAnonymousAuthDetails())',
     'api = OpenApiTool(openapi=OpenApiFunctionDefinition(name="weather", spec=spec, '
     'auth=OpenApiAnonymousAuthDetails(), description="Weather"))',
     {"OpenApiTool", "OpenApiFunctionDefinition", "OpenApiAnonymousAuthDetails"}),
    ("OpenApiConnectionAuthDetails, OpenApiConnectionSecurityScheme",
     "auth = OpenApiConnectionAuthDetails(security_scheme=OpenApiConnectionSecurityScheme(connection_id=cid))",
     "auth = OpenApiProjectConnectionAuthDetails(security_scheme=OpenApiProjectConnectionSecurityScheme("
     "project_connection_id=cid))",
     {"OpenApiProjectConnectionAuthDetails", "OpenApiProjectConnectionSecurityScheme"}),
    ("McpTool", 'mcp = McpTool(server_label="docs", server_url=url, allowed_tools=["search"])',
     'mcp = MCPTool(server_label="docs", server_url=url, allowed_tools=["search"])', {"MCPTool"}),
    ("ToolSet", "toolset = ToolSet()", "toolset = []", set()),
]


def _imported(code: str, module: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom) and node.module == module:
            names |= {a.name for a in node.names}
    return names


@pytest.mark.parametrize("names, before, after, models", TOOL_PAIRS)
def test_tool_helper_becomes_2x_model(names, before, after, models):
    result = convert_checked(HEADER.format(names=names) + before + "\n")
    assert after in result.output.splitlines()
    assert models <= _imported(result.output, "azure.ai.projects.models")
    assert not _imported(result.output, "azure.ai.agents.models")  # nothing legacy is left imported


@pytest.mark.parametrize("code", [
    # already 2.x
    "from azure.ai.projects.models import CodeInterpreterTool, AutoCodeInterpreterToolParam\n"
    "ci = CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=ids))\n",
    "from azure.ai.projects.models import FileSearchTool\nfs = FileSearchTool(vector_store_ids=[v])\n",
    "from azure.ai.projects.models import FunctionTool\n"
    "t = FunctionTool(name='f', parameters={'type': 'object', 'properties': {}}, strict=True)\n",
    "from azure.ai.projects.models import MCPTool\nm = MCPTool(server_label='x', server_url=u)\n",
    # unrelated classes of the same names
    "from mylib import CodeInterpreterTool\nci = CodeInterpreterTool(file_ids=[1])\n",
    "tools = ToolSet\n",
])
def test_new_or_unrelated_code_is_unchanged(code):
    result = convert_checked(code)
    assert result.output == code and not result.changed


def test_definitions_and_resources_follow_the_variables():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import CodeInterpreterTool, FileSearchTool
        ci = CodeInterpreterTool(file_ids=[f.id])
        fs = FileSearchTool(vector_store_ids=[vs.id])
        agent = client.create_agent(
            model="gpt-4.1",
            name="helper",
            tools=ci.definitions + fs.definitions,  # both tools
            tool_resources=ci.resources,
        )
    """))
    out = result.output
    assert "tools=[ci, fs],  # both tools" in out
    assert "tool_resources" not in out and ".resources" not in out and ".definitions" not in out
    assert "ci.resources" in messages(result, "info")


def test_toolset_becomes_a_list_and_is_passed_as_tools():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import CodeInterpreterTool, FunctionTool, ToolSet

        def add(a: int, b: int) -> int:
            \"\"\"Add two numbers.\"\"\"
            return a + b

        functions = FunctionTool(functions={add})
        toolset = ToolSet()
        toolset.add(functions)
        toolset.add(CodeInterpreterTool())
        agent = client.create_agent(model="m", name="n", toolset=toolset)
    """))
    out = result.output
    assert "toolset = []" in out and "toolset.extend(functions)" in out
    assert "toolset.append(CodeInterpreterTool())" in out
    assert "definition=PromptAgentDefinition(model=\"m\", tools=toolset)" in out
    assert "TODO(migration)" not in out


def test_function_schema_is_built_from_annotations_and_docstring():
    result = convert_checked(dedent("""
        from typing import Optional
        from azure.ai.agents.models import FunctionTool

        def book(city: str, nights: int, guests: list[str], note: Optional[str] = None) -> str:
            \"\"\"Book a hotel.

            :param city: Where to stay.
            :param nights: How many nights.
            \"\"\"
            return "ok"

        def ping() -> str:
            return "pong"

        tool = FunctionTool({book, ping})
    """))
    tree = ast.parse(result.output)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "FunctionTool"]
    by_name = {}
    for call in calls:
        fields = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        by_name[fields["name"]] = fields
    assert set(by_name) == {"book", "ping"}
    book = by_name["book"]
    assert book["description"] == "Book a hotel."
    assert book["parameters"]["properties"]["city"] == {"type": "string", "description": "Where to stay."}
    assert book["parameters"]["properties"]["guests"] == {"type": "array", "items": {"type": "string"}}
    assert book["parameters"]["properties"]["note"] == {"type": ["string", "null"]}
    assert book["parameters"]["required"] == ["city", "nights", "guests"]
    assert book["strict"] is False  # an optional parameter rules out strict mode
    ping = by_name["ping"]
    assert ping["strict"] is True and ping["parameters"]["additionalProperties"] is False
    assert "description" not in ping


def test_function_tool_for_functions_defined_elsewhere_stays_with_a_note():
    code = ("from azure.ai.agents.models import FunctionTool\nfrom my_functions import user_functions\n"
            "functions = FunctionTool(functions=user_functions)\n")
    result = convert_checked(code)
    assert "functions = FunctionTool(functions=user_functions)" in result.output
    assert "come from `my_functions`" in messages(result, "error")


@pytest.mark.parametrize("tools, expected", [
    ('[{"type": "code_interpreter"}]', "[CodeInterpreterTool()]"),
    ('[{"type": "file_search", "file_search": {"max_num_results": 5}}]',
     "[FileSearchTool(vector_store_ids=[], max_num_results=5)]"),
    ('[{"type": "function", "function": {"name": "f", "description": "d", "parameters": {"type": "object"}}}]',
     '[FunctionTool(name="f", description="d", parameters={"type": "object"}, strict=False)]'),
    ('[FunctionToolDefinition(function=FunctionDefinition(name="f", parameters=p, strict=True))]',
     '[FunctionTool(name="f", parameters=p, strict=True)]'),
    ("[CodeInterpreterToolDefinition(), FileSearchToolDefinition()]",
     "[CodeInterpreterTool(), FileSearchTool(vector_store_ids=[])]"),
])
def test_tool_lists_in_create_agent(tools, expected):
    result = convert_checked(f"a = client.create_agent(model='m', name='n', tools={tools})\n")
    assert f"tools={expected})" in result.output


def test_openai_tool_resources_move_onto_the_tools():
    result = convert_checked(
        "from openai import OpenAI\nclient = OpenAI()\n"
        "a = client.beta.assistants.create(model='m', name='n', tools=[{'type': 'code_interpreter'}, "
        "{'type': 'file_search'}], tool_resources={'code_interpreter': {'file_ids': ids}, "
        "'file_search': {'vector_store_ids': [vs.id]}})\n"
    )
    assert ("tools=[CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=ids)), "
            "FileSearchTool(vector_store_ids=[vs.id])]") in result.output
    assert "tool_resources" not in result.output


def test_unknown_tools_are_kept_and_noted():
    result = convert_checked("a = client.create_agent(model='m', name='n', tools=my_tools)\n")
    assert "tools=my_tools" in result.output
    assert "Check the tools" in messages(result, "warning")


def test_add_definition_that_cannot_be_read_is_noted():
    # a readable one becomes a second OpenApiTool (test_samples_run_a.py)
    result = convert_checked(
        "from azure.ai.agents.models import OpenApiTool\n"
        "api = OpenApiTool(name='a', spec=s, description='d', auth=auth)\n"
        "api.add_definition(**second)\n"
    )
    assert "api.add_definition(**second)" in result.output
    assert "no counterpart" in messages(result, "warning")


def test_file_search_without_stores_gets_an_empty_list_and_a_note():
    result = convert_checked("from azure.ai.agents.models import FileSearchTool\nfs = FileSearchTool()\n")
    assert "fs = FileSearchTool(vector_store_ids=[])" in result.output
    assert "vector_store_ids" in messages(result, "warning")
