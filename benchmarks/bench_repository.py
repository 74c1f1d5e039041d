"""Whole-repository figures for `convert --check` (wall time, this machine).

    .venv/bin/python benchmarks/bench_repository.py [--files 10000] [--calls 1000,2000,...]

1. A generated repository of N Python, JavaScript and JSON files of which 1%
   hold legacy code, checked with `-j 1` and `-j 4` (and the default).
2. One file of K one-line legacy calls, converted in a fresh process per K,
   to show how the cost grows with the size of a file.
Each figure is one run in a fresh subprocess, as CI would run it.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEGACY_PY = "from azure.ai.agents import AgentsClient\nthread = client.threads.create()\nprint(thread.id)\n"
PLAIN_PY = "def handler_{n}(event):\n    total = sum(event.values())\n    return {{'total': total, 'n': {n}}}\n"
PLAIN_JS = "export function render{n}(items) {{\n  return items.map((item) => item.name).join(', ');\n}}\n"
PLAIN_JSON = '{{"name": "package-{n}", "version": "1.0.{n}", "private": true}}\n'


def make_repository(folder: Path, count: int) -> None:
    for n in range(count):
        sub = folder / f"pkg{n // 200}"
        sub.mkdir(exist_ok=True)
        if n % 100 == 0:
            (sub / f"legacy_{n}.py").write_text(LEGACY_PY)
        elif n % 3 == 0:
            (sub / f"mod_{n}.js").write_text(PLAIN_JS.format(n=n))
        elif n % 3 == 1:
            (sub / f"conf_{n}.json").write_text(PLAIN_JSON.format(n=n))
        else:
            (sub / f"mod_{n}.py").write_text(PLAIN_PY.format(n=n))


def timed(args: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd, capture_output=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--calls", default="1000,2000,4000,8000,16000,32000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        make_repository(repo, args.files)
        print(f"repository of {args.files} files (1% legacy), `convert --check --quiet .`:")
        for jobs in ("1", "4", None):
            seconds, status = timed(["convert", "--check", "--quiet", ".", *(["-j", jobs] if jobs else [])], repo)
            label = f"-j {jobs}" if jobs else "default -j"
            print(f"  {label:11} {seconds:6.2f} s  ({args.files / seconds:,.0f} files/s, exit {status})")
    print("one file of K one-line legacy calls, `convert --check --quiet FILE`:")
    for calls in (int(k) for k in args.calls.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "many.py"
            path.write_text("".join(f"thread_{i} = client.agents.threads.create()\n" for i in range(calls)))
            seconds, status = timed(["convert", "--check", "--quiet", str(path)], Path(tmp))
            print(f"  {calls:6} calls {seconds:7.2f} s  ({seconds / calls * 1e6:,.0f} µs per call, exit {status})")


if __name__ == "__main__":
    main()
