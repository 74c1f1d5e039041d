"""Timing shared by the converter benchmarks: warm runs in this process, cold runs in fresh ones.

Warm: the process has imported everything and converted the same input once
before the clock starts; only LibCST's fragment cache (`fragments._parse`, which
holds parsed replacement templates) is cleared before each run, so no run reuses
another's parsed templates. This is what every paste after the first costs.

Cold: a fresh Python process imports `helpers` and converts once. This is what
the first paste after opening a notebook costs when nothing warmed the engine.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from helpers import convert_code
from helpers.foundry import fragments

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Warm:
    wall_median: float  # ms, wall clock (perf_counter): what a user waits
    wall_p95: float
    cpu_median: float  # ms, CPU time of this process (process_time): steadier on a busy machine


def warm_timings(source: str, repeat: int) -> Warm:
    """`repeat` warm conversions of `source`, after one untimed conversion."""
    convert_code(source)
    wall, cpu = [], []
    for _ in range(repeat):
        fragments._parse.cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        convert_code(source)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    wall.sort()
    return Warm(statistics.median(wall), wall[max(0, int(len(wall) * 0.95) - 1)], statistics.median(cpu))


# Runs in a fresh interpreter; reads the source on stdin, prints milliseconds as JSON.
_CHILD = """
import json, sys, time
source = sys.stdin.read()
started = time.perf_counter()
import helpers
imported = time.perf_counter()
if MODE == "warmed":  # what the widget's background warm-up leaves behind once it has run
    from helpers.widgets.warm import warm_up
    warm_up()
ready = time.perf_counter()
if MODE == "widget":  # the widget's first update: conversion, SDK verdict, highlighting, diff
    from helpers.widgets.model import ConverterModel
    ConverterModel().update(source)
else:
    helpers.convert_code(source)
done = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1000, "first_ms": (done - ready) * 1000}))
"""


def cold_first_conversion(source: str, runs: int = 5, mode: str = "cold") -> dict[str, float]:
    """Median over `runs` fresh processes of the import time and the first conversion's time.

    `mode`: "cold" (convert_code right after import), "widget" (the widget model's first
    update right after import), "warmed" (convert_code after `helpers.widgets.warm.warm_up()`).
    """
    imports, firsts = [], []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, "-c", f"MODE = {mode!r}\n{_CHILD}"],
            input=source, capture_output=True, text=True, check=True, cwd=ROOT,
        )
        data = json.loads(child.stdout.strip().splitlines()[-1])
        imports.append(data["import_ms"])
        firsts.append(data["first_ms"])
    return {"import_ms": statistics.median(imports), "first_ms": statistics.median(firsts)}
