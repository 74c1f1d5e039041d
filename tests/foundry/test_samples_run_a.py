"""What the converted azure-ai-agents samples needed to run: each case before and after (issue 18)."""
from __future__ import annotations

from helpers import convert_code

from .support import convert_checked, dedent

LEGACY = "from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"


def test_the_thread_id_of_a_run_read_inside_a_listing_becomes_the_conversation_of_the_response():
    result = convert_checked(LEGACY + dedent("""
        run = client.create_thread_and_process_run(agent_id=agent.id)
        messages = client.messages.list(thread_id=run.thread_id)
        last = client.messages.get_last_message_text_by_role(thread_id=run.thread_id, role="user")
    """))
    assert "messages = openai_client.conversations.items.list(conversation_id=run.conversation.id)\n" in result.output
    assert "conversations.items.list(conversation_id=run.conversation.id, order=\"desc\")" in result.output
    assert "thread_id" not in result.output


def test_a_thread_id_that_is_not_a_converted_run_stays_as_written():
    result = convert_checked(LEGACY + "messages = client.messages.list(thread_id=other.thread_id)\n")
    assert "conversations.items.list(conversation_id=other.thread_id)" in result.output


def test_definitions_of_a_tool_variable_outside_the_agent_become_a_list_of_the_tool():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import CodeInterpreterTool, MessageAttachment
        client = AgentsClient(endpoint=e, credential=c)
        code_interpreter = CodeInterpreterTool()
        agent = client.create_agent(model="m", name="a", tools=code_interpreter.definitions)
        attachment = MessageAttachment(file_id=f, tools=code_interpreter.definitions)
        inline = MessageAttachment(file_id=f, tools=CodeInterpreterTool().definitions)
    """))
    assert "attachment = MessageAttachment(file_id=f, tools=[code_interpreter])\n" in result.output
    assert "inline = MessageAttachment(file_id=f, tools=[CodeInterpreterTool()])\n" in result.output
    assert "tools=[code_interpreter]," in result.output or "tools=[code_interpreter])" in result.output
    assert ".definitions" not in result.output
    assert "from azure.ai.projects.models import CodeInterpreterTool" in result.output
    assert any(n.rule == "tool_definitions" and n.line == 6 and ".definitions" in n.message for n in result.notes)


def test_definitions_of_an_unknown_object_stay():
    source = LEGACY + "attachment = MessageAttachment(file_id=f, tools=helper.definitions)\n"
    assert "tools=helper.definitions" in convert_checked(source).output


def test_vector_stores_added_to_or_removed_from_a_file_search_tool_change_its_id_list():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FileSearchTool
        file_search = FileSearchTool(vector_store_ids=[first.id])
        file_search.add_vector_store(second.id)
        file_search.remove_vector_store(first.id)
    """))
    assert "file_search = FileSearchTool(vector_store_ids=[first.id])\n" in result.output
    assert "file_search.vector_store_ids.append(second.id)\nfile_search.vector_store_ids.remove(first.id)\n" \
        in result.output
    assert [n.line for n in result.notes if "vector_store_ids" in n.message] == [3, 4]


def test_a_second_openapi_definition_becomes_a_second_openapi_tool():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import OpenApiTool, OpenApiAnonymousAuthDetails
        client = AgentsClient(endpoint=e, credential=c)
        auth = OpenApiAnonymousAuthDetails()
        api = OpenApiTool(name="weather", spec=weather, description="Weather", auth=auth)
        api.add_definition(name="countries", spec=countries, description="Countries", auth=auth)
        api.add_definition(name="cities", spec=cities, description="Cities")
        agent = client.create_agent(model="m", name="a", tools=api.definitions)
    """))
    out = result.output
    assert ('api = [api, OpenApiTool(openapi=OpenApiFunctionDefinition(name="countries", spec=countries, '
            'auth=auth, description="Countries"))]\n') in out
    # without auth, the legacy helper used the first definition's
    assert ('api.append(OpenApiTool(openapi=OpenApiFunctionDefinition(name="cities", spec=cities, '
            'auth=api[0].openapi.auth, description="Cities")))\n') in out
    assert "add_definition" not in out and "tools=api" in out


def test_add_file_on_a_code_interpreter_keeps_its_note():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import CodeInterpreterTool
        code = CodeInterpreterTool()
        code.add_file(f.id)
    """))
    assert "code.add_file(f.id)" in result.output
    assert any(n.line == 3 and n.severity == "warning" and "add_file" in n.message for n in result.notes)


def test_a_name_the_2x_service_rejects_becomes_valid_in_the_call_or_where_its_variable_is_set():
    result = convert_checked(LEGACY + dedent("""
        bot_name = "stock_price_bot"
        bot = client.create_agent(model="m", name=bot_name, instructions="Prices.")
        tool = ConnectedAgentTool(id=bot.id, name=bot_name, description="Gets prices")
        tutor = client.create_agent(model="m", name="Math Tutor")
        fine = client.create_agent(model="m", name="ok-name")
    """))
    out = result.output
    assert 'bot_name = "stock-price-bot"\n' in out and "agent_name=bot_name," in out
    assert 'agent_name="Math-Tutor"' in out and 'agent_name="ok-name"' in out
    warnings = [(n.line, n.message) for n in result.notes if n.rule == "create_agent" and "valid 2.x" in n.message]
    assert [line for line, _ in warnings] == [4, 6]
    assert '"stock_price_bot"' in warnings[0][1] and '"stock-price-bot"' in warnings[0][1]


