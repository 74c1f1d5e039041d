"""Mutated application files (lines deleted, duplicated, swapped; still valid code)
always give a result or an `InputError`, and converting the result again changes
nothing. Seeded, so a failure can be replayed."""
from __future__ import annotations

import ast
import random

import pytest
from _apps_kit import APPS

from helpers.errors import InputError
from helpers.langdock.javascript import convert_javascript, parse
from helpers.langdock.python_requests import convert_langdock_python

FILES = sorted(p for p in APPS.rglob("*") if p.suffix in (".py", ".js", ".ts"))


def _mutants(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        path = rng.choice(FILES)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for _ in range(rng.randint(1, 3)):
            if not lines:
                break
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            operation = rng.choice(("delete", "duplicate", "swap"))
            if operation == "delete":
                del lines[i]
            elif operation == "duplicate":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
        yield path, "".join(lines)


def _convert(path, text):
    if path.suffix == ".py":
        try:
            ast.parse(text)
        except SyntaxError:
            return None
        return lambda source: convert_langdock_python(source)
    kind = "typescript" if path.suffix == ".ts" else "javascript"
    if parse(text.encode("utf-8"), kind)[0].root_node.has_error:
        return None
    return lambda source: convert_javascript(source, kind=kind)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_apps_convert_or_raise_input_error(seed):
    tried = 0
    for path, text in _mutants(seed, 100):
        convert = _convert(path, text)
        if convert is None:
            continue
        tried += 1
        try:
            result = convert(text)
        except InputError:
            continue
        assert convert(result.output).output == result.output, (seed, path.name)
    assert tried > 20
