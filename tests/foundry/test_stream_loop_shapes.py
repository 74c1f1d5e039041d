"""Rule stream_loops: event tests nested in other branches, and several uses of the event in one line."""
from __future__ import annotations

from .support import convert_checked, dedent


def test_a_beta_event_test_nested_in_an_unrelated_branch_is_converted():
    result = convert_checked(dedent("""
        from openai import OpenAI
        client = OpenAI()
        stream = client.beta.threads.runs.create(thread_id=t, assistant_id=a, stream=True)
        for event in stream:
            if mode == "debug":
                print(event)
            else:
                if event.event == "thread.message.delta":
                    print(event.data.delta.content[0].text.value, end="")
            if verbose:
                if event.event == "thread.run.completed":
                    print(event.data.usage.completion_tokens)
    """))
    # the unrelated test stays; the text of a message delta is the delta of an output_text.delta event
    assert result.output.endswith(dedent("""
        for event in stream:
            if mode == "debug":
                print(event)
            else:
                if event.type == "response.output_text.delta":
                    print(event.delta, end="")
            if verbose:
                if event.type == "response.completed":
                    print(event.response.usage.output_tokens)
    """))


def test_every_use_of_the_event_tuple_in_a_line_is_renamed():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import MessageDeltaChunk
        client = AgentsClient(endpoint=e, credential=c)
        with client.runs.stream(thread_id=t, agent_id=a) as stream:
            for event_type, event_data, _ in stream:
                if isinstance(event_data, MessageDeltaChunk):
                    print(event_data.text, str(event_type))
    """))
    assert result.output.endswith(
        "    for event in stream:\n"
        '        if event.type == "response.output_text.delta":\n'
        "            print(event.delta, str(event.type))\n")
