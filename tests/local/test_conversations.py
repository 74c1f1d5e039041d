"""Conversations and conversation items through the OpenAI client from `get_openai_client()` and a plain
`openai.OpenAI` on `/v1`; every body is validated with openai's own pydantic types."""
from __future__ import annotations

import asyncio

import httpx
import openai
import pytest
from openai.types.conversations import Conversation, ConversationDeletedResource, ConversationItemList
from openai.types.conversations.conversation_item import ConversationItem
from pydantic import TypeAdapter

ITEM = TypeAdapter(ConversationItem)


def _user(text):
    return {"type": "message", "role": "user", "content": text}


@pytest.fixture(params=["project", "plain"])
def client(svc, request):
    return svc.project_openai_client() if request.param == "project" else svc.openai_client()


def test_create_with_items_and_metadata_then_retrieve(client):
    raw = client.conversations.with_raw_response.create(items=[_user("Hello"), _user("Still there?")],
                                                        metadata={"topic": "greetings"})
    created = Conversation.model_validate(raw.http_response.json())
    assert created.id.startswith("conv_") and created.metadata == {"topic": "greetings"}
    assert client.conversations.retrieve(created.id) == created
    items = client.conversations.items.list(created.id, order="asc")
    assert [item.content[0].text for item in items] == ["Hello", "Still there?"]
    assert all(item.content[0].type == "input_text" and item.status == "completed" for item in items)


def test_update_and_delete(client):
    conversation = client.conversations.create()
    assert conversation.metadata == {}
    raw = client.conversations.with_raw_response.update(conversation.id, metadata={"state": "done"})
    assert Conversation.model_validate(raw.http_response.json()).metadata == {"state": "done"}
    raw = client.conversations.with_raw_response.delete(conversation.id)
    deleted = ConversationDeletedResource.model_validate(raw.http_response.json())
    assert (deleted.id, deleted.deleted) == (conversation.id, True)
    with pytest.raises(openai.NotFoundError) as caught:
        client.conversations.retrieve(conversation.id)
    assert caught.value.body["message"] == f"Conversation with id '{conversation.id}' not found."


def test_items_create_list_pages_retrieve_and_delete(client):
    conversation = client.conversations.create()
    raw = client.conversations.items.with_raw_response.create(
        conversation.id, items=[_user(f"message {n}") for n in range(5)]
        + [{"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "an answer"}]}])
    added = ConversationItemList.model_validate(raw.http_response.json())
    assert [item.type for item in added.data] == ["message"] * 6
    assert added.data[-1].content[0].type == "output_text"
    first_page = client.conversations.items.list(conversation.id, limit=2)
    assert first_page.has_more is True
    assert [item.content[0].text for item in first_page.data] == ["an answer", "message 4"]
    every = [item.id for item in client.conversations.items.list(conversation.id, limit=2)]  # auto-paging
    assert every == [item.id for item in reversed(added.data)]
    raw_page = client.conversations.items.with_raw_response.list(conversation.id, limit=2, after=every[1])
    assert ConversationItemList.model_validate(raw_page.http_response.json()).data[0].id == every[2]
    raw_item = client.conversations.items.with_raw_response.retrieve(every[0], conversation_id=conversation.id)
    assert ITEM.validate_python(raw_item.http_response.json()).id == every[0]
    after_delete = client.conversations.items.delete(every[0], conversation_id=conversation.id)
    assert after_delete.id == conversation.id
    assert len(list(client.conversations.items.list(conversation.id))) == 5
    with pytest.raises(openai.NotFoundError):
        client.conversations.items.retrieve(every[0], conversation_id=conversation.id)


def test_content_parts_and_function_outputs_are_kept_as_items(client):
    conversation = client.conversations.create(items=[
        {"role": "user", "content": [{"type": "input_text", "text": "Look"},
                                     {"type": "input_image", "image_url": "https://example.test/cat.png"}]},
        {"type": "function_call", "call_id": "call_1", "name": "lookup", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "call_1", "output": "42"},
    ])
    raw = client.conversations.items.with_raw_response.list(conversation.id, order="asc")
    items = ConversationItemList.model_validate(raw.http_response.json()).data
    assert [item.type for item in items] == ["message", "function_call", "function_call_output"]
    assert items[0].content[1].type == "input_image"
    assert items[2].output == "42"


@pytest.mark.parametrize("items, param, message", [
    ([{"type": "message", "role": "user", "content": "hi", "colour": "red"}], "items[0].colour",
     "Unknown parameter: 'items[0].colour'."),
    ([{"type": "message", "role": "robot", "content": "hi"}], "items[0].role", "Invalid value for 'items[0].role'"),
    ([{"type": "message", "role": "user", "content": 5}], "items[0].content", "Invalid value for 'items[0].content'"),
    ([{"type": "message", "content": "hi"}], "items[0].role", "Missing required parameter: 'items[0].role'."),
    ([{"type": "teleport"}], "items[0].type", "Invalid value: 'teleport'."),
    ([{"role": "user", "content": [{"type": "input_text", "text": 5}]}], "items[0].content[0].text",
     "Invalid value for 'items[0].content[0].text'"),
    ([{"role": "user", "content": [{"type": "input_text", "text": "a", "lang": "en"}]}],
     "items[0].content[0].lang", "Unknown parameter: 'items[0].content[0].lang'."),
])
def test_bad_items_are_400(client, items, param, message):
    with pytest.raises(openai.BadRequestError) as caught:
        client.conversations.create(items=items)
    assert caught.value.body["param"] == param
    assert caught.value.body["message"].startswith(message)


def test_unknown_fields_and_ids(client, svc):
    with pytest.raises(openai.BadRequestError) as caught:
        client.conversations.create(extra_body={"thread_id": "thread_1"})
    assert caught.value.body == {"message": "Unknown parameter: 'thread_id'.", "type": "invalid_request_error",
                                 "param": "thread_id", "code": "unknown_parameter"}
    with pytest.raises(openai.BadRequestError):
        client.conversations.create(metadata={"count": 3})
    with pytest.raises(openai.BadRequestError) as caught:
        client.conversations.create(items=[_user(str(n)) for n in range(21)])
    assert caught.value.body["param"] == "items"
    with pytest.raises(openai.NotFoundError):
        client.conversations.items.list("conv_missing")
    raw = httpx.get(f"{svc.project_endpoint}/openai/v1/conversations/conv_missing",
                    headers={"Authorization": "Bearer local"}, verify=svc.ssl_context())
    assert raw.status_code == 404
    assert raw.json()["error"]["type"] == "invalid_request_error"


def test_async_openai_client(svc):
    async def scenario():
        client = openai.AsyncOpenAI(api_key="local", base_url=f"{svc.project_endpoint}/openai/v1",
                                    http_client=httpx.AsyncClient(verify=svc.ssl_context()))
        async with client:
            conversation = await client.conversations.create(items=[_user("async hello")])
            await client.conversations.items.create(conversation.id, items=[_user("second")])
            texts = [item.content[0].text async for item in client.conversations.items.list(conversation.id,
                                                                                            order="asc")]
            await client.conversations.update(conversation.id, metadata={"k": "v"})
            fetched = await client.conversations.retrieve(conversation.id)
            deleted = await client.conversations.delete(conversation.id)
            return texts, fetched, deleted

    texts, fetched, deleted = asyncio.run(scenario())
    assert texts == ["async hello", "second"]
    assert fetched.metadata == {"k": "v"} and deleted.deleted is True
