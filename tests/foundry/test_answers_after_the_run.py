"""After the run: citations, generated files, run steps, agent names, stored ids, comments."""
from __future__ import annotations

import pytest

from helpers.foundry.agent_names import is_valid_agent_name, valid_agent_name

from .support import convert_checked, dedent, messages

LEGACY = "from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"


def test_url_citations_come_from_the_text_parts():
    result = convert_checked(LEGACY + dedent("""
        msg = client.messages.get_last_message_by_role(thread_id=t, role="assistant")
        for ann in msg.url_citation_annotations:
            print(ann.url_citation.title, ann.url_citation.url, ann.text)
    """))
    assert ('for ann in [a for part in msg.content if part.type == "output_text" for a in part.annotations '
            'if a.type == "url_citation"]:\n    print(ann.title, ann.url, ann.text)') in result.output
    placeholder = [n for n in result.notes if n.rule == "annotations" and n.severity == "warning"]
    assert placeholder and placeholder[0].line == 5 and "start_index" in placeholder[0].message


def test_file_paths_and_images_are_container_file_citations():
    result = convert_checked(LEGACY + dedent("""
        for msg in client.messages.list(thread_id=t):
            for img in msg.image_contents:
                print(img.image_file.file_id)
            for ann in msg.file_path_annotations:
                print(ann.file_path.file_id)
            for cite in msg.file_citation_annotations:
                print(cite.file_citation.file_id)
    """))
    out = result.output
    assert 'a.type == "container_file_citation" and a.filename.lower().endswith((".png"' in out
    assert "print(img.file_id)" in out and "print(ann.file_id)" in out and "print(cite.file_id)" in out
    assert 'if a.type == "file_citation"]:' in out
    assert "containers.files.content.retrieve(annotation.file_id, container_id=annotation.container_id)" in \
        messages(result, "info")


def test_run_steps_read_as_objects_become_output_items():
    result = convert_checked(LEGACY + dedent("""
        run = client.runs.create_and_process(thread_id=t, agent_id=a)
        steps = client.run_steps.list(thread_id=t, run_id=run.id)
        for step in steps:
            print(step.type, step.step_details)
    """))
    assert "steps = run.output\n" in result.output
    assert any(n.rule == "run_steps" and n.severity == "warning" and n.line == 6 for n in result.notes)


def test_run_steps_read_as_dicts_become_dicts():
    result = convert_checked(LEGACY + dedent("""
        steps = client.run_steps.list(thread_id=t, run_id=run_id)
        for step in steps:
            print(step["id"], step.get("step_details", {}))
    """))
    assert "steps = [item.model_dump() for item in openai_client.responses.retrieve(run_id).output]\n" in result.output


def test_async_run_step_lookup_is_awaited():
    result = convert_checked(dedent("""
        from azure.ai.agents.aio import AgentsClient
        async def steps(client: AgentsClient, t, r, s):
            return await client.run_steps.get(thread_id=t, run_id=r, step_id=s)
    """))
    assert "return await next(" not in result.output
    assert "(await openai_client.responses.retrieve(r)).output if item.id == s)" in result.output


@pytest.mark.parametrize("name, expected", [
    ("Math Tutor", "Math-Tutor"),
    ("-weather-", "weather"),
    ("x" * 70, "x" * 63),
    ("a" * 62 + " b", "a" * 62),
    ("Café bot", "Cafe-bot"),
    ("", "my-agent"),
    (None, "my-agent"),
    ("ok-name-1", "ok-name-1"),
])
def test_valid_agent_names(name, expected):
    assert valid_agent_name(name) == expected
    assert is_valid_agent_name(valid_agent_name(name))


def test_look_up_by_name_compares_with_the_valid_name():
    result = convert_checked(LEGACY + dedent("""
        agent = next((a for a in client.list_agents() if a.name == "Math Tutor"), None)
    """))
    assert 'a.name == "Math-Tutor"' in result.output
    assert '"Math Tutor" is not a valid 2.x agent name' in messages(result, "warning")
    assert "agents.get(agent_name=...)" in messages(result, "info")


def test_valid_names_are_left_alone():
    result = convert_checked(LEGACY + 'agent = next((a for a in client.list_agents() if a.name == "tutor"), None)\n')
    assert 'a.name == "tutor"' in result.output


def test_stored_ids_get_located_notes():
    result = convert_checked(dedent("""
        import os
        from azure.ai.agents import AgentsClient
        client = AgentsClient(endpoint=e, credential=c)
        assistant_id = os.environ["ASSISTANT_ID"]
        thread = client.threads.create()
        session["thread_id"] = thread.id
        db.execute("INSERT INTO chats VALUES (?)", (thread.id,))
        def answer(question, thread_id):
            client.messages.create(thread_id=thread_id, role="user", content=question)
            return {"thread_id": thread_id}
    """))
    lines = {n.line for n in result.notes if n.rule == "stored_ids"}
    assert lines == {4, 6, 7, 8, 10}
    assert "conv_" in messages(result, "warning") and "agent's name" in messages(result, "warning")


def test_stored_ids_in_new_code_are_not_noted():
    source = dedent("""
        from azure.ai.projects import AIProjectClient
        project = AIProjectClient(endpoint=e, credential=c)
        session["thread_id"] = conversation.id
    """)
    result = convert_checked(source)
    assert result.output == source and not result.notes


def test_comments_about_removed_polling_get_a_note():
    result = convert_checked(LEGACY + dedent("""
        run = client.runs.create(thread_id=t, agent_id=a)
        # Poll the run as long as its status is queued or in progress
        # (checking once a second)
        while run.status in ["queued", "in_progress"]:
            time.sleep(1)
            run = client.runs.get(thread_id=t, run_id=run.id)
        # functions are called automatically by the SDK
    """))
    notes = [n for n in result.notes if n.rule == "removed_behaviour_comments"]
    assert [n.line for n in notes] == [4, 9]
    assert "polling" in notes[0].message and "your code runs them" in notes[1].message
    assert "# Poll the run as long as its status is queued or in progress\n" in result.output


def test_comments_inside_removed_code_are_not_noted():
    result = convert_checked(LEGACY + dedent("""
        run = client.runs.create(thread_id=t, agent_id=a)
        while run.status in ["queued", "in_progress"]:
            # poll again
            run = client.runs.get(thread_id=t, run_id=run.id)
    """))
    assert not [n for n in result.notes if n.rule == "removed_behaviour_comments"]


def test_async_loop_over_the_steps_of_a_response_becomes_a_plain_loop():
    result = convert_checked(dedent("""
        from azure.ai.agents.aio import AgentsClient
        async def show(client: AgentsClient, t, a):
            run = await client.runs.create_and_process(thread_id=t, agent_id=a)
            async for step in client.run_steps.list(thread_id=t, run_id=run.id):
                print(step.type)
    """))
    assert "    for step in run.output:\n        print(step.type)\n" in result.output


def test_chat_completion_citations_are_left_alone():
    result = convert_checked(LEGACY + dedent("""
        msg = client.messages.get_last_message_by_role(thread_id=t, role="assistant")
        for ann in msg.url_citation_annotations:
            print(ann.url_citation.url)
        reply = other.chat.completions.create(model="m", messages=[])
        print(reply.choices[0].message.annotations[0].url_citation.url)
    """))
    assert "    print(ann.url)\n" in result.output
    assert "print(reply.choices[0].message.annotations[0].url_citation.url)" in result.output
