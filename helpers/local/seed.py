"""Filling the legacy side of a service with classic agents and threads, for
migration tests and demos (`python -m helpers serve --seed-threads N --messages M`).

Everything goes through the real azure-ai-agents client, as a user's data got
there: mixed roles, an attachment on every fifth user message, and a few
agents with tools. The texts are numbered so a test can check order.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

AGENT_SPECS = [
    {"name": "Math Tutor", "instructions": "You help with maths.", "tools": [{"type": "code_interpreter"}]},
    {"name": "support-bot", "instructions": "You answer support questions.", "tools": [{"type": "file_search"}]},
    {"name": None, "instructions": "An agent that was never named.", "tools": []},
]


def message_text(thread_index: int, message_index: int) -> str:
    return f"thread {thread_index} message {message_index}"


def seed(agents_client, threads: int, messages: int, *, model: str = "gpt-4o", concurrency: int = 8) -> dict:
    """Creates the agents and `threads` threads of `messages` messages; returns their ids."""
    from azure.ai.agents.models import MessageAttachment, ThreadMessageOptions

    agent_ids = []
    for spec in AGENT_SPECS:
        kwargs = {k: v for k, v in spec.items() if v is not None}
        agent_ids.append(agents_client.create_agent(model=model, **kwargs).id)
    attachment_file = agents_client.files.upload(file=("notes.txt", b"seeded notes\n"), purpose="assistants")

    def one_thread(index: int) -> str:
        options = []
        for m in range(messages):
            role = "user" if m % 2 == 0 else "assistant"
            attachments = None
            if role == "user" and m % 10 == 4:
                attachments = [MessageAttachment(file_id=attachment_file.id, tools=[{"type": "file_search"}])]
            options.append(ThreadMessageOptions(role=role, content=message_text(index, m), attachments=attachments))
        thread = agents_client.threads.create(messages=options[:32], metadata={"seed": str(index)})
        for option in options[32:]:
            agents_client.messages.create(thread_id=thread.id, role=option.role, content=option.content,
                                          attachments=option.attachments)
        return thread.id

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        thread_ids = list(pool.map(one_thread, range(threads)))
    return {"agents": agent_ids, "threads": thread_ids, "file": attachment_file.id}
