"""Timing shared by the converter benchmarks."""
from __future__ import annotations

import statistics
import time

from helpers import convert_code
from helpers.foundry import fragments


def timings(source: str, repeat: int) -> tuple[float, float, float]:
    """Wall-clock median and p95, and CPU-time median (steadier on a busy machine), in ms.

    Each conversion starts cold: the LibCST fragment cache is cleared first.
    """
    convert_code(source)  # warm imports and code paths once
    wall, cpu = [], []
    for _ in range(repeat):
        fragments._parse.cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        convert_code(source)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    wall.sort()
    return statistics.median(wall), wall[max(0, int(len(wall) * 0.95) - 1)], statistics.median(cpu)
