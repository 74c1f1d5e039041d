"""`python -m helpers check SCRIPT` and `helpers.check_script(...)`: convert a
script, run the original and the conversion against the local service, and
compare what they did.

This one runs code, on purpose: the user asks for it (the command, or the
widget's "Run both" button). The user's file is never written: both runs use
copies in a fresh temporary folder, each next to copies of the script's
sibling files (scripts read data files and write outputs beside themselves).
Each check starts its own service with a fresh store, so the verification
steps see only what these two runs did.

The report holds both outcomes (exit status, output, the end of stderr), a
unified diff of their output after masking what differs between any two runs
(ids such as `asst_…`/`conv_…`/UUIDs, times), and verification steps read
from the service's state after the converted run:

- Microsoft guide (Foundry scripts): `create_version` made an agent version
  with an id and a version; a conversation produced output items; context was
  kept across responses (two responses in one conversation, or a
  `previous_response_id` chain).
- Langdock scripts: the converted script chatted on `/agent/v1` and made no
  `/assistant/v1` chat call.

A step that the script's API family does not use is "not applicable".
Foundry state is recognised by the objects' own `object` fields
("agent.version", "response"), not by how a backend names its store kinds.
"""
from __future__ import annotations

import ast
import difflib
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import convert_code
from ..errors import InputError, WorkbookError
from .run import run_script
from .service import start

TAIL_LINES = 20
MAX_SIBLING_BYTES = 20_000_000
PASSED, FAILED, NOT_APPLICABLE = "passed", "failed", "not applicable"

# What differs between two runs of the same script, so the diff shows only real differences.
_MASKS = [
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "<uuid>"),
    (re.compile(r"\b(asst|thread|conv|resp|msg|run|step|file|assistant|vs|vsfb|call|fc|item|cntr|ci|fs|chat|batch|"
                r"agent|rs|ws|mcp|ig|cfile)_[A-Za-z0-9]{6,}\b"), r"\1_<id>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"), "<time>"),
    (re.compile(r"\b1\d{12}\b|\b1\d{9}(?:\.\d+)?\b"), "<time>"),  # epoch milliseconds / seconds
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds|milliseconds)\b"), "<duration>"),
]


@dataclass
class RunOutcome:
    label: str              # "original" or "converted"
    returncode: int | None  # None when the run was stopped at the timeout
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def stderr_tail(self, lines: int = TAIL_LINES) -> str:
        return "\n".join(self.stderr.rstrip("\n").splitlines()[-lines:])

    def status(self) -> str:
        return "timed out" if self.timed_out else f"exit status {self.returncode}"

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "returncode": self.returncode, "timed_out": self.timed_out,
                "seconds": round(self.seconds, 3), "stdout": self.stdout, "stderr_tail": self.stderr_tail()}


@dataclass
class Verification:
    step: str
    status: str   # PASSED, FAILED or NOT_APPLICABLE
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"step": self.step, "status": self.status, "detail": self.detail}


@dataclass
class CheckReport:
    script: str
    converted_source: str
    changed: bool
    notes: list = field(default_factory=list)
    original: RunOutcome | None = None
    converted: RunOutcome | None = None
    stdout_diff: str = ""
    verifications: list[Verification] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """The converted script ran cleanly and no verification step failed."""
        return bool(self.converted and self.converted.ok) and all(v.status != FAILED for v in self.verifications)

    def to_dict(self) -> dict[str, Any]:
        return {
            "script": self.script, "ok": self.ok, "changed": self.changed,
            "notes": [{"line": n.line, "severity": n.severity, "rule": n.rule, "message": n.message} for n in self.notes],
            "original": self.original.to_dict() if self.original else None,
            "converted": self.converted.to_dict() if self.converted else None,
            "stdout_diff": self.stdout_diff, "verifications": [v.to_dict() for v in self.verifications],
        }

    def text(self) -> str:
        lines = [f"check {self.script}: {'OK' if self.ok else 'PROBLEMS FOUND'}",
                 f"conversion: {'changed' if self.changed else 'unchanged'}, {len(self.notes)} note(s)"]
        for run in (self.original, self.converted):
            lines.append(f"\n{run.label} ({run.status()}, {run.seconds:.1f} s)")
            lines.extend("  | " + line for line in run.stdout.rstrip("\n").splitlines())
            if not run.ok and run.stderr.strip():
                lines.append("  stderr (end):")
                lines.extend("  ! " + line for line in run.stderr_tail().splitlines())
        lines.append("\noutput difference (ids and times masked):")
        lines.append(self.stdout_diff.rstrip("\n") if self.stdout_diff else "  none")
        lines.append("\nverification after the converted run:")
        lines.extend(f"  [{v.status}] {v.step}: {v.detail}" for v in self.verifications)
        return "\n".join(lines) + "\n"


