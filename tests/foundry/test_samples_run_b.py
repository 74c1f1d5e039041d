"""Converted legacy samples that must run: generated files, citations, file batches, stream handlers."""
from __future__ import annotations

from .support import convert_checked, dedent, messages

LEGACY = "from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"


def test_image_saved_from_a_loop_over_images_comes_from_its_container():
    result = convert_checked(LEGACY + dedent("""
        for msg in client.messages.list(thread_id=t):
            for img in msg.image_contents:
                file_id = img.image_file.file_id
                client.files.save(file_id=file_id, file_name=f"{file_id}.png")
    """))
    assert ('        openai_client.containers.files.content.retrieve(file_id, container_id=img.container_id)'
            '.write_to_file(f"{file_id}.png")\n') in result.output
    assert "files.content(" not in result.output.replace("containers.files.content.retrieve", "")
    assert "`img` is a file the code interpreter made" in messages(result, "info")


def test_file_path_annotation_saved_directly_comes_from_its_container():
    result = convert_checked(LEGACY + dedent("""
        async def main(msg):
            for ann in msg.file_path_annotations:
                await client.files.save(ann.file_path.file_id, "out.csv")
    """))
    assert ("        (await openai_client.containers.files.content.retrieve(ann.file_id, "
            "container_id=ann.container_id)).write_to_file(\"out.csv\")\n") in result.output


def test_file_saved_outside_a_generated_files_loop_still_comes_from_the_files_api():
    result = convert_checked(LEGACY + dedent("""
        for img in msg.image_contents:
            print(img.image_file.file_id)
        client.files.save(file_id=uploaded.id, file_name="copy.png")
    """))
    assert 'openai_client.files.content(uploaded.id).write_to_file("copy.png")\n' in result.output
    assert "container_id=" not in result.output


def test_file_citation_placeholder_and_positions_become_filename_and_index():
    result = convert_checked(LEGACY + dedent("""
        for msg in client.messages.list(thread_id=t):
            for annotation in msg.file_citation_annotations:
                print(annotation.text, annotation.file_citation.file_id, annotation.start_index, annotation.end_index)
    """))
    assert "print(annotation.filename, annotation.file_id, annotation.index, annotation.index)" in result.output
    warnings = messages(result, "warning")
    assert "became `annotation.filename`" in warnings and "marks one place, `annotation.index`" in warnings


def test_container_file_placeholder_becomes_filename_and_keeps_its_span():
    result = convert_checked(LEGACY + dedent("""
        for msg in client.messages.list(thread_id=t):
            for ann in msg.file_path_annotations:
                print(ann.text, ann.start_index, ann.end_index)
    """))
    assert "print(ann.filename, ann.start_index, ann.end_index)" in result.output


def test_a_name_reused_after_the_annotation_loop_is_left_alone():
    result = convert_checked(LEGACY + dedent("""
        for msg in client.messages.list(thread_id=t):
            for ann in msg.file_citation_annotations:
                print(ann.text)
        ann = other_thing()
        print(ann.text)
    """))
    assert result.output.endswith("ann = other_thing()\nprint(ann.text)\n")


STREAM = LEGACY + dedent("""
    from azure.ai.agents.models import MessageDeltaChunk, MessageDeltaTextContent
    with client.runs.stream(thread_id=t, agent_id=a) as stream:
        for event_type, event_data, _ in stream:
            if isinstance(event_data, MessageDeltaChunk):
                print(event_data.text)
                if event_data.delta.content and isinstance(event_data.delta.content[0], MessageDeltaTextContent):
                    print(event_data.delta.content[0].text.annotations)
""")


def test_delta_parts_in_a_text_delta_branch_are_disabled_with_a_note():
    result = convert_checked(STREAM)
    assert ('        if event.type == "response.output_text.delta":\n'
            "            print(event.delta)\n"
            "            # TODO(migration): `event_data.delta.content and isinstance(event_data.delta.content[0], "
            "MessageDeltaTextContent)` -- the text delta is a string now") in result.output
    assert "            if False:\n" in result.output
    assert "event.delta.delta" not in result.output
    assert "response.output_text.annotation.added" in messages(result, "warning")


HANDLER = LEGACY + dedent("""
    from azure.ai.agents.models import AgentEventHandler, MessageDeltaChunk, MessageDeltaTextContent
    class Handler(AgentEventHandler):
        def on_message_delta(self, delta: "MessageDeltaChunk") -> None:
            print(delta.text)
            if delta.delta.content and isinstance(delta.delta.content[0], MessageDeltaTextContent):
                print(delta.delta.content[0].text.annotations)
    with client.runs.stream(thread_id=t, agent_id=a, event_handler=Handler()) as stream:
        stream.until_done()
""")


