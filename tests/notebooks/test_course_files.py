"""The course's files: every lesson has its notebook, paired with its text source, committed clean."""
from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

from helpers.course import LESSONS

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _code(cells) -> list[tuple[str, str]]:
    return [(c["cell_type"], c["source"].strip()) for c in cells]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda n: n.number)
def test_notebook_matches_its_text_source_and_has_no_outputs(lesson):
    notebook_path = NOTEBOOKS / lesson.filename
    source_path = NOTEBOOKS / "src" / lesson.filename.replace(".ipynb", ".py")
    assert notebook_path.exists() and source_path.exists()
    notebook = jupytext.read(notebook_path)
    assert _code(notebook.cells) == _code(jupytext.read(source_path).cells), "run `jupytext --sync notebooks/src/*.py`"
    raw = json.loads(notebook_path.read_text())
    code_cells = [c for c in raw["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and not c.get("execution_count") for c in code_cells)
    assert any("parameters" in c.get("metadata", {}).get("tags", []) for c in code_cells)
    assert raw["cells"][0]["cell_type"] == "markdown"
    assert raw["cells"][0]["source"][0].startswith(f"# {lesson.number} ")
