"""`convert_payload`: the one entry point for JSON payloads and stream transcripts.

Flow for JSON kinds: guard the text, parse it once (located errors), check it
against the kind's input model (pydantic; a hopeless shape is an `InputError`
with its JSON path), run the kind's registered rules, and hand back the source
byte for byte when nothing changed, otherwise the new value laid out like the
input. Streams go to `streams.convert_stream`.
"""
from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..errors import InputError, InternalError, UnknownKindError, WorkbookError
from ..inputs import as_text
from ..results import ConversionResult
from .context import Context
from .detect import detect_payload_kind, kind_of_value
from .jsontext import dump_like, parse_json
from .python_literal import python_object
from .kinds import PAYLOAD_KINDS, RESPONSE_SHAPES, STREAM_FORMATS
from .models import langdock as lm
from .registry import apply_rules
from .validation import validate

# The lenient model each kind's input must fit before its rules run.
INPUT_MODELS: dict[str, type[BaseModel] | None] = {
    "foundry-agent": None,  # legacy or new object; the rule validates the legacy one
    "foundry-thread": None,
    "foundry-message": None,
    "foundry-message-list": None,
    "foundry-run": None,
    "foundry-run-steps": None,
    "langdock-chat-request": lm.ChatRequestIn,
    "langdock-chat-response": lm.ChatResponseIn,
    "langdock-agent-request": lm.AgentBodyIn,
    "json": None,
}


def convert_payload(
    text: str | bytes,
    kind: str | None = None,
    *,
    stream_format: str = "ui-message-stream",
    response_shape: str = "messages",
) -> ConversionResult:
    """Convert a legacy payload or stream transcript.

    Raises `InputError` (located) when the input is at fault, and `InternalError` when a
    rule fails on input it should have handled: a bug is never reported as bad input.
    """
    try:
        return _convert(text, kind, stream_format, response_shape)
    except WorkbookError:
        raise
    except RecursionError:  # the input's nesting, not a bug: rules recurse over the document
        raise InputError("the input is nested too deeply to convert", kind=kind) from None
    except MemoryError:
        raise InputError("the input is too large to convert", kind=kind) from None
    except Exception as exc:
        raise InternalError(exc, kind=kind) from exc


def _convert(text: str | bytes, kind: str | None, stream_format: str, response_shape: str) -> ConversionResult:
    if kind is not None and kind not in PAYLOAD_KINDS:
        raise UnknownKindError(
            f"unknown payload kind {kind!r}; choose one of: {', '.join(PAYLOAD_KINDS)}", kind=kind
        )
    if stream_format not in STREAM_FORMATS:
        raise InputError(f"stream_format must be one of {STREAM_FORMATS}, not {stream_format!r}", kind=kind)
    if response_shape not in RESPONSE_SHAPES:
        raise InputError(f"response_shape must be one of {RESPONSE_SHAPES}, not {response_shape!r}", kind=kind)
    text = as_text(text, kind=kind)
    if not text.strip():
        raise InputError("the input is empty", kind=kind)
    detected = kind is None
    if kind is None:
        kind = detect_payload_kind(text)
        if kind is None:
            if text.lstrip()[:1] in ("{", "["):
                parse_json(text)  # raises with line and column
            raise InputError("this is neither a JSON payload nor a stream transcript", line=1, column=1)
    ctx = Context(kind, text, {"stream_format": stream_format, "response_shape": response_shape})
    if kind == "langdock-stream":
        from .streams import convert_stream

        output = convert_stream(text, ctx)
    else:
        output = _convert_json(text, kind, ctx, explicit=not detected)
    return ConversionResult(
        kind=kind, source=text, output=output, notes=ctx.finish(), detected=detected, extras=ctx.extras
    )


def _convert_json(text: str, kind: str, ctx: Context, *, explicit: bool) -> str:
    try:
        value = parse_json(text, kind=kind)
    except InputError:
        value = python_object(text)
        if value is None:
            raise
        return _convert_python_object(value, kind, ctx)
    if not isinstance(value, (dict, list)):
        raise InputError(
            f"expected a JSON object, got {_json_type(value)}", line=1, column=1, path="$", kind=kind
        )
    if explicit:
        actual = kind_of_value(value)
        if actual not in (None, "json", kind):
            raise InputError(f"this looks like a {actual!r} payload, not {kind!r}", path="$", kind=kind)
    if isinstance(value, list) and kind not in ("langdock-chat-request", "foundry-message-list", "foundry-run-steps", "json"):
        raise InputError(f"expected a JSON object for {kind!r}, got an array", line=1, column=1, path="$", kind=kind)
    model = INPUT_MODELS.get(kind)
    if isinstance(value, list) and kind == "langdock-chat-request":
        model = lm.MessagesArrayIn
    single_message = kind == "langdock-chat-request" and isinstance(value, dict) and "messages" not in value
    if model is not None and not single_message and (isinstance(value, dict) or model is lm.MessagesArrayIn):
        validate(model, value, text, kind)
    original = json.loads(text)  # rules may edit `value` in place; keep a pristine copy
    if kind == "langdock-chat-request" and isinstance(value, dict) and "messages" not in value:
        # A single message: convert it as a one-message array, report paths inside it.
        ctx.extras["sub_shape"] = "message"
        validate(lm.MessagesArrayIn, [value], text, kind)
        ctx.path_offset = 1
        converted = apply_rules(kind, [value], ctx)[0]
    else:
        converted = apply_rules(kind, value, ctx)
    if converted == original:
        return text
    return dump_like(converted, text)


def _convert_python_object(value: dict, kind: str, ctx: Context) -> str:
    """P1: convert a printed SDK object; notes carry JSON paths but no lines (the text is not JSON)."""
    actual = kind_of_value(value)  # a Foundry kind: python_object takes only Foundry objects
    if actual != kind:
        raise InputError(f"this looks like a {actual!r} payload, not {kind!r}", path="$", kind=kind)
    ctx.locate_lines = False
    original = json.loads(json.dumps(value))
    converted = apply_rules(kind, json.loads(json.dumps(value)), ctx)
    ctx.note("P1", "info", "the input was a Python dict (as the SDK prints it); it was read as JSON "
             "and the result is written as JSON", ())
    if converted == original:
        return ctx.source
    return json.dumps(converted, indent=2, ensure_ascii=False) + "\n"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string"
