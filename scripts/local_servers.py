"""Start JupyterLab or Voila on 127.0.0.1 for browser tests and benchmarks.

Each server gets a free port, no token (it listens on loopback only), and its own
config, runtime, settings and workspace folders under a temp dir, so a run never
reads or writes the user's Jupyter setup. The notebook is served from a copy
(`workdir/notebooks/converter.ipynb`), so saving in the browser cannot write outputs
into the committed notebook; `PYTHONPATH` points the kernels at this repository.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "converter.ipynb"
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Stay on loopback: every host name but 127.0.0.1 resolves to nothing, so neither the page
    # nor Chromium itself (Google services, safe browsing, DNS prefetch) reaches the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,"
    "CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying",
    "--no-first-run",
    "--no-pings",
    "--metrics-recording-only",
    "--safebrowsing-disable-auto-update",
]
# The folder whose voila/templates/amw holds the page template that keeps every asset local.
SHARE = REPO / "share" / "jupyter"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_workdir(base: Path) -> Path:
    """A temp tree with a copy of the notebook and private Jupyter folders."""
    (base / "notebooks").mkdir(parents=True, exist_ok=True)
    for notebook in NOTEBOOK.parent.glob("*.ipynb"):  # the converter and the course
        shutil.copy(notebook, base / "notebooks" / notebook.name)
    settings = base / "jupyter" / "settings"
    # No autosave (nothing to keep) and no news or update checks (no network, no popups).
    overrides = {
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
    }
    for name, value in overrides.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    return base


def server_env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    jupyter = base / "jupyter"
    env.update(
        JUPYTER_CONFIG_DIR=str(jupyter / "config"),
        JUPYTER_RUNTIME_DIR=str(jupyter / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(jupyter / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(jupyter / "workspaces"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        JUPYTER_PATH=os.pathsep.join(filter(None, [str(SHARE), env.get("JUPYTER_PATH")])),
        PATH=os.pathsep.join([str(BIN), env.get("PATH", "")]),
    )
    return env


def _wait_http(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"server exited with code {process.returncode} before {url} answered"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as error:  # any answer means the server is up
            if error.code < 500:
                return
            time.sleep(0.2)
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@contextlib.contextmanager
def _serve(
    command: list[str], base: Path, ready_url: str, log_name: str, timeout: float = 90
) -> Iterator[None]:
    log = open(base / log_name, "wb")
    process = subprocess.Popen(
        command,
        cwd=base,
        env=server_env(base),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_http(ready_url, process, timeout)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextlib.contextmanager
def jupyterlab(base: Path, notebook: str = "converter.ipynb") -> Iterator[str]:
    """Yield the URL of `notebook` (the converter unless named) in a running JupyterLab."""
    prepare_workdir(base)
    port = free_port()
    command = [
        str(BIN / "jupyter-lab"),
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={base}",
        "--ServerApp.allow_root=True",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.extension_manager=readonly",
        "--LabApp.expose_app_in_browser=True",
    ]
    root = f"http://127.0.0.1:{port}"
    with _serve(command, base, f"{root}/api/status", "jupyterlab.log"):
        yield f"{root}/lab/tree/notebooks/{notebook}"


@contextlib.contextmanager
def voila(base: Path) -> Iterator[str]:
    """Yield the URL of the Voila page that serves the notebook."""
    prepare_workdir(base)
    port = free_port()
    command = [
        str(BIN / "voila"),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        "--template=amw",
        str(base / "notebooks" / "converter.ipynb"),
    ]
    root = f"http://127.0.0.1:{port}"
    with _serve(command, base, f"{root}/voila/static/", "voila.log"):
        yield f"{root}/"


# JavaScript run in the page: paste `text` into the converter's box and resolve with the
# milliseconds until the converted output contains `marker`.
PASTE_AND_TIME_JS = """
async ([text, marker]) => {
  const area = document.querySelector('.amw-input textarea');
  const output = () => document.querySelector('.amw-output');
  const start = performance.now();
  const done = new Promise((resolve) => {
    const check = () => {
      const node = output();
      if (node && node.textContent.includes(marker)) {
        resolve(performance.now() - start);
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  });
  area.focus();
  area.value = text;
  area.dispatchEvent(new Event('input', {bubbles: true}));
  return await done;
}
"""


# The notebook panel JupyterLab shows, once its document and kernel session exist.
NOTEBOOK_OPEN_JS = """
() => { const app = window.jupyterapp; const panel = app && app.shell.currentWidget;
        return !!(panel && panel.sessionContext && panel.context); }
"""
# Make the panel active (run-all acts on the active notebook), wait for its kernel, run all.
RUN_ALL_JS = """
async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  app.shell.activateById(panel.id);
  await panel.context.ready;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
}
"""


def run_notebook_in_jupyterlab(page, url: str, *, attempts: int = 3) -> None:
    """Open the notebook and run all cells until the converter's box is on the page.

    JupyterLab can still be settling its layout when the first run-all arrives and then
    ignores it; running all cells again is harmless, so try a few times.
    """
    page.goto(url, timeout=120_000)
    page.wait_for_function(NOTEBOOK_OPEN_JS, timeout=120_000)
    box = page.locator(".amw-input textarea")
    for attempt in range(attempts):
        page.evaluate(RUN_ALL_JS)
        try:
            box.wait_for(state="visible", timeout=40_000)
            return
        except Exception:  # Playwright's TimeoutError; run all cells again
            if attempt == attempts - 1:
                raise
