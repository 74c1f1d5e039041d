"""Convert every sample of the legacy azure-ai-agents SDK and check the results.

    .venv/bin/python scripts/check_legacy_samples.py [--version 1.1.0] [--samples DIR] [--mutations N] [--one-file]

Without `--samples` it downloads the package's source distribution from PyPI
(its samples/ folder is not in the wheel); `--samples DIR` reads an unpacked
samples folder instead. It converts each sample (outside utils/ and telemetry)
the way folder mode does (the samples' own modules, such as utils/user_functions.py,
are readable; `--one-file` converts each alone) and reports two things:

- problems: results that do not parse, are not idempotent, carry an
  internal-error note, or fail `verify_code` (exit status 1 if any);
- the criteria of issue 18: a sample is clean when no legacy call, legacy
  answer reading, `azure.ai.agents` name or invalid agent name is left in the
  output without a note on its line, and `verify_code` passes.

`--mutations N` also converts N mutated samples (a statement deleted,
duplicated or swapped, still valid Python) and counts crashes: anything
raised other than `helpers.InputError`.
"""
from __future__ import annotations

import argparse
import ast
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import helpers  # noqa: E402
from helpers.foundry.sibling_modules import FolderModules, search_roots  # noqa: E402

# Methods only the legacy surfaces have (on any client), and attributes that only legacy results have.
LEGACY_METHODS = {
    "create_agent", "get_agent", "list_agents", "update_agent", "delete_agent", "create_thread_and_run",
    "create_thread_and_process_run", "enable_auto_function_calls", "submit_tool_outputs",
    "submit_tool_outputs_stream", "get_last_message_by_role", "get_last_message_text_by_role",
    "create_and_process", "create_and_poll", "upload_and_poll", "create_and_run", "create_and_run_poll",
}
LEGACY_RESOURCES = {"threads", "runs", "messages", "run_steps", "steps", "beta"}
LEGACY_READING = {
    "text_messages", "last_error", "prompt_tokens", "completion_tokens", "image_contents",
    "file_path_annotations", "file_citation_annotations", "url_citation_annotations", "step_details",
    "required_action", "get_last_text_message_by_role",
}
AGENT_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def _chain(node: ast.AST) -> list[str]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return parts[::-1]


def leftovers(output: str) -> list[tuple[int, str, str]]:
    """(output line, kind, text) of every legacy construct left in `output`."""
    tree = ast.parse(output)
    found: list[tuple[int, str, str]] = []
    legacy_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("azure.ai.agents"):
            legacy_names.update(a.asname or a.name for a in node.names)
            found.append((node.lineno, "import", f"from {node.module} import ..."))
        elif isinstance(node, ast.Import) and any(a.name.startswith("azure.ai.agents") for a in node.names):
            found.append((node.lineno, "import", "import azure.ai.agents"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            chain = _chain(node.func)
            method = node.func.attr
            if {"conversations", "responses", "containers", "vector_stores"} & set(chain) and "agents" not in chain:
                continue  # the OpenAI client's own resources (vector_stores has create_and_poll too)
            if method in LEGACY_METHODS or LEGACY_RESOURCES & set(chain[1:-1]):
                found.append((node.lineno, "call", ".".join(chain) or method))
            for keyword in node.keywords:
                if (method == "create_version" and keyword.arg == "agent_name"
                        and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str)
                        and not AGENT_NAME.match(keyword.value.value)):
                    found.append((node.lineno, "agent name", keyword.value.value))
        elif isinstance(node, ast.Attribute):
            if node.attr in LEGACY_READING:
                found.append((node.lineno, "reading", node.attr))
            elif node.attr == "value" and isinstance(node.value, ast.Attribute) and node.value.attr == "text":
                found.append((node.lineno, "reading", ".text.value"))
        elif isinstance(node, ast.Name) and node.id in legacy_names and isinstance(node.ctx, ast.Load):
            found.append((node.lineno, "legacy name", node.id))
    return sorted(set(found))


def _input_lines(source_lines: list[str], line_text: str, token: str) -> set[int]:
    """Input lines the output line came from: the same line, else the lines that hold the leftover."""
    wanted = line_text.strip()
    same = {number for number, line in enumerate(source_lines, 1) if line.strip() == wanted and wanted}
    if same:
        return same
    token = token.rsplit(".", 1)[-1]
    return {number for number, line in enumerate(source_lines, 1) if token in line}


def unnoted(source: str, result) -> list[str]:
    """Leftovers whose line carries no warning or error note (error for imports and legacy names)."""
    out_lines = result.output.splitlines()
    in_lines = source.splitlines()
    noted: dict[int, set[str]] = {}
    for note in result.notes:
        if note.line is not None:
            noted.setdefault(note.line, set()).add(note.severity)
    missing = []
    for line, kind, text in leftovers(result.output):
        wanted = {"error"} if kind in ("import", "legacy name") else {"warning", "error"}
        candidates = _input_lines(in_lines, out_lines[line - 1], text) if line <= len(out_lines) else set()
        if kind == "import":  # one error note per remaining legacy name is what counts; see "legacy name"
            continue
        if not any(noted.get(c, set()) & wanted for c in candidates):
            missing.append(f"line {line}: {kind} {text}")
    return missing


def check(source: str, modules=None) -> tuple[list[str], list[str]]:
    """(problems, criteria failures) of one sample; `modules` as in folder mode of the command line."""
    try:
        result = helpers.convert_code(source, modules=modules)
        ast.parse(result.output)
    except (helpers.InputError, SyntaxError) as exc:
        return [str(exc)], ["does not convert"]
    problems = []
    if helpers.convert_code(result.output, modules=modules).output != result.output:
        problems.append("not idempotent")
    if any("internal error" in note.message for note in result.notes):
        problems.append("internal error")
    from helpers.sdk_check import verify_result

    verdict = verify_result(result)  # legacy calls left with a note are a warning, not a failure
    if verdict.level == "failed":
        bad = [f"line {c.line}: {c.message}" for c in verdict.checks if c.level == "failed"]
        problems.append(verdict.summary + (": " + "; ".join(bad) if bad else ""))
    failures = unnoted(source, result)
    if verdict.level == "failed":
        failures.append("verify_code fails")
    return problems, failures


def mutate_once(source: str, rng: random.Random) -> str | None:
    """`source` with one statement deleted, duplicated or swapped with the next; None if not valid Python."""
    from helpers.statement_mutations import ACTIONS, mutate_statement, statement_bodies

    bodies = statement_bodies(ast.parse(source))
    index = rng.randrange(len(bodies))
    return mutate_statement(source, rng.choice(ACTIONS), index, rng.randrange(len(bodies[index])))


def mutants(source: str, rng: random.Random):
    """Endless valid-Python variants of `source`, each with one to three mutations."""
    while True:
        text = source
        for _ in range(rng.randint(1, 3)):
            text = mutate_once(text, rng) or text
        if text != source:
            yield text


def sample_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("**/*.py")
                  if p.name != "__init__.py" and "utils" not in p.relative_to(root).parts
                  and not any("telemetry" in part for part in p.relative_to(root).parts))


