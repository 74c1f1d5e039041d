"""Files and vector stores: one API behind azure-ai-agents, openai `/v1` and
the project's OpenAI client (`/api/projects/{project}/openai/v1`)."""
from __future__ import annotations

import asyncio

import httpx
import openai
import pytest
from azure.ai.agents.models import FilePurpose, VectorStoreDataSource, VectorStoreDataSourceAssetType
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from openai.types import FileObject
from openai.types.vector_store import VectorStore
from openai.types.vector_stores import VectorStoreFile, VectorStoreFileBatch

from .classic_support import async_agents_client


@pytest.fixture
def agents(svc):
    with svc.agents_client() as client:
        yield client


def test_files_through_the_azure_client(agents, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello file")
    uploaded = agents.files.upload_and_poll(file_path=str(path), purpose=FilePurpose.AGENTS, polling_interval=0.01)
    assert (uploaded.filename, uploaded.bytes, uploaded.status, uploaded.purpose) == ("notes.txt", 10, "processed",
                                                                                      "assistants")
    other = agents.files.upload(file=("pic.png", b"\x89PNG"), purpose=FilePurpose.VISION)
    assert [f.id for f in agents.files.list(purpose=FilePurpose.AGENTS).data] == [uploaded.id]
    assert agents.files.get(other.id).filename == "pic.png"
    assert b"".join(agents.files.get_content(uploaded.id)) == b"hello file"
    agents.files.delete(uploaded.id)
    with pytest.raises(ResourceNotFoundError):
        agents.files.get(uploaded.id)


def test_files_are_shared_between_surfaces(svc, agents):
    legacy = agents.files.upload(file=("a.md", b"# A"), purpose=FilePurpose.AGENTS)
    plain = svc.openai_client()
    project = svc.project_openai_client()
    for client in (plain, project):
        raw = client.files.with_raw_response.retrieve(legacy.id)
        assert FileObject.model_validate(raw.http_response.json()).filename == "a.md"
        assert client.files.content(legacy.id).read() == b"# A"
    made = project.files.create(file=("b.md", b"# B"), purpose="assistants")
    assert {f.id for f in plain.files.list()} == {legacy.id, made.id}
    assert plain.files.delete(made.id).deleted is True
    # The kinds the new surface's file search reads: a "file" document, its bytes as the blob with the same id.
    assert svc.store.get("file", legacy.id)["filename"] == "a.md" and svc.store.get_blob(legacy.id) == b"# A"


def test_upload_strictness(svc):
    url = f"{svc.openai_base_url}/files"
    auth = {"Authorization": "Bearer k"}
    no_purpose = httpx.post(url, files={"file": ("x.txt", b"x")}, headers=auth, verify=svc.ssl_context())
    assert no_purpose.status_code == 400 and no_purpose.json()["error"]["param"] == "purpose"
    bad_purpose = httpx.post(url, files={"file": ("x.txt", b"x")}, data={"purpose": "nope"}, headers=auth,
                             verify=svc.ssl_context())
    assert bad_purpose.status_code == 400 and bad_purpose.json()["error"]["param"] == "purpose"
    unknown = httpx.post(url, files={"file": ("x.txt", b"x")}, data={"purpose": "assistants", "color": "red"},
                         headers=auth, verify=svc.ssl_context())
    assert unknown.status_code == 400 and unknown.json()["error"]["param"] == "color"


def test_vector_stores_through_the_azure_client(agents):
    first = agents.files.upload(file=("one.txt", b"one"), purpose=FilePurpose.AGENTS)
    second = agents.files.upload(file=("two.txt", b"two"), purpose=FilePurpose.AGENTS)
    store = agents.vector_stores.create_and_poll(file_ids=[first.id], name="kb", polling_interval=0.01)
    assert (store.status, store.file_counts.completed, store.name) == ("completed", 1, "kb")
    entry = agents.vector_store_files.create_and_poll(vector_store_id=store.id, file_id=second.id,
                                                      polling_interval=0.01)
    assert (entry.id, entry.status, entry.vector_store_id) == (second.id, "completed", store.id)
    assert {f.id for f in agents.vector_store_files.list(vector_store_id=store.id)} == {first.id, second.id}
    batch = agents.vector_store_file_batches.create_and_poll(vector_store_id=store.id, file_ids=[first.id],
                                                            polling_interval=0.01)
    assert batch.status == "completed" and batch.file_counts.total == 1
    assert [f.id for f in agents.vector_store_file_batches.list_files(vector_store_id=store.id,
                                                                      batch_id=batch.id)] == [first.id]
    assert agents.vector_stores.get(store.id).file_counts.total == 2
    assert agents.vector_stores.modify(store.id, name="renamed").name == "renamed"
    agents.vector_store_files.delete(vector_store_id=store.id, file_id=second.id)
    assert agents.vector_stores.get(store.id).file_counts.total == 1
    assert store.id in [s.id for s in agents.vector_stores.list()]
    agents.vector_stores.delete(store.id)
    with pytest.raises(ResourceNotFoundError):
        agents.vector_stores.get(store.id)
    with pytest.raises(HttpResponseError) as missing_file:
        agents.vector_stores.create(file_ids=["file_missing"])
    assert missing_file.value.status_code == 404


def test_azure_data_sources_become_placeholder_files(agents, svc):
    source = VectorStoreDataSource(asset_identifier="azureml://datastores/docs/paths/manual.pdf",
                                   asset_type=VectorStoreDataSourceAssetType.URI_ASSET)
    store = agents.vector_stores.create_and_poll(data_sources=[source], name="enterprise", polling_interval=0.01)
    entries = svc.store.list("vector_store_file", parent=store.id)
    assert [e["vector_store_id"] for e in entries] == [store.id]
    assert svc.store.get("file", entries[0]["id"])["filename"] == "manual.pdf"


def test_vector_stores_through_openai(svc):
    client = svc.openai_client()
    doc = client.files.create(file=("policy.txt", b"Refunds take five days."), purpose="assistants")
    raw = client.vector_stores.with_raw_response.create(name="policies", file_ids=[doc.id], metadata={"v": "1"})
    store = VectorStore.model_validate(raw.http_response.json())
    entry = VectorStoreFile.model_validate(client.vector_stores.files.with_raw_response.retrieve(
        doc.id, vector_store_id=store.id).http_response.json())
    assert entry.status == "completed"
    assert client.vector_stores.files.update(doc.id, vector_store_id=store.id,
                                             attributes={"team": "ops"}).attributes == {"team": "ops"}
    content = client.vector_stores.files.content(doc.id, vector_store_id=store.id)
    assert [part.text for part in content] == ["Refunds take five days."]
    hits = client.vector_stores.search(store.id, query="how long do refunds take")
    assert [hit.filename for hit in hits] == ["policy.txt"]
    assert list(client.vector_stores.search(store.id, query="zebra")) == []
    batch = VectorStoreFileBatch.model_validate(client.vector_stores.file_batches.with_raw_response.create(
        store.id, file_ids=[doc.id]).http_response.json())
    assert client.vector_stores.file_batches.cancel(batch.id, vector_store_id=store.id).status == "completed"
    assert [f.id for f in client.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id)] == [doc.id]
    assert [f.id for f in client.vector_stores.files.list(vector_store_id=store.id, filter="failed")] == []
    assert client.vector_stores.update(store.id, name="p2").name == "p2"
    assert client.vector_stores.files.delete(doc.id, vector_store_id=store.id).deleted is True
    assert client.vector_stores.delete(store.id).deleted is True
    with pytest.raises(openai.NotFoundError):
        client.vector_stores.retrieve(store.id)
    with pytest.raises(openai.BadRequestError):
        client.vector_stores.create(extra_body={"colour": "blue"})


