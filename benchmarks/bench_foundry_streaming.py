"""How fast the streaming and async conversions are, on the end-to-end test scripts.

    .venv/bin/python benchmarks/bench_foundry_streaming.py [repeat]

Prints, per script, its line count, the median and p95 wall-clock
milliseconds and the median CPU milliseconds of one `convert_code` call (the LibCST fragment cache is cleared
before each call, so every conversion is cold). Target: median under 10 ms for
a 60-line snippet.
"""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import timings  # noqa: E402
from tests.foundry.test_end_to_end_streaming import ASYNC_SCRIPT, SYNC_SCRIPT  # noqa: E402
from tests.foundry.test_streaming import PAIRS  # noqa: E402

OPENAI_HANDLER = textwrap.dedent(PAIRS["openai_beta_handler"][0]).lstrip("\n")


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for name, source in (("sync streaming script", SYNC_SCRIPT), ("async streaming script", ASYNC_SCRIPT),
                         ("OpenAI beta handler", OPENAI_HANDLER)):
        median, p95, cpu = timings(source, repeat)
        lines = source.count("\n")
        print(f"{name:24} {lines:3} lines  median {median:6.2f} ms  p95 {p95:6.2f} ms  cpu median {cpu:6.2f} ms")


if __name__ == "__main__":
    main()
