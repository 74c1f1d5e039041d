"""Rule reading_results: listing options the new call lacks, the last answer read as a message, a call
without a thread."""
from __future__ import annotations

from .support import convert_checked, dedent


def test_listing_options_last_message_reads_and_a_missing_thread():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import MessageRole

        client = AgentsClient(endpoint=e, credential=c)
        messages = client.messages.list(thread_id=t, before=cursor)
        last = client.messages.get_last_message_by_role(thread_id=t, role=MessageRole.AGENT)
        print(last.text_messages[0].text.value)
        orphan = client.messages.get_last_message_by_role(role=MessageRole.AGENT)
    """))
    # conversations.items.list has no `before`; the newest assistant message item is read from a
    # descending listing, and its text parts are `content` with a str `.text`
    assert result.output.endswith(dedent("""
        messages = openai_client.conversations.items.list(conversation_id=t)
        last = next((item for item in openai_client.conversations.items.list(conversation_id=t, order="desc") if item.type == "message" and item.role == "assistant"), None)
        print(last.content[0].text)
        orphan = client.messages.get_last_message_by_role(role="assistant")
    """))
    notes = {(n.line, n.severity, n.message[:40]) for n in result.notes if n.rule == "reading_results"}
    assert (5, "warning", "`before=cursor` is not an option of conv") in notes
    assert (8, "warning", "No thread was given: read the answer fro") in notes
