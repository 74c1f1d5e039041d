"""Every course notebook runs top to bottom with papermill, offline against the local service."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.course import LESSONS

papermill = pytest.importorskip("papermill")
pytestmark = pytest.mark.notebook
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


KNOWN_BROKEN: dict[str, str] = {}  # lesson number -> why it is expected to fail (strict xfail)


@pytest.mark.parametrize("lesson", [pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_BROKEN[n.number], strict=True))
                                    if n.number in KNOWN_BROKEN else n for n in LESSONS], ids=lambda n: n.number)
def test_lesson_runs_without_errors(lesson, tmp_path):
    out = tmp_path / lesson.filename
    papermill.execute_notebook(str(NOTEBOOKS / lesson.filename), str(out), cwd=str(NOTEBOOKS),
                               kernel_name="python3", progress_bar=False, log_output=False)
    cells = json.loads(out.read_text())["cells"]
    outputs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr" and "Traceback" in "".join(o.get("text", ""))]
    shown = "".join(json.dumps(o.get("data", {})) + "".join(o.get("text", "")) for o in outputs)
    if lesson.number not in ("00", "18"):
        assert "contents" in shown  # the navigation links rendered
