"""Rule files_and_vector_stores: the spellings of a legacy upload and the beta vector stores of OpenAI."""
from __future__ import annotations

from helpers import convert_code

from .support import convert_checked, dedent


def test_upload_spellings_become_files_create():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import FilePurpose

        client = AgentsClient(endpoint=endpoint, credential=credential)
        a = client.files.upload(file=handle, purpose="agents")
        c = client.files.upload(file_path="notes.txt", purpose=FilePurpose.ASSISTANTS_OUTPUT)
        d = client.files.upload(file=handle, filename="notes.txt")
        client.files.save(*parts)
    """))
    # the legacy "agents" purpose is "assistants" on the OpenAI client, and the default too;
    # a file name goes with the handle as a (name, file) tuple
    assert result.output.endswith(dedent("""
        a = openai_client.files.create(file=handle, purpose="assistants")
        c = openai_client.files.create(file=open("notes.txt", "rb"), purpose=FilePurpose.ASSISTANTS_OUTPUT)
        d = openai_client.files.create(file=("notes.txt", handle), purpose="assistants")
        client.files.save(*parts)
    """))
    notes = {(n.line, n.severity, n.message.split(":")[0].split(" is ")[0]) for n in result.notes
             if n.rule == "files_and_vector_stores"}
    assert (6, "warning", "`FilePurpose.ASSISTANTS_OUTPUT`") in notes  # no upload purpose of the OpenAI client
    assert (8, "warning", "files.save has no counterpart") in notes


def test_openai_beta_vector_stores_leave_the_beta_namespace():
    result = convert_checked(dedent("""
        from openai import OpenAI
        client = OpenAI()
        store = client.beta.vector_stores.create(name="docs")
    """))
    assert result.output.endswith('store = client.vector_stores.create(name="docs")\n')
    assert [(n.line, n.severity, n.message) for n in result.notes] == [
        (3, "info", "Vector stores left the beta namespace of the OpenAI client.")]


def test_an_upload_without_a_file_is_flagged_where_it_is():
    # files.create needs the file: the call is converted but flagged (the SDK verdict fails it too)
    result = convert_code("from azure.ai.agents import AgentsClient\nclient = AgentsClient(endpoint=e, credential=c)\n"
                          "b = client.files.upload(purpose=FilePurpose.AGENTS)\n")
    assert result.output.endswith('b = openai_client.files.create(purpose="assistants")\n')
    assert [(n.line, n.severity, n.message) for n in result.notes if n.rule == "files_and_vector_stores"] == [
        (3, "warning", 'No file was given: pass file=open(path, "rb").')]