def mask(text: str) -> str:
    """`text` with run-specific ids and times replaced by placeholders."""
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def stdout_diff(original: str, converted: str) -> str:
    return "".join(difflib.unified_diff(
        mask(original).splitlines(keepends=True), mask(converted).splitlines(keepends=True),
        fromfile="original (masked)", tofile="converted (masked)"))


def check_script(script: str | Path, *, timeout: float = 60.0) -> CheckReport:
    """Convert `script` (a path, or Python source text), run both versions, compare.

    Raises only `helpers.errors` types: `InputError` when the script cannot be
    read or is not Python, `WorkbookError` when the service cannot run it.
    """
    try:
        return _check(script, timeout)
    except WorkbookError:
        raise
    except Exception as exc:  # the widget must get a WorkbookError, whatever broke
        raise WorkbookError(f"the check could not run: {type(exc).__name__}: {exc}") from exc


def _read_input(script: str | Path) -> tuple[str, str, Path | None]:
    """(name, source, folder whose files are copied) for a path or source text.

    A string is a path when it is one line and names a file or ends in `.py`."""
    if isinstance(script, str) and ("\n" in script or not (script.strip().endswith(".py") or _is_file(script))):
        return "script.py", script, None
    path = Path(script)
    try:
        return path.name, path.read_text(encoding="utf-8"), path.resolve().parent
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, NUL bytes
        return False


def _check(script: str | Path, timeout: float) -> CheckReport:
    name, source, folder = _read_input(script)
    result = convert_code(source)
    report = CheckReport(script=str(script) if folder else name, converted_source=result.output,
                         changed=result.changed, notes=list(result.notes))
    work = Path(tempfile.mkdtemp(prefix="workbook-check-"))
    try:
        original = _place(work / "original", name, source, folder)
        converted = _place(work / "converted", name, result.output, folder)
        svc = start(work / "service")
        try:
            report.original = _run(original, svc, "original", timeout)
            mark = svc.store.journal_position()
            report.converted = _run(converted, svc, "converted", timeout)
            before, docs = svc.store.written_since(0, until=mark), svc.store.written_since(mark)
        finally:
            svc.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.stdout_diff = stdout_diff(report.original.stdout, report.converted.stdout)
    report.verifications = verify(source, docs, before)
    return report


def _place(folder: Path, name: str, text: str, siblings: Path | None) -> Path:
    folder.mkdir(parents=True)
    if siblings is not None:
        for item in siblings.iterdir():
            if item.is_file() and item.name != name and item.stat().st_size <= MAX_SIBLING_BYTES:
                shutil.copy2(item, folder / item.name)
    target = folder / name
    target.write_text(text, encoding="utf-8")
    return target


def _run(path: Path, svc, label: str, timeout: float) -> RunOutcome:
    started = time.monotonic()
    try:
        done = run_script(path, service=svc, capture=True, timeout=timeout)
        return RunOutcome(label, done.returncode, done.stdout or "", done.stderr or "", time.monotonic() - started)
    except subprocess.TimeoutExpired as exc:
        return RunOutcome(label, None, _text(exc.stdout), _text(exc.stderr) + f"\n(stopped after {timeout:g} s)",
                          time.monotonic() - started, timed_out=True)


def _text(value) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


# --- verification -----------------------------------------------------------------------

FOUNDRY_MODULES = ("azure.ai.agents", "azure.ai.projects", "openai")
LANGDOCK_PATHS = ("/assistant/v1", "/agent/v1")
LANGDOCK_CHAT_KIND = "langdock_chat"


def families(source: str) -> set[str]:
    """Which API families the original script uses ("foundry", "langdock"), read with `ast`."""
    found: set[str] = set()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        if any(n == m or n.startswith(m + ".") for n in names for m in FOUNDRY_MODULES):
            found.add("foundry")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(
                p in node.value for p in LANGDOCK_PATHS):
            found.add("langdock")
    return found


