"""The local service as a Python object: start it, point clients at it, stop it.

    with helpers.local.service() as svc:      # memory store, free port
        project = svc.project_client()        # azure-ai-projects 2.x
        openai_client = project.get_openai_client()
        legacy = svc.agents_client()          # azure-ai-agents 1.x

Inside the `with` block the process environment carries the variables that
unchanged scripts read (PROJECT_ENDPOINT, OPENAI_BASE_URL, the managed-identity
endpoint, the CA bundle, ...); they are restored afterwards.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .app import build_app
from .server import LocalServer
from .store import Store
from .tls import Certificates, certificates

PROJECT = "local"
DEFAULT_MODEL = "gpt-4o"
LOCAL_KEY = "local-key"  # not a secret: the local service accepts any key

# Variables that would make DefaultAzureCredential pick another credential than
# the service's managed-identity endpoint.
_CREDENTIAL_VARIABLES = (
    "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID", "AZURE_CLIENT_CERTIFICATE_PATH",
    "AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE", "MSI_ENDPOINT", "MSI_SECRET",
    "IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT",
)


@dataclass
class Service:
    base_url: str
    certs: Certificates
    store: Store | None = None  # None when attached to a service another process runs
    server: LocalServer | None = None
    _restore: dict[str, str | None] = field(default_factory=dict)

    @property
    def project_endpoint(self) -> str:
        return f"{self.base_url}/api/projects/{PROJECT}"

    @property
    def openai_base_url(self) -> str:
        return f"{self.base_url}/v1"

    @property
    def ca_bundle(self) -> str:
        return str(self.certs.bundle_file)

    def ssl_context(self):
        """An SSL context that trusts the local CA (and the public roots), for httpx clients."""
        import ssl

        return ssl.create_default_context(cafile=self.ca_bundle)

    def env(self) -> dict[str, str]:
        """What a script needs to reach the service unchanged."""
        no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY", ""), "127.0.0.1", "localhost"]))
        return {
            "PROJECT_ENDPOINT": self.project_endpoint,
            "AZURE_AI_PROJECT_ENDPOINT": self.project_endpoint,
            "AZURE_AI_AGENTS_ENDPOINT": self.project_endpoint,
            "MODEL_DEPLOYMENT_NAME": DEFAULT_MODEL,
            "AZURE_AI_MODEL_DEPLOYMENT_NAME": DEFAULT_MODEL,
            "OPENAI_API_KEY": LOCAL_KEY,
            "OPENAI_BASE_URL": self.openai_base_url,
            "LANGDOCK_API_KEY": LOCAL_KEY,
            "LANGDOCK_BASE_URL": self.base_url,
            "IDENTITY_ENDPOINT": f"{self.base_url}/msi/token",
            "IDENTITY_HEADER": "local-identity",
            "REQUESTS_CA_BUNDLE": self.ca_bundle,
            "SSL_CERT_FILE": self.ca_bundle,
            "NO_PROXY": no_proxy,
            "no_proxy": no_proxy,
        }

    def child_env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """`base` (default: this process's environment) with the service's variables."""
        merged = dict(os.environ if base is None else base)
        for name in _CREDENTIAL_VARIABLES:
            merged.pop(name, None)
        merged.update(self.env())
        return merged

    @contextlib.contextmanager
    def environment(self) -> Iterator[None]:
        wanted = self.child_env()
        changed = {name for name in set(wanted) | set(os.environ) if os.environ.get(name) != wanted.get(name)}
        saved = {name: os.environ.get(name) for name in changed}
        try:
            for name in changed:
                if name in wanted:
                    os.environ[name] = wanted[name]
                else:
                    os.environ.pop(name, None)
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    # Ready clients: the real SDK classes, told only where the service is.
    def credential(self):
        """A TokenCredential that needs no environment (for the clients built here)."""
        from .identity import LocalCredential

        return LocalCredential()

    def project_client(self, **kwargs):
        from azure.ai.projects import AIProjectClient

        client = AIProjectClient(endpoint=self.project_endpoint, credential=self.credential(),
                                 connection_verify=self.ca_bundle, **kwargs)
        return client

    def agents_client(self, **kwargs):
        from azure.ai.agents import AgentsClient

        return AgentsClient(endpoint=self.project_endpoint, credential=self.credential(),
                            connection_verify=self.ca_bundle, **kwargs)

    def openai_client(self, **kwargs):
        """A plain `openai.OpenAI` for `/v1` (the beta assistants and the Responses API)."""
        import httpx
        import openai

        return openai.OpenAI(api_key=LOCAL_KEY, base_url=self.openai_base_url,
                             http_client=httpx.Client(verify=self.ssl_context()), **kwargs)

    def project_openai_client(self, **kwargs):
        """The OpenAI client that `project_client().get_openai_client()` returns, trusting the local CA."""
        import httpx

        return self.project_client().get_openai_client(http_client=httpx.Client(verify=self.ssl_context()), **kwargs)

    def reset(self) -> None:
        if self.store is None:
            raise RuntimeError("reset() works only on a service started by this process")
        self.store.reset()

    def stop(self) -> None:
        if self.server:
            self.server.stop()
            self.server = None
        if self.store is not None:
            self.store.close()


def default_data() -> Path:
    """Where `serve` and `run` keep state unless told otherwise."""
    configured = os.environ.get("WORKBOOK_SERVICE_DATA")
    return Path(configured) if configured else Path.home() / ".cache" / "agents-migration-workbook" / "service"


def start(data: str | Path | None = None, *, port: int = 0, fault_rate: float = 0.0) -> Service:
    """Start a service: state in `data`/service.sqlite3 (a folder), or in memory when `data` is None."""
    if data is None:
        folder = Path(tempfile.mkdtemp(prefix="workbook-service-"))
        store = Store(None)
    else:
        folder = Path(data)
        folder.mkdir(parents=True, exist_ok=True)
        store = Store(folder / "service.sqlite3")
    certs = certificates(folder / "tls")
    server = LocalServer(build_app(store, fault_rate=fault_rate), certs, port=port).start()
    return Service(base_url=f"https://127.0.0.1:{server.port}", certs=certs, store=store, server=server)


@contextlib.contextmanager
def service(data: str | Path | None = None, *, port: int = 0, set_env: bool = True,
            fault_rate: float = 0.0) -> Iterator[Service]:
    """A running local service for the `with` block (see the module docstring)."""
    svc = start(data, port=port, fault_rate=fault_rate)
    try:
        if set_env:
            with svc.environment():
                yield svc
        else:
            yield svc
    finally:
        svc.stop()
