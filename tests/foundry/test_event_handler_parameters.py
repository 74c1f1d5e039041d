"""Rule event_handlers: parameters of handler methods (string annotations, extra and defaulted
parameters, attributes the new value lacks)."""
from __future__ import annotations

from .support import convert_checked, dedent


def test_string_annotations_extra_parameters_and_missing_fields():
    result = convert_checked(dedent('''
        from azure.ai.agents.models import AgentEventHandler, MessageDeltaChunk, ThreadMessage


        class Handler(AgentEventHandler):
            def on_message_delta(self, delta: "MessageDeltaChunk") -> None:
                print(delta.text, end="")

            def on_thread_message(self, message: "ThreadMessage") -> None:
                print(message.thread_id)

            def on_unhandled_event(self, event_type, event_data, where) -> None:
                print(event_type, where)


        def is_message(x):
            return isinstance(x, ThreadMessage)
    '''))
    # MessageDeltaChunk was only a string annotation: its import goes; ThreadMessage is still used below
    assert result.output == dedent('''
        from azure.ai.agents.models import ThreadMessage
        from openai.types.responses import ResponseOutputMessage


        class Handler:
            def on_message_delta(self, delta: str) -> None:
                print(delta, end="")

            def on_thread_message(self, message: ResponseOutputMessage) -> None:
                print(message.thread_id)

            def on_unhandled_event(self, event_type, event_data, where=None) -> None:
                print(event_type, where)


        def is_message(x):
            return isinstance(x, ThreadMessage)
    ''')
    warnings = {(n.line, n.message.split(":")[0]): n.message for n in result.notes
                if n.rule == "event_handlers" and n.severity == "warning"}
    # a message output item has id, content, role, status, type and phase (openai.types.responses)
    assert "(it has content, id, phase, role, status, type)" in warnings[(9, "`message.thread_id`")]
    assert (11, "`where` is no longer passed (it is None)") in warnings


def test_a_parameter_with_a_default_keeps_it():
    result = convert_checked(dedent('''
        from openai import AssistantEventHandler


        class Printer(AssistantEventHandler):
            def on_text_delta(self, delta, snapshot=None):
                print(delta.value, end="")
    '''))
    assert result.output.endswith(dedent('''
        class Printer:
            def on_text_delta(self, delta, snapshot=None):
                print(delta, end="")
    '''))