Docs = list[tuple[str, dict[str, Any]]]  # (store kind, body) pairs


def verify(source: str, converted: Docs, original: Docs = ()) -> list[Verification]:
    """The verification steps for what the converted run left in the service
    (`original`: what the original run left, for comparison)."""
    used = families(source)
    return [*_foundry_steps(converted, "foundry" in used, original),
            *_langdock_steps(converted, original, "langdock" in used)]


def _legacy_did(original: Docs) -> tuple[bool, bool, bool]:
    """Whether the original run created an agent, ran a run, and ran twice in one thread:
    a step whose legacy counterpart never happened does not apply."""
    objects = [b for _, b in original]
    runs = [b for b in objects if b.get("object") == "thread.run"]
    per_thread: dict[str, int] = {}
    for run in runs:
        per_thread[run.get("thread_id")] = per_thread.get(run.get("thread_id"), 0) + 1
    return (any(b.get("object") == "assistant" for b in objects), bool(runs), max(per_thread.values(), default=0) > 1)


def _foundry_steps(docs: Docs, applicable: bool, original: Docs = ()) -> list[Verification]:
    steps = ("create_version returned an id and a version", "a conversation produced output items",
             "context kept across responses")
    if not applicable:
        return [Verification(step, NOT_APPLICABLE, "the script does not use the Foundry or OpenAI SDKs")
                for step in steps]
    did = _legacy_did(original) if original else (True, True, True)
    whys = ("the original created no agent", "the original started no run",
            "the original ran only once per thread")
    # A backend may keep the wire object inside a record of its own ({"response": {...}, ...}).
    objects = [b["response"] if isinstance(b.get("response"), dict) else b for _, b in docs]
    versions = [b for b in objects if b.get("object") == "agent.version" and b.get("id") and b.get("version")]
    responses = [b for b in objects if b.get("object") == "response"]
    in_conversation = [r for r in responses if _conversation(r) and r.get("output")]
    by_conversation: dict[str, int] = {}
    for response in responses:
        if _conversation(response):
            by_conversation[_conversation(response)] = by_conversation.get(_conversation(response), 0) + 1
    response_ids = {r.get("id") for r in responses}
    chained = [r for r in responses if r.get("previous_response_id") in response_ids]
    verdicts = [
        Verification(steps[0], PASSED if versions else FAILED,
                     f"agent {versions[0].get('name')} version {versions[0].get('version')} (id {versions[0]['id']})"
                     if versions else "no agent version was created"),
        Verification(steps[1], PASSED if in_conversation else FAILED,
                     f"{sum(len(r['output']) for r in in_conversation)} output item(s) in "
                     f"{len({_conversation(r) for r in in_conversation})} conversation(s)" if in_conversation
                     else f"{len(responses)} response(s), none with output items in a conversation"),
        Verification(steps[2], PASSED if (max(by_conversation.values(), default=0) > 1 or chained) else FAILED,
                     f"{max(by_conversation.values(), default=0)} response(s) in one conversation, "
                     f"{len(chained)} chained by previous_response_id"),
    ]
    return [v if done or v.status == PASSED else Verification(v.step, NOT_APPLICABLE, why)
            for v, done, why in zip(verdicts, did, whys)]


def _conversation(response: dict[str, Any]) -> str | None:
    conversation = response.get("conversation")
    return conversation.get("id") if isinstance(conversation, dict) else conversation


def _langdock_steps(docs: Docs, original: Docs, applicable: bool) -> list[Verification]:
    step = "the converted script chatted on /agent/v1 only"
    if not applicable:
        return [Verification(step, NOT_APPLICABLE, "the script does not call Langdock")]
    if not any(kind == LANGDOCK_CHAT_KIND for kind, _ in [*original, *docs]):
        return [Verification(step, NOT_APPLICABLE, "neither run made a chat call")]
    chats = [b for kind, b in docs if kind == LANGDOCK_CHAT_KIND]
    agent = [c for c in chats if c.get("generation") == "agent"]
    legacy = [c for c in chats if c.get("generation") == "assistant"]
    passed = bool(agent) and not legacy
    return [Verification(step, PASSED if passed else FAILED,
                         f"{len(agent)} chat(s) on /agent/v1, {len(legacy)} on /assistant/v1")]
