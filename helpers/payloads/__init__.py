"""JSON payload and stream converters (Foundry classic agents, Langdock Assistants API).

Public contract (used by `helpers.kinds` and `helpers.api`):

- `PAYLOAD_KINDS`: kind name -> one-line description.
- `detect_payload_kind(text) -> str | None`: never raises; None for text that is
  neither JSON nor a stream transcript.
- `convert_payload(text, kind=None, *, stream_format="ui-message-stream",
  response_shape="messages") -> ConversionResult`: raises `InputError` for the
  input's faults (`UnknownKindError` for a kind not in `PAYLOAD_KINDS`) and
  `helpers.errors.InternalError` for the converter's own (a bug: please report).

Rules live one per module under `langdock/`, `foundry/` and `streams/`; each
module docstring states its rule ids (from the reference's section 8: C1-C10,
R1-R6, B1-B5, S1-S10; F-rules for Foundry objects), the before and the after.
"""
from __future__ import annotations

from .convert import convert_payload
from .detect import detect_payload_kind
from .kinds import PAYLOAD_KINDS

__all__ = ["PAYLOAD_KINDS", "detect_payload_kind", "convert_payload"]
