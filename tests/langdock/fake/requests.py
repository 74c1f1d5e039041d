"""Stand-in for `requests` that talks to the fake Langdock (see fake_server)."""
import json as _json

import fake_server


class HTTPError(Exception):
    pass


class Response:
    def __init__(self, status, payload, lines):
        self.status_code, self._payload, self._lines = status, payload, lines
        self.text = _json.dumps(payload) if payload is not None else "\n".join(lines or [])
        self.ok = status < 400

    def json(self):
        if self._payload is None:
            raise ValueError("not JSON")
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPError(f"{self.status_code}: {self._payload}")

    def iter_lines(self, decode_unicode=False, **_):
        for line in self._lines or []:
            yield line if decode_unicode else line.encode()
            yield "" if decode_unicode else b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _body(json=None, data=None):
    if json is not None:
        return json
    if isinstance(data, (str, bytes)):
        return _json.loads(data)
    return None


def request(method, url, json=None, data=None, params=None, **_):
    return Response(*fake_server.handle(method, url, _body(json, data), params))


def post(url, **kw):
    return request("POST", url, **kw)


def get(url, **kw):
    return request("GET", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


class Session:
    headers: dict = {}

    def request(self, method, url, **kw):
        return request(method, url, **kw)

    def post(self, url, **kw):
        return request("POST", url, **kw)

    def get(self, url, **kw):
        return request("GET", url, **kw)
