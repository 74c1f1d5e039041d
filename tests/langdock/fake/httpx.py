"""Stand-in for `httpx` that talks to the fake Langdock (see fake_server)."""
import json as _json
from contextlib import contextmanager

import fake_server


class HTTPStatusError(Exception):
    pass


class Response:
    def __init__(self, status, payload, lines):
        self.status_code, self._payload, self._lines = status, payload, lines
        self.text = _json.dumps(payload) if payload is not None else "\n".join(lines or [])

    def json(self):
        if self._payload is None:
            raise ValueError("not JSON")
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPStatusError(f"{self.status_code}: {self._payload}")
        return self

    def iter_lines(self):
        for line in self._lines or []:
            yield line
            yield ""


def _body(json=None, content=None):
    if json is not None:
        return json
    if isinstance(content, (str, bytes)):
        return _json.loads(content)
    return None


def request(method, url, json=None, content=None, params=None, **_):
    return Response(*fake_server.handle(method, url, _body(json, content), params))


@contextmanager
def stream(method, url, **kw):
    yield request(method, url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def get(url, **kw):
    return request("GET", url, **kw)


class Client:
    def __init__(self, base_url="", **_):
        self.base_url = base_url

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def request(self, method, url, **kw):
        return request(method, self.base_url + url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    @contextmanager
    def stream(self, method, url, **kw):
        yield self.request(method, url, **kw)


class AsyncClient(Client):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def post(self, url, **kw):
        return self.request("POST", url, **kw)

    async def get(self, url, **kw):
        return self.request("GET", url, **kw)
