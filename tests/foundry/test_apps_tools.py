"""Applications: tool loops (automatic function calls, requires_action, MCP approvals)."""
from __future__ import annotations

from .support import convert_checked, dedent, messages

SHOP_ASSISTANT = '''
import json

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import FunctionTool, ToolSet
from azure.identity import DefaultAzureCredential


def opening_hours(shop: str) -> str:
    """Opening hours of a shop.

    :param shop: the shop's name
    """
    return json.dumps({"shop": shop, "hours": "9-17"})


class ShopAssistant:
    def __init__(self, endpoint):
        self.client = AgentsClient(endpoint=endpoint, credential=DefaultAzureCredential())
        toolset = ToolSet()
        toolset.add(FunctionTool(functions={opening_hours}))
        self.client.enable_auto_function_calls(toolset)
        self.agent = self.client.create_agent(model="gpt-4o", name="shop-helper", instructions="Help.", toolset=toolset)

    def ask(self, question):
        thread = self.client.threads.create()
        self.client.messages.create(thread_id=thread.id, role="user", content=question)
        run = self.client.runs.create_and_process(thread_id=thread.id, agent_id=self.agent.id)
        return run.status

    def ask_again(self, thread_id):
        return self.client.runs.create_and_process(thread_id=thread_id, agent_id=self.agent.id)
'''


def test_auto_function_calls_in_a_class_become_the_promised_loop():
    result = convert_checked(dedent(SHOP_ASSISTANT))
    out = result.output
    assert "enable_auto_function_calls" not in out
    loop = (
        "        run = self.openai_client.responses.create(conversation=thread.id, extra_body={\"agent_reference\": "
        "{\"name\": self.agent.name, \"version\": self.agent.version, \"type\": \"agent_reference\"}})\n"
        "        while any(item.type == \"function_call\" for item in run.output):\n"
        "            function_outputs = [\n"
        "                {\"type\": \"function_call_output\", \"call_id\": item.call_id,\n"
        "                 \"output\": str({\"opening_hours\": opening_hours}[item.name](**json.loads(item.arguments)))}\n"
        "                for item in run.output if item.type == \"function_call\"\n"
        "            ]\n"
        "            run = self.openai_client.responses.create(conversation=thread.id, input=function_outputs, "
        "extra_body={\"agent_reference\": {\"name\": self.agent.name, \"version\": self.agent.version, "
        "\"type\": \"agent_reference\"}})\n"
        "        return run.status\n"
    )
    assert loop in out
    assert "a loop after each response now runs the requested functions" in messages(result, "info")


def test_a_returned_run_keeps_its_response_for_the_loop():
    out = convert_checked(dedent(SHOP_ASSISTANT)).output
    tail = out[out.index("    def ask_again(self, thread_id):"):]
    assert tail.startswith(
        "    def ask_again(self, thread_id):\n"
        "        response = self.openai_client.responses.create(conversation=thread_id, ")
    assert "        while any(item.type == \"function_call\" for item in response.output):\n" in tail
    assert tail.endswith("        return response\n")


def test_functions_only_known_in_another_method_get_an_error_not_a_broken_loop():
    source = dedent(SHOP_ASSISTANT).replace(
        "        toolset = ToolSet()\n",
        "        tools_here = {opening_hours}\n        toolset = ToolSet()\n",
    ).replace("FunctionTool(functions={opening_hours})", "FunctionTool(functions=tools_here)")
    result = convert_checked(source)
    assert "function_outputs" not in result.output
    errors = [n for n in result.notes if n.severity == "error" and n.rule == "function_calling"]
    assert errors and "`tools_here`" in errors[0].message


