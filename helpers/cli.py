"""Command line: `python -m helpers convert PATH... [--diff | --write | --json | --check | --sarif]`,
`python -m helpers report PATH...`, and the local service's `serve` and `run`.

`convert` shows a unified diff by default and writes only with --write. Folders
are walked recursively (files that cannot hold legacy code are ruled out by a
byte filter before parsing) and converted in several processes (-j). Bad files
are reported with file, line and column and the exit status is 2, never a
traceback. `--check` writes nothing and exits 1 when any file would change
(as black and ruff do); `--sarif` prints one SARIF 2.1.0 log for code scanning.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from .batch import Outcome, default_workers, jobs, run_jobs
from .results import ConversionResult


def _diff(path: Path, result: ConversionResult) -> str:
    lines = difflib.unified_diff(
        result.source.splitlines(keepends=True),
        result.output.splitlines(keepends=True),
        fromfile=str(path) if path.is_absolute() else f"a/{path}",
        tofile=str(path) if path.is_absolute() else f"b/{path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _note_lines(path: Path, result: ConversionResult) -> list[str]:
    return [f"{path}:{n.line or 0}: {n.severity}: [{n.rule}] {n.message}" for n in result.notes]


def _error_line(outcome: Outcome) -> str:
    error = outcome.error
    where = ":".join(str(error[k]) for k in ("line", "column") if error.get(k) is not None)
    location = f"{outcome.path}:{where}" if where else str(outcome.path)
    if error.get("path"):
        location += f" ({error['path']})"
    return f"{location}: error: {error['message']}"


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--kind", help="treat every file as this kind (see `python -m helpers kinds`)")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="processes to convert with (default: the number of cores)")
    parser.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="convert files and folders")
    _add_selection(conv)
    mode = conv.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="show a unified diff (the default)")
    mode.add_argument("--write", action="store_true", help="rewrite the files in place")
    mode.add_argument("--json", action="store_true", help="one JSON object per file on stdout")
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 when any file would change, 0 when none would")
    mode.add_argument("--sarif", action="store_true", help="one SARIF 2.1.0 log on stdout")
    conv.add_argument("--stream-format", choices=["ui-message-stream", "data-stream"],
                      default="ui-message-stream", help="target format for Langdock streams")
    report = sub.add_parser("report", help="a migration readiness report for a repository")
    _add_selection(report)
    form = report.add_mutually_exclusive_group()
    form.add_argument("--markdown", action="store_true", help="Markdown, for a pull request")
    form.add_argument("--json", action="store_true", help="JSON")
    sub.add_parser("kinds", help="list the kinds of input")
    from .local import commands as service_commands
    from .migrate import commands as migrate_commands

    handlers = {}
    for extra in (service_commands, migrate_commands):
        extra.add_commands(sub)
        handlers.update(extra.HANDLERS)
    args = parser.parse_args(argv)
    if args.command in handlers:
        return handlers[args.command](args)
    if args.command == "kinds":
        from .kinds import all_kinds

        for name, description in all_kinds().items():
            print(f"{name:28} {description}")
        return 0
    if args.command == "report":
        return _report(args)
    return _convert(args)


def _outcomes(args: argparse.Namespace, stream_format: str | None):
    todo = jobs(args.paths, kind=args.kind, stream_format=stream_format)
    err = sys.stderr
    show = not args.quiet and err.isatty() and any(job.walked for job in todo)
    for index, outcome in enumerate(run_jobs(todo, args.jobs or default_workers()), 1):
        if show and (index % 50 == 0 or index == len(todo)):
            err.write(f"\r[{index}/{len(todo)}] {str(outcome.path)[-60:]:60}")
            err.flush()
        yield outcome
    if show:
        err.write("\r" + " " * 72 + "\r")


def _convert(args: argparse.Namespace) -> int:
    err = sys.stderr
    total = changed = failed = 0
    counts = {"error": 0, "warning": 0, "info": 0}
    collected: list[Outcome] = []
    for outcome in _outcomes(args, args.stream_format):
        total += 1
        if args.sarif:
            collected.append(outcome)
        if outcome.error is not None:
            failed += 1
            if args.json:
                print(json.dumps({"path": str(outcome.path), "kind": outcome.kind, "error": outcome.error}))
            if not args.sarif:
                err.write(_error_line(outcome) + "\n")
            continue
        result = outcome.result
        for note in result.notes:
            counts[note.severity] += 1
        changed += result.changed
        if args.json:
            print(json.dumps({
                "path": str(outcome.path), "kind": result.kind, "changed": result.changed,
                "output": result.output, "notes": [n.to_dict() for n in result.notes],
                **({"extras": result.extras} if result.extras else {}),
                **({"skipped": True} if outcome.skipped else {}),
            }))
            continue
        if args.sarif:
            continue
        if args.check:
            if result.changed:
                err.write(f"would convert {outcome.path}\n")
        elif args.write:
            if result.changed:
                outcome.path.write_text(result.output, encoding="utf-8", newline="")
        else:
            sys.stdout.write(_diff(outcome.path, result))
        if not args.quiet and not args.check:
            for line in _note_lines(outcome.path, result):
                err.write(line + "\n")
    if args.sarif:
        from .sarif import sarif_log

        json.dump(sarif_log(collected, Path.cwd()), sys.stdout, indent=2)
        sys.stdout.write("\n")
    if not args.quiet:
        verb = "rewritten" if args.write else "would change"
        err.write(
            f"{total} file(s): {changed} {verb}, {failed} failed; notes: {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} info\n"
        )
    if failed:
        return 2
    return 1 if args.check and changed else 0


def _report(args: argparse.Namespace) -> int:
    from .readiness import as_markdown, as_text, build_report

    outcomes = list(_outcomes(args, None))
    report = build_report(outcomes)
    if args.json:
        print(json.dumps(report, indent=2))
    elif args.markdown:
        sys.stdout.write(as_markdown(report))
    else:
        sys.stdout.write(as_text(report))
    return 2 if report["totals"]["unreadable_files"] else 0


def run() -> None:
    """Console script `agents-migrate` (the pre-commit hook's entry)."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
