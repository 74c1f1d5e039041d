"""Rule function_calling: the whole text of its advice, and the loop body it keeps, for MCP approvals,
functions it cannot find, and functions it knows from the FunctionTools of the code."""
from __future__ import annotations

from .support import convert_checked, dedent

REF = '{"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}}'


def notes_of(result, severity=None):
    return [(n.line, n.severity, n.message) for n in result.notes
            if n.rule == "function_calling" and severity in (None, n.severity)]


def test_approvals_with_headers_in_a_polling_loop():
    result = convert_checked(dedent("""
        import time
        from azure.ai.agents.models import ToolApproval

        agent = client.create_agent(model="m", name="n")
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        while run.status in ("queued", "in_progress", "requires_action"):
            time.sleep(1)
            log("polling")
            run = client.runs.get(thread_id=thread.id, run_id=run.id)
            if run.status == "requires_action":
                approvals = [ToolApproval(tool_call_id=c.id, approve=True, headers=h)
                             for c in run.required_action.submit_tool_approval.tool_calls]
                client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_approvals=approvals)
    """))
    # the sleep and the re-read go (nothing is polled); other statements of the loop stay
    assert result.output.endswith(dedent(f"""
        while any(item.type == "mcp_approval_request" for item in run.output):
            log("polling")
            if any(item.type == "mcp_approval_request" for item in run.output):
                approvals = [{{"type": "mcp_approval_response", "approval_request_id": c.id, "approve": True}}
                             for c in [item for item in run.output if item.type == "mcp_approval_request"]]
                run = openai_client.responses.create(conversation=thread.id, input=approvals, extra_body={REF})
    """))
    assert (11, "warning", "An MCP approval response carries no headers: give them to the MCPTool of the agent "
            "definition (headers=...) instead.") in notes_of(result)


def test_approval_with_unknown_fields_stays():
    result = convert_checked(dedent("""
        agent = client.create_agent(model="m", name="n")
        run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
        for c in run.required_action.submit_tool_approval.tool_calls:
            approvals.append(ToolApproval(tool_call_id=c.id, approve=True, reason="ok"))
    """))
    assert "    approvals.append(ToolApproval(tool_call_id=c.id, approve=True, reason=\"ok\"))\n" in result.output


def test_functions_that_cannot_be_found_get_the_manual_advice():
    result = convert_checked("client.enable_auto_function_calls(functions=make_functions())\n")
    assert result.output == ""
    assert notes_of(result) == [(1, "warning", (
        "There is no automatic function calling in the 2.x client: after each response, run the function_call "
        "items of response.output yourself and send function_call_output items back (the functions could not "
        "be found here)."))]


def test_functions_given_but_no_response_made_here():
    result = convert_checked("client.enable_auto_function_calls(toolset={ping})\n")
    assert result.output == ""
    assert notes_of(result) == [(1, "warning", (
        "There is no automatic function calling in the 2.x client, and this code creates no response itself: "
        "wherever its responses are created (the code this client is given to), run their function_call items "
        "with these functions (`{ping}`) and send function_call_output items back. A converted module runs only "
        "the functions of the FunctionTools it builds itself."))]


def test_the_loop_for_the_function_tools_built_here():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import FunctionTool


        def ping() -> str:
            return "pong"


        def echo(text: str) -> str:
            return text


        tools = FunctionTool({ping, echo})
        agent = client.create_agent(model="m", name="n", tools=tools.definitions)
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
    """))
    assert result.output.endswith(dedent(f"""
        while any(item.type == "function_call" for item in run.output):
            function_outputs = [
                {{"type": "function_call_output", "call_id": item.call_id,
                 "output": str({{"ping": ping, "echo": echo}}[item.name](**json.loads(item.arguments)))
                 if item.name in {{"ping", "echo"}}
                 else json.dumps({{"error": f"Function '{{item.name}}' is not run by this code"}})}}
                for item in run.output if item.type == "function_call"
            ]
            run = openai_client.responses.create(conversation=thread.id, input=function_outputs, extra_body={REF})
    """))
    assert notes_of(result, "warning") == [(14, "warning", (
        "Added the loop that runs the functions the response asks for (what create_and_process did with the "
        "functions given to enable_auto_function_calls). It knows the functions of the FunctionTools built here "
        "(`ping`, `echo`); add any other function your agents are given to its table, or the model gets an error "
        "output for it."))]
