"""Stored Langdock chats in the legacy message shape → the new (UIMessage) shape.

Input: a JSON-lines file (one chat per line) or a folder of `.json` / `.jsonl`
files. A chat is an object with `messages` (a stored request, `assistantId`
and all), an object with `result` (a stored response), or a bare list of
messages. Each is converted by the workbook's own payload converter
(`helpers.convert_payload`), so the rules are the ones the converter shows;
output mirrors the input (JSON lines to JSON lines, folder to folder).

Streaming: one line (one chat) is in memory at a time, so a file of any size
needs the memory of its largest chat. Resumable: after every batch of chats the
input, output and report offsets are recorded; a killed run restarts there
and cuts off whatever was written after the record.

Message ids: messages without one get `<chat id>-<position>` (stable across
reruns and unique across chats) instead of the converter's `msg_<position>`.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import convert_payload
from ..errors import InputError
from .report import Report
from .state import State

CHECKPOINT_EVERY = 200      # chats
CHECKPOINT_SECONDS = 1.0
# Notes that describe live requests, not stored chats.
_IRRELEVANT = ("names no agent", "generated as msg_")
# Fields of the stored record rather than of the request; carried as they are.
RECORD_FIELDS = ("id", "chatId", "title", "createdAt", "updatedAt", "userId")


@dataclass
class Totals:
    chats: int = 0
    messages: int = 0
    failed: int = 0
    with_notes: int = 0


def convert_chat(record: Any, fallback_id: str) -> tuple[Any, dict[str, Any]]:
    """One stored chat in the new shape, and its report entry."""
    bare = isinstance(record, list)
    body = {"messages": record} if bare else record
    if not isinstance(body, dict):
        raise InputError("a chat must be an object or a list of messages", kind="langdock-history")
    chat_id = str(body.get("id") or body.get("chatId") or fallback_id)
    record = {key: body[key] for key in RECORD_FIELDS if key in body}
    body = {key: value for key, value in body.items() if key not in record}
    result = convert_payload(json.dumps(body), kind="langdock-chat-response" if "result" in body
                             and "messages" not in body else "langdock-chat-request")
    converted = json.loads(result.output)
    messages = converted.get("messages") or []
    originals = body.get("messages") or body.get("result") or []
    for index, message in enumerate(messages):
        original = originals[index] if index < len(originals) and isinstance(originals[index], dict) else {}
        if isinstance(message, dict) and "id" not in original:
            message["id"] = f"{chat_id}-{index}"
    notes = [n for n in result.notes if not any(text in n.message for text in _IRRELEVANT)]
    entry = {
        "old_id": chat_id, "new_id": chat_id, "messages_in": len(originals), "messages_out": len(messages),
        "notes": [{"path": n.path, "severity": n.severity, "message": n.message}
                        for n in notes if n.severity != "info"],
    }
    return (messages if bare else {**record, **converted}), entry


class _Checkpoints:
    """Records progress every so many chats or seconds."""

    def __init__(self, state: State, key: str):
        self.state, self.key = state, key
        self.pending, self.last = 0, time.monotonic()

    def due(self) -> bool:
        self.pending += 1
        return self.pending >= CHECKPOINT_EVERY or time.monotonic() - self.last > CHECKPOINT_SECONDS

    def record(self, value: dict[str, Any]) -> None:
        self.state.put(self.key, value)
        self.pending, self.last = 0, time.monotonic()


def migrate_jsonl(source: Path, target: Path, state: State, report_path: Path | None = None,
                  progress: Callable[[int], None] | None = None) -> Totals:
    key = f"langdock:{source.resolve()}"
    saved = state.get(key) or {"in": 0, "out": 0, "report": 0, "line": 0, "done": False}
    totals = Totals()
    if saved.get("done"):
        return totals
    report = Report(report_path, truncate_to=saved["report"] if report_path else None)
    checkpoints = _Checkpoints(state, key)
    mode = "r+b" if target.exists() else "w+b"
    with source.open("rb") as inp, target.open(mode) as out:
        out.truncate(saved["out"])
        out.seek(saved["out"])
        inp.seek(saved["in"])
        line_number = saved["line"]
        for raw in iter(inp.readline, b""):
            line_number += 1
            if raw.strip():
                try:
                    record = json.loads(raw)
                    converted, entry = convert_chat(record, f"line{line_number}")
                except (ValueError, InputError) as exc:
                    totals.failed += 1
                    report.write({"old_id": f"line{line_number}", "error": str(exc)[:300]})
                    out.write(raw if raw.endswith(b"\n") else raw + b"\n")  # kept as it was, never dropped
                else:
                    out.write(json.dumps(converted, ensure_ascii=False).encode() + b"\n")
                    totals.chats += 1
                    totals.messages += entry["messages_out"]
                    totals.with_notes += bool(entry["notes"])
                    report.write({"line": line_number, **entry})
                if progress:
                    progress(totals.chats + totals.failed)
            if checkpoints.due():
                out.flush()
                checkpoints.record({"in": inp.tell(), "out": out.tell(), "report": report.tell() or 0,
                                    "line": line_number, "done": False})
        out.flush()
        checkpoints.record({"in": inp.tell(), "out": out.tell(), "report": report.tell() or 0,
                            "line": line_number, "done": True})
    report.close()
    return totals


def migrate_folder(source: Path, target: Path, state: State, report_path: Path | None = None,
                   progress: Callable[[int], None] | None = None) -> Totals:
    totals = Totals()
    for path in sorted(p for p in source.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".jsonl":
            part = migrate_jsonl(path, destination, state, report_path, progress)
            for field in ("chats", "messages", "failed", "with_notes"):
                setattr(totals, field, getattr(totals, field) + getattr(part, field))
            continue
        key = f"langdock-file:{path.resolve()}"
        if (state.get(key) or {}).get("done"):
            continue
        report = Report(report_path)
        try:
            converted, entry = convert_chat(json.loads(path.read_bytes()), path.stem)
        except (ValueError, InputError) as exc:
            totals.failed += 1
            report.write({"old_id": str(path), "error": str(exc)[:300]})
            converted, entry = None, None
        if entry is not None:
            scratch = destination.with_suffix(".json.partial")
            scratch.write_text(json.dumps(converted, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(scratch, destination)  # a killed run never leaves half a file
            totals.chats += 1
            totals.messages += entry["messages_out"]
            totals.with_notes += bool(entry["notes"])
            report.write({"file": str(path), **entry})
        report.close()
        state.put(key, {"done": True})
        if progress:
            progress(totals.chats + totals.failed)
    return totals


def migrate_history(source: str | Path, target: str | Path, *, state: State, report: str | Path | None = None,
                    progress: Callable[[int], None] | None = None) -> Totals:
    source, target = Path(source), Path(target)
    if not source.exists():
        raise InputError(f"{source}: no such file or folder", kind="langdock-history")
    if source.is_dir():
        return migrate_folder(source, target, state, Path(report) if report else None, progress)
    return migrate_jsonl(source, target, state, Path(report) if report else None, progress)
