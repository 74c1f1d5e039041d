"""One local service for the whole test session (memory store), reset per test."""
from __future__ import annotations

import pytest

from helpers.local import service


@pytest.fixture(scope="session")
def _running_service():
    with service(set_env=False) as svc:
        yield svc


@pytest.fixture
def svc(_running_service):
    _running_service.reset()
    with _running_service.environment():
        yield _running_service
