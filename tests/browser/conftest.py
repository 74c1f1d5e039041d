"""Fixtures for browser tests: Chromium via Playwright, JupyterLab and Voila on loopback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

import local_servers  # noqa: E402

SKIP_REASON = "Chromium not found at /usr/bin/chromium: browser tests skipped"


# Per module, not per session: Playwright's sync API keeps an event loop running in
# this thread while it is open, and later tests that call asyncio.run() would fail.
@pytest.fixture(scope="module")
def browser():
    if not local_servers.CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(local_servers.CHROMIUM), args=local_servers.CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def lab_url(tmp_path):
    with local_servers.jupyterlab(tmp_path / "lab") as url:
        yield url


@pytest.fixture
def voila_url(tmp_path):
    with local_servers.voila(tmp_path / "voila") as url:
        yield url
