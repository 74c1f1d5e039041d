"""ToolSet and FunctionTool methods on what the conversion made a list, and `toolset=` of any expression (issue 18)."""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent, messages

SCHEMA_TALLY = ('FunctionTool(name="tally", description="Count the items.", parameters={"type": "object", '
                '"properties": {"items": {"type": "array"}}, "required": ["items"], "additionalProperties": False}, '
                'strict=True)')
SCHEMA_CLIP = ('FunctionTool(name="clip", description="Shorten a text.", parameters={"type": "object", '
               '"properties": {"text": {"type": "string"}, "limit": {"type": "integer"}}, "required": ["text"]}, '
               'strict=False)')

FUNCTIONS = '''

def tally(items: list) -> int:
    """Count the items."""
    return len(items)


def clip(text: str, limit: int = 40) -> str:
    """Shorten a text."""
    return text[:limit]

'''


def test_functions_added_to_a_function_tool_extend_its_list_with_their_schemas():
    source = dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import FunctionTool, ToolSet
    """) + FUNCTIONS + dedent("""
        client = AgentsClient(endpoint=e, credential=c)
        counting = FunctionTool(functions={tally})
        counting.add_functions({clip})
        box = ToolSet()
        box.add(counting)
        agent = client.create_agent(model="gpt-4o", name="counter", toolset=box)
    """)
    expected = dedent("""
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import FunctionTool, PromptAgentDefinition
    """) + FUNCTIONS + dedent(f"""
        client = AIProjectClient(endpoint=e, credential=c)
        counting = [
            {SCHEMA_TALLY},
        ]
        counting.extend([
            {SCHEMA_CLIP},
        ])
        box = []
        box.extend(counting)
        agent = client.agents.create_version(agent_name="counter", definition=PromptAgentDefinition(model="gpt-4o", tools=box))
    """)
    result = convert_checked(source)
    assert result.output == expected
    assert [(n.line, n.severity) for n in result.notes if n.rule == "toolset_methods"] == [(16, "info")]


GET_TOOL_BEFORE = dedent("""
    from typing import Optional
    from azure.ai.agents.models import FunctionTool, ToolSet
""") + FUNCTIONS + dedent("""
    shared = {tally, clip}


    def equip(toolset: Optional[ToolSet] = None):
        if toolset is None:
            toolset = ToolSet()
        try:
            found = toolset.get_tool(FunctionTool)
            found.add_functions(shared)
        except ValueError:
            toolset.add(FunctionTool(shared))
        return toolset
""")


def test_the_function_tool_of_a_toolset_is_its_function_tools_and_added_functions_go_into_the_list():
    result = convert_checked(GET_TOOL_BEFORE)
    body = dedent(f"""
        def equip(toolset: Optional[list] = None):
            if toolset is None:
                toolset = []
            try:
                found = [tool for tool in toolset if tool.type == "function"]
                toolset.extend([
                    {SCHEMA_TALLY},
                    {SCHEMA_CLIP},
                ])
            except ValueError:
                toolset.extend([
                    {SCHEMA_TALLY},
                    {SCHEMA_CLIP},
                ])
            return toolset
    """)
    assert body in result.output
    assert "get_tool" not in result.output and "add_functions" not in result.output
    notes = [(n.line, n.rule) for n in result.notes if n.rule == "toolset_methods"]
    assert notes == [(21, "toolset_methods"), (22, "toolset_methods")]
    assert "the list is empty instead" in messages(result, "info")


def test_a_parameter_annotated_toolset_is_a_list_when_every_toolset_built_here_is_one():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool, ToolSet
    """) + FUNCTIONS + dedent("""
        def add_counting(toolset: ToolSet):
            toolset.get_tool(FunctionTool).add_functions({tally})


        def fresh():
            return add_counting(box)


        box = ToolSet()
    """))
    assert f"""
def add_counting(toolset: list):
    toolset.extend([
        {SCHEMA_TALLY},
    ])
""" in result.output


def test_a_parameter_annotated_toolset_stays_when_this_code_builds_no_toolset():
    source = dedent("""
        from azure.ai.agents.models import FunctionTool, ToolSet


        def first_function(toolset: ToolSet):
            return toolset.get_tool(FunctionTool)
    """)
    result = convert_checked(source)
    assert "toolset.get_tool(FunctionTool)" in result.output
    assert not [n for n in result.notes if n.rule == "toolset_methods"]


def test_get_tool_of_another_tool_class_stays_with_a_note():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import CodeInterpreterTool, ToolSet
        box = ToolSet()
        box.add(CodeInterpreterTool())
        runner = box.get_tool(CodeInterpreterTool)
    """))
    assert "runner = box.get_tool(CodeInterpreterTool)\n" in result.output
    note = next(n for n in result.notes if n.rule == "toolset_methods")
    assert note.line == 4 and note.severity == "warning" and 't.type == "code_interpreter"' in note.message


def test_functions_defined_elsewhere_added_to_a_function_tool_stay_with_the_note_of_what_to_write():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool
    """) + FUNCTIONS + dedent("""
        counting = FunctionTool(functions={tally})
        counting.add_functions(more_functions)
    """))
    assert "counting.add_functions(more_functions)\n" in result.output
    assert "`more_functions`" in messages(result, "warning")


def test_a_toolset_held_in_an_attribute_is_a_list_and_becomes_the_tools_of_the_definition():
    assert_converts(
        """
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import ToolSet, CodeInterpreterTool


        class Seat:
            def __init__(self, client: AgentsClient):
                self.client = client
                self.kit = ToolSet()
                self.kit.add(CodeInterpreterTool())

            def open(self, profile):
                return self.client.create_agent(model=profile.model, name=profile.name, toolset=profile.kit)
        """,
        """
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import CodeInterpreterTool, PromptAgentDefinition


        class Seat:
            def __init__(self, client: AIProjectClient):
                self.client = client
                self.kit = []
                self.kit.append(CodeInterpreterTool())

            def open(self, profile):
                return self.client.agents.create_version(agent_name=profile.name, definition=PromptAgentDefinition(model=profile.model, tools=profile.kit))
        """,
    )


def test_a_toolset_argument_stays_noted_when_a_toolset_of_this_code_is_not_assigned():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import ToolSet
        client = AgentsClient(endpoint=e, credential=c)
        keep(ToolSet())
        agent = client.create_agent(model="gpt-4o", name="keeper", toolset=profile.kit)
    """))
    assert "# TODO(migration): toolset=profile.kit" in result.output
    assert "tools=profile.kit" not in result.output


def test_converted_tools_added_to_a_toolset_built_elsewhere_get_a_note():
    result = convert_checked(
        "from azure.ai.agents.models import FunctionTool\n"
        "\n"
        "def echo(text: str) -> str:\n"
        "    \"\"\"Echo.\"\"\"\n"
        "    return text\n"
        "\n"
        "def register(toolset):\n"
        "    functions = FunctionTool(functions={echo})\n"
        "    toolset.add(functions)\n"
    )
    assert "    toolset.add(functions)\n" in result.output  # left: the toolset is not built here
    [note] = [n for n in result.notes if n.rule == "tool_definitions" and n.line == 9]
    assert note.severity == "warning"
    assert "`functions` is now a list of 2.x tools, but `toolset` is not built here" in note.message
    assert "make `toolset` a list and extend it" in note.message
