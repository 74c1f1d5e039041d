"""Shared test helpers: where the source guides live, and parse checks."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GUIDES = ROOT.parent / "shared" / "guides"


@pytest.fixture
def guides_dir() -> Path:
    if not GUIDES.is_dir():
        pytest.skip(f"the source guides are not beside this checkout ({GUIDES})")
    return GUIDES


def assert_parses(code: str) -> None:
    ast.parse(code)
