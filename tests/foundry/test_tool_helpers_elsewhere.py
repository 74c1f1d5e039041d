"""Rule tool_definitions: tool helpers outside an assignment or a known toolset, and tool methods."""
from __future__ import annotations

from .support import convert_checked, dedent


def test_tool_methods_and_helpers_that_are_not_ours_to_place():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import CodeInterpreterTool, FileSearchTool, FunctionTool, ToolSet

        search = FileSearchTool(vector_store_ids=[store.id])
        search.add_vector_store(other.id)
        toolset = ToolSet()
        toolset.add(search)
        toolset.remove(FunctionTool)
        registry.add(CodeInterpreterTool())
        for tool in (CodeInterpreterTool(),):
            print(tool)
    """))
    # only `add` of a known toolset becomes append; an unknown `registry` and a loop keep their helpers
    assert result.output.endswith(dedent("""
        search = FileSearchTool(vector_store_ids=[store.id])
        search.vector_store_ids.append(other.id)
        toolset = []
        toolset.append(search)
        toolset.remove(FunctionTool)
        registry.add(CodeInterpreterTool())
        for tool in (CodeInterpreterTool(),):
            print(tool)
    """))
    assert [(n.line, n.severity, n.message) for n in result.notes if n.rule == "tool_definitions"] == [
        (4, "info", "`add_vector_store` became a change to the 2.x FileSearchTool's `vector_store_ids` list "
                    "(a list now, not a set); the agent sees it only in a new agent version.")]
