"""OpenAI-style cursor lists (`limit`, `order`, `after`, `before`), shared by
the legacy (assistants, threads, messages, runs) and the new (conversation
items, agents) surfaces."""
from __future__ import annotations

from typing import Any

from .errors import bad_request


def page(items: list[dict[str, Any]], query, *, default_order: str = "desc", max_limit: int = 100) -> dict[str, Any]:
    """One page of `items` (oldest first) as `{"object": "list", "data", "first_id", "last_id", "has_more"}`."""
    try:
        limit = int(query.get("limit", 20))
    except ValueError:
        raise bad_request("limit must be an integer", param="limit")
    if not 1 <= limit <= max_limit:
        raise bad_request(f"limit must be between 1 and {max_limit}", param="limit")
    order = query.get("order", default_order)
    if order not in ("asc", "desc"):
        raise bad_request("order must be 'asc' or 'desc'", param="order")
    ordered = list(items) if order == "asc" else list(reversed(items))
    ids = [item["id"] for item in ordered]
    if after := query.get("after"):
        ordered = ordered[ids.index(after) + 1:] if after in ids else []
    if before := query.get("before"):
        ids = [item["id"] for item in ordered]
        ordered = ordered[: ids.index(before)] if before in ids else ordered
    data = ordered[:limit]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": len(ordered) > limit,
    }
