"""`python -m helpers serve`, `run` and `check` (see helpers.cli)."""
from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path


def add_commands(sub) -> None:
    serve = sub.add_parser("serve", help="run the local service on its own (Ctrl+C stops it)")
    serve.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--data", type=Path, help="folder for state and certificates (default: ~/.cache/...)")
    serve.add_argument("--seed-threads", type=int, default=0, metavar="N",
                       help="fill the legacy side with N threads (and a few classic agents)")
    serve.add_argument("--messages", type=int, default=10, metavar="M", help="messages per seeded thread")
    serve.add_argument("--faults", type=float, default=0.0, metavar="RATE",
                       help="answer this share of API calls with 429 or 503 (0 to 1)")
    run = sub.add_parser("run", help="run a Python script, unchanged, against the local service")
    run.add_argument("script", type=Path)
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    run.add_argument("--data", type=Path, help="the service's data folder (default: ~/.cache/...)")
    check = sub.add_parser("check", help="convert a script, run both versions against a fresh local service, compare")
    check.add_argument("script", type=Path)
    check.add_argument("--timeout", type=float, default=60.0, help="seconds each run may take (default: 60)")
    check.add_argument("--json", action="store_true", help="the report as one JSON object")


def serve(args: argparse.Namespace) -> int:
    from .discovery import announce, withdraw
    from .service import default_data, start

    if not 0 <= args.faults <= 1:
        print("--faults takes a share between 0 and 1", file=sys.stderr)
        return 2
    folder = args.data or default_data()
    svc = start(folder, port=args.port, fault_rate=args.faults)
    if args.seed_threads:
        from .seed import seed

        seeded = seed(svc.agents_client(retry_total=10), args.seed_threads, args.messages)
        print(f"Seeded {len(seeded['threads'])} thread(s) of {args.messages} message(s) and "
              f"{len(seeded['agents'])} classic agent(s)")
    announce(svc, folder)
    print(f"Local service on {svc.base_url} (state in {folder})")
    print("Export these to point scripts at it:")
    for name, value in svc.env().items():
        if name not in ("NO_PROXY", "no_proxy"):
            print(f"  export {name}={value}")
    sys.stdout.flush()
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    try:
        stop.wait()
    finally:
        withdraw(folder)
        svc.stop()
    return 0


def run(args: argparse.Namespace) -> int:
    from .run import available_service, run_script

    if not args.script.is_file():
        print(f"{args.script}: no such file", file=sys.stderr)
        return 2
    with available_service(args.data) as svc:
        return run_script(args.script, args.args, service=svc).returncode


def check(args: argparse.Namespace) -> int:
    """Exit status 0: the converted script ran and no verification step failed; 1: it did not; 2: bad input."""
    import json

    from ..errors import InputError, WorkbookError
    from .check import check_script

    if not args.script.is_file():
        print(f"{args.script}: no such file", file=sys.stderr)
        return 2
    try:
        report = check_script(args.script, timeout=args.timeout)
    except InputError as exc:
        print(f"{args.script}: {exc}", file=sys.stderr)
        return 2
    except WorkbookError as exc:
        print(f"{args.script}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.text(), end="" if not args.json else "\n")
    return 0 if report.ok else 1


HANDLERS = {"serve": serve, "run": run, "check": check}
