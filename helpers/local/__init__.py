"""A local service that speaks both API generations, so legacy and converted
code run offline against the real SDK clients (what moto is for AWS).

    from helpers.local import service
    with service() as svc:
        svc.project_client(); svc.agents_client(); svc.openai_client()

Command line: `python -m helpers serve` (the service on its own) and
`python -m helpers run SCRIPT` (a script, unchanged, against it).
"""
from __future__ import annotations

from .service import Service, service, start

__all__ = ["Service", "service", "start"]
