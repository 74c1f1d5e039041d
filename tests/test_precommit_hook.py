"""The pre-commit hook, run by pre-commit itself in a throwaway repository.

pre-commit installs this project into its own environment (from the committed
tree, with the dependencies in pyproject.toml), so this also proves that the
package installs with what pyproject.toml declares.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to run pre-commit")
def test_hook_blocks_legacy_code_and_passes_new_code(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / "old.py").write_text("thread = client.agents.threads.create()\n")
    (repo / "new.py").write_text("conversation = openai_client.conversations.create()\n")
    _git("add", ".", cwd=repo)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "assistants-api-check"]
    blocked = subprocess.run([*pre_commit, "--files", "old.py", "new.py"], cwd=repo, env=env,
                             capture_output=True, text=True, timeout=900)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "would convert old.py" in blocked.stdout
    passed = subprocess.run([*pre_commit, "--files", "new.py"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