def run(root: Path, mutations: int, one_file: bool = False) -> int:
    samples = sample_files(root)
    problem_count = 0
    clean = 0
    for sample in samples:
        name = sample.relative_to(root)
        # as `python -m helpers convert samples/` does: what a sample imports from the folder is readable
        modules = None if one_file else FolderModules(search_roots(sample.resolve(), root.resolve()))
        problems, failures = check(sample.read_text(encoding="utf-8"), modules)
        if problems:
            problem_count += 1
            print(f"PROBLEM {name}: {'; '.join(problems)}")
        if failures:
            print(f"LEFT    {name}: {'; '.join(failures)}")
        else:
            clean += 1
    share = 100 * clean / len(samples) if samples else 0
    print(f"{len(samples)} samples, {problem_count} with problems, {clean} clean by the issue 18 criteria "
          f"({share:.0f}%)")
    if mutations:
        rng = random.Random(18)
        sources = [s.read_text(encoding="utf-8") for s in samples]
        streams = [mutants(s, rng) for s in sources]
        crashes = 0
        for n in range(mutations):
            text = next(streams[n % len(streams)])
            try:
                helpers.convert_code(text)
            except helpers.InputError:
                pass
            except Exception as exc:  # noqa: BLE001 - counting exactly these
                crashes += 1
                print(f"CRASH   mutant of {samples[n % len(samples)].relative_to(root)}: "
                      f"{type(exc).__name__}: {exc}")
        print(f"{mutations} mutated samples, {crashes} raised something other than InputError")
        problem_count += crashes
    return 1 if problem_count else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", default="1.1.0")
    parser.add_argument("--samples", type=Path, help="an unpacked samples/ folder (no download)")
    parser.add_argument("--mutations", type=int, default=0, help="also convert this many mutated samples")
    parser.add_argument("--one-file", action="store_true", help="convert each sample alone (no sibling modules)")
    args = parser.parse_args()
    if args.samples:
        return run(args.samples, args.mutations, args.one_file)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        f"azure-ai-agents=={args.version}", "-d", tmp], check=True)
        archive = next(Path(tmp).glob("azure_ai_agents-*.tar.gz"))
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        return run(next(Path(tmp).glob("azure_ai_agents-*/samples")), args.mutations, args.one_file)


if __name__ == "__main__":
    sys.exit(main())
