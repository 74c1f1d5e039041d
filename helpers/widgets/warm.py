"""Warm the converters in the background when a converter widget is created.

The first conversion in a fresh kernel pays for imports (LibCST, the SDKs the
verdict checks against, Pygments lexers, tree-sitter, pydantic models) and for
first calls: several hundred milliseconds, felt on the first paste. A daemon
thread converts a few tiny inputs of each kind right away, while the user is
still reading the page, so that cost is paid before the first paste. It runs
once per process, and it never raises: a failure only costs speed.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

# One small input per converter, each touching the common rules; none is ever executed.
WARM_UP_INPUTS = (
    "from azure.ai.agents import AgentsClient\n"
    "client = AgentsClient(endpoint=e, credential=c)\n"
    "agent = client.create_agent(model='m', name='n', instructions='i')\n"
    "thread = client.threads.create()\n"
    "client.messages.create(thread_id=thread.id, role='user', content='hi')\n"
    "run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)\n"
    "for m in client.messages.list(thread_id=thread.id):\n"
    "    print(m.content[0].text.value)\n",
    '{"assistantId": "a", "messages": [{"role": "user", "content": "hi"}]}',
    'const response = await fetch("https://api.langdock.com/assistant/v1/chat/completions", '
    '{method: "POST", body: JSON.stringify({assistantId: "a", messages: []})});\n',
)

_lock = threading.Lock()
_thread: threading.Thread | None = None


def warm_up() -> None:
    """Convert the warm-up inputs through the widget's model (conversion, verdict, highlighting)."""
    from .model import ConverterModel

    for text in WARM_UP_INPUTS:
        try:
            ConverterModel(prefix="amw-warm").update(text)
        except Exception:  # noqa: BLE001 - warming is an optimisation, never an error
            log.debug("warm-up conversion failed", exc_info=True)


def start_warm_up() -> threading.Thread:
    """Start `warm_up` in a daemon thread, once per process; returns that thread."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=warm_up, name="amw-warm-up", daemon=True)
            _thread.start()
        return _thread
