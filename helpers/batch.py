"""Converting many files: one outcome per file, in parallel processes.

The command line's `convert` (diff, write, JSON, `--check`, SARIF) and
`report` read these outcomes; nothing here prints.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .api import convert
from .errors import InputError, WorkbookError
from .prefilter import may_need_conversion
from .foundry.sibling_modules import FolderModules
from .results import ConversionResult

KIND_BY_SUFFIX = {
    ".py": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "typescript",
    ".json": None, ".sse": None,
}
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".ipynb_checkpoints", ".tox", "build", "dist"}
# Below this many files a process pool costs more than it saves.
POOL_THRESHOLD = 64


@dataclass(frozen=True)
class Job:
    path: Path
    walked: bool              # found by walking a folder (then the byte filter may skip it)
    kind: str | None
    options: tuple[tuple[str, str], ...] = ()
    search: tuple[str, ...] = ()  # folders a Python file imports from (read on demand)


@dataclass(frozen=True)
class Outcome:
    path: Path
    kind: str | None
    result: ConversionResult | None = None
    error: dict | None = None   # InputError.to_dict(), or {"message": ...} when the file cannot be read
    skipped: bool = False       # the byte filter showed there is nothing to convert (result: unchanged)

    @property
    def changed(self) -> bool:
        return self.result is not None and self.result.changed


def files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, bool]]:
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


def jobs(paths: Iterable[str | Path], *, kind: str | None = None, stream_format: str | None = None) -> list[Job]:
    from .foundry.sibling_modules import search_roots

    paths = list(paths)
    folders = [Path(raw).resolve() for raw in paths if Path(raw).is_dir()]
    found = []
    for path, walked in files(paths):
        file_kind = kind or KIND_BY_SUFFIX.get(path.suffix)
        options = (("stream_format", stream_format),) if stream_format and file_kind not in (
            "python", "javascript", "typescript") else ()
        search: tuple[str, ...] = ()
        if walked and path.suffix == ".py":
            resolved = path.resolve()
            top = next((f for f in folders if f in resolved.parents), resolved.parent)
            search = tuple(str(root) for root in search_roots(resolved, top))
        found.append(Job(path, walked, file_kind, options, search))
    return found


def _screen(job: Job) -> Outcome | bytes:
    """The file's bytes when they need converting, or its outcome when they do not."""
    try:
        data = job.path.read_bytes()
    except OSError as exc:
        return Outcome(job.path, job.kind, error={"message": f"cannot read ({exc.strerror})"})
    if job.walked and not may_need_conversion(data, job.path.suffix):
        # Reported as unchanged (the text as it is), without a parse.
        text = data.decode("utf-8", errors="replace")
        kind = job.kind or "json"
        return Outcome(job.path, kind, result=ConversionResult(kind, text, text), skipped=True)
    return data


def _convert(job: Job, data: bytes, folder: dict | None = None) -> Outcome:
    if folder:
        from .langdock.folder import in_folder

        with in_folder(folder):
            return _convert(job, data)
    try:
        extra = {"modules": FolderModules(tuple(map(Path, job.search)))} if job.search else {}
        result = convert(data, kind=job.kind, **dict(job.options), **extra)
    except InputError as exc:
        return Outcome(job.path, exc.kind or job.kind, error=exc.to_dict())
    except WorkbookError as exc:
        return Outcome(job.path, job.kind, error={"message": str(exc)})
    return Outcome(job.path, result.kind, result=result)


def _convert_pair(pair: tuple[Job, bytes, dict | None]) -> Outcome:
    return _convert(*pair)


def _langdock_folder(pending: list[tuple[Job, bytes]]) -> dict | None:
    """Summaries of the walked code files, so Langdock values are followed across files."""
    code = {str(job.path): data.decode("utf-8", errors="replace") for job, data in pending
            if job.walked and job.path.suffix in (".py", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts")}
    if len(code) < 2:
        return None
    from .langdock.folder import summarise

    return summarise(code)


def run_job(job: Job) -> Outcome:
    screened = _screen(job)
    return screened if isinstance(screened, Outcome) else _convert(job, screened)


def default_workers() -> int:
    return os.cpu_count() or 1


def run_jobs(todo: list[Job], workers: int | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `todo`.

    Reading and the byte filter run here (they are cheaper than sending work to
    another process); only the files left to parse go to a process pool, and
    only when there are enough of them to pay for it.
    """
    workers = workers or default_workers()
    screened = [(job, _screen(job)) for job in todo]
    pending = [(job, data) for job, data in screened if not isinstance(data, Outcome)]
    folder = _langdock_folder(pending)
    pending = [(job, data, folder) for job, data in pending]
    if workers <= 1 or len(pending) < POOL_THRESHOLD:
        converted = map(_convert_pair, pending)
        for job, data in screened:
            yield data if isinstance(data, Outcome) else next(converted)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(workers) as pool:
        converted = pool.imap(_convert_pair, pending, chunksize=max(1, min(16, len(pending) // (workers * 4))))
        for job, data in screened:
            yield data if isinstance(data, Outcome) else next(converted)
