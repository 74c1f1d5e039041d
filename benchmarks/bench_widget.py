"""How fast the converter widget feels in a real browser (Chromium via Playwright).

Measures, for JupyterLab and for Voila:
- time to first usable widget: from opening the page until the widget shows its first
  converted output (JupyterLab: open the notebook, run all cells; Voila: the page runs them);
- paste-to-rendered: a 60-line legacy script is pasted into the box and the clock stops
  when the converted output containing that paste's marker is in the page (timed inside
  the page with performance.now(); median of several pastes, each after a pause longer
  than the debounce, as separate pastes are);
- the kernel-side share: ConverterModel.update for the same snippet, without a browser.

Run: .venv/bin/python benchmarks/bench_widget.py [--pastes 15]
Needs /usr/bin/chromium; never downloads Playwright's own browsers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import local_servers  # noqa: E402

from helpers.examples import get_example  # noqa: E402
from helpers.widgets.model import ConverterModel  # noqa: E402

TAIL = """\
agents_client.messages.create(thread_id=thread.id, role="user", content="And the library?")
run = agents_client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
for message in agents_client.messages.list(thread_id=thread.id):
    print(message.role, message.text_messages)
agents_client.delete_agent(agent.id)
"""

FIRST_OUTPUT = """
() => { const o = document.querySelector('.amw-output');
        return !!(o && o.textContent.trim().length > 0
                  && document.querySelector('.amw-input textarea')); }
"""


def snippet(index: int) -> str:
    """A 60-line legacy script; `index` makes each paste's converted output distinct."""
    text = get_example("function_tool").text.replace('"hours-helper"', f'"hours-helper-{index}"')
    lines = (text + TAIL).splitlines()
    lines += [f"# padding line {n}" for n in range(60 - len(lines))]
    assert len(lines) == 60
    return "\n".join(lines) + "\n"


def marker(index: int) -> str:
    return f"hours-helper-{index}"


def kernel_side(pastes: int) -> list[float]:
    model = ConverterModel()
    model.update(snippet(-1))  # warm imports, as the notebook's first conversion does
    times = []
    for i in range(pastes):
        started = time.perf_counter()
        view = model.update(snippet(i))
        times.append((time.perf_counter() - started) * 1000)
        assert view.status == "ok", view.message
    return times


def paste_times(page, pastes: int) -> list[float]:
    times = []
    for i in range(pastes):
        page.wait_for_timeout(400)  # longer than the debounce: each paste starts quiet
        times.append(page.evaluate(local_servers.PASTE_AND_TIME_JS, [snippet(i), marker(i)]))
    return times


def measure(browser, kind: str, pastes: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{kind}-") as tmp:
        server = local_servers.jupyterlab if kind == "jupyterlab" else local_servers.voila
        with server(Path(tmp)) as url:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            started = time.perf_counter()
            if kind == "jupyterlab":
                local_servers.run_notebook_in_jupyterlab(page, url)
            else:
                page.goto(url, timeout=120_000)
            page.wait_for_function(FIRST_OUTPUT, timeout=120_000)
            first_usable = time.perf_counter() - started
            times = paste_times(page, pastes)
            context.close()
    return {"first_usable_s": first_usable, "paste_ms": times}


def summary(name: str, times: list[float]) -> str:
    return (
        f"{name}: median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, "
        f"max {max(times):.0f} ms over {len(times)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pastes", type=int, default=15)
    args = parser.parse_args()
    if not local_servers.CHROMIUM.exists():
        sys.exit("Chromium not found at /usr/bin/chromium: benchmark skipped")
    from playwright.sync_api import sync_playwright

    print(summary("kernel-side ConverterModel.update, 60 lines", kernel_side(args.pastes)))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(local_servers.CHROMIUM), args=local_servers.CHROMIUM_ARGS
        )
        for kind in ("jupyterlab", "voila"):
            result = measure(browser, kind, args.pastes)
            how = " (open the notebook, run all cells)" if kind == "jupyterlab" else ""
            print(f"{kind}: first usable widget after {result['first_usable_s']:.1f} s{how}")
            print(summary(f"{kind}: paste-to-rendered, 60 lines", result["paste_ms"]))
        browser.close()


if __name__ == "__main__":
    main()
