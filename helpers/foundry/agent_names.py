"""Agent names the 2.x service accepts, made from legacy assistant names.

2.x agent names (the `create_version` docstring of azure-ai-projects 2.10)
start and end with a letter or digit, may hold hyphens in the middle, and are
at most 63 characters long. Legacy names were free text ("Math Tutor") or
missing. Shared by the rules that create agents and those that look them up
by name, so that both sides arrive at the same name.
"""
from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 63
FALLBACK = "my-agent"
_VALID = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9]+")


def is_valid_agent_name(name: str) -> bool:
    return bool(_VALID.match(name))


def valid_agent_name(name: str | None) -> str:
    """`name` itself when valid; else the closest valid name ("Math Tutor" -> "Math-Tutor")."""
    if name is not None and is_valid_agent_name(name):
        return name
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    cleaned = _NOT_ALLOWED.sub("-", ascii_name).strip("-")[:MAX_LENGTH].rstrip("-")
    return cleaned or FALLBACK


def name_note(original: str | None, new: str) -> str:
    """The note that gives the mapping from the legacy name to the 2.x name."""
    if original is None:
        return (f"The assistant had no name; 2.x agents need one, so it is called \"{new}\" here. "
                "Pick a real name and use it wherever this agent is looked up.")
    return (f"\"{original}\" is not a valid 2.x agent name (letters, digits and inner hyphens, at most "
            f"{MAX_LENGTH} characters); it became \"{new}\". Use the new name wherever this agent is looked up.")
