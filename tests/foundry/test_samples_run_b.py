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
