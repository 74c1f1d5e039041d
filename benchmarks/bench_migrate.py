"""Migration figures: Langdock history memory and speed, Foundry threads per second.

    .venv/bin/python benchmarks/bench_migrate.py langdock [--mb 10,100]
    .venv/bin/python benchmarks/bench_migrate.py foundry [--threads 200 --messages 20]

`langdock` writes a JSON-lines history of each size, migrates it in a fresh
process and reports wall time, MB/s, chats/s and the child's peak resident
memory (ru_maxrss): constant memory means the peak stays flat as the file grows.
`foundry` seeds a local service and migrates its threads at concurrency 1 and 8.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _chat(n: int) -> str:
    return json.dumps({"id": f"chat-{n}", "assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40", "messages": [
        {"role": "user", "content": f"question {n} " + "lorem ipsum " * 20, "attachmentIds": [f"file-{n}"]},
        {"role": "assistant", "content": f"answer {n} " + "dolor sit amet " * 30},
        {"role": "user", "content": f"follow-up {n}"},
    ]}) + "\n"


def langdock(sizes_mb: list[int]) -> None:
    for size in sizes_mb:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "history.jsonl"
            chats = 0
            with source.open("w") as out:
                while out.tell() < size * 1_000_000:
                    out.write(_chat(chats))
                    chats += 1
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "helpers", "migrate", "langdock-history", str(source),
                            str(Path(tmp) / "out.jsonl"), "--quiet", "--state", str(Path(tmp) / "s.db")],
                           cwd=ROOT, check=True, capture_output=True)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"{size:6} MB, {chats:8} chats: {seconds:7.1f} s, {size / seconds:5.2f} MB/s, "
                  f"{chats / seconds:6.0f} chats/s, peak RSS {max(peak, before) / 1024:.0f} MiB")


def foundry(threads: int, messages: int) -> None:
    sys.path.insert(0, str(ROOT))
    from helpers.local import service
    from helpers.local.seed import seed
    from helpers.migrate.foundry_threads import all_thread_ids, migrate_threads
    from helpers.migrate.report import Report
    from helpers.migrate.state import State

    for concurrency in (1, 8):
        with service() as svc:
            legacy = svc.agents_client()
            seed(legacy, threads, messages)
            openai_client = svc.project_openai_client()
            start = time.perf_counter()
            totals = migrate_threads(list(all_thread_ids(legacy)), legacy, openai_client, State(None), Report(None),
                                     concurrency=concurrency)
            seconds = time.perf_counter() - start
            print(f"concurrency {concurrency}: {totals.threads} threads of {messages} messages in {seconds:.1f} s "
                  f"= {totals.threads / seconds:.1f} threads/s ({totals.failed} failed)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["langdock", "foundry"])
    parser.add_argument("--mb", default="10,100")
    parser.add_argument("--threads", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    if args.what == "langdock":
        langdock([int(x) for x in args.mb.split(",")])
    else:
        foundry(args.threads, args.messages)


if __name__ == "__main__":
    main()
