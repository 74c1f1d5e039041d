"""tool_resources of create_agent: carried onto the tools that use them, otherwise kept whole."""
from __future__ import annotations

from .support import convert_checked, messages


def test_tool_resources_no_tool_uses_are_kept_whole_not_dropped():
    # No tools at all: the code interpreter files have nowhere to go, so the value stays as a comment.
    result = convert_checked(
        "agent = client.create_agent(model='m', name='n',\n"
        "    tool_resources=ToolResources(code_interpreter=CodeInterpreterToolResource("
        "file_ids=[first.id, second.id, third.id, fourth.id])))\n"
    )
    assert ("#   tool_resources=ToolResources(code_interpreter=CodeInterpreterToolResource("
            "file_ids=[first.id, second.id, third.id, fourth.id]))\n") in result.output
    assert "`tool_resources` has no direct counterpart" in messages(result, "warning")
    assert "moved onto the tools" not in messages(result)


def test_tool_resources_used_by_the_tools_move_onto_them():
    result = convert_checked(
        "agent = client.create_agent(model='m', name='n', tools=[{'type': 'code_interpreter'}],\n"
        "    tool_resources={'code_interpreter': {'file_ids': ids}})\n"
    )
    assert "CodeInterpreterTool(container=AutoCodeInterpreterToolParam(file_ids=ids))" in result.output
    assert "tool_resources" not in result.output
    assert "moved onto the tools" in messages(result, "info")


def test_tool_resources_a_tool_does_not_use_are_kept():
    # Vector stores given, but no file search tool: they must not vanish.
    result = convert_checked(
        "agent = client.create_agent(model='m', name='n', tools=[{'type': 'code_interpreter'}],\n"
        "    tool_resources={'code_interpreter': {'file_ids': ids}, 'file_search': {'vector_store_ids': stores}})\n"
    )
    assert "'vector_store_ids': stores" in result.output
    assert "# TODO(migration): " in result.output
