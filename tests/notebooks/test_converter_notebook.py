"""Run notebooks/converter.ipynb with papermill, as CI and scripted users do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

papermill = pytest.importorskip("papermill")

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "converter.ipynb"

LEGACY = """\
agent = client.agents.create_agent(
    model="gpt-4.1",
    name="notebook-check",
    instructions="Reply with one short sentence.",
)
"""

pytestmark = pytest.mark.notebook


def _run(tmp_path: Path, cwd: Path, **parameters) -> dict:
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(out),
        parameters=parameters,
        cwd=str(cwd),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
    )
    return json.loads(out.read_text())


def _outputs(notebook: dict) -> list[dict]:
    return [
        output
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
    ]


def _printed(notebook: dict) -> str:
    return "".join(
        "".join(o.get("text", "")) for o in _outputs(notebook) if o["output_type"] == "stream"
    )


def test_committed_notebook_has_no_outputs_and_a_parameters_cell():
    notebook = json.loads(NOTEBOOK.read_text())
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    assert any("parameters" in cell["metadata"].get("tags", []) for cell in code)


def test_papermill_prints_the_conversion_of_a_legacy_snippet(tmp_path, monkeypatch):
    # The kernel starts in a temp dir outside the repo: helpers must come from PYTHONPATH
    # or an installed package, as in CI.
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    notebook = _run(tmp_path, tmp_path, source=LEGACY)
    errors = [
        o
        for o in _outputs(notebook)
        if o["output_type"] == "error"
        or (o["output_type"] == "stream" and o.get("name") == "stderr")
    ]
    assert errors == []
    printed = _printed(notebook)
    assert "--- converted ---" in printed
    converted = printed.split("--- converted ---", 1)[1].split("--- notes", 1)[0]
    assert "create_version" in converted
    assert converted.strip() != LEGACY.strip()
    # The widget cell displayed a widget, not an error.
    assert any(
        "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in _outputs(notebook)
    )


def test_notebook_finds_helpers_when_started_in_notebooks_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTHONPATH", raising=False)
    notebook = _run(tmp_path, NOTEBOOK.parent, source="{ not json", kind="python")
    assert not [o for o in _outputs(notebook) if o["output_type"] == "error"]
    assert "line 1" in _printed(notebook)
