"""Classic agents and OpenAI's beta Assistants: assistants, threads, messages,
runs and run steps (the implementation is in `classic/`; files and vector
stores are the `files` and `vector_stores` backends)."""
from __future__ import annotations

from starlette.routing import Route

from .classic import assistants, runs, threads
from .classic.surface import guarded

MOUNTS = ("/api/projects/{project}", "/v1")


def routes() -> list[Route]:
    # Runs first: `/threads/runs` must not be taken for a thread called "runs".
    return guarded([*runs.routes(), *assistants.routes(), *threads.routes()], beta=True)
