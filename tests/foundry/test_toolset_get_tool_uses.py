"""Rule toolset_methods: get_tool(FunctionTool) used twice and outside an assignment; add_functions
on something that is not a known toolset."""
from __future__ import annotations

from .support import convert_checked, dedent


def test_each_get_tool_of_function_tools_becomes_the_list_of_function_tools():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool, ToolSet


        def lookup(name: str) -> str:
            return name


        toolset = ToolSet()
        toolset.add(FunctionTool({lookup}))
        first = toolset.get_tool(FunctionTool)
        for tool in toolset.get_tool(FunctionTool):
            print(tool)
        build(FunctionTool).add_functions({lookup})
    """))
    # a ToolSet is a list in 2.x: its function tools are the items of type "function"
    assert result.output.endswith(dedent("""
        first = [tool for tool in toolset if tool.type == "function"]
        for tool in [tool for tool in toolset if tool.type == "function"]:
            print(tool)
        build(FunctionTool).add_functions({lookup})
    """))
    assert [(n.line, n.severity) for n in result.notes if n.rule == "toolset_methods"] == [
        (10, "info"), (11, "info")]
