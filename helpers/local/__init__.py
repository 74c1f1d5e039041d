"""A local service that speaks both API generations, so legacy and converted
code run offline against the real SDK clients (what moto is for AWS).

    from helpers.local import service
    with service() as svc:
        svc.project_client(); svc.agents_client(); svc.openai_client()

Command line: `python -m helpers serve` (the service on its own) and
`python -m helpers run SCRIPT` (a script, unchanged, against it).
"""
from __future__ import annotations

__all__ = ["Service", "service", "start"]


def __getattr__(name: str):
    # Imported on first use: the converters' command line loads this package
    # for its subcommands and must not need the service's dependencies.
    if name in __all__:
        import importlib

        module = importlib.import_module(f"{__name__}.service")
        # Importing the submodule bound `service` to it; bind the public names instead.
        globals().update({public: getattr(module, public) for public in __all__})
        return globals()[name]
    raise AttributeError(name)
