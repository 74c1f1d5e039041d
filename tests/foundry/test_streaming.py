"""Rules event_handlers, streaming and stream_loops: streamed runs become streamed responses."""
from __future__ import annotations

import ast

import pytest

from helpers import convert_code
from helpers.foundry.stream_events import ARGUMENTS_DELTA, MAPPED, MESSAGE, OUTPUT_TEXT, UNMAPPED

from .support import assert_converts, convert_checked, dedent, messages

REF = '{"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}}'
REF_ID = '{"agent_reference": {"name": agent.id, "type": "agent_reference"}}'

PAIRS = {
    "handler_until_done": (
        """
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import AgentEventHandler, MessageDeltaChunk

        class Printer(AgentEventHandler):
            def on_message_delta(self, delta: "MessageDeltaChunk") -> None:
                print(delta.text, end="")

            def on_done(self) -> None:
                print()

        client = AgentsClient(endpoint=e, credential=c)
        agent = client.create_agent(model="gpt-4.1", name="poet")
        with client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=Printer()) as stream:
            stream.until_done()
        """,
        f"""
        from azure.ai.projects import AIProjectClient
        from azure.ai.projects.models import PromptAgentDefinition

        class Printer:
            def on_message_delta(self, delta: str) -> None:
                print(delta, end="")

            def on_done(self) -> None:
                print()

        client = AIProjectClient(endpoint=e, credential=c)
        openai_client = client.get_openai_client()
        agent = client.agents.create_version(agent_name="poet", definition=PromptAgentDefinition(model="gpt-4.1"))
        handler = Printer()
        with openai_client.responses.create(conversation=thread.id, extra_body={REF}, stream=True) as stream:
            for event in stream:
                if event.type == "response.output_text.delta":
                    handler.on_message_delta(event.delta)
            handler.on_done()
        """,
    ),
    "handler_in_a_variable_and_assigned_stream": (
        """
        class Printer(AgentEventHandler):
            def on_error(self, data):
                log(data)

            def on_unhandled_event(self, event_type, event_data):
                log(event_type)

        printer = Printer()
        stream = project_client.agents.runs.stream(thread_id=t, agent_id=agent.id, event_handler=printer)
        stream.until_done()
        """,
        f"""
        class Printer:
            def on_error(self, data):
                log(data)

            def on_unhandled_event(self, event_type, event_data):
                log(event_type)

        printer = Printer()
        openai_client = project_client.get_openai_client()
        stream = openai_client.responses.create(conversation=t, extra_body={REF_ID}, stream=True)
        for event in stream:
            if event.type == "error":
                printer.on_error(event.message)
            elif event.type == "response.failed":
                printer.on_error(str(event.response.error))
            else:
                printer.on_unhandled_event(event.type, event)
        """,
    ),
    "no_handler_until_done": (
        """
        with client.runs.stream(thread_id=t, agent_id=agent.id) as stream:
            stream.until_done()  # just wait
        """,
        """
        openai_client = client.get_openai_client()
        with openai_client.responses.create(conversation=t, extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}}, stream=True) as stream:
            for event in stream:
                pass  # read the whole stream  # just wait
        """,
    ),
    "iteration": (
        """
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import AgentStreamEvent, MessageDeltaChunk, ThreadMessage, ThreadRun

        client = AgentsClient(endpoint=e, credential=c)
        with client.runs.stream(thread_id=t, agent_id=a) as stream:
            for event_type, event_data, _ in stream:
                if isinstance(event_data, MessageDeltaChunk):
                    print(event_data.text, end="")
                elif isinstance(event_data, ThreadMessage):
                    print(event_data.id)
                elif isinstance(event_data, ThreadRun):
                    print(event_data.status)
                elif event_type == AgentStreamEvent.DONE:
                    break
                else:
                    print(event_type)
        """,
        """
        from azure.ai.projects import AIProjectClient

        client = AIProjectClient(endpoint=e, credential=c)
        openai_client = client.get_openai_client()
        with openai_client.responses.create(conversation=t, extra_body={"agent_reference": {"name": a, "type": "agent_reference"}}, stream=True) as stream:
            for event in stream:
                if event.type == "response.output_text.delta":
                    print(event.delta, end="")
                elif event.type in ("response.output_item.added", "response.output_item.done") and event.item.type == "message":
                    print(event.item.id)
                # TODO(migration): `isinstance(event_data, ThreadRun)` -- UNMAPPED_RUN
                elif False:
                    print(event.status)
                elif event.type == "response.completed":
                    break
                else:
                    print(event.type)
        """.replace("UNMAPPED_RUN", UNMAPPED["on_thread_run"]),
    ),
    "openai_beta_handler": (
        """
        # stream one answer
        from openai import AssistantEventHandler

        class EventHandler(AssistantEventHandler):
            def on_text_created(self, text) -> None:
                print("assistant >", text.value)

            def on_text_delta(self, delta, snapshot):
                print(delta.value, end="")

            def on_tool_call_created(self, tool_call):
                print(tool_call.function.name)

            def on_end(self):
                print("end")

        with client.beta.threads.runs.stream(
            thread_id=thread.id,
            assistant_id=assistant.id,
            event_handler=EventHandler(),
        ) as stream:
            stream.until_done()
        """,
        """
        # stream one answer

        class EventHandler:
            def on_text_created(self, text) -> None:
                print("assistant >", text.text)

            def on_text_delta(self, delta, snapshot=None):
                print(delta, end="")

            def on_tool_call_created(self, tool_call):
                print(tool_call.name)

            def on_end(self):
                print("end")

        handler = EventHandler()
        with client.responses.create(
            conversation=thread.id,
            extra_body={"agent_reference": {"name": assistant.id, "type": "agent_reference"}},
            stream=True,
        ) as stream:
            for event in stream:
                if event.type == "response.content_part.added" and event.part.type == "output_text":
                    handler.on_text_created(event.part)
                elif event.type == "response.output_text.delta":
                    handler.on_text_delta(event.delta)
                elif event.type == "response.output_item.added" and event.item.type != "message":
                    handler.on_tool_call_created(event.item)
            handler.on_end()
        """,
    ),
    "openai_text_deltas": (
        """
        with client.beta.threads.runs.stream(thread_id=t, assistant_id=a) as stream:
            for text in stream.text_deltas:
                print(text, end="")
        """,
        """
        with client.responses.create(conversation=t, extra_body={"agent_reference": {"name": a, "type": "agent_reference"}}, stream=True) as stream:
            for text in (event.delta for event in stream if event.type == "response.output_text.delta"):
                print(text, end="")
        """,
    ),
    "projects_1x_create_stream": (
        """
        from azure.ai.projects import AIProjectClient

        project = AIProjectClient(endpoint=e, credential=c)
        with project.agents.create_stream(thread_id=t, assistant_id=agent.id) as stream:
            stream.until_done()
        """,
        """
        from azure.ai.projects import AIProjectClient

        project = AIProjectClient(endpoint=e, credential=c)
        openai_client = project.get_openai_client()
        with openai_client.responses.create(conversation=t, extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}}, stream=True) as stream:
            for event in stream:
                pass  # read the whole stream
        """,
    ),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_before_after(name):
    before, after = PAIRS[name]
    assert_converts(before, after)


UNCHANGED = [
    # already the new API
    """
    with openai_client.responses.create(conversation=c.id, extra_body=ref, stream=True) as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                print(event.delta, end="")
    """,
    # a handler class from the user's own library
    """
    from mylib.events import AgentEventHandler

    class Printer(AgentEventHandler):
        def on_message_delta(self, delta):
            print(delta.text)
    """,
    # some other object with until_done and a 3-tuple loop
    """
    from azure.ai.agents import AgentsClient

    job = scheduler.start()
    job.until_done()
    for a, b, c in job:
        print(a, b, c)
    """,
    # streaming with the plain OpenAI Responses API
    """
    from openai import OpenAI

    client = OpenAI()
    with client.responses.stream(model="gpt-4.1", input="Hi") as stream:
        for event in stream:
            print(event.type)
    """,
]


@pytest.mark.parametrize("source", UNCHANGED)
def test_unchanged(source):
    source = dedent(source)
    result = convert_checked(source)
    assert result.output == source and not result.changed


def test_unmapped_handler_methods_are_noted_with_their_lines():
    result = convert_checked(dedent(
        """
        class H(AgentEventHandler):
            def on_message_delta(self, delta):
                print(delta.text)

            def on_thread_run(self, run):
                print(run.status)

            def on_run_step(self, step):
                print(step.type)
        """
    ))
    unmapped = {n.line: n.message for n in result.notes if n.severity == "warning"}
    assert set(unmapped) == {5, 8}
    assert "`on_thread_run` (line 5) is no longer called" in unmapped[5]
    assert "`on_run_step` (line 8) is no longer called" in unmapped[8]
    assert "def on_thread_run(self, run):\n        print(run.status)" in result.output  # kept in place


def test_attributes_the_new_value_lacks_are_noted():
    result = convert_checked(dedent(
        """
        class H(AssistantEventHandler):
            def on_tool_call_delta(self, delta, snapshot):
                if delta.type == "code_interpreter":
                    print(delta.code_interpreter.input, snapshot)
        """
    ))
    notes = [n for n in result.notes if n.severity == "warning"]
    by_line = {n.line: n.message for n in notes}
    assert sorted(by_line) == [2, 4]
    assert "`snapshot` is no longer passed" in by_line[2]
    assert "`delta.code_interpreter`" in by_line[4]
    assert "def on_tool_call_delta(self, delta, snapshot=None):" in result.output


def test_async_handler_methods_are_awaited_and_results_kept():
    result = convert_checked(dedent(
        """
        class H(AsyncAgentEventHandler[str]):
            async def on_message_delta(self, delta):
                return delta.text

        async def go(client, t, agent):
            async with await client.runs.stream(thread_id=t, agent_id=agent.id, event_handler=H()) as stream:
                async for event_type, event_data, text in stream:
                    print(event_type, text)
        """
    ))
    out = result.output
    assert "async with await openai_client.responses.create(" in out
    assert "        async for event in stream:\n            text = None\n" in out
    assert "                text = await handler.on_message_delta(event.delta)\n" in out
    assert "            print(event.type, text)\n" in out


def test_submit_tool_outputs_stream_is_noted_and_kept():
    source = "with client.runs.submit_tool_outputs_stream(thread_id=t, run_id=r, tool_outputs=o, event_handler=h) as s:\n    s.until_done()\n"
    result = convert_checked(source)
    assert "submit_tool_outputs_stream(" in result.output
    assert "function_call_output" in messages(result, "warning")
    assert result.notes[0].line == 1


def test_other_uses_of_the_stream_are_noted():
    result = convert_checked(
        "with client.runs.stream(thread_id=t, agent_id=a) as stream:\n"
        "    stream.until_done()\n"
        "    run = stream.get_final_run()\n"
    )
    note = next(n for n in result.notes if "get_final_run" in n.message)
    assert note.line == 3 and "response.completed" in note.message


def test_event_name_avoids_a_name_in_use():
    result = convert_checked(
        "event = 'launch'\n"
        "with client.runs.stream(thread_id=t, agent_id=a) as stream:\n"
        "    for kind, data, _ in stream:\n"
        "        print(kind, event)\n"
    )
    assert "for stream_event in stream:" in result.output
    assert "print(stream_event.type, event)" in result.output


def test_new_value_fields_match_the_installed_openai_models():
    from openai.types.responses import ResponseFunctionCallArgumentsDeltaEvent, ResponseOutputMessage, ResponseOutputText

    assert MESSAGE == set(ResponseOutputMessage.model_fields)
    assert OUTPUT_TEXT == set(ResponseOutputText.model_fields)
    assert ARGUMENTS_DELTA == set(ResponseFunctionCallArgumentsDeltaEvent.model_fields)


def test_every_event_type_in_the_table_exists_in_openai():
    import typing

    from openai.types.responses import ResponseStreamEvent

    union = typing.get_args(ResponseStreamEvent)[0]
    known = {typing.get_args(c.model_fields["type"].annotation)[0] for c in typing.get_args(union)}
    written = set()
    for callbacks in MAPPED.values():
        for callback in callbacks.values():
            for branch in callback.branches:
                for node in ast.walk(ast.parse(branch.condition)):
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and "." in node.value:
                        written.add(node.value)
    assert written and written <= known, written - known


def test_bad_input_raises_input_error():
    from helpers.errors import InputError

    with pytest.raises(InputError):
        convert_code("with client.runs.stream(thread_id=t as stream:\n    stream.until_done()\n")


def test_openai_runs_create_with_stream_true_notes_the_old_event_shape():
    result = convert_checked(
        "stream = client.beta.threads.runs.create(thread_id=t, assistant_id=a, stream=True)\n"
        "for event in stream:\n"
        "    if event.event == 'thread.message.delta':\n"
        "        print(event.data.delta.content[0].text.value)\n"
    )
    assert "stream = client.responses.create(conversation=t" in result.output and "stream=True)" in result.output
    note = next(n for n in result.notes if n.rule == "stream_loops")
    assert note.line == 2 and "event.type" in note.message


def test_stream_without_a_name_gets_advice():
    result = convert_checked("with client.runs.stream(thread_id=t, agent_id=a):\n    pass\n")
    assert "openai_client.responses.create(" in result.output and "stream=True" in result.output
    assert "for event in stream" in messages(result, "warning")


def test_handler_class_with_several_bases_keeps_the_others():
    result = convert_checked(
        "class H(Mixin, AgentEventHandler):\n    def on_done(self):\n        print('x')\n"
        "class G(AgentEventHandler[str], Mixin):\n    def on_done(self):\n        return 'x'\n"
    )
    assert "class H(Mixin):" in result.output and "class G(Mixin):" in result.output


def test_handler_made_by_a_factory_is_created_once_and_its_comment_kept():
    result = convert_checked(
        "with client.runs.stream(\n"
        "    thread_id=t,\n"
        "    agent_id=a,\n"
        "    event_handler=handlers.Printer(),  # prints as it goes\n"
        ") as stream:\n"
        "    stream.until_done()\n"
    )
    out = result.output
    assert "handler = handlers.Printer()\n# prints as it goes\nwith openai_client.responses.create(\n" in out
    assert "handlers.Printer()" not in out.split("with ", 1)[1]
    assert "not a legacy handler class" in messages(result, "warning")


@pytest.mark.parametrize("test", [
    "event_type in (AgentStreamEvent.THREAD_RUN_CREATED, AgentStreamEvent.THREAD_RUN_QUEUED)",
    "event_type == AgentStreamEvent.THREAD_RUN_STEP_CREATED",
    "event_type == 'thread.run.step.created'",
])
def test_legacy_event_names_without_counterpart_disable_their_branch(test):
    result = convert_checked(
        "with client.runs.stream(thread_id=t, agent_id=a) as stream:\n"
        "    for event_type, event_data, _ in stream:\n"
        f"        if {test}:\n"
        "            print(event_data)\n"
    )
    assert "        if False:\n            print(event)\n" in result.output
    assert "        # TODO(migration): `" in result.output
    assert any(n.line == 3 and n.severity == "warning" for n in result.notes)


def test_using_the_delta_as_an_object_is_noted():
    result = convert_checked(
        "class H(AgentEventHandler):\n"
        "    def on_message_delta(self, delta):\n"
        "        print(delta.text, delta.delta.content)\n"
    )
    assert "print(delta, delta.delta.content)" in result.output
    note = next(n for n in result.notes if n.severity == "warning")
    assert note.line == 3 and "it is a string" in note.message
