"""The pages work offline: nothing is requested off 127.0.0.1; and the SDK verdict's colours.

Chromium runs with a host-resolver rule that maps every host but 127.0.0.1 to nothing
(`local_servers.CHROMIUM_ARGS`), so a request for a CDN fails instead of leaving the
machine; the request listener still sees it, and the test fails on it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import local_servers
import pytest

pytestmark = pytest.mark.browser

TIMEOUT_MS = 120_000
LEGACY_LEFT = (
    "from azure.ai.agents import AgentsClient\n"
    "client = AgentsClient(endpoint=e, credential=c)\n"
    "print(client.threads.list())\n"  # conversations cannot be listed: left, with a note
)


def off_loopback(urls: list[str]) -> list[str]:
    """Requests that would leave the machine: any http(s)/ws(s) host that is not 127.0.0.1."""
    bad = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome-extension"):
            continue
        if parts.hostname != "127.0.0.1":
            bad.append(url)
    return bad


def recorded(page) -> list[str]:
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    page.context.on("websocket", lambda socket: urls.append(socket.url))
    return urls


def test_the_listener_sees_a_request_off_loopback(page, voila_url):
    """The check itself can fail: a page that asks a CDN is caught (and the request goes nowhere)."""
    urls = recorded(page)
    page.goto(voila_url + "voila/static/", timeout=TIMEOUT_MS)
    page.evaluate("() => fetch('https://cdn.jsdelivr.net/npm/x.css').catch(() => null)")
    page.wait_for_timeout(500)
    assert off_loopback(urls) == ["https://cdn.jsdelivr.net/npm/x.css"]


def test_voila_page_requests_nothing_off_loopback_and_keeps_its_icons(page, voila_url):
    urls = recorded(page)
    page.goto(voila_url, timeout=TIMEOUT_MS)
    area = page.locator(".amw-input textarea")
    area.wait_for(state="visible", timeout=TIMEOUT_MS)
    area.fill(LEGACY_LEFT)
    page.wait_for_function(
        "() => (document.querySelector('.amw-output') || {}).textContent?.includes('AIProjectClient')",
        timeout=30_000,
    )
    page.wait_for_timeout(1000)  # late fonts and lazy chunks
    assert len(urls) > 10  # the page, its scripts, styles, fonts and the kernel socket
    assert off_loopback(urls) == []
    assert "cdn.jsdelivr.net" not in page.content()
    # Font Awesome still comes with the widgets bundle, served locally: the upload icon renders.
    family = page.evaluate(
        "() => getComputedStyle(document.querySelector('.amw-root .fa-upload'), '::before').fontFamily"
    )
    assert "Font Awesome" in family
    assert page.evaluate("async () => { await document.fonts.ready; "
                         "return document.fonts.check('900 16px \"Font Awesome 5 Free\"'); }")


def test_jupyterlab_requests_nothing_off_loopback(page, lab_url):
    urls = recorded(page)
    local_servers.run_notebook_in_jupyterlab(page, lab_url)
    page.wait_for_timeout(1000)
    assert len(urls) > 10
    assert off_loopback(urls) == []


def test_legacy_calls_left_show_an_amber_verdict(page, voila_url, tmp_path):
    page.goto(voila_url, timeout=TIMEOUT_MS)
    area = page.locator(".amw-input textarea")
    area.wait_for(state="visible", timeout=TIMEOUT_MS)
    area.fill(LEGACY_LEFT)
    verdict = page.locator(".amw-verdict")
    page.wait_for_function(
        "() => !!document.querySelector('.amw-verdict.amw-verdict-warning')", timeout=30_000
    )
    text = verdict.inner_text()
    assert text.startswith("\u26a0 SDK check: legacy calls left:")
    assert "1 legacy call left, each with a note" in text
    assert "output line 3: threads.list" in text
    assert "\u2714" not in text
    colours = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.amw-verdict'));"
        " return [s.backgroundColor, s.borderLeftColor]; }"
    )
    assert colours == ["rgba(154, 103, 0, 0.14)", "rgb(154, 103, 0)"]  # an amber tint, an amber bar
    verdict.screenshot(path=str(tmp_path / "verdict-warning.png"))
    page.locator(".amw-root").screenshot(path=str(tmp_path / "verdict-warning-widget.png"))
