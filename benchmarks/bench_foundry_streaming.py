"""How fast the streaming and async conversions are, on the end-to-end test scripts.

    .venv/bin/python benchmarks/bench_foundry_streaming.py [repeat]

Prints, per script, its line count, the median and p95 wall-clock
milliseconds and the median CPU milliseconds of one `convert_code` call (the LibCST fragment cache is cleared
before each call, so every conversion is cold). Target: median under 10 ms for
a 60-line snippet.
"""
from __future__ import annotations

import statistics
import textwrap
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers import convert_code  # noqa: E402
from helpers.foundry import fragments  # noqa: E402
from tests.foundry.test_end_to_end_streaming import ASYNC_SCRIPT, SYNC_SCRIPT  # noqa: E402
from tests.foundry.test_streaming import PAIRS  # noqa: E402

OPENAI_HANDLER = textwrap.dedent(PAIRS["openai_beta_handler"][0]).lstrip("\n")


def timings(source: str, repeat: int) -> tuple[float, float, float]:
    """Wall-clock median and p95, and CPU-time median (steadier on a busy machine), in ms."""
    convert_code(source)  # warm imports and code paths
    wall, cpu = [], []
    for _ in range(repeat):
        fragments._parse.cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        convert_code(source)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    wall.sort()
    return statistics.median(wall), wall[int(len(wall) * 0.95) - 1], statistics.median(cpu)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for name, source in (("sync streaming script", SYNC_SCRIPT), ("async streaming script", ASYNC_SCRIPT),
                         ("OpenAI beta handler", OPENAI_HANDLER)):
        median, p95, cpu = timings(source, repeat)
        lines = source.count("\n")
        print(f"{name:24} {lines:3} lines  median {median:6.2f} ms  p95 {p95:6.2f} ms  cpu median {cpu:6.2f} ms")


if __name__ == "__main__":
    main()
