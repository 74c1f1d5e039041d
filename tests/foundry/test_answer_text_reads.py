"""Every read of a last-message text that became `response.output_text` reads the str itself (issue 18)."""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent

HEAD = """
    from azure.ai.agents import AgentsClient
    from azure.ai.agents.models import MessageRole

    client = AgentsClient(endpoint=e, credential=c)
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=helper.id)
    answer = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT)
"""
NEW_HEAD = """
    from azure.ai.projects import AIProjectClient

    client = AIProjectClient(endpoint=e, credential=c)
    openai_client = client.get_openai_client()
    run = openai_client.responses.create(conversation=thread.id, extra_body={"agent_reference": {"name": helper.id, "type": "agent_reference"}})
    answer = run.output_text
"""


def test_a_test_of_the_text_after_a_test_of_the_answer_is_the_same_test_and_goes():
    assert_converts(HEAD + """
    if answer and answer.text:
        print(answer.text.value)
    """, NEW_HEAD + """
    if answer:
        print(answer)
    """)


def test_text_and_text_value_of_the_answer_are_the_answer_everywhere():
    assert_converts(HEAD + """
    shown = answer.text or "(nothing)"
    wrapped = (answer.text)
    picked = answer.text.value if answer is not None and (answer.text) else ""
    """, NEW_HEAD + """
    shown = answer or "(nothing)"
    wrapped = (answer)
    picked = answer if answer is not None and (answer) else ""
    """)


def test_a_repeated_test_in_an_or_goes_too_and_other_tests_stay():
    assert_converts(HEAD + """
    if ready or answer or answer.text:
        print("done")
    if answer.text and ready:
        print("ready")
    """, NEW_HEAD + """
    if ready or answer:
        print("done")
    if answer and ready:
        print("ready")
    """)


def test_the_text_of_a_content_part_read_from_the_conversation_stays_an_attribute():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import MessageRole

        client = AgentsClient(endpoint=e, credential=c)
        part = client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.USER)
        if part and part.text:
            print(part.text.value)
    """))
    assert "if part and part.text:\n    print(part.text)\n" in result.output
