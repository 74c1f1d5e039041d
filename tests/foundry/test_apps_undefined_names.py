"""No conversion of any test input introduces an undefined name (pyflakes).

The inputs: every Python string in the Foundry tests, the workbook's Python
examples, and (where the unpacked sdist is on this machine) the 64 legacy
azure-ai-agents samples. A name that pyflakes reports as undefined in the
output but not in the input was introduced by the conversion. Fragments that
already use undefined names (a snippet that never shows its client) may get
one more, such as `project_client`, only when a note names it.
"""
from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from pyflakes import checker
from pyflakes import messages as flakes

from helpers import InputError, convert_code
from helpers.examples import EXAMPLES
from helpers.foundry.engine import MARKERS

HERE = Path(__file__).resolve().parent
SAMPLES = Path("/work/sdists/azure_ai_agents-1.1.0/samples")

# Names that another part of the converter leaves undefined; strict, so the
# entry has to go once that is fixed.
KNOWN: dict[str, str] = {}  # id -> why a case is a known failure (strict xfail); none today


def undefined_names(source: str) -> set[str]:
    found = checker.Checker(ast.parse(source)).messages
    return {m.message_args[0] for m in found if isinstance(m, flakes.UndefinedName)}


def _test_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted(HERE.glob("test_*.py")):
        module = ast.parse(path.read_text(encoding="utf-8"))
        names = {id(n.value): n.targets[0].id for n in ast.walk(module)
                 if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)}
        for node in ast.walk(module):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value):
                continue
            text = textwrap.dedent(node.value).lstrip("\n")
            if not any(marker in text for marker in MARKERS):
                continue
            try:
                ast.parse(text)
            except SyntaxError:
                continue
            found.append((f"{path.name}:{names.get(id(node), node.lineno)}", text))
    return found


def _inputs() -> list:
    cases = _test_strings()
    cases += [(f"example:{name}", example.text) for name, example in EXAMPLES.items()
              if example.family in ("foundry", "openai") and _is_python(example.text)]
    if SAMPLES.is_dir():
        cases += [(f"sample:{p.relative_to(SAMPLES)}", p.read_text(encoding="utf-8"))
                  for p in sorted(SAMPLES.rglob("*.py")) if "utils" not in p.parts]
    params = []
    for name, text in cases:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[name])] if name in KNOWN else []
        params.append(pytest.param(text, id=name, marks=marks))
    return params


def _is_python(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


INPUTS = _inputs()


def test_the_inputs_are_found():
    assert len(INPUTS) > 100
    assert any("Flask" in p.values[0] for p in INPUTS), "the application-shaped inputs are included"


@pytest.mark.parametrize("source", INPUTS)
def test_conversion_introduces_no_undefined_name(source):
    try:
        result = convert_code(source)
    except InputError:
        return
    before = undefined_names(source)
    introduced = undefined_names(result.output) - before
    if before:  # a fragment: a new name is acceptable only when a note asks for it
        noted = " ".join(n.message for n in result.notes)
        introduced = {name for name in introduced if f"`{name}" not in noted}
    assert not introduced, result.output


def test_the_check_sees_an_introduced_name():
    # the check itself: a client used in a function it was never given
    before = "def f():\n    return 1\n"
    after = "def f():\n    return openai_client.responses.create()\n"
    assert undefined_names(after) - undefined_names(before) == {"openai_client"}
