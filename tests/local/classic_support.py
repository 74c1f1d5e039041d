"""Shared by the legacy-surface tests: the async azure-ai-agents client."""
from __future__ import annotations

from helpers.local.identity import LocalCredential


class AsyncLocalCredential:
    """The service's tokens for async azure clients (DefaultAzureCredential's
    own path is tested in test_service_core; aiohttp fixes its trust store at
    import, before a test's environment is set)."""

    async def get_token(self, *scopes, **kwargs):
        return LocalCredential().get_token(*scopes)

    async def close(self) -> None:
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc) -> None:
        pass


def async_agents_client(svc):
    from azure.ai.agents.aio import AgentsClient

    return AgentsClient(endpoint=svc.project_endpoint, credential=AsyncLocalCredential(),
                        connection_verify=svc.ca_bundle)
