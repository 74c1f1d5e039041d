"""Classic threads → conversations, resumable and exactly once.

Per thread: read its messages (oldest first) through azure-ai-agents, convert
each to an input item (`foundry_items`), create the conversation with the
first 20 items (the API's limit per call) and the thread's metadata plus
`migrated_from`, then append the rest 20 at a time. The state file records
each step after it succeeded:

- `creating`: the create call was sent. A run killed before its answer was
  recorded cannot know whether the conversation exists (no endpoint lists
  conversations), so the report flags a possible orphan and the thread is
  migrated again.
- `partial` with the conversation id: on resume the conversation's items are
  counted and only the missing messages are appended, so a kill between an
  append and its record duplicates nothing.
- `done` with the counts.
"""
from __future__ import annotations

import itertools
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .foundry_items import message_to_item
from .report import Report
from .retries import with_retries
from .state import State

BATCH = 20
METADATA_LIMIT = 16


@dataclass
class ThreadTotals:
    threads: int = 0
    already: int = 0
    messages: int = 0
    failed: int = 0
    possible_orphans: int = 0
    differences: list[dict[str, Any]] = field(default_factory=list)  # dry run: the first few


def _as_dict(model: Any) -> dict[str, Any]:
    return model.as_dict() if hasattr(model, "as_dict") else dict(model)


def conversation_metadata(thread: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """(metadata for the conversation, thread metadata that did not fit)."""
    metadata = {"migrated_from": thread["id"]}
    overflow = {}
    for key, value in (thread.get("metadata") or {}).items():
        if len(metadata) < METADATA_LIMIT and key not in metadata:
            metadata[key] = value
        else:
            overflow[key] = value
    return metadata, overflow


def _count_items(openai_client, conversation_id: str) -> int:
    pages = with_retries(lambda: openai_client.conversations.items.list(conversation_id=conversation_id, limit=100))
    return sum(1 for _ in pages)


def migrate_thread(thread_id: str, agents_client, openai_client, state: State, report: Report,
                   dry_run: bool = False) -> dict[str, Any]:
    key = f"thread:{thread_id}"
    saved = state.get(key) or {}
    if saved.get("status") == "done":
        return {**saved, "status": "already"}
    thread = _as_dict(with_retries(lambda: agents_client.threads.get(thread_id)))
    messages = with_retries(lambda: [_as_dict(m) for m in agents_client.messages.list(thread_id=thread_id, order="asc")])
    items, not_carried = [], []
    for message in messages:
        item, missing = message_to_item(message)
        items.append(item)
        not_carried.extend(missing)
    metadata, overflow = conversation_metadata(thread)
    if overflow:
        not_carried.append({"field": "metadata", "value": overflow, "why": "a conversation holds at most 16 keys"})
    if thread.get("tool_resources"):
        not_carried.append({"field": "tool_resources", "value": thread["tool_resources"],
                            "why": "conversations hold no tool resources: give them to the agent version"})
    entry = {"old_id": thread_id, "messages": len(messages), "not_carried": not_carried}
    if dry_run:
        return {"status": "dry-run", **entry}
    orphan = saved.get("status") == "creating"
    conversation_id = saved.get("conversation_id")
    if conversation_id:
        carried = _count_items(openai_client, conversation_id)
    else:
        state.put(key, {"status": "creating"})
        first = items[:BATCH]
        conversation = with_retries(lambda: openai_client.conversations.create(items=first, metadata=metadata))
        conversation_id, carried = conversation.id, len(first)
        state.put(key, {"status": "partial", "conversation_id": conversation_id})
    while carried < len(items):
        batch = items[carried:carried + BATCH]
        with_retries(lambda: openai_client.conversations.items.create(conversation_id=conversation_id, items=batch))
        carried += len(batch)
    done = {"status": "done", "conversation_id": conversation_id, "messages": len(messages), "items": carried}
    # The report line first, then the record: a run killed between the two redoes the thread
    # (nothing is appended twice: the items are counted) and the report skips the line it has.
    report.write({**entry, "new_id": conversation_id, "items": carried,
                  **({"possible_orphan": "a run was killed while creating this conversation; an empty or "
                      "partial conversation with metadata migrated_from may exist"} if orphan else {})})
    state.put(key, done)
    return {**done, "possible_orphan": orphan}


def migrate_threads(thread_ids: Iterable[str], agents_client, openai_client, state: State, report: Report, *,
                    dry_run: bool = False, concurrency: int = 1, first_differences: int = 5,
                    progress: Callable[[ThreadTotals], None] | None = None) -> ThreadTotals:
    totals = ThreadTotals()

    def account(outcome: dict[str, Any] | Exception, thread_id: str) -> None:
        if isinstance(outcome, Exception):
            totals.failed += 1
            report.write({"old_id": thread_id, "error": f"{type(outcome).__name__}: {str(outcome)[:300]}"})
        elif outcome["status"] == "already":
            totals.already += 1
        else:
            totals.threads += 1
            totals.messages += outcome.get("messages", 0)
            totals.possible_orphans += bool(outcome.get("possible_orphan"))
            if dry_run and outcome["not_carried"] and len(totals.differences) < first_differences:
                totals.differences.append({"old_id": thread_id, "not_carried": outcome["not_carried"][:3]})
        if progress:
            progress(totals)

    # A listing may repeat a thread (pages shift while threads are added); work on each once.
    ids = iter(_once(thread_ids))
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        running: dict[Future, str] = {}
        for thread_id in itertools.islice(ids, concurrency * 2):
            running[pool.submit(migrate_thread, thread_id, agents_client, openai_client, state, report, dry_run)] = thread_id
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                thread_id = running.pop(future)
                error = future.exception()
                account(error if error else future.result(), thread_id)
                for next_id in itertools.islice(ids, 1):
                    running[pool.submit(migrate_thread, next_id, agents_client, openai_client, state, report,
                                        dry_run)] = next_id
    return totals


def _once(ids: Iterable[str]) -> Iterable[str]:
    seen: set[str] = set()
    for thread_id in ids:
        if thread_id not in seen:
            seen.add(thread_id)
            yield thread_id


def all_thread_ids(agents_client) -> Iterable[str]:
    """Every thread the classic service lists, lazily (page by page)."""
    for thread in agents_client.threads.list():
        yield thread.id
