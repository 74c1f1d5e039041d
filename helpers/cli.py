"""Command line: `python -m helpers convert PATH... [--diff | --write | --json]`.

Shows a unified diff by default and writes only with --write. Folders are
walked recursively; bad files are reported with file, line and column and the
exit status is 2, never a traceback.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path
from typing import Iterator

from .api import convert
from .errors import InputError, WorkbookError
from .results import ConversionResult

KIND_BY_SUFFIX = {
    ".py": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "typescript",
    ".json": None, ".sse": None,
}
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".ipynb_checkpoints", ".tox", "build", "dist"}


def _files(paths: list[str]) -> Iterator[tuple[Path, bool]]:
    """Each file to convert, and whether it came from walking a folder."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                for name in sorted(names):
                    candidate = Path(root) / name
                    if candidate.suffix in KIND_BY_SUFFIX:
                        yield candidate, True
        else:
            yield path, False


def _kind_for(path: Path, forced: str | None) -> str | None:
    if forced:
        return forced
    return KIND_BY_SUFFIX.get(path.suffix)


def _diff(path: Path, result: ConversionResult) -> str:
    lines = difflib.unified_diff(
        result.source.splitlines(keepends=True),
        result.output.splitlines(keepends=True),
        fromfile=str(path) if path.is_absolute() else f"a/{path}",
        tofile=str(path) if path.is_absolute() else f"b/{path}",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return text


def _note_lines(path: Path, result: ConversionResult) -> list[str]:
    return [f"{path}:{n.line or 0}: {n.severity}: [{n.rule}] {n.message}" for n in result.notes]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="convert files and folders")
    conv.add_argument("paths", nargs="+", metavar="PATH")
    mode = conv.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="show a unified diff (the default)")
    mode.add_argument("--write", action="store_true", help="rewrite the files in place")
    mode.add_argument("--json", action="store_true", help="one JSON object per file on stdout")
    conv.add_argument("--kind", help="treat every file as this kind (see `python -m helpers kinds`)")
    conv.add_argument("--stream-format", choices=["ui-message-stream", "data-stream"],
                      default="ui-message-stream", help="target format for Langdock streams")
    conv.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")
    sub.add_parser("kinds", help="list the kinds of input")
    args = parser.parse_args(argv)
    if args.command == "kinds":
        from .kinds import all_kinds

        for name, description in all_kinds().items():
            print(f"{name:28} {description}")
        return 0
    return _convert(args)


def _folder_modules(path: Path, folders: list[Path]):
    from .foundry.sibling_modules import FolderModules, search_roots

    resolved = path.resolve()
    top = next((f for f in folders if f in resolved.parents), resolved.parent)
    return FolderModules(search_roots(resolved, top))


def _convert(args: argparse.Namespace) -> int:
    files = list(_files(args.paths))
    walked = any(from_dir for _, from_dir in files)
    folders = [Path(raw).resolve() for raw in args.paths if Path(raw).is_dir()]
    total = len(files)
    changed = failed = 0
    counts = {"error": 0, "warning": 0, "info": 0}
    err = sys.stderr
    for index, (path, from_dir) in enumerate(files, 1):
        if walked and not args.quiet and err.isatty():
            err.write(f"\r[{index}/{total}] {str(path)[-60:]:60}")
            err.flush()
        kind = _kind_for(path, args.kind)
        try:
            data = path.read_bytes()
        except OSError as exc:
            failed += 1
            err.write(f"{path}: error: cannot read ({exc.strerror})\n")
            continue
        options = {"stream_format": args.stream_format} if kind != "python" else {}
        try:
            if kind in (None, "python", "javascript", "typescript"):
                options = {} if kind is not None else options
            if from_dir and path.suffix == ".py":  # what the script imports from its folder is read on demand
                options = {**options, "modules": _folder_modules(path, folders)}
            result = convert(data, kind=kind, **options)
        except InputError as exc:
            failed += 1
            where = ":".join(str(p) for p in (exc.line, exc.column) if p is not None)
            location = f"{path}:{where}" if where else str(path)
            if exc.path:
                location += f" ({exc.path})"
            if args.json:
                print(json.dumps({"path": str(path), "kind": exc.kind or kind, "error": exc.to_dict()}))
            err.write(f"{location}: error: {exc.message}\n")
            continue
        except WorkbookError as exc:  # pragma: no cover - every input error is an InputError
            failed += 1
            err.write(f"{path}: error: {exc}\n")
            continue
        for note in result.notes:
            counts[note.severity] += 1
        if result.changed:
            changed += 1
        if args.json:
            print(json.dumps({
                "path": str(path), "kind": result.kind, "changed": result.changed,
                "output": result.output, "notes": [n.to_dict() for n in result.notes],
                **({"extras": result.extras} if result.extras else {}),
            }))
            continue
        if args.write:
            if result.changed:
                path.write_text(result.output, encoding="utf-8", newline="")
        else:
            sys.stdout.write(_diff(path, result))
        if not args.quiet:
            for line in _note_lines(path, result):
                err.write(line + "\n")
    if walked and not args.quiet and err.isatty():
        err.write("\r" + " " * 72 + "\r")
    if not args.quiet:
        verb = "rewritten" if args.write else "would change"
        err.write(
            f"{total} file(s): {changed} {verb}, {failed} failed; notes: {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} info\n"
        )
    return 2 if failed else 0
