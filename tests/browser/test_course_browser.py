"""The course in JupyterLab: 00 and a lesson run all their cells in Chromium."""
from __future__ import annotations

import local_servers
import pytest
from test_converter_browser import wait_for_text

pytestmark = pytest.mark.browser


@pytest.fixture
def lesson_lab(tmp_path):
    with local_servers.jupyterlab(tmp_path / "lab", "01-threads-to-conversations.ipynb") as url:
        yield url


@pytest.fixture
def start_lab(tmp_path):
    with local_servers.jupyterlab(tmp_path / "lab0", "00-start-here.ipynb") as url:
        yield url


def test_start_here_shows_the_map_and_the_contents(page, start_lab, tmp_path):
    page.goto(start_lab, timeout=120_000)
    page.wait_for_function(local_servers.NOTEBOOK_OPEN_JS, timeout=120_000)
    page.evaluate(local_servers.RUN_ALL_JS)
    wait_for_text(page, ".jp-Notebook", "01 Threads become conversations", timeout=120_000)
    text = page.locator(".jp-Notebook").inner_text()
    assert "code_interpreter" in text and "18 A gradual migration checklist" in text
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    page.screenshot(path=str(tmp_path / "course-00.png"), full_page=True)


def test_a_lesson_runs_both_sides_and_embeds_the_converter(page, lesson_lab, tmp_path):
    local_servers.run_notebook_in_jupyterlab(page, lesson_lab)  # returns once the converter box is there
    wait_for_text(page, ".jp-Notebook", r"Agents API \(exit 0\)", timeout=120_000)
    text = page.locator(".jp-Notebook").inner_text()
    assert "Legacy SDK (exit 0)" in text and "Agents API (exit 0)" in text
    assert text.count("read back, metadata: {'course': 'lesson-01'}") >= 2  # both sides printed it
    assert "openai_client.conversations.create" in text  # the After column
    assert page.locator(".amw-output").count() == 1
    wait_for_text(page, ".amw-output", "conversations")
    assert "Traceback" not in text
    page.screenshot(path=str(tmp_path / "course-01.png"), full_page=True)
