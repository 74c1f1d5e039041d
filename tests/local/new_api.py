"""Shared bits for the tests of the new-generation surface (agents 2.x, conversations, responses)."""
from __future__ import annotations

from azure.core.credentials import AccessToken

from helpers.local.identity import LocalCredential


class AsyncLocalCredential:
    """The async twin of the service's LocalCredential (aiohttp fixes its trusted CAs when first imported,
    so DefaultAzureCredential in this process may not trust the local CA; scripts run by `run` do)."""

    def __init__(self):
        self._sync = LocalCredential()

    async def get_token(self, *scopes, **kwargs) -> AccessToken:
        return self._sync.get_token(*scopes, **kwargs)

    async def get_token_info(self, *scopes, options=None):
        return self._sync.get_token_info(*scopes, options=options)

    async def close(self) -> None:
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc) -> None:
        pass


def agent_reference(name: str, version: str | None = None) -> dict:
    reference = {"name": name, "type": "agent_reference"}
    if version is not None:
        reference["version"] = version
    return {"agent_reference": reference}
