"""Helpers for the Foundry converter tests: convert, check, compare."""
from __future__ import annotations

import ast
import textwrap

from helpers import convert_code, verify_code
from helpers.results import ConversionResult


def dedent(code: str) -> str:
    return textwrap.dedent(code).lstrip("\n")


def convert_checked(source: str) -> ConversionResult:
    """Convert, and check what every conversion must satisfy."""
    result = convert_code(source)
    ast.parse(result.output)  # output parses
    if _compiles(source):  # and compiles where the input did (catches `continue` left outside a loop)
        compile(result.output, "<converted>", "exec", dont_inherit=True)
    again = convert_code(result.output)
    assert again.output == result.output, "converting twice changed the code again"
    assert not [n for n in result.notes if "internal error" in n.message], result.notes
    # legacy calls may stay only with a note (a "warning" verdict); anything else must match the SDKs
    verdict = verify_code(result.output, result.notes, original=result.source)
    assert verdict.level != "failed", [c for c in verdict.checks if c.level == "failed"]
    return result


def _compiles(source: str) -> bool:
    try:
        compile(source, "<input>", "exec", dont_inherit=True)
    except SyntaxError:
        return False
    return True


def assert_converts(before: str, after: str) -> ConversionResult:
    result = convert_checked(dedent(before))
    assert result.output == dedent(after)
    return result


def messages(result: ConversionResult, severity: str | None = None) -> str:
    return "\n".join(n.message for n in result.notes if severity in (None, n.severity))


def calls(code: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each call in `code` as (last two parts of the callee, sorted keyword names)."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call):
            parts = []
            func = node.func
            while isinstance(func, ast.Attribute):
                parts.append(func.attr)
                func = func.value
            if isinstance(func, ast.Name):
                parts.append(func.id)
            callee = ".".join(reversed(parts[:2]))
            found.append((callee, tuple(sorted(k.arg or "**" for k in node.keywords))))
    return sorted(found)
