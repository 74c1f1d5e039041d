"""Building the AI SDK 5 chunk list both readers produce: open/close text and reasoning blocks.

Private keys (starting with `_`) carry facts the v4 writer needs (the finish reason) and are
never written to a v5 stream.
"""
from __future__ import annotations

from typing import Any


class ChunkList:
    """Chunks in order, with deterministic block ids (`txt_0`, `rsn_0`, …)."""

    def __init__(self, message_id: str | None) -> None:
        start: dict[str, Any] = {"type": "start"}
        if message_id is not None:
            start["messageId"] = message_id
        self.items: list[dict[str, Any]] = [start]
        self.open_kind: str | None = None
        self.open_id = ""
        self.counts = {"text": 0, "reasoning": 0}

    def add(self, chunk: dict[str, Any]) -> None:
        self.close()
        self.items.append(chunk)

    def delta(self, kind: str, text: str) -> None:
        """A text or reasoning delta; opens a block when none of that kind is open."""
        if self.open_kind != kind:
            self.close()
            prefix = "txt" if kind == "text" else "rsn"
            self.open_id = f"{prefix}_{self.counts[kind]}"
            self.counts[kind] += 1
            self.open_kind = kind
            self.items.append({"type": f"{kind}-start", "id": self.open_id})
        self.items.append({"type": f"{kind}-delta", "id": self.open_id, "delta": text})

    def close(self) -> None:
        if self.open_kind is not None:
            self.items.append({"type": f"{self.open_kind}-end", "id": self.open_id})
            self.open_kind = None
