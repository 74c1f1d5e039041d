"""How fast the Foundry Python converter is, per snippet and over a folder.

    .venv/bin/python benchmarks/bench_convert.py [--repeat 200] [--files 1000]

Prints median and p95 milliseconds per snippet (CPU time of one conversion,
each snippet converted cold: the LibCST fragment cache is cleared first), and
files per second for `python -m helpers convert --json` logic over a generated
tree of legacy files.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import SNIPPETS  # noqa: E402
from timing import timings  # noqa: E402

from helpers.cli import main as cli_main  # noqa: E402
from helpers.foundry import fragments  # noqa: E402


def files_per_second(count: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        sources = list(SNIPPETS.values())
        for index in range(count):
            folder = Path(tmp) / f"pkg{index // 100}"
            folder.mkdir(exist_ok=True)
            # vary the text so no cache can help
            body = sources[index % len(sources)].replace("gpt-4.1", f"gpt-4.1-{index}")
            (folder / f"module_{index}.py").write_text(body, encoding="utf-8")
        fragments._parse.cache_clear()
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            cli_main(["convert", tmp, "--json", "--quiet"])
        return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    print(f"{'snippet':18} {'lines':>5} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>8}")
    medians = []
    for name, source in SNIPPETS.items():
        median, p95, cpu = timings(source, args.repeat)
        medians.append(median)
        print(f"{name:18} {source.count(chr(10)):5d} {median:10.2f} {p95:8.2f} {cpu:8.2f}")
    print(f"{'all snippets':18} {'':5} {statistics.median(medians):10.2f}")
    print(f"folder of {args.files} legacy files: {files_per_second(args.files):.0f} files/s")


if __name__ == "__main__":
    main()
