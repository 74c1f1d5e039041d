"""Where a string literal points: shared URL analysis for the JS and Python rules.

A literal is given as segments: pieces of raw literal text, and `None` for an
interpolation (`${x}` or `{x}`). `analyse` finds every `/assistant/v1/<endpoint>`
in the text pieces, classifies the host (rules U1-U4 of the reference) and
returns the text edits that turn the legacy path and `assistantId` query key
into their Agents API names. Only the short text of one literal is searched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Sequence
from urllib.parse import urlsplit

LEGACY_ENDPOINTS = ("chat/completions", "create", "get", "update", "models", "disable")

Status = Literal["langdock", "bare", "unknown-host", "foreign", "unknown-endpoint"]
# statuses whose path is rewritten
REWRITTEN: frozenset[str] = frozenset({"langdock", "bare", "unknown-host"})

_LEGACY = "/assistant/v1/"
_NEW = "/agent/v1/"
_LEGACY_BASE, _NEW_BASE = _LEGACY[:-1], _NEW[:-1]
_HOST = re.compile(r"//([^/?#\s\x00]+)")
_ENDPOINT = re.compile(
    r"(chat/completions|create|get|update|models|disable)(?![\w\-/])"
)
_QUERY = re.compile(r"([?&])assistantId=")


@dataclass(frozen=True)
class Finding:
    """One legacy path inside a literal."""

    status: Status
    endpoint: str | None  # None: the endpoint is an interpolation
    host: str | None


@dataclass(frozen=True)
class TextEdit:
    """Replace `segment[start:end]` of text piece number `segment` by `text`."""

    segment: int
    start: int
    end: int
    text: str


@dataclass
class Analysis:
    findings: list[Finding] = field(default_factory=list)
    edits: list[TextEdit] = field(default_factory=list)
    # the literal already uses the new path (a migrated or partly migrated URL)
    has_new_path: bool = False


def is_langdock_host(host: str) -> bool:
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].lower()
    return host == "langdock.com" or host.endswith(".langdock.com")


def _classify(prefix: str) -> tuple[Status, str | None]:
    """Classify the text in front of `/assistant/v1/` (interpolations are NUL)."""
    matches = list(_HOST.finditer(prefix))
    if matches:
        last = matches[-1]
        host = last.group(1)
        path = prefix[last.end():]
        if is_langdock_host(host) or path.rstrip("/").endswith("/api/public"):
            return "langdock", host
        return "foreign", host
    stripped = prefix.strip()
    if not stripped:
        return "bare", None
    if stripped.endswith("/api/public"):
        return "langdock", None
    if "\x00" in prefix:
        return "unknown-host", None
    # some other path in front ("/proxy/assistant/v1/..."): a gateway, not Langdock
    return "foreign", None


def analyse(segments: Sequence[str | None], *, query_context: bool = False) -> Analysis:
    """Find legacy Langdock paths in one literal and the edits that migrate them.

    `query_context` says the file is Langdock code, so a literal that is only a
    query string (`"?assistantId="`) may have its key renamed too.
    """
    result = Analysis()
    joined_before = ""
    rename_query = query_context
    for index, piece in enumerate(segments):
        if piece is None:
            joined_before += "\x00"
            continue
        if _NEW in piece:
            result.has_new_path = True
            rename_query = True
        start = 0
        while True:
            at = piece.find(_LEGACY, start)
            if at == -1:
                break
            status, host = _classify(joined_before + piece[:at])
            rest = piece[at + len(_LEGACY):]
            match = _ENDPOINT.match(rest)
            endpoint: str | None
            if match:
                endpoint = match.group(1)
            elif rest == "":
                # an interpolation follows (`/assistant/v1/${path}`) or the literal ends:
                # a base URL the endpoint is appended to later
                endpoint = None
            else:
                endpoint = rest.split("?", 1)[0].split("#", 1)[0] or None
                status = "unknown-endpoint"
            result.findings.append(Finding(status, endpoint, host))
            if status in REWRITTEN:
                result.edits.append(TextEdit(index, at, at + len(_LEGACY), _NEW))
                rename_query = True
            start = at + len(_LEGACY)
        if piece.endswith(_LEGACY_BASE) and (index + 1 == len(segments) or segments[index + 1] is None):
            # a base URL without the closing slash: `https://api.langdock.com/assistant/v1`
            at = len(piece) - len(_LEGACY_BASE)
            status, host = _classify(joined_before + piece[:at])
            result.findings.append(Finding(status, None, host))
            if status in REWRITTEN:
                result.edits.append(TextEdit(index, at, len(piece), _NEW_BASE))
                rename_query = True
        joined_before += piece
    # a foreign or undocumented endpoint keeps its URL whole, query included
    if rename_query and not any(f.status in ("foreign", "unknown-endpoint") for f in result.findings):
        for index, piece in enumerate(segments):
            if piece is None:
                continue
            for match in _QUERY.finditer(piece):
                result.edits.append(
                    TextEdit(index, match.start(), match.end(), match.group(1) + "agentId=")
                )
    return result


def apply_text_edits(piece: str, edits: Sequence[TextEdit]) -> str:
    """Apply the edits of one text piece (they never overlap)."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        piece = piece[: edit.start] + edit.text + piece[edit.end:]
    return piece


# Langdock's other APIs (uploads, knowledge folders, exports, the model proxies)
OTHER_PATHS = ("/attachment/v1/", "/knowledge/", "/export/", "/openai/", "/anthropic/",
               "/mistral/", "/google/")


def another_api(text: str) -> bool:
    """A literal that shows another service's URL, or a path of Langdock's other APIs
    (uploads, knowledge folders, exports, the model proxies)."""
    if any(path in text for path in OTHER_PATHS):
        return True
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # not a URL after all ("http://[")
        return False
    # a dedicated deployment may use its own domain, always with the /api/public prefix
    return bool(host) and not is_langdock_host(host) and "/api/public" not in parts.path
