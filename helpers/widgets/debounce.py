"""Run a callback once typing pauses, without ever dropping the last edit.

The first call after a quiet spell runs at once (so a paste renders without
waiting); calls inside the window only (re)arm a timer, and when it fires the
callback runs once more with whatever is current. The timer is the kernel's
asyncio loop when there is one (JupyterLab and Voila both run ipykernel on
asyncio), a thread timer otherwise; tests pass their own `schedule`.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Callable, Protocol


class Handle(Protocol):
    def cancel(self) -> object: ...


def default_schedule(delay: float, callback: Callable[[], None]) -> Handle:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    # nest_asyncio (used by notebook runners) can report a loop that no longer runs;
    # a timer on it would never fire.
    if loop is not None and loop.is_running():
        return loop.call_later(delay, callback)
    return thread_schedule(delay, callback)


def thread_schedule(delay: float, callback: Callable[[], None]) -> Handle:
    """A timer thread, for code that runs outside a kernel's event loop."""
    timer = threading.Timer(delay, callback)
    timer.daemon = True
    timer.start()
    return timer


class Debouncer:
    """`trigger()` on every edit; `callback()` runs at the leading edge and after the last edit."""

    def __init__(
        self,
        callback: Callable[[], None],
        delay: float = 0.15,
        *,
        schedule: Callable[[float, Callable[[], None]], Handle] = default_schedule,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.callback = callback
        self.delay = delay
        self._schedule = schedule
        self._clock = clock
        self._handle: Handle | None = None
        self._last_run = float("-inf")
        self._lock = threading.Lock()

    @property
    def pending(self) -> bool:
        return self._handle is not None

    def trigger(self) -> None:
        with self._lock:
            quiet = self._handle is None and self._clock() - self._last_run >= self.delay
            if not quiet:
                if self._handle is not None:
                    self._handle.cancel()
                self._handle = self._schedule(self.delay, self._fire)
        if quiet:
            self._run()

    def flush(self) -> None:
        """Run a pending callback now (used when the widget must be current, e.g. in tests)."""
        with self._lock:
            handle, self._handle = self._handle, None
        if handle is not None:
            handle.cancel()
            self._run()

    def _fire(self) -> None:
        with self._lock:
            self._handle = None
        self._run()

    def _run(self) -> None:
        self._last_run = self._clock()
        self.callback()
        # Remember when the run ended: a slow conversion should not count as quiet time.
        self._last_run = self._clock()
