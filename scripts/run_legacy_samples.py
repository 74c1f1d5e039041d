"""Run the azure-ai-agents 1.1.0 samples, unchanged, against the local service.

    .venv/bin/python scripts/run_legacy_samples.py [--samples DIR] [--timeout 60] [--only NAME ...]

Each sample outside `utils/` and the telemetry folder is copied to a temporary
folder with what it reads beside it (the `utils/` packages and `assets/`, laid
out as in the sdist) and run with `helpers.local.run.run_script`, the
machinery of `python -m helpers run`, against one local service. Prints, per
sample, ok or the reason it failed, then how many exited 0 and the median
service latency per request.

Samples that exclude the managed-identity credential find a stand-in `az`
on PATH (see AZ_STAND_IN). The interactive samples (agents_multiagent) get scripted answers on standard
input (see ANSWERS). The sdist ships only one of the asset files the samples read; the others
(an image, a CSV, OpenAPI specs, the agent-team YAML) are written here as
small stand-ins and the samples that read them are marked `[stand-in assets]`.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import struct
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.local.app import build_app  # noqa: E402
from helpers.local.run import run_script  # noqa: E402
from helpers.local.server import LocalServer  # noqa: E402
from helpers.local.service import Service  # noqa: E402
from helpers.local.store import Store  # noqa: E402
from helpers.local.tls import certificates  # noqa: E402

DEFAULT_SAMPLES = Path("/work/sdists/azure_ai_agents-1.1.0/samples")


def _png() -> bytes:
    """A valid 1x1 grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + \
        chunk(b"IEND", b"")


def _openapi(title: str, path: str, operation: str, parameter: str) -> str:
    return json.dumps({
        "openapi": "3.0.1", "info": {"title": title, "version": "1.0"},
        "servers": [{"url": "https://example.invalid"}],
        "paths": {path: {"get": {"operationId": operation, "parameters": [
            {"name": parameter, "in": "query", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "OK"}}}}},
    }, indent=2)


STAND_INS = {
    "assets/image_file.png": _png(),
    "assets/synthetic_500_quarterly_results.csv": "sector,quarter,revenue\nEnergy,Q1,10\nHealth,Q1,12\nTech,Q1,15\n",
    "assets/weather_openapi.json": _openapi("Weather", "/weather", "GetWeather", "location"),
    "assets/countries.json": _openapi("Countries", "/countries", "GetCountry", "name"),
    "assets/tripadvisor_openapi.json": _openapi("Tripadvisor", "/locations", "SearchLocations", "query"),
    "agents_multiagent/utils/agent_team_config.yaml": "\n".join([
        "TEAM_LEADER_MODEL: gpt-4o",
        "TEAM_LEADER_INSTRUCTIONS: You lead the team {team_name} as {agent_name}; split requests into tasks.",
        "TEAM_LEADER_INITIAL_REQUEST: 'Plan the tasks for this request: {original_request}'",
        "TEAM_LEADER_TASK_COMPLETENESS_CHECK_INSTRUCTIONS: Check whether the request is complete.",
        "TEAM_MEMBER_CAN_DELEGATE_INSTRUCTIONS: You are {name} in {team_name}; others can help.",
        "TEAM_MEMBER_NO_DELEGATE_INSTRUCTIONS: You are {name} in {team_name}; answer yourself.",
        "",
    ]),
}


# What the interactive samples read from standard input: no tracing, one request, then quit.
ANSWERS = {
    "agents_multiagent": "4\nWrite a function that adds two numbers\nquit\n",
}


def samples_in(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py")
                  if "utils" not in p.relative_to(root).parts and "agents_telemetry" not in p.parts
                  and p.name != "__init__.py")


def stage(sample: Path, root: Path, into: Path) -> tuple[Path, bool]:
    """Copy `sample` and what it reads into `into`; returns its copy and whether stand-in assets were needed."""
    relative = sample.relative_to(root)
    for folder in {root / "assets", root / "utils", sample.parent / "utils"}:
        if folder.is_dir():
            shutil.copytree(folder, into / folder.relative_to(root), dirs_exist_ok=True)
    for init in (root / "__init__.py", sample.parent / "__init__.py"):
        if init.is_file():
            shutil.copy2(init, into / init.relative_to(root))
    (into / relative.parent).mkdir(parents=True, exist_ok=True)
    shutil.copy2(sample, into / relative)
    text = sample.read_text(encoding="utf-8")
    used = False
    for name, content in STAND_INS.items():
        target = into / name
        reads = Path(name).name in text or (name.endswith(".yaml") and "agent_team" in text)
        if reads and not (root / name).exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode())
            used = True
    return into / relative, used


