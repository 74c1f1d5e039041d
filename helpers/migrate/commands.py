"""`python -m helpers migrate foundry ...` and `python -m helpers migrate langdock-history ...`."""
from __future__ import annotations

import argparse
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path


def add_commands(sub) -> None:
    migrate = sub.add_parser("migrate", help="move stored agents, threads and chats to the new API")
    what = migrate.add_subparsers(dest="what", required=True)
    foundry = what.add_parser("foundry", help="classic Foundry agents and threads -> agent versions and conversations")
    foundry.add_argument("--agents", action="store_true", help="migrate agents (all, or those given with --agent-id)")
    foundry.add_argument("--threads", action="store_true", help="migrate threads (all, or those given with --thread-id)")
    foundry.add_argument("--agent-id", action="append", default=[], metavar="ID")
    foundry.add_argument("--thread-id", action="append", default=[], metavar="ID")
    foundry.add_argument("--endpoint", help="project endpoint (default: $PROJECT_ENDPOINT or $AZURE_AI_PROJECT_ENDPOINT)")
    foundry.add_argument("--local", action="store_true", help="use the local service (started if none is serving)")
    history = what.add_parser("langdock-history", help="stored Langdock chats -> the new message shape")
    history.add_argument("source", type=Path, help="a JSON-lines file or a folder of .json/.jsonl files")
    history.add_argument("target", type=Path, help="where the converted file or folder goes")
    for parser in (foundry, history):
        parser.add_argument("--dry-run", action="store_true", help="count and show the first differences; write nothing")
        parser.add_argument("--report", type=Path, help="JSON-lines report, one line per object")
        parser.add_argument("--state", type=Path, help="state file that makes the run resumable (default: next to the report or ./migration-state.sqlite3)")
        parser.add_argument("--concurrency", type=int, default=4, metavar="N")
        parser.add_argument("--quiet", action="store_true")


def _state_path(args) -> Path:
    if args.state:
        return args.state
    if args.report:
        return args.report.with_suffix(".state.sqlite3")
    return Path("migration-state.sqlite3")


def _progress(quiet: bool, label: str):
    show = not quiet and sys.stderr.isatty()
    started = time.monotonic()

    def update(count: int) -> None:
        if show:
            rate = count / max(1e-6, time.monotonic() - started)
            sys.stderr.write(f"\r{label}: {count} ({rate:,.0f}/s)   ")
            sys.stderr.flush()
    return update


def migrate(args: argparse.Namespace) -> int:
    from .report import Report
    from .state import State

    state = State(None if args.dry_run else _state_path(args))
    try:
        if args.what == "langdock-history":
            return _langdock(args, state)
        return _foundry(args, state, Report)
    finally:
        state.close()


def _langdock(args, state) -> int:
    from ..errors import InputError
    from .langdock_history import migrate_history

    if args.dry_run:
        import tempfile
        with tempfile.TemporaryDirectory() as scratch:
            target = Path(scratch) / args.target.name
            totals = migrate_history(args.source, target, state=state, report=args.report,
                                     progress=_progress(args.quiet, "chats"))
    else:
        try:
            totals = migrate_history(args.source, args.target, state=state, report=args.report,
                                     progress=_progress(args.quiet, "chats"))
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(f"{totals.chats} chat(s), {totals.messages} message(s) converted; {totals.failed} kept as they were "
          f"(not JSON or not a chat); {totals.with_notes} with notes{' (dry run: nothing written)' if args.dry_run else ''}")
    return 1 if totals.failed else 0


def _clients(args, stack: ExitStack):
    if args.local:
        from ..local.run import available_service

        svc = stack.enter_context(available_service())
        return svc.agents_client(), svc.project_client(), svc.project_openai_client()
    from azure.ai.agents import AgentsClient
    from azure.ai.projects import AIProjectClient
    from azure.identity import DefaultAzureCredential

    endpoint = args.endpoint or os.environ.get("PROJECT_ENDPOINT") or os.environ.get("AZURE_AI_PROJECT_ENDPOINT")
    if not endpoint:
        raise SystemExit("error: give --endpoint, set PROJECT_ENDPOINT, or use --local")
    credential = DefaultAzureCredential()
    project = AIProjectClient(endpoint=endpoint, credential=credential)
    return AgentsClient(endpoint=endpoint, credential=credential), project, project.get_openai_client()


def _foundry(args, state, Report) -> int:
    from .foundry_agents import migrate_agents
    from .foundry_threads import all_thread_ids, migrate_threads

    if not (args.agents or args.threads or args.agent_id or args.thread_id):
        args.agents = args.threads = True
    report = Report(None if args.dry_run else args.report, one_line_per_id=True)
    status = 0
    with ExitStack() as stack:
        legacy, project, openai_client = _clients(args, stack)
        if args.agents or args.agent_id:
            agents = [legacy.get_agent(i) for i in args.agent_id] if args.agent_id else legacy.list_agents(order="asc")
            totals = migrate_agents(agents, project, state, report, dry_run=args.dry_run)
            print(f"agents: {totals['agents']} migrated, {totals['already']} already done, {totals['failed']} failed")
            status |= bool(totals["failed"])
        if args.threads or args.thread_id:
            ids = args.thread_id or all_thread_ids(legacy)
            progress = _progress(args.quiet, "threads")
            totals = migrate_threads(ids, legacy, openai_client, state, report, dry_run=args.dry_run,
                                     concurrency=args.concurrency,
                                     progress=lambda t: progress(t.threads + t.already + t.failed))
            print(f"threads: {totals.threads} migrated ({totals.messages} messages), {totals.already} already done, "
                  f"{totals.failed} failed, {totals.possible_orphans} possible orphan conversation(s)")
            for difference in totals.differences:
                print(f"  {difference['old_id']}: not carried: "
                      + "; ".join(f"{d['field']} ({d['why']})" for d in difference["not_carried"]))
            status |= bool(totals.failed)
    report.close()
    return 1 if status else 0


HANDLERS = {"migrate": migrate}