def test_delta_parts_in_a_message_delta_handler_are_disabled_with_a_note():
    result = convert_checked(HANDLER)
    assert ("    def on_message_delta(self, delta: str) -> None:\n"
            "        print(delta)\n"
            "        # TODO(migration): `delta.delta.content and isinstance(delta.delta.content[0], "
            "MessageDeltaTextContent)` -- the text delta is a string now") in result.output
    assert "        if False:\n            print(delta.delta.content[0].text.annotations)\n" in result.output
    assert "read the parts of a legacy message delta" in messages(result, "warning")


def test_a_handler_that_reads_only_the_text_keeps_its_branches():
    result = convert_checked(HANDLER.replace(
        "delta.delta.content and isinstance(delta.delta.content[0], MessageDeltaTextContent)", "delta.text"))
    assert "if False" not in result.output


def test_dropping_the_last_name_of_a_parenthesized_import_keeps_the_closing_line():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import (
            RunStep,
            MessageDeltaChunk,
        )
        client = AgentsClient(endpoint=e, credential=c)
        def show(step: RunStep):
            print(step)
        with client.runs.stream(thread_id=t, agent_id=a) as stream:
            for event_type, event_data, _ in stream:
                if isinstance(event_data, MessageDeltaChunk):
                    print(event_data.text)
    """))
    assert "from azure.ai.agents.models import (\n    RunStep,\n)\n" in result.output


RAW_HANDLER = LEGACY + dedent("""
    from azure.ai.agents.models import BaseAgentEventHandler, MessageDeltaChunk
    class Chunks(BaseAgentEventHandler[str]):
        def _process_event(self, raw: str):
            chunk = MessageDeltaChunk(**parse(raw))
            for part in chunk.delta.content:
                return part.text.value
            return None
        def texts(self):
            for chunk in self:
                if chunk:
                    yield chunk
    with client.runs.stream(thread_id=t, agent_id=a, event_handler=Chunks()) as stream:
        for text in stream.texts():
            print(text)
""")


def test_raw_handler_that_yields_delta_texts_becomes_the_text_deltas():
    result = convert_checked(RAW_HANDLER)
    assert ('    for text in (event.delta for event in stream if event.type == "response.output_text.delta"):\n'
            '        print(text)\n') in result.output
    assert "`stream.texts()` yielded the text of each message delta" in messages(result, "info")
    assert "stream.texts" not in result.output


def test_async_raw_handler_yields_the_deltas_of_the_async_stream():
    result = convert_checked(dedent("""
        from azure.ai.agents.aio import AgentsClient
        from azure.ai.agents.models import BaseAsyncAgentEventHandler, MessageDeltaChunk
        client = AgentsClient(endpoint=e, credential=c)
        class Chunks(BaseAsyncAgentEventHandler[str]):
            async def _process_event(self, raw: str):
                for part in MessageDeltaChunk(**parse(raw)).delta.content:
                    return part.text.value
            async def texts(self):
                async for chunk in self:
                    yield chunk
        async def main():
            async with await client.runs.stream(thread_id=t, agent_id=a, event_handler=Chunks()) as stream:
                async for text in stream.texts():
                    print(text)
    """))
    assert ('        async for text in (event.delta async for event in stream '
            'if event.type == "response.output_text.delta"):\n') in result.output


def test_raw_handler_that_returns_something_else_is_only_noted():
    result = convert_checked(RAW_HANDLER.replace("return part.text.value", "return part"))
    assert "for text in stream.texts():" in result.output
    assert "`stream.texts` has no counterpart on the response stream" in messages(result, "warning")


def test_file_batch_left_without_files_gets_an_error_note():
    result = convert_checked(LEGACY + "batch = client.vector_store_file_batches.create_and_poll("
                             "vector_store_id=vs.id, data_sources=[ds])\n")
    assert "# TODO(migration): data_sources=[ds]" in result.output
    errors = [n for n in result.notes if n.severity == "error" and n.rule == "files_and_vector_stores"]
    assert errors and errors[0].line == 3 and "file_ids=[...]" in errors[0].message


def test_file_batch_with_file_ids_and_data_sources_gets_no_error():
    result = convert_checked(LEGACY + "batch = client.vector_store_file_batches.create_and_poll("
                             "vector_store_id=vs.id, file_ids=ids, data_sources=[ds])\n")
    assert "file_batches.create_and_poll(vector_store_id=vs.id, file_ids=ids)" in result.output
    assert not [n for n in result.notes if n.severity == "error"]
