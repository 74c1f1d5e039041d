"""How fast the Foundry Python converter is: per snippet, warm and cold, and over a folder.

    .venv/bin/python benchmarks/bench_convert.py [--repeat 200] [--cold-runs 5] [--files 1000]

Per snippet (see `timing.py` for what warm and cold mean):
- warm: median and p95 wall-clock ms, and median CPU ms, of one `convert_code` call;
  a median above the target is flagged OVER;
- cold, for the 60-line script only: the first conversion in a fresh process, right after
  `import helpers`; the widget model's first update (conversion, SDK verdict, highlighting);
  and the first conversion after the widget's background warm-up has run.
Then files per second for the `python -m helpers convert --json` logic over a generated tree
of legacy files, converted one after another in one process (as the command line does: its
caches stay warm across files).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import SNIPPETS  # noqa: E402
from timing import cold_first_conversion, warm_timings  # noqa: E402

from helpers.cli import main as cli_main  # noqa: E402

TARGET_MS = 10.0  # warm median, for any snippet up to about 70 lines (README: 60 lines < 10 ms)


def files_per_second(count: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        sources = list(SNIPPETS.values())
        for index in range(count):
            folder = Path(tmp) / f"pkg{index // 100}"
            folder.mkdir(exist_ok=True)
            body = sources[index % len(sources)].replace("gpt-4.1", f"gpt-4.1-{index}")
            (folder / f"module_{index}.py").write_text(body, encoding="utf-8")
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            cli_main(["convert", tmp, "--json", "--quiet"])
        return count / (time.perf_counter() - start)


def flag(median: float) -> str:
    return f"OVER {TARGET_MS:.0f} ms" if median > TARGET_MS else "ok"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    print(f"warm, {args.repeat} runs per snippet (target: median under {TARGET_MS:.0f} ms)")
    print(f"{'snippet':18} {'lines':>5} {'wall median':>11} {'wall p95':>9} {'cpu median':>10}  target")
    for name, source in SNIPPETS.items():
        warm = warm_timings(source, args.repeat)
        print(f"{name:18} {source.count(chr(10)):5d} {warm.wall_median:8.2f} ms {warm.wall_p95:6.2f} ms "
              f"{warm.cpu_median:7.2f} ms  {flag(warm.wall_median)}")
    script = SNIPPETS["script_60_lines"]
    print(f"cold, 60-line script, median of {args.cold_runs} fresh processes (wall ms)")
    for mode, label in (("cold", "first convert_code after import"),
                        ("widget", "first widget update after import"),
                        ("warmed", "first convert_code after the widget warm-up")):
        cold = cold_first_conversion(script, args.cold_runs, mode)
        print(f"  {label:44} {cold['first_ms']:7.1f} ms   (import helpers: {cold['import_ms']:.0f} ms)")
    print(f"folder of {args.files} legacy files: {files_per_second(args.files):.0f} files/s")


if __name__ == "__main__":
    main()
