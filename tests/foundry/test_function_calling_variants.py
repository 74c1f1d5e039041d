"""Rule function_calling in its less common spellings: positional ids, approvals, toolsets,
awaited runs, runs made in another function, and enable_auto_function_calls by keyword."""
from __future__ import annotations

import pytest

from .support import convert_checked, dedent, messages

REF = '{"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}}'


def test_positional_ids_an_event_handler_and_an_approval_check():
    result = convert_checked(dedent("""
        agent = client.create_agent(model="m", name="n")
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        if isinstance(run.required_action, SubmitToolApprovalAction):
            approve_all(run)
        client.runs.submit_tool_outputs(
            thread.id,
            run.id,
            tool_outputs=outputs,
            event_handler=handler,
        )
    """))
    assert result.output.endswith(dedent(f"""
        if any(item.type == "mcp_approval_request" for item in run.output):
            approve_all(run)
        # TODO(migration): event_handler=handler -- streaming is done with responses.create(..., stream=True)
        run = openai_client.responses.create(
            conversation=thread.id,
            input=outputs,
            extra_body={REF},
        )
    """))
    [handler] = [n for n in result.notes if "event_handler" in n.message]
    assert (handler.line, handler.severity) == (5, "warning")


def test_a_toolset_that_was_given_a_function_tool_runs_the_response_items():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool, ToolSet

        def shout(text: str) -> str:
            return text.upper()

        functions = FunctionTool(functions={shout})
        toolset = ToolSet()
        toolset.add(functions)
        agent = client.create_agent(model="m", name="n", toolset=toolset)
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        if run.status == "requires_action":
            outputs = toolset.execute_tool_calls(run.required_action.submit_tool_outputs.tool_calls)
            client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)
    """))
    # the calls come from the response's function_call items: a Response has no required_action
    assert ('    outputs = [{"type": "function_call_output", "call_id": c.call_id, "output": '
            'str({"shout": shout}[c.name](**json.loads(c.arguments)))} for c in '
            '[item for item in run.output if item.type == "function_call"]]\n') in result.output
    assert "required_action" not in result.output


def test_execute_note_points_at_the_call():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool, ToolOutput

        def shout(text: str) -> str:
            return text.upper()

        functions = FunctionTool({shout})
        agent = client.create_agent(model="m", name="n", tools=functions.definitions)
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        outputs = []
        for call in run.required_action.submit_tool_outputs.tool_calls:
            outputs.append(ToolOutput(tool_call_id=call.id,
                                      output=functions.execute(call)))
    """))
    [note] = [n for n in result.notes if "FunctionTool.execute is gone" in n.message]
    assert (note.line, note.severity) == (12, "info")


def test_an_awaited_run_gives_its_agent_to_the_next_response():
    result = convert_checked(dedent("""
        from azure.ai.agents.aio import AgentsClient

        async def answer(client: AgentsClient, thread, agent, outputs):
            run = await client.runs.create(thread_id=thread.id, agent_id=agent.id)
            await client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)
    """))
    ref = '{"agent_reference": {"name": agent.id, "type": "agent_reference"}}'
    assert result.output.endswith(
        f"    run = await openai_client.responses.create(conversation=thread.id, input=outputs, extra_body={ref})\n")
    assert "No agent was given" not in messages(result)


def test_a_run_made_in_another_function_asks_for_its_agent_name():
    result = convert_checked(dedent("""
        def start(client, thread, helper):
            run = client.runs.create(thread_id=thread.id, agent_id=helper.id)
            return run

        def finish(client, thread, run, outputs):
            client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)
    """))
    assert result.output.endswith(
        "    run = openai_client.responses.create(conversation=thread.id, input=outputs, "
        'extra_body={"agent_reference": {"name": "my-agent", "type": "agent_reference"}})\n')
    [note] = [n for n in result.notes if "which is not known here" in n.message]
    assert (note.line, note.severity) == (6, "warning")
    assert "`helper.id`" in note.message