def test_project_openai_client_sees_legacy_vector_stores(svc, agents):
    legacy = agents.files.upload(file=("k.txt", b"kept"), purpose=FilePurpose.AGENTS)
    store = agents.vector_stores.create_and_poll(file_ids=[legacy.id], polling_interval=0.01)
    project = svc.project_openai_client()
    assert [f.id for f in project.vector_stores.files.list(vector_store_id=store.id)] == [legacy.id]


def test_async_azure_files_and_vector_stores(svc):
    async def scenario():
        async with async_agents_client(svc) as client:
            uploaded = await client.files.upload_and_poll(file=("a.txt", b"async"), purpose=FilePurpose.AGENTS,
                                                          polling_interval=0.01)
            store = await client.vector_stores.create_and_poll(file_ids=[uploaded.id], polling_interval=0.01)
            content = b"".join([chunk async for chunk in await client.files.get_content(uploaded.id)])
            await client.vector_stores.delete(store.id)
            return store, content

    store, content = asyncio.run(scenario())
    assert store.file_counts.completed == 1 and content == b"async"


def test_azure_store_file_get_and_batch_cancel(agents):
    doc = agents.files.upload(file=("c.txt", b"c"), purpose=FilePurpose.AGENTS)
    store = agents.vector_stores.create(name="c")
    batch = agents.vector_store_file_batches.create(vector_store_id=store.id, file_ids=[doc.id])
    assert agents.vector_store_file_batches.get(vector_store_id=store.id, batch_id=batch.id).id == batch.id
    assert agents.vector_store_file_batches.cancel(vector_store_id=store.id, batch_id=batch.id).status == "completed"
    assert agents.vector_store_files.get(vector_store_id=store.id, file_id=doc.id).usage_bytes == 1
    with pytest.raises(ResourceNotFoundError):
        agents.vector_store_files.get(vector_store_id=store.id, file_id="file_other")
