"""The converter in a real browser: JupyterLab (run all cells, then paste) and Voila."""

from __future__ import annotations

import local_servers
import pytest

from helpers.examples import get_example

pytestmark = pytest.mark.browser

LEGACY = get_example("whole_script").text
TIMEOUT_MS = 120_000


def wait_for_text(page, selector, pattern, timeout=30_000):
    """Wait until the element's text matches `pattern` (a JS regex source, case-insensitive).

    Widget updates arrive one comm message per widget, so each part waits for itself.
    """
    page.wait_for_function(
        "([sel, pat]) => new RegExp(pat, 'im').test("
        "(document.querySelector(sel) || {}).textContent || '')",
        arg=[selector, pattern],
        timeout=timeout,
    )


def paste_and_check(page, screenshot):
    area = page.locator(".amw-input textarea")
    area.wait_for(state="visible", timeout=TIMEOUT_MS)
    area.click()
    area.fill(LEGACY)
    output = page.locator(".amw-output")
    wait_for_text(page, ".amw-output", "create_version")
    # The diff is the last part the widget updates: once it shows the paste, all parts do.
    wait_for_text(page, ".amw-diff-box", "ListSortOrder")
    assert "get_openai_client" in output.inner_text() or "responses" in output.inner_text()
    status = page.locator(".amw-status").inner_text()
    assert "python (detected)" in status
    notes = page.locator(".amw-notes-box table.amw-notes tbody tr")
    assert notes.count() >= 1
    assert notes.first.locator("a.amw-jump").count() == 1
    assert (
        page.locator(".amw-diff-box tr.amw-row-replace, .amw-diff-box tr.amw-row-insert").count()
        >= 1
    )
    assert "Traceback" not in page.content()
    page.screenshot(path=str(screenshot))
    page.locator(".amw-root").screenshot(
        path=str(screenshot.with_name(screenshot.stem + "-widget.png"))
    )


def test_jupyterlab_run_all_then_paste(page, lab_url, tmp_path):
    local_servers.run_notebook_in_jupyterlab(page, lab_url)
    paste_and_check(page, tmp_path / "jupyterlab.png")
    # A line number in the notes jumps to the same line of the input in the diff.
    link = page.locator(".amw-notes-box a.amw-jump").first
    target = link.get_attribute("href").lstrip("#")
    link.click()
    assert page.locator(f"[id='{target}']").is_visible()
    # Copy puts the converted text on the clipboard; Download is a data: URL of the same text.
    page.locator(".amw-root button.amw-copy").click()
    page.wait_for_function(
        "() => document.querySelector('.amw-root button.amw-copy').textContent === 'Copied'"
    )
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert (
        "create_version" in copied
        and copied.strip() == page.locator(".amw-output").inner_text().strip()
    )
    assert (
        page.locator(".amw-root a.amw-download")
        .get_attribute("href")
        .startswith("data:text/x-python")
    )


def test_voila_page_converts_a_paste(page, voila_url, tmp_path):
    page.goto(voila_url, timeout=TIMEOUT_MS)
    paste_and_check(page, tmp_path / "voila.png")
    # Typing fast: the debounced conversion still ends with the last keystroke.
    area = page.locator(".amw-input textarea")
    area.press("Control+End")
    area.press_sequentially("\nsecond_thread = agents_client.threads.create()", delay=15)
    page.wait_for_function(
        "() => (document.querySelector('.amw-output') || {})"
        ".textContent.includes('second_thread = ')",
        timeout=30_000,
    )
    assert "second_thread = agents_client.threads" not in page.locator(".amw-output").inner_text()
    # Voila shows outputs only: no code cell sources on the page.
    assert "converter(source or None" not in page.content()


def test_voila_stream_example_and_format_switch(page, voila_url):
    page.goto(voila_url, timeout=TIMEOUT_MS)
    page.locator(".amw-input textarea").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(".amw-root select").first.select_option(
        label="Langdock: legacy stream transcript (SSE)"
    )
    wait_for_text(page, ".amw-output", "text-delta")
    wait_for_text(page, ".amw-root", "x-vercel-ai-ui-message-stream")
    page.get_by_role("button", name="AI SDK 4 data stream").click()
    wait_for_text(page, ".amw-output", "^0:")
    wait_for_text(page, ".amw-root", "x-vercel-ai-data-stream")
