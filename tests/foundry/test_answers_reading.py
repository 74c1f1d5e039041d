"""Reading answers after the run: text parts, last messages, run fields, usage, item loops."""
from __future__ import annotations

from helpers import convert_code

from .support import assert_converts, convert_checked, dedent, messages

HEADER = """
from azure.ai.agents import AgentsClient
client = AgentsClient(endpoint=e, credential=c)
"""
NEW_HEADER = """
from azure.ai.projects import AIProjectClient
client = AIProjectClient(endpoint=e, credential=c)
openai_client = client.get_openai_client()
"""


def test_text_value_of_a_part_held_in_a_variable():
    assert_converts(HEADER + """
        for msg in client.messages.list(thread_id=t):
            last_text = msg.text_messages[-1]
            print(f"{msg.role}: {last_text.text.value}")
    """.replace("\n        ", "\n"), NEW_HEADER + """
        for msg in openai_client.conversations.items.list(conversation_id=t):
            if msg.type != "message":
                continue
            last_text = msg.content[-1]
            print(f"{msg.role}: {last_text.text}")
    """.replace("\n        ", "\n"))


def test_text_value_in_a_handler_class_defined_before_any_call():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import AgentEventHandler, MessageTextContent
        class Handler(AgentEventHandler):
            def text_of(self, message):
                for part in message.content:
                    if isinstance(part, MessageTextContent):
                        return part.text.value
    """))
    assert "return part.text\n" in result.output
    assert 'if part.type in ("input_text", "output_text"):' in result.output


def test_text_value_stays_in_code_that_is_not_legacy():
    source = "import json\nprint(node.text.value)\n"
    assert convert_code(source).output == source


def test_last_message_by_role_after_a_run_reads_the_response():
    result = convert_checked(dedent("""
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
        reply = client.messages.get_last_message_by_role(thread_id=thread.id, role=MessageRole.AGENT)
        if reply:
            for part in reply.text_messages:
                print(part.text.value)
    """))
    assert 'reply = next((item for item in reversed(run.output) if item.type == "message"), None)\n' in result.output
    assert "    for part in reply.content:\n        print(part.text)\n" in result.output


def test_last_message_of_the_user_lists_the_conversation():
    result = convert_checked(dedent("""
        run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
        question = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.USER)
        print(question.text.value)
    """))
    assert ('question = next((item.content[-1] for item in openai_client.conversations.items.list('
            'conversation_id=thread.id, order="desc") if item.type == "message" and item.role == "user"), None)'
            in result.output)
    assert "print(question.text)\n" in result.output


def test_awaited_last_message_loses_its_await():
    result = convert_checked(dedent("""
        async def last(client, t):
            msg = await client.messages.get_last_message_by_role(thread_id=t, role="assistant")
            return msg
    """))
    assert "msg = next(iter([item async for item in openai_client.conversations.items.list(" in result.output
    assert "await next" not in result.output


def test_run_fields_on_runs_reached_other_ways():
    result = convert_checked(dedent("""
        from azure.ai.agents.models import AgentEventHandler
        class Handler(AgentEventHandler):
            def on_thread_run(self, run):
                if run.status == "failed":
                    print(run.last_error, run.usage.prompt_tokens, run.usage.completion_tokens)
    """))
    assert "print(run.error, run.usage.input_tokens, run.usage.output_tokens)" in result.output


def test_required_action_gets_a_note():
    result = convert_checked(dedent("""
        run = client.runs.create(thread_id=t, agent_id=a)
        log(run.required_action)
    """))
    assert "`function_call` items" in messages(result, "warning")


def test_required_action_rewritten_by_function_calling_gets_no_second_note():
    result = convert_checked(dedent("""
        run = client.runs.create(thread_id=t, agent_id=a)
        calls = run.required_action.submit_tool_outputs.tool_calls
    """))
    assert "calls = [item for item in run.output if item.type == \"function_call\"]" in result.output
    assert "required_action" not in messages(result)


def test_the_item_loop_guard_is_not_added_twice():
    result = convert_checked(HEADER.lstrip("\n") + "for m in client.messages.list(thread_id=t):\n    print(m.role)\n")
    assert result.output.count('if m.type != "message":') == 1
    assert "skips items that are not messages" in messages(result, "info")


def test_one_line_loop_gets_no_guard():
    result = convert_checked(HEADER.lstrip("\n") + "for m in client.messages.list(thread_id=t): print(m.role)\n")
    assert 'm.type != "message"' not in result.output


def test_chat_completion_usage_is_left_alone():
    result = convert_checked(dedent("""
        run = client.runs.create_and_process(thread_id=t, agent_id=a)
        print(run.usage.prompt_tokens)
        reply = other.chat.completions.create(model="m", messages=[])
        print(reply.usage.prompt_tokens)
    """))
    assert "print(run.usage.input_tokens)" in result.output
    assert "print(reply.usage.prompt_tokens)" in result.output


def test_the_item_loop_guard_goes_above_the_leading_comment():
    result = convert_checked(HEADER.lstrip("\n") + dedent("""
        for m in client.messages.list(thread_id=t):
            # print each answer
            print(m.role)
    """))
    assert 'if m.type != "message":\n        continue\n    # print each answer\n    print(m.role)\n' in result.output
