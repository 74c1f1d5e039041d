"""Rules threads_to_conversations and messages_to_items."""
from __future__ import annotations

import pytest

from .support import convert_checked, messages


def test_thread_with_messages_and_metadata():
    result = convert_checked(
        "thread = client.agents.threads.create(\n"
        "    messages=[{'role': 'user', 'content': 'Tell me a joke'}],\n"
        "    metadata={'agent': 'jokes'},\n"
        ")\n"
    )
    assert result.output.endswith(
        "thread = openai_client.conversations.create(\n"
        "    items=[{\"type\": \"message\", \"role\": 'user', \"content\": 'Tell me a joke'}],\n"
        "    metadata={'agent': 'jokes'},\n"
        ")\n"
    )
    assert result.output.startswith("openai_client = client.get_openai_client()\n")
    assert "`client`" in messages(result, "info")


def test_openai_client_line_is_inserted_after_the_project_client():
    result = convert_checked(
        "project = AIProjectClient(endpoint=e, credential=c)\n"
        "print('ready')\n"
        "thread = project.agents.threads.create()\n"
    )
    assert result.output.splitlines()[1:4] == [
        "openai_client = project.get_openai_client()",
        "print('ready')",
        "thread = openai_client.conversations.create()",
    ]


def test_with_block_gets_the_client_as_first_statement():
    result = convert_checked(
        "with AIProjectClient(endpoint=e, credential=c) as project:\n"
        "    thread = project.agents.threads.create()\n"
    )
    assert result.output.splitlines()[1] == "    openai_client = project.get_openai_client()"


def test_thread_message_options_become_items():
    result = convert_checked(
        "t = agents_client.threads.create(messages=[ThreadMessageOptions(role=MessageRole.USER, content=q)])\n"
    )
    assert 'items=[{"type": "message", "role": "user", "content": q}]' in result.output


@pytest.mark.parametrize(
    "before,after",
    [
        ("client.threads.get(thread_id)\n", "openai_client.conversations.retrieve(thread_id)"),
        ("client.threads.get(thread_id=t.id)\n", "openai_client.conversations.retrieve(t.id)"),
        ("client.threads.delete(thread.id)\n", "openai_client.conversations.delete(thread.id)"),
        ("client.threads.update(thread_id=t, metadata=m)\n", "openai_client.conversations.update(t, metadata=m)"),
        ("oa.beta.threads.retrieve(thread_id='t1')\n", "oa.conversations.retrieve('t1')"),
        ("oa.beta.threads.create()\n", "oa.conversations.create()"),
    ],
)
def test_thread_operations(before, after):
    assert after in convert_checked(before).output


def test_threads_list_has_no_counterpart():
    result = convert_checked("for t in client.threads.list():\n    print(t.id)\n")
    assert result.output.startswith("for t in client.threads.list():")
    assert "no way to list conversations" in messages(result, "warning")


def test_threads_list_whose_result_is_never_read_becomes_a_comment():
    result = convert_checked(
        "def show(client):\n"
        "    threads = client.threads.list(limit=5)  # every thread\n"
        "    print('listed')\n"
        "    if verbose:\n"
        "        client.threads.list()\n"
    )
    assert result.output == (
        "def show(client):\n"
        "    # TODO(migration): threads = client.threads.list(limit=5) -- no endpoint lists "
        "conversations; keep the ids of the conversations you create  # every thread\n"
        "    print('listed')\n"
        "    if verbose:\n"
        "        # TODO(migration): client.threads.list() -- no endpoint lists conversations; keep the ids of the "
        "conversations you create\n"
        "        pass\n"
    )
    warnings = messages(result, "warning")
    assert warnings.count("result was never read: the statement is kept as a TODO comment") == 2


def test_threads_list_whose_result_is_read_later_stays():
    result = convert_checked("threads = client.threads.list()\nprint(len(list(threads)))\n")
    assert result.output.startswith("threads = client.threads.list()\n")
    assert "no way to list conversations" in messages(result, "warning")


def test_message_create_becomes_item():
    result = convert_checked(
        "message = client.agents.messages.create(\n"
        "    thread_id=thread.id,\n"
        "    role='user',  # who speaks\n"
        "    content='Follow-up',\n"
        ")\n"
    )
    assert (
        "message = openai_client.conversations.items.create(\n"
        "    conversation_id=thread.id,\n"
        "    items=[{\"type\": \"message\", \"role\": 'user', \"content\": 'Follow-up'}],  # who speaks\n"
        ").data[0]\n"
    ) in result.output


def test_a_created_message_that_is_not_kept_stays_a_plain_call():
    result = convert_checked("client.agents.messages.create(thread_id=t.id, role='user', content='Hi')\n")
    assert result.output.endswith(
        "openai_client.conversations.items.create(conversation_id=t.id, items=[{\"type\": \"message\", "
        "\"role\": 'user', \"content\": 'Hi'}])\n")


def test_an_awaited_kept_message_takes_its_item_after_the_await():
    result = convert_checked("async def f(client, t):\n"
                             "    m = await client.agents.messages.create(thread_id=t.id, role='user', content='Hi')\n"
                             "    return m.id\n")
    assert "    m = (await openai_client.conversations.items.create(conversation_id=t.id, items=[" in result.output
    assert "}])).data[0]\n" in result.output


def test_message_attachments_are_kept_as_comment():
    result = convert_checked("client.messages.create(thread_id=t, role='user', content='x', attachments=[att])\n")
    assert "# TODO(migration): attachments=[att]" in result.output
    assert "attachments" in messages(result, "warning")


def test_beta_message_create():
    result = convert_checked("oa.beta.threads.messages.create(thread_id=t, role='user', content='hi')\n")
    assert ("oa.conversations.items.create(conversation_id=t, items=[{\"type\": \"message\", "
            "\"role\": 'user', \"content\": 'hi'}])") in result.output
