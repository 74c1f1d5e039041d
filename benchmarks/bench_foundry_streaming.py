"""How fast the streaming and async conversions are, on the end-to-end test scripts.

    .venv/bin/python benchmarks/bench_foundry_streaming.py [repeat]

Prints, per script, its line count, the median and p95 wall-clock milliseconds and the
median CPU milliseconds of one warm `convert_code` call (see `timing.py`: imports done, the
same script converted once before timing, the LibCST fragment cache cleared before each
run). Target: wall median under 10 ms for scripts up to about 70 lines; a figure above it
is flagged OVER.
"""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import warm_timings  # noqa: E402
from tests.foundry.test_end_to_end_streaming import ASYNC_SCRIPT, SYNC_SCRIPT  # noqa: E402
from tests.foundry.test_streaming import PAIRS  # noqa: E402

TARGET_MS = 10.0
OPENAI_HANDLER = textwrap.dedent(PAIRS["openai_beta_handler"][0]).lstrip("\n")


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for name, source in (("sync streaming script", SYNC_SCRIPT), ("async streaming script", ASYNC_SCRIPT),
                         ("OpenAI beta handler", OPENAI_HANDLER)):
        warm = warm_timings(source, repeat)
        lines = source.count("\n")
        flag = f"OVER {TARGET_MS:.0f} ms" if warm.wall_median > TARGET_MS else "ok"
        print(f"{name:24} {lines:3} lines  warm wall median {warm.wall_median:6.2f} ms  "
              f"p95 {warm.wall_p95:6.2f} ms  cpu median {warm.cpu_median:6.2f} ms  {flag}")


if __name__ == "__main__":
    main()
