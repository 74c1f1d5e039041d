"""Stream events: the legacy Langdock SSE event, AI SDK v4 data-stream parts, v5 UI chunks.

Legacy: `data: {"type": "message", "content": "<chunk>"}` ... `data: {"type": "done"}`.
v4 (`ai` 4.x): `<code>:<JSON>` lines, codes 0, 2, 3, 8, 9, a-k.
v5 (`ai` 5.x): SSE `data: <chunk JSON>` events ending with `data: [DONE]`.
The v5 models follow the `ai@5` chunk schema (extra fields allowed, unknown types refused).
"""
from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .base import Open


class LegacyEvent(Open):
    type: str
    content: Any = None


class _Chunk(BaseModel):
    model_config = ConfigDict(extra="allow")


class Start(_Chunk):
    type: Literal["start"]
    messageId: str | None = None
    messageMetadata: Any = None


class Bare(_Chunk):
    type: Literal["start-step", "finish-step", "abort"]


class Finish(_Chunk):
    type: Literal["finish"]
    messageMetadata: Any = None
    finishReason: str | None = None


class TextLike(_Chunk):
    type: Literal["text-start", "text-end", "reasoning-start", "reasoning-end"]
    id: str


class Delta(_Chunk):
    type: Literal["text-delta", "reasoning-delta"]
    id: str
    delta: str


class ToolInputStart(_Chunk):
    type: Literal["tool-input-start"]
    toolCallId: str
    toolName: str


class ToolInputDelta(_Chunk):
    type: Literal["tool-input-delta"]
    toolCallId: str
    inputTextDelta: str


class ToolInputAvailable(_Chunk):
    type: Literal["tool-input-available"]
    toolCallId: str
    toolName: str
    input: Any


class ToolOutputAvailable(_Chunk):
    type: Literal["tool-output-available"]
    toolCallId: str
    output: Any


class ToolOutputError(_Chunk):
    type: Literal["tool-output-error"]
    toolCallId: str
    errorText: str


class SourceUrl(_Chunk):
    type: Literal["source-url"]
    sourceId: str
    url: str
    title: str | None = None


class File(_Chunk):
    type: Literal["file"]
    url: str
    mediaType: str


class ErrorChunk(_Chunk):
    type: Literal["error"]
    errorText: str


class MessageMetadata(_Chunk):
    type: Literal["message-metadata"]
    messageMetadata: Any


class DataChunk(_Chunk):
    type: str = Field(pattern=r"^data-.+")
    data: Any
    id: str | None = None


UIChunk = Union[
    Start, Bare, Finish, TextLike, Delta, ToolInputStart, ToolInputDelta, ToolInputAvailable,
    ToolOutputAvailable, ToolOutputError, SourceUrl, File, ErrorChunk, MessageMetadata, DataChunk,
]
UI_CHUNK = TypeAdapter(UIChunk)

V5_TYPES = frozenset(
    {
        "start", "start-step", "finish-step", "finish", "abort", "text-start", "text-delta",
        "text-end", "reasoning-start", "reasoning-delta", "reasoning-end", "tool-input-start",
        "tool-input-delta", "tool-input-available", "tool-input-error", "tool-output-available",
        "tool-output-error", "source-url", "source-document", "file", "error", "message-metadata",
    }
)

# v4 data-stream codes and the JSON type each value must have (ai@4 parser rules).
V4_VALUE_TYPES: dict[str, type] = {
    "0": str, "g": str, "3": str,
    "2": list, "8": list,
    "9": dict, "a": dict, "b": dict, "c": dict, "d": dict, "e": dict, "f": dict,
    "h": dict, "i": dict, "j": dict, "k": dict,
}


class V4ToolCall(Open):
    toolCallId: str
    toolName: str
    args: dict[str, Any]


class V4Finish(Open):
    finishReason: Literal["stop", "length", "content-filter", "tool-calls", "error", "other", "unknown"]


class V4StartStep(Open):
    messageId: str


class V4ToolResult(Open):
    toolCallId: str
    result: Any


class V4ToolStart(Open):
    toolCallId: str
    toolName: str


class V4ToolDelta(Open):
    toolCallId: str
    argsTextDelta: str


class V4Source(Open):
    sourceType: Literal["url"]
    id: str
    url: str
    title: str | None = None


class V4File(Open):
    data: str
    mimeType: str


V4_MODELS: dict[str, type[BaseModel]] = {
    "9": V4ToolCall, "a": V4ToolResult, "b": V4ToolStart, "c": V4ToolDelta, "d": V4Finish,
    "e": V4Finish, "f": V4StartStep, "h": V4Source, "k": V4File,
}
