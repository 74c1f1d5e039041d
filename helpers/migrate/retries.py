"""Retrying one HTTP step on 429 and 5xx, honouring the service's wait.

The SDKs retry a few times themselves; a migration of thousands of threads
meets longer throttling than that, so every step gets its own patience: waits
from `retry-after-ms` / `Retry-After` (capped), otherwise exponential backoff.
"""
from __future__ import annotations

import random
import time
from typing import Callable, TypeVar

T = TypeVar("T")
RETRYABLE = {408, 409, 429, 500, 502, 503, 504}
MAX_WAIT = 30.0


def _status_and_headers(exc: Exception) -> tuple[int | None, dict[str, str]]:
    response = getattr(exc, "response", None)
    status = getattr(exc, "status_code", None) or getattr(response, "status_code", None)
    headers = getattr(response, "headers", None) or {}
    return status, {str(k).lower(): str(v) for k, v in dict(headers).items()}


def wait_for(headers: dict[str, str], attempt: int) -> float:
    try:
        if "retry-after-ms" in headers:
            return min(MAX_WAIT, float(headers["retry-after-ms"]) / 1000)
        if "retry-after" in headers:
            return min(MAX_WAIT, float(headers["retry-after"]))
    except ValueError:
        pass
    return min(MAX_WAIT, 0.05 * 2 ** attempt) * (0.5 + random.random() / 2)


def with_retries(step: Callable[[], T], attempts: int = 8, sleep: Callable[[float], None] = time.sleep) -> T:
    for attempt in range(attempts):
        try:
            return step()
        except Exception as exc:  # the SDKs' error types differ; status decides
            status, headers = _status_and_headers(exc)
            if status not in RETRYABLE or attempt == attempts - 1:
                raise
            sleep(wait_for(headers, attempt))
    raise AssertionError("unreachable")