MCP_APPROVALS = '''
import time

from azure.ai.agents import AgentsClient
from azure.ai.agents.models import RequiredMcpToolCall, SubmitToolApprovalAction, ToolApproval
from azure.identity import DefaultAzureCredential

client = AgentsClient(endpoint="https://example", credential=DefaultAzureCredential())


def run_with_approvals(thread_id, agent):
    run = client.runs.create(thread_id=thread_id, agent_id=agent.id)
    while run.status in ["queued", "in_progress", "requires_action"]:
        time.sleep(1)
        run = client.runs.get(thread_id=thread_id, run_id=run.id)
        if run.status == "requires_action" and isinstance(run.required_action, SubmitToolApprovalAction):
            approvals = []
            for tool_call in run.required_action.submit_tool_approval.tool_calls:
                if isinstance(tool_call, RequiredMcpToolCall):
                    approvals.append(ToolApproval(tool_call_id=tool_call.id, approve=True))
            if approvals:
                client.runs.submit_tool_outputs(thread_id=thread_id, run_id=run.id, tool_approvals=approvals)
    return run.status
'''


def test_mcp_approval_requests_get_approval_responses():
    out = convert_checked(dedent(MCP_APPROVALS)).output
    assert "    while any(item.type == \"mcp_approval_request\" for item in run.output):\n" in out
    assert "        if any(item.type == \"mcp_approval_request\" for item in run.output):\n" in out
    assert "for tool_call in [item for item in run.output if item.type == \"mcp_approval_request\"]:" in out
    assert "if tool_call.type == \"mcp_approval_request\":" in out
    assert ('approvals.append({"type": "mcp_approval_response", "approval_request_id": tool_call.id, '
            '"approve": True})') in out
    assert "run = openai_client.responses.create(conversation=thread_id, input=approvals, " in out
    assert "input=[]" not in out and "required_action" not in out and "ToolApproval" not in out


def test_function_outputs_and_approvals_in_one_loop():
    source = dedent(MCP_APPROVALS).replace(
        "tool_approvals=approvals)", "tool_outputs=outputs, tool_approvals=approvals)")
    out = convert_checked(source).output
    assert "input=[*outputs, *approvals]" in out
    assert 'while any(item.type in ("function_call", "mcp_approval_request") for item in run.output):' in out


def test_tool_outputs_sent_in_another_function_do_not_copy_its_agent_variable():
    result = convert_checked(dedent('''
        from openai import OpenAI

        client = OpenAI()


        def start(thread_id, assistant_id):
            run = client.beta.threads.runs.create(thread_id=thread_id, assistant_id=assistant_id)
            return run


        def answer_tools(thread_id, run, outputs):
            client.beta.threads.runs.submit_tool_outputs(thread_id=thread_id, run_id=run.id, tool_outputs=outputs)
        '''))
    tail = result.output[result.output.index("def answer_tools"):]
    assert "assistant_id" not in tail
    assert '"agent_reference": {"name": "my-agent", "type": "agent_reference"}' in tail
    assert "agent `assistant_id`, which is not known here" in messages(result, "warning")


def test_tool_outputs_in_the_same_function_use_the_agent_in_scope():
    out = convert_checked(dedent('''
        def serve(client, thread_id, helper, outputs):
            run = client.runs.create(thread_id=thread_id, agent_id=helper.id)
            client.runs.submit_tool_outputs(thread_id=thread_id, run_id=run.id, tool_outputs=outputs)
        ''')).output
    assert out.count('extra_body={"agent_reference": {"name": helper.id, "type": "agent_reference"}}') == 2


def test_requires_action_on_a_run_passed_in_is_converted_with_its_submission():
    out = convert_checked(dedent('''
        import time

        from azure.ai.agents import AgentsClient


        def handle_run(client: AgentsClient, thread_id, run, tools):
            while run.status in ("queued", "in_progress", "requires_action"):
                if run.status == "requires_action":
                    outputs = tools.execute_tool_calls(run.required_action.submit_tool_outputs.tool_calls)
                    run = client.runs.submit_tool_outputs(thread_id=thread_id, run_id=run.id, tool_outputs=outputs)
                else:
                    time.sleep(1)
                    run = client.runs.get(thread_id=thread_id, run_id=run.id)
            return run
        ''')).output
    assert "    while any(item.type == \"function_call\" for item in run.output):\n" in out
    assert "        if any(item.type == \"function_call\" for item in run.output):\n" in out
    assert "required_action" not in out and "requires_action" not in out
    assert "run = openai_client.responses.create(conversation=thread_id, input=outputs, " in out
