"""A small legacy repository to practise whole-folder commands on, and a runner
for `python -m helpers ...` whose output a notebook shows."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..examples import get_example
from .display import HTMLBlock

FILES = {
    "app/agent.py": "whole_script",
    "app/chat_openai.py": "openai_script",
    "web/client.js": "langdock_axios",
    "data/run.json": "run_json",
}


def sample_repository(folder: str | Path) -> Path:
    """Writes a few legacy files (Foundry, OpenAI beta, Langdock, a JSON payload) and a clean one."""
    root = Path(folder)
    for relative, example in FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(get_example(example).text, encoding="utf-8")
    (root / "app" / "util.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    return root


def command(*args: str, cwd: str | Path) -> HTMLBlock:
    """Runs `python -m helpers ARGS` in `cwd` and shows its exit status and output."""
    done = subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    text = f"$ python -m helpers {' '.join(args)}\n{done.stdout}{done.stderr}[exit status {done.returncode}]"
    import html
    return HTMLBlock(f'<pre style="font-size:12px;max-height:400px;overflow:auto">{html.escape(text)}</pre>', text)
