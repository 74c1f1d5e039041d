"""Convert every sample of the legacy azure-ai-agents SDK and check the results.

    .venv/bin/python scripts/check_legacy_samples.py [--version 1.1.0]

Downloads the package's source distribution from PyPI (its samples/ folder is
not in the wheel), converts each sample, and counts results that do not parse,
are not idempotent, carry an internal-error note, or fail `verify_code`.
Exits 1 if any does. Needs network access to PyPI, so it is not a unit test.
"""
from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import helpers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", default="1.1.0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        f"azure-ai-agents=={args.version}", "-d", tmp], check=True)
        archive = next(Path(tmp).glob("azure_ai_agents-*.tar.gz"))
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        samples = sorted(Path(tmp).glob("azure_ai_agents-*/samples/**/*.py"))
        problems = 0
        for sample in samples:
            name = sample.relative_to(sample.parents[len(sample.parents) - 4])
            try:
                result = helpers.convert_code(sample.read_text(encoding="utf-8"))
                ast.parse(result.output)
            except (helpers.InputError, SyntaxError) as exc:
                problems += 1
                print(f"{name}: {exc}")
                continue
            issues = []
            if helpers.convert_code(result.output).output != result.output:
                issues.append("not idempotent")
            if any("internal error" in note.message for note in result.notes):
                issues.append("internal error")
            verdict = helpers.verify_code(result.output)
            if not verdict.ok:
                issues.append(verdict.summary)
            if issues:
                problems += 1
                print(f"{name}: {'; '.join(issues)}")
        print(f"{len(samples)} samples, {problems} with problems")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