# Samples that exclude the managed-identity credential fall back to the Azure
# CLI; this stand-in `az` hands out a token the local service accepts.
AZ_STAND_IN = """#!/bin/sh
now=$(date +%s)
printf '{"accessToken": "local-cli-token", "expires_on": %s, "tokenType": "Bearer"}\\n' $((now + 3600))
"""


def put_az_on_path(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    az = folder / "az"
    az.write_text(AZ_STAND_IN)
    az.chmod(0o755)
    os.environ["PATH"] = f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"


class Timed:
    """ASGI wrapper that records how long the service takes per request (seconds)."""

    def __init__(self, app):
        self.app, self.durations = app, []

    async def __call__(self, scope, receive, send):
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send)
        finally:
            if scope["type"] == "http" and scope["path"] != "/health":
                self.durations.append(time.perf_counter() - started)


def reason(result) -> str:
    lines = [line for line in (result.stderr or "").strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else f"exit status {result.returncode}, no error output"


def convert_in_place(folder: Path) -> None:
    """Convert every staged Python file (never the sdist) as `python -m helpers convert --write` does for a folder.

    The sample's `utils/` helpers are converted with it: a user migrates the whole folder, not one file.
    """
    from helpers.batch import jobs, run_jobs

    todo = [job for job in jobs([folder]) if job.kind == "python"]
    for outcome in run_jobs(todo, workers=1):
        if outcome.error:
            raise SystemExit(f"{outcome.path}: {outcome.error}")
        if outcome.changed:
            outcome.path.write_text(outcome.result.output, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", nargs="*", help="run only samples whose file name contains one of these")
    parser.add_argument("--verbose", action="store_true", help="print each failure's output")
    parser.add_argument("--output", action="store_true", help="print every sample's output")
    parser.add_argument("--converted", action="store_true",
                        help="run the conversion of each staged folder (the sample and the utils it imports, "
                             "converted as in folder mode) instead of the original")
    args = parser.parse_args()
    samples = samples_in(args.samples)
    if args.only:
        samples = [s for s in samples if any(part in s.name for part in args.only)]
    with tempfile.TemporaryDirectory(prefix="legacy-samples-") as tmp:
        data = Path(tmp) / "service"
        data.mkdir()
        put_az_on_path(Path(tmp) / "bin")
        timed = Timed(build_app(Store(data / "service.sqlite3")))
        certs = certificates(data / "tls")
        server = LocalServer(timed, certs).start()
        svc = Service(base_url=f"https://127.0.0.1:{server.port}", certs=certs, server=server)
        passed, failures, seconds = 0, [], []
        try:
            for number, sample in enumerate(samples):
                # The samples import each other as `samples.utils...`: keep the folder's name.
                workdir = Path(tmp) / f"s{number}" / "samples"
                workdir.mkdir(parents=True)
                copy, stand_in = stage(sample, args.samples, workdir)
                if args.converted:
                    convert_in_place(workdir)
                name = str(sample.relative_to(args.samples)) + (" [stand-in assets]" if stand_in else "")
                started = time.perf_counter()
                try:
                    result = run_script(copy, service=svc, capture=True, timeout=args.timeout,
                                        input=ANSWERS.get(sample.parent.name, ""))
                    why = None if result.returncode == 0 else reason(result)
                except Exception as exc:  # subprocess.TimeoutExpired, mostly
                    result, why = None, f"{type(exc).__name__}: timed out after {args.timeout:.0f} s"
                seconds.append(time.perf_counter() - started)
                if why is None:
                    passed += 1
                    print(f"ok    {name} ({seconds[-1]:.1f} s)", flush=True)
                    if args.output:
                        print(result.stdout[-3000:])
                else:
                    failures.append((name, why))
                    print(f"FAIL  {name}: {why}", flush=True)
                    if args.verbose and result is not None:
                        print(result.stdout[-2000:], result.stderr[-3000:])
        finally:
            server.stop()
    total = len(samples)
    what = "converted samples" if args.converted else "samples"
    print(f"\n{passed}/{total} {what} exit 0 ({100 * passed / max(total, 1):.1f}%)")
    for name, why in failures:
        print(f"  {name}: {why}")
    if timed.durations:
        print(f"service latency: median {1000 * statistics.median(timed.durations):.1f} ms over "
              f"{len(timed.durations)} requests; median sample run {statistics.median(seconds):.1f} s")
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
