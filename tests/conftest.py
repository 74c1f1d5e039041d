"""Shared test helpers: where the source guides live, and parse checks."""
from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _find_guides() -> Path:
    """`$AMW_GUIDES`, else the first `shared/guides` beside this checkout or one of its parents
    (a git worktree lives a level deeper than the main checkout)."""
    if os.environ.get("AMW_GUIDES"):
        return Path(os.environ["AMW_GUIDES"])
    for parent in ROOT.parents:
        candidate = parent / "shared" / "guides"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "guides"


GUIDES = _find_guides()
GUIDES_MISSING = (
    f"the source guides are missing: no {GUIDES} (set AMW_GUIDES to the folder holding "
    "microsoft-foundry-migrate.md); the tests built on the guide's examples did not run"
)


@pytest.fixture
def guides_dir() -> Path:
    if not GUIDES.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(GUIDES_MISSING + " (CI=true: this is a failure)")
        pytest.skip(GUIDES_MISSING)
    return GUIDES


def pytest_terminal_summary(terminalreporter):
    """Say it once at the end too, so a green run never hides that the guide tests were skipped."""
    if not GUIDES.is_dir():
        terminalreporter.write_sep("!", "guide tests skipped", yellow=True)
        terminalreporter.write_line(GUIDES_MISSING)


def assert_parses(code: str) -> None:
    ast.parse(code)
