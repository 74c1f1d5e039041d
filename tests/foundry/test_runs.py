"""Rules runs_to_responses, polling_loops and reading_results."""
from __future__ import annotations

from .support import convert_checked, dedent, messages

SCRIPT = dedent(
    """
    import time
    from azure.ai.agents import AgentsClient
    from azure.ai.agents.models import ListSortOrder

    client = AgentsClient(endpoint=e, credential=c)
    agent = client.create_agent(model="gpt-4.1", name="math", instructions="Help.")
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="2+2?")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    # wait for the run
    while run.status in ("queued", "in_progress"):
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)
    if run.status == "failed":
        print(run.last_error, run.usage.prompt_tokens)
    for m in client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING):
        print(m.role, m.content[0].text.value)
    """
)


def test_whole_polling_script():
    result = convert_checked(SCRIPT)
    out = result.output
    assert "while" not in out and "runs.get" not in out
    assert "import time" not in out and "ListSortOrder" not in out and "azure.ai.agents" not in out
    assert "# wait for the run" in out  # comments survive
    assert ('run = client.get_openai_client()' not in out)
    assert "openai_client = client.get_openai_client()" in out
    assert ('run = openai_client.responses.create(conversation=thread.id, extra_body={"agent_reference": '
            '{"name": agent.name, "version": agent.version, "type": "agent_reference"}})') in out
    assert "print(run.error, run.usage.input_tokens)" in out
    assert 'openai_client.conversations.items.list(conversation_id=thread.id, order="asc")' in out
    assert "print(m.role, m.content[0].text)" in out
    polled = next(n for n in result.notes if n.rule == "polling_loops")
    assert polled.line == 11


def test_create_and_process_with_additional_instructions():
    result = convert_checked(
        "run = project_client.agents.runs.create_and_process(\n"
        "    thread_id=thread.id,\n"
        "    agent_id=agent.id,\n"
        "    additional_instructions='Call the user Jane.',\n"
        ")\n"
    )
    assert "input=[{\"type\": \"message\", \"role\": \"developer\", \"content\": 'Call the user Jane.'}]," in result.output
    assert "no polling needed" in messages(result)


def test_unmapped_run_options_stay_as_comments():
    result = convert_checked(
        "run = client.runs.create(thread_id=t, agent_id=a, truncation_strategy=ts, max_prompt_tokens=100, "
        "max_completion_tokens=50, metadata={'x': '1'})\n"
    )
    out = result.output
    assert "# TODO(migration): truncation_strategy=ts" in out
    assert "# TODO(migration): max_prompt_tokens=100" in out
    assert "max_output_tokens=50" in out and "metadata={'x': '1'}" in out
    lines = {n.message.split("`")[1] for n in result.notes if n.severity == "warning" and n.message.startswith("`")}
    assert {"truncation_strategy", "max_prompt_tokens", "a"} <= lines


def test_create_thread_and_process_run_creates_conversation_first():
    result = convert_checked(
        "run = client.create_thread_and_process_run(\n"
        "    agent_id=agent.id,\n"
        "    thread=AgentThreadCreationOptions(messages=[ThreadMessageOptions(role='user', content='Hi')]),\n"
        ")\n"
        "print(run.thread_id)\n"
    )
    out = result.output
    assert ('conversation = openai_client.conversations.create(items=[{"type": "message", "role": \'user\', '
            '"content": \'Hi\'}])') in out
    assert "conversation=conversation.id," in out
    assert "print(run.conversation.id)" in out


def test_beta_create_and_poll():
    result = convert_checked(
        "run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id)\n"
    )
    assert ('run = client.responses.create(conversation=thread.id, extra_body={"agent_reference": '
            '{"name": assistant.id, "type": "agent_reference"}})') in result.output
    assert "legacy agent id" in messages(result, "warning")


def test_last_message_text_becomes_output_text():
    result = convert_checked(
        "run = client.runs.create_and_process(thread_id=t, agent_id=agent.id)\n"
        "last = client.messages.get_last_message_text_by_role(thread_id=t, role=MessageRole.AGENT)\n"
        "if last:\n"
        "    print(last.text.value)\n"
    )
    assert "last = run.output_text\n" in result.output
    assert "    print(last)\n" in result.output


def test_loop_that_does_more_than_wait_is_kept():
    result = convert_checked(
        "run = client.runs.create(thread_id=t, agent_id=a)\n"
        "while run.status in ('queued', 'in_progress', 'requires_action'):\n"
        "    if run.status == 'requires_action':\n"
        "        handle(run)\n"
        "    run = client.runs.get(thread_id=t, run_id=run.id)\n"
    )
    assert "while run.status" in result.output
    assert "openai_client.responses.retrieve(run.id)" in result.output
    assert "requires_action" in messages(result, "warning")


def test_runs_inside_functions_and_fragments_without_imports():
    result = convert_checked(
        "def ask(client, thread_id, agent_id):\n"
        "    # one question\n"
        "    run = client.runs.create_and_process(thread_id=thread_id, agent_id=agent_id)\n"
        "    return run.status\n"
    )
    assert "    run = openai_client.responses.create(conversation=thread_id" in result.output
    assert "    # one question\n" in result.output


def test_text_messages_become_content_parts():
    result = convert_checked(
        "for msg in client.messages.list(thread_id=t):\n"
        "    if msg.text_messages:\n"
        "        print(msg.text_messages[-1].text.value)\n"
    )
    assert "    if msg.content:\n" in result.output
    assert "        print(msg.content[-1].text)\n" in result.output
    assert any(n.line == 2 and "text_messages" in n.message for n in result.notes)
