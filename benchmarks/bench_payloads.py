"""How fast the payload and stream converters are: median and p95 in milliseconds.

Cases: a generated 1 MB Langdock chat request (legacy message list), a generated
10,000-event legacy stream converted to both stream formats, `detect_payload_kind`
on both (a new string each run, so detection's own cache misses), and the per-keystroke
path (detect + convert) of a typical 2 KB request. Wall-clock times in a warm process:
imports and the rule registry are loaded before the clock starts.

Run: .venv/bin/python benchmarks/bench_payloads.py [--runs N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.payloads import convert_payload, detect_payload_kind  # noqa: E402


def langdock_request(target_bytes: int) -> str:
    messages = []
    size = 0
    i = 0
    while size < target_bytes:
        message = {"role": "user" if i % 2 == 0 else "assistant",
                   "content": f"Message {i}: please summarise clause {i % 40} of the contract. " * 2}
        if i % 10 == 0:
            message["attachmentIds"] = [f"b3e2a9c1-0f44-4d6b-8a21-{i:012d}"]
        messages.append(message)
        size += len(json.dumps(message)) + 2
        i += 1
    return json.dumps({"assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40", "messages": messages,
                       "stream": True}, indent=2)


def legacy_stream(events: int) -> str:
    lines = [f'data: {json.dumps({"type": "message", "content": f"chunk {i} "})}\n\n' for i in range(events - 1)]
    return "".join(lines) + 'data: {"type":"done"}\n\n'


def measure(label: str, make_input: Callable[[], str], run: Callable[[str], object], runs: int) -> None:
    times = []
    for _ in range(runs):
        text = make_input()
        start = time.perf_counter()
        run(text)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"{label:<58} median {statistics.median(times):8.2f} ms   p95 {p95:8.2f} ms")


def fresh(text: str) -> Callable[[], str]:
    # Different content on every run (trailing blank lines grow), as when the user types:
    # the detection cache can never answer from a previous run.
    count = iter(range(1, 10**9))
    return lambda: text + "\n" * next(count)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs

    request = langdock_request(1_000_000)
    stream = legacy_stream(10_000)
    small = langdock_request(2_000)
    print(f"1 MB request: {len(request):,} chars; stream: {len(stream):,} chars, 10,000 events; "
          f"small request: {len(small):,} chars; {runs} runs each\n")

    convert_payload(small)  # imports and rule registry, not part of the figures
    measure("detect_payload_kind, 1 MB Langdock request", fresh(request), detect_payload_kind, runs)
    measure("convert_payload, 1 MB Langdock request", fresh(request), convert_payload, runs)
    measure("detect_payload_kind, 10,000-event legacy stream", fresh(stream), detect_payload_kind, runs)
    measure("convert_payload, legacy stream → ui-message-stream (v5)", fresh(stream),
            lambda t: convert_payload(t, stream_format="ui-message-stream"), runs)
    measure("convert_payload, legacy stream → data-stream (v4)", fresh(stream),
            lambda t: convert_payload(t, stream_format="data-stream"), runs)
    measure("keystroke path: detect + convert, 2 KB request", fresh(small),
            lambda t: convert_payload(t, kind=detect_payload_kind(t)), max(runs, 200))


if __name__ == "__main__":
    main()