def test_a_status_check_on_an_attribute_run_is_left_alone():
    result = convert_checked(dedent("""
        class Worker:
            def step(self, outputs):
                if self.run.status == "requires_action":
                    self.client.runs.submit_tool_outputs(thread_id=self.thread_id, run_id=self.run.id,
                                                         tool_outputs=outputs)
    """))
    assert '        if self.run.status == "requires_action":\n' in result.output


def test_auto_function_calls_by_keyword_before_a_thread_and_run():
    result = convert_checked(dedent("""
        def shout(text: str) -> str:
            return text.upper()

        client.enable_auto_function_calls(tools={shout})
        run = client.create_thread_and_process_run(agent_id=agent.id)
    """))
    ref = '{"agent_reference": {"name": agent.id, "type": "agent_reference"}}'
    # the thread was made by the call, so each round chains on the previous response
    assert result.output.endswith(dedent(f"""
        while any(item.type == "function_call" for item in run.output):
            function_outputs = [
                {{"type": "function_call_output", "call_id": item.call_id,
                 "output": str({{"shout": shout}}[item.name](**json.loads(item.arguments)))}}
                for item in run.output if item.type == "function_call"
            ]
            run = openai_client.responses.create(previous_response_id=run.id, input=function_outputs, extra_body={ref})
    """))
    assert "enable_auto_function_calls" not in result.output
    [note] = [n for n in result.notes if "There is no automatic function calling" in n.message]
    assert (note.line, note.severity) == (4, "info")


@pytest.mark.parametrize("functions, shown", [
    # 84 characters: the first 77, then an ellipsis
    ("{fetch_current_weather_for_city, fetch_the_calendar_events_for_today, send_an_email}",
     "{fetch_current_weather_for_city, fetch_the_calendar_events_for_today, send_an..."),
    # 80 characters fit; 81 do not
    ("{look_up_the_weather_for_a_city, look_up_the_calendar_for_today, send_email_now}",
     "{look_up_the_weather_for_a_city, look_up_the_calendar_for_today, send_email_now}"),
    ("{look_up_the_weather_for_a_city, look_up_the_calendar_for_today, send_email_now_}",
     "{look_up_the_weather_for_a_city, look_up_the_calendar_for_today, send_email_n..."),
])
def test_a_long_function_set_is_shortened_in_the_note(functions, shown):
    result = convert_checked(f"client.enable_auto_function_calls({functions})\n")
    [note] = result.notes
    assert note.severity == "warning"
    assert f"(`{shown}`)" in note.message


def test_a_toolset_given_a_function_tool_inline_runs_its_functions():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool, ToolSet


        def lookup(name: str) -> str:
            return name


        toolset = ToolSet()
        toolset.add(FunctionTool({lookup}))
        agent = client.create_agent(model="m", name="n", toolset=toolset)
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        outputs = toolset.execute_tool_calls(calls)
    """))
    assert result.output.endswith(
        'outputs = [{"type": "function_call_output", "call_id": c.call_id, "output": '
        'str({"lookup": lookup}[c.name](**json.loads(c.arguments)))} for c in calls]\n')


def test_a_thread_id_keyword_names_the_conversation_of_a_run_not_made_here():
    result = convert_checked(dedent("""
        def answer(client, run, outputs):
            client.runs.submit_tool_outputs(thread_id=run.thread_id, run_id=run.id, tool_outputs=outputs)
    """))
    assert result.output.endswith(
        "    run = openai_client.responses.create(conversation=run.thread_id, input=outputs, "
        'extra_body={"agent_reference": {"name": "my-agent", "type": "agent_reference"}})\n')


def test_a_toolset_passed_in_finds_the_functions_added_to_it_elsewhere():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool


        def lookup(name: str) -> str:
            return name


        def register(toolset):
            functions = FunctionTool({lookup})
            toolset.add(functions)


        def answer(toolset, calls):
            return toolset.execute_tool_calls(calls)
    """))
    assert result.output.endswith(
        '    return [{"type": "function_call_output", "call_id": c.call_id, "output": '
        'str({"lookup": lookup}[c.name](**json.loads(c.arguments)))} for c in calls]\n')
