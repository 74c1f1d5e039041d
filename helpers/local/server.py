"""uvicorn on 127.0.0.1 with TLS, in a background thread of this process."""
from __future__ import annotations

import asyncio
import socket
import threading
import time

import uvicorn

from .tls import Certificates


class LocalServer:
    """Serves `app` on 127.0.0.1 (a free port unless one is given) until `stop()`."""

    def __init__(self, app, certs: Certificates, port: int = 0):
        # IPPROTO_TCP named explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
        # without it every response waits ~40 ms (Nagle against delayed ACKs) between headers and body.
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port))
        # Accepted connections inherit this: without it, small TLS records wait for the
        # client's delayed ACK (Nagle), about 40 ms per request.
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(
            app, ssl_certfile=str(certs.cert_file), ssl_keyfile=str(certs.key_file),
            log_level="warning", access_log=False, lifespan="off",
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._serve, name=f"local-service-{self.port}", daemon=True)

    def _serve(self) -> None:
        asyncio.run(self._server.serve(sockets=[self._socket]))

    def start(self, timeout: float = 10.0) -> "LocalServer":
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the local service did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=1)
        if self._thread.is_alive():
            # A client that keeps an idle TLS connection open would hold the graceful
            # shutdown for as long as it likes; after a second, stop waiting for it.
            self._server.force_exit = True
            self._thread.join(timeout=10)
        self._socket.close()
