"""Streaming remainders: the OpenAI beta `for event in stream` form."""
from __future__ import annotations

from .support import convert_checked, dedent


def test_beta_event_loop_reads_response_events():
    result = convert_checked(dedent("""
        from openai import OpenAI
        client = OpenAI()
        stream = client.beta.threads.runs.create(thread_id=t, assistant_id=a, stream=True)
        for event in stream:
            if event.event == "thread.message.delta":
                print(event.data.delta.content[0].text.value, end="")
            elif event.event == "thread.run.completed":
                print(event.data.usage.completion_tokens)
            elif event.event == "thread.run.step.created":
                print(event.data.id)
    """))
    out = result.output
    assert '    if event.type == "response.output_text.delta":\n        print(event.delta, end="")\n' in out
    assert '    elif event.type == "response.completed":\n        print(event.response.usage.output_tokens)\n' in out
    assert "    elif False:\n" in out and "# TODO(migration): `event.event == \"thread.run.step.created\"`" in out
    assert any(n.rule == "stream_loops" and n.line == 9 and n.severity == "warning" for n in result.notes)


def test_beta_event_loop_inside_a_stream_context():
    result = convert_checked(dedent("""
        from openai import OpenAI
        client = OpenAI()
        with client.beta.threads.runs.stream(thread_id=t, assistant_id=a) as stream:
            for event in stream:
                if event.event == "thread.message.completed":
                    print(event.data.content[0].text.value)
    """))
    assert ('if event.type == "response.output_item.done" and event.item.type == "message":\n'
            '            print(event.item.content[0].text)\n') in result.output
