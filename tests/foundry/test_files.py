"""Rule files_and_vector_stores: files and vector stores move to the OpenAI client."""
from __future__ import annotations

import pytest

from .support import convert_checked, messages

CLIENT = "from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"
OPENAI = "openai_client = client.get_openai_client()\n"


@pytest.mark.parametrize("before, after", [
    ("f = client.files.upload_and_poll(file_path=path, purpose=FilePurpose.AGENTS)",
     'f = openai_client.files.create(file=open(path, "rb"), purpose="assistants")'),
    ("f = client.files.upload_and_poll(file=data, filename='a.csv', purpose='assistants')",
     "f = openai_client.files.create(file=('a.csv', data), purpose='assistants')"),
    ("f = client.files.upload(file_path=path, purpose=FilePurpose.VISION)",
     'f = openai_client.files.create(file=open(path, "rb"), purpose="vision")'),
    ("info = client.files.get(file_id)", "info = openai_client.files.retrieve(file_id)"),
    ("data = client.files.get_content(f.id)", "data = openai_client.files.content(f.id)"),
    ("client.files.delete(file_id=f.id)", "openai_client.files.delete(file_id=f.id)"),
    ("client.files.delete(f.id)", "openai_client.files.delete(f.id)"),
    ("vs = client.vector_stores.create_and_poll(file_ids=[f.id], name='docs')",
     "vs = openai_client.vector_stores.create(file_ids=[f.id], name='docs')"),
    ("vs = client.vector_stores.create(name='docs', metadata=m)",
     "vs = openai_client.vector_stores.create(name='docs', metadata=m)"),
    ("vs = client.vector_stores.get(vs_id)", "vs = openai_client.vector_stores.retrieve(vs_id)"),
    ("client.vector_stores.delete(vs.id)", "openai_client.vector_stores.delete(vs.id)"),
    ("client.vector_store_files.create_and_poll(vector_store_id=vs.id, file_id=f.id)",
     "openai_client.vector_stores.files.create_and_poll(vector_store_id=vs.id, file_id=f.id)"),
    ("client.vector_store_file_batches.create_and_poll(vector_store_id=vs.id, file_ids=ids)",
     "openai_client.vector_stores.file_batches.create_and_poll(vector_store_id=vs.id, file_ids=ids)"),
])
def test_file_and_vector_store_calls(before, after):
    result = convert_checked(CLIENT + before + "\n")
    assert result.output.endswith(OPENAI + after + "\n")
    assert "AgentsClient" not in result.output


def test_create_and_poll_notes_that_indexing_is_not_awaited():
    result = convert_checked(CLIENT + "vs = client.vector_stores.create_and_poll(file_ids=ids, name='d')\n")
    assert "file_batches.create_and_poll" in messages(result, "info")


def test_options_without_counterpart_stay_as_comments():
    result = convert_checked(CLIENT + "vs = client.vector_stores.create_and_poll(file_ids=ids, polling_interval=2, "
                             "data_source=src)\n")
    assert "# TODO(migration): polling_interval=2" in result.output
    assert "# TODO(migration): data_source=src" in result.output
    assert "vs = openai_client.vector_stores.create(file_ids=ids)" in result.output


def test_save_writes_the_file_content():
    result = convert_checked(CLIENT + "client.files.save(file_id=fid, file_name='out.png', target_dir=folder)\n")
    assert "openai_client.files.content(fid).write_to_file(os.path.join(folder, 'out.png'))" in result.output
    assert "containers.files.content.retrieve" in messages(result, "info")


def test_save_that_cannot_be_read_is_noted_and_left():
    result = convert_checked(CLIENT + "client.files.save(*args)\n")
    assert "client.files.save(*args)" in result.output
    assert "containers.files.content.retrieve" in messages(result, "warning")


def test_openai_beta_vector_stores_leave_beta():
    result = convert_checked("from openai import OpenAI\nclient = OpenAI()\n"
                             "vs = client.beta.vector_stores.create(name='x')\n"
                             "thread = client.beta.threads.create()\n")
    assert "vs = client.vector_stores.create(name='x')" in result.output


def test_message_attachments_are_kept_as_a_comment_with_advice():
    result = convert_checked(CLIENT + "client.messages.create(thread_id=t, role='user', content='see file', "
                             "attachments=[MessageAttachment(file_id=f.id, tools=FileSearchTool().definitions)])\n")
    # too long for one line: the advice, then the whole value, never cut short
    assert "# TODO(migration): attachments -- " in result.output
    assert "#   attachments=[MessageAttachment(file_id=f.id, tools=FileSearchTool().definitions)]\n" in result.output
    assert "attachments" in messages(result, "warning")


@pytest.mark.parametrize("code", [
    "from openai import OpenAI\nclient = OpenAI()\nf = client.files.create(file=open(p, 'rb'), purpose='assistants')\n",
    "from openai import OpenAI\nclient = OpenAI()\nclient.vector_stores.delete(vs.id)\n",
    "import shutil\nshutil.files.delete(x)\n",
    "files.upload_and_poll(file_path=p)\n",  # no client at all: nothing to go by
])
def test_new_or_unrelated_code_is_unchanged(code):
    result = convert_checked(code)
    assert result.output == code and not result.changed


def test_attachment_built_outside_the_message_is_noted_and_left():
    result = convert_checked(
        "from azure.ai.agents.models import FileSearchTool, MessageAttachment\n"
        "attachment = MessageAttachment(file_id=f.id, tools=FileSearchTool().definitions)\n"
    )
    assert "attachment = MessageAttachment(file_id=f.id, tools=FileSearchTool().definitions)" in result.output
    assert "input_file" in messages(result, "warning")
