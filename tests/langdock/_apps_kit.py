"""Convert the application-shaped test files and decide whether the result works.

"Working" is concrete: (1) every line marked `LEGACY:<tag>` in the input was
rewritten or carries a note on that line, and (2) for runnable apps, the
converted app runs against a fake Agents API (tests/langdock/fake; legacy paths
answer 404) under both answer shapes (`content` string and `parts`), every chat
request body validates with `AgentChatRequest`, and it prints the expected answer.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

APPS = Path(__file__).parent / "apps"
FAKE = Path(__file__).parent / "fake"
EXPECTED = "Clauses 7 and 12 contain penalties."
_MARK = re.compile(r"LEGACY:([\w-]+)")

# app -> (files, module to run or None when it cannot run here)
CASES = {
    "py_cli_history": (["py_cli_history.py"], "py_cli_history.py"),
    "py_service_httpx": (["py_service_httpx.py"], "py_service_httpx.py"),
    "py_proxy_forward": (["py_proxy_forward.py"], "py_proxy_forward.py"),
    "py_stream_httpx": (["py_stream_httpx.py"], "py_stream_httpx.py"),
    "js_axios_history": (["js_axios_history.js"], "js_axios_history.js"),
    "js_fetch_client": (["js_fetch_client.js"], "js_fetch_client.js"),
    "js_express_proxy": (["js_express_proxy.js"], "js_express_proxy.js"),
    "ts_next_route": (["ts_next_route.ts"], None),
    "ts_delta_reader": (["ts_delta_reader.ts"], None),
    "folder_py": (["folder_py/langdock_client.py", "folder_py/app.py"], "folder_py/app.py"),
    # written after the converter changes, as a held-out check (see the report)
    "py_django_view": (["py_django_view.py"], "py_django_view.py"),
    "py_async_httpx": (["py_async_httpx.py"], "py_async_httpx.py"),
    "js_slack_bot": (["js_slack_bot.js"], "js_slack_bot.js"),
    "ts_service_class": (["ts_service_class.ts"], None),
    # a second held-out set, measured before any change they prompted
    "py_retry_client": (["py_retry_client.py"], "py_retry_client.py"),
    "py_history_file": (["py_history_file.py"], "py_history_file.py"),
    "js_edge_function": (["js_edge_function.js"], "js_edge_function.js"),
    "folder_js": (["folder_js/client.js", "folder_js/app.js"], "folder_js/app.js"),
}


@dataclass
class Verdict:
    unmarked: list[str] = field(default_factory=list)  # legacy lines neither rewritten nor noted
    run_errors: list[str] = field(default_factory=list)

    @property
    def working(self) -> bool:
        return not self.unmarked and not self.run_errors


def convert_files(names: list[str]) -> dict[str, object]:
    """Convert the files of one case: in folder mode when there are several."""
    sources = {name: (APPS / name).read_text(encoding="utf-8") for name in names}
    try:
        from helpers.langdock.folder import convert_files as folder
    except ImportError:  # the code before folder mode existed
        folder = None
    if folder is not None:
        return folder(sources)
    import helpers

    kinds = {".py": "python", ".js": "javascript", ".ts": "typescript"}
    return {n: helpers.convert(s, kind=kinds[Path(n).suffix]) for n, s in sources.items()}


def static_problems(name: str, result) -> list[str]:
    source_lines = result.source.splitlines()
    output_lines = result.output.splitlines()
    noted = {n.line for n in result.notes}
    problems = []
    for number, line in enumerate(source_lines, 1):
        for tag in _MARK.findall(line):
            after = next((o for o in output_lines if f"LEGACY:{tag}" in o), None)
            if after == line and number not in noted:
                problems.append(f"{name}:{number} {tag}")
    return problems


def run_app(outputs: dict[str, str], entry: str, shape: str) -> list[str]:
    """Run the converted app; problems found (empty when it worked)."""
    from helpers.payloads.models.langdock import AgentChatRequest

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in outputs.items():
            (root / Path(name).name).write_text(text, encoding="utf-8")
        log = root / "requests.jsonl"
        log.touch()
        env = {**os.environ, "FAKE_LANGDOCK_LOG": str(log), "FAKE_LANGDOCK_SHAPE": shape}
        env.pop("LANGDOCK_CHAT_URL", None)
        env.pop("LANGDOCK_URL", None)
        module = Path(entry).name
        if module.endswith(".py"):
            for fake in ("fake_server.py", "requests.py", "httpx.py"):
                shutil.copy(FAKE / fake, root / fake)
            command = [sys.executable, "-c", f"import {module[:-3]} as m; m.main()"]
        else:
            command = ["node", str(FAKE / "harness.cjs"), str(root / module)]
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True,
                              timeout=60)
        problems = []
        if done.returncode != 0:
            problems.append(f"exit {done.returncode}: {done.stderr.strip()[-300:]}")
        elif done.stdout.strip() != EXPECTED:
            problems.append(f"printed {done.stdout.strip()!r}")
        for line in log.read_text().splitlines():
            entry_ = json.loads(line)
            if "/assistant/v1/" in entry_["path"]:
                problems.append(f"called legacy {entry_['path']}")
            if entry_["path"].endswith("/chat/completions"):
                try:
                    AgentChatRequest.model_validate(entry_["body"])
                except Exception as exc:  # noqa: BLE001 - any validation problem counts
                    problems.append(f"invalid body: {str(exc).splitlines()[0:3]}")
        return problems


def assess(case: str) -> tuple[Verdict, dict[str, object]]:
    names, entry = CASES[case]
    results = convert_files(names)
    verdict = Verdict()
    for name, result in results.items():
        verdict.unmarked.extend(static_problems(name, result))
    if entry is not None:
        outputs = {n: r.output for n, r in results.items()}
        for shape in ("content", "parts"):
            verdict.run_errors.extend(f"[{shape}] {p}" for p in run_app(outputs, entry, shape))
    return verdict, results


def main() -> None:
    working = 0
    for case in CASES:
        verdict, _ = assess(case)
        working += verdict.working
        print(f"{case:20} {'working' if verdict.working else 'NOT working'}")
        for problem in verdict.unmarked + verdict.run_errors:
            print(f"    {problem}")
    print(f"{working}/{len(CASES)} application files convert to working code")


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    main()