def test_a_name_variable_assigned_twice_is_left_alone():
    source = LEGACY + 'n = "a_b"\nif x:\n    n = "c_d"\nbot = client.create_agent(model="m", name=n)\n'
    out = convert_checked(source).output
    assert 'n = "a_b"' in out and 'n = "c_d"' in out and "agent_name=n," in out


def test_fields_of_a_created_message_read_by_key_become_attributes():
    result = convert_checked(LEGACY + dedent("""
        message = client.messages.create(thread_id=t, role="user", content="Hi")
        print(f"Created message: {message['id']}", message["role"], message["thread_id"])
        other = {"id": 1}
        print(other["id"])
    """))
    assert """print(f"Created message: {message.id}", message.role, message["thread_id"])""" in result.output
    assert 'print(other["id"])' in result.output
    assert any(n.line == 4 and n.severity == "warning" and "`thread_id`" in n.message for n in result.notes)


LEGACY_TEAM = dedent("""
    from azure.ai.agents import AgentsClient
    from azure.ai.agents.models import ToolSet

    class AgentTeam:
        def __init__(self, name, agents_client):
            self.client = agents_client

        def add_agent(self, name, toolset=None):
            self.client.create_agent(model="m", name=name, toolset=toolset or ToolSet())
""")
SCRIPT_WITH_TEAM = dedent("""
    from azure.ai.agents import AgentsClient
    from azure.ai.agents.models import ToolSet, FunctionTool
    from utils.agent_team import AgentTeam
    from utils.user_functions import fetch_weather
    client = AgentsClient(endpoint=e, credential=c)
    toolset = ToolSet()
    toolset.add(FunctionTool({fetch_weather}))
    team = AgentTeam("team", agents_client=client)
    team.add_agent("coder", toolset=toolset)
    team.add_agent("reviewer")
""")
USER_FUNCTIONS = 'def fetch_weather(location: str) -> str:\n    """Weather."""\n    return "sunny"\n'


def test_a_converted_client_or_toolset_handed_to_a_legacy_module_is_noted_where_it_is_handed():
    result = convert_code(SCRIPT_WITH_TEAM, modules={"utils.agent_team": LEGACY_TEAM,
                                                      "utils.user_functions": USER_FUNCTIONS})
    handoffs = [n for n in result.notes if n.rule == "legacy_handoff"]
    assert [(n.line, n.severity) for n in handoffs] == [(8, "warning"), (9, "warning")]
    assert "utils.agent_team" in handoffs[0].message and "`client`" in handoffs[0].message
    assert "`toolset`" in handoffs[1].message
    assert 'team = AgentTeam("team", agents_client=client)\n' in result.output  # the call itself is unchanged
    assert convert_code(result.output, modules={"utils.agent_team": LEGACY_TEAM,
                                                "utils.user_functions": USER_FUNCTIONS}).output == result.output


def test_nothing_is_noted_when_the_other_module_is_converted_or_unknown():
    new_team = dedent("""
        from azure.ai.projects.models import PromptAgentDefinition

        class AgentTeam:
            def __init__(self, name, agents_client):
                self.client = agents_client

            def add_agent(self, name, toolset=None):
                self.client.agents.create_version(agent_name=name, definition=PromptAgentDefinition(model="m"))
    """)
    done = convert_code(SCRIPT_WITH_TEAM, modules={"utils.agent_team": new_team, "utils.user_functions": USER_FUNCTIONS})
    assert not [n for n in done.notes if n.rule == "legacy_handoff"]
    alone = convert_code(SCRIPT_WITH_TEAM)
    assert not [n for n in alone.notes if n.rule == "legacy_handoff"]


def test_in_folder_mode_the_handoff_is_an_info_since_both_files_are_converted_in_the_run(tmp_path):
    from helpers.batch import jobs, run_jobs

    (tmp_path / "utils").mkdir()
    (tmp_path / "utils" / "agent_team.py").write_text(LEGACY_TEAM)
    (tmp_path / "utils" / "user_functions.py").write_text(USER_FUNCTIONS)
    (tmp_path / "main.py").write_text(SCRIPT_WITH_TEAM)
    outcomes = {o.path.name: o for o in run_jobs(jobs([tmp_path]), workers=1)}
    handoffs = [n for n in outcomes["main.py"].result.notes if n.rule == "legacy_handoff"]
    assert [(n.line, n.severity) for n in handoffs] == [(8, "info"), (9, "info")]
    assert "converted in this same run" in handoffs[0].message
    assert "create_version" in outcomes["agent_team.py"].result.output  # and it was converted, in the same run
