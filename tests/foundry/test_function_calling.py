"""Rule function_calling: requires_action / submit_tool_outputs -> function_call items."""
from __future__ import annotations

import pytest

from .support import convert_checked, dedent, messages

RUN = "run = client.runs.create(thread_id=thread.id, agent_id=agent.id)\n"
REF = '{"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}}'
SETUP = "agent = client.create_agent(model='m', name='n')\n" + RUN


@pytest.mark.parametrize("before, after", [
    ("tool_calls = run.required_action.submit_tool_outputs.tool_calls\n",
     'tool_calls = [item for item in run.output if item.type == "function_call"]\n'),
    ("for call in run.required_action.submit_tool_outputs.tool_calls:\n"
     "    print(call.function.name, call.function.arguments, call.id)\n",
     'for call in [item for item in run.output if item.type == "function_call"]:\n'
     "    print(call.name, call.arguments, call.call_id)\n"),
    ("for call in run.required_action.submit_tool_outputs.tool_calls:\n"
     "    outputs.append(ToolOutput(tool_call_id=call.id, output=str(1)))\n",
     'for call in [item for item in run.output if item.type == "function_call"]:\n'
     '    outputs.append({"type": "function_call_output", "call_id": call.call_id, "output": str(1)})\n'),
    ("for call in run.required_action.submit_tool_outputs.tool_calls:\n"
     "    outputs.append({'tool_call_id': call.id, 'output': '57'})\n",
     'for call in [item for item in run.output if item.type == "function_call"]:\n'
     '    outputs.append({"type": "function_call_output", "call_id": call.call_id, "output": \'57\'})\n'),
    ("for call in run.required_action.submit_tool_outputs.tool_calls:\n"
     "    if isinstance(call, RequiredFunctionToolCall) and call.type == 'function':\n"
     "        pass\n",
     'for call in [item for item in run.output if item.type == "function_call"]:\n'
     '    if call.type == "function_call" and call.type == "function_call":\n'
     "        pass\n"),
    ("client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)\n",
     f"run = openai_client.responses.create(conversation=thread.id, input=outputs, extra_body={REF})\n"),
    ("if run.status == 'requires_action' and isinstance(run.required_action, SubmitToolOutputsAction):\n"
     "    client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)\n",
     'if any(item.type == "function_call" for item in run.output):\n'
     f"    run = openai_client.responses.create(conversation=thread.id, input=outputs, extra_body={REF})\n"),
])
def test_function_calling_pieces(before, after):
    result = convert_checked(SETUP + before)
    assert result.output.endswith(after)


@pytest.mark.parametrize("code", [
    # a Responses loop already
    "for item in response.output:\n    if item.type == 'function_call':\n        print(item.name, item.call_id)\n",
    # `.id` of unrelated loop variables and a dict that only looks similar
    "for call in calls:\n    print(call.id, call.function.name)\n",
    "payload = {'tool_call_id': 1, 'result': 2}\n",
    "outputs = [ToolOutput(tool_call_id='a', output='b', extra=1)]\n",
])
def test_unrelated_code_is_unchanged(code):
    result = convert_checked(code)
    assert result.output == code and not result.changed


def test_polling_loop_with_function_calls_becomes_a_response_loop():
    result = convert_checked(dedent("""
        import time
        from azure.ai.agents.models import FunctionTool, ToolOutput

        def shout(text: str) -> str:
            return text.upper()

        functions = FunctionTool({shout})
        agent = client.create_agent(model="m", name="n", tools=functions.definitions)
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        while run.status in ("queued", "in_progress", "requires_action"):
            time.sleep(1)
            run = client.runs.get(thread_id=thread.id, run_id=run.id)
            if run.status == "requires_action":
                outputs = []
                for call in run.required_action.submit_tool_outputs.tool_calls:
                    outputs.append(ToolOutput(tool_call_id=call.id, output=functions.execute(call)))
                client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)
    """))
    out = result.output
    assert 'while any(item.type == "function_call" for item in run.output):' in out
    assert "time.sleep" not in out and "import time" not in out and "runs.get" not in out
    assert ('outputs.append({"type": "function_call_output", "call_id": call.call_id, '
            '"output": {"shout": shout}[call.name](**json.loads(call.arguments))})') in out
    assert "import json" in out
    assert "        run = openai_client.responses.create(conversation=thread.id, input=outputs" in out
    assert "nothing is polled" in messages(result, "info")


def test_openai_beta_submit_and_poll_keeps_its_assignment():
    result = convert_checked(dedent("""
        from openai import OpenAI
        client = OpenAI()
        run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id)
        if run.status == "requires_action":
            run = client.beta.threads.runs.submit_tool_outputs_and_poll(
                thread_id=thread.id,
                run_id=run.id,
                tool_outputs=outputs,  # what the tools said
            )
    """))
    out = result.output
    assert "run = client.responses.create(\n" in out
    assert "        conversation=thread.id,\n        input=outputs,  # what the tools said\n" in out
    assert "beta" not in out


def test_enable_auto_function_calls_becomes_an_explicit_loop():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool

        def shout(text: str) -> str:
            return text.upper()

        client.enable_auto_function_calls({shout})
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
        print(run.status)
    """))
    out = result.output
    assert "enable_auto_function_calls" not in out
    lines = out.splitlines()
    start = lines.index('while any(item.type == "function_call" for item in run.output):')
    assert lines[start - 1].startswith("run = openai_client.responses.create(conversation=thread.id")
    assert '"output": str({"shout": shout}[item.name](**json.loads(item.arguments)))}' in out
    assert lines[start + 6].startswith("    run = openai_client.responses.create(conversation=thread.id, "
                                       "input=function_outputs")
    assert lines[start + 7] == "print(run.status)"
    assert "no automatic function calling" in messages(result, "info")


def test_enable_auto_function_calls_with_unknown_functions_is_noted():
    result = convert_checked("client.enable_auto_function_calls(make_tools())\n"
                             "run = client.runs.create_and_process(thread_id=t, agent_id=a)\n")
    assert "enable_auto_function_calls" not in result.output
    assert "while" not in result.output
    assert "no automatic function calling" in messages(result, "warning")


def test_loop_without_submit_is_left_to_other_rules():
    code = RUN + "if run.status == 'requires_action':\n    handle(run)\n"
    result = convert_checked(code)
    assert "if run.status == 'requires_action':" in result.output
    assert "requires_action" in messages(result, "warning")


def test_async_submit_in_a_comprehension_loop():
    result = convert_checked(dedent("""
        from azure.ai.agents.aio import AgentsClient

        async def main():
            client = AgentsClient(endpoint=e, credential=c)
            run = await client.runs.create(thread_id=t.id, agent_id=agent.id)
            while run.status in ["queued", "in_progress", "requires_action"]:
                await asyncio.sleep(1)
                run = await client.runs.get(thread_id=t.id, run_id=run.id)
                if run.status == "requires_action":
                    tool_calls = run.required_action.submit_tool_outputs.tool_calls
                    outs = [ToolOutput(tool_call_id=c.id, output="1") for c in tool_calls]
                    await client.runs.submit_tool_outputs(thread_id=t.id, run_id=run.id, tool_outputs=outs)
    """))
    out = result.output
    assert 'outs = [{"type": "function_call_output", "call_id": c.call_id, "output": "1"} for c in tool_calls]' in out
    assert "            run = await openai_client.responses.create(conversation=t.id, input=outs," in out
    assert "asyncio.sleep" not in out and "runs.get" not in out
