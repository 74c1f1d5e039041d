"""Langdock Assistants-API (legacy) and Agents-API (new) bodies.

Legacy request: `{assistantId | assistant, messages: [{role, content: str, attachmentIds?}],
stream?, output?, maxSteps?}`; legacy response `{result: [{id, role, content: [...]}], output?}`.
New request: `{agentId | agent, messages: [UIMessage {id, role, parts, metadata?}], ...}`;
new response shape 1 `{messages: [{id, role, content: str}], output?}` or shape 2, one
UIMessage `{id, role: "assistant", parts, output?}`.
"""
from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from .base import Open

# --- input (lenient: the rules report type problems with their JSON path) -------------


class LegacyMessageIn(Open):
    role: Any = None
    content: Any = None
    attachmentIds: Any = None
    id: Any = None
    parts: Any = None


class ChatRequestIn(Open):
    """A chat request in either format, or half converted."""

    messages: list[LegacyMessageIn]
    assistantId: Any = None
    assistant: Any = None
    agentId: Any = None
    agent: Any = None


class LegacyResultPart(Open):
    type: str


class LegacyResultMessage(Open):
    id: str | None = None
    role: str
    content: list[LegacyResultPart] | str


class ChatResponseIn(Open):
    result: list[LegacyResultMessage] | None = None
    messages: list[Open] | None = None


class AgentBodyIn(Open):
    """create/update/disable bodies and get/create/update responses (`assistant` wrapper)."""

    assistantId: Any = None
    agentId: Any = None


# --- output (the Agents-API contract a converted payload must meet) --------------------


class TextPart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["text"]
    text: str
    state: Literal["streaming", "done"] | None = None
    providerMetadata: dict[str, Any] | None = None


class FilePart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["file"]
    mediaType: str
    url: str
    filename: str | None = None
    providerMetadata: dict[str, Any] | None = None


class UIMessage(BaseModel):
    """A message the agent endpoint accepts: text and inline-file parts only."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(min_length=1)
    role: Literal["user", "assistant", "system", "tool"]
    parts: list[Union[TextPart, FilePart]]
    metadata: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _no_legacy_fields(self) -> "UIMessage":
        extra = set(self.model_extra or ()) & {"content", "attachmentIds"}
        if extra:
            raise ValueError(f"legacy fields left on a UIMessage: {sorted(extra)}")
        return self


class StructuredOutput(Open):
    type: Literal["object", "array", "enum"]
    schema_: dict[str, Any] | None = Field(default=None, alias="schema")
    enum: list[str] | None = None


class TemporaryAgent(Open):
    name: str
    instructions: str


class AgentChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    agentId: str | None = None
    agent: TemporaryAgent | None = None
    messages: list[UIMessage]
    stream: bool | None = None
    output: StructuredOutput | None = None
    maxSteps: int | None = Field(default=None, ge=1, le=20)
    imageResponseFormat: Literal["url", "b64_json"] | None = None

    @model_validator(mode="after")
    def _no_legacy_keys(self) -> "AgentChatRequest":
        extra = set(self.model_extra or ()) & {"assistantId", "assistant"}
        if extra:
            raise ValueError(f"legacy keys left on the request: {sorted(extra)}")
        return self


class ResponseMessage(Open):
    id: str
    role: Literal["assistant"]
    content: str


class AgentChatResponse(Open):
    """Shape 1, what the migration guide and Langdock's own code read."""

    messages: list[ResponseMessage]
    output: Any = None


class ToolUIPart(Open):
    type: str = Field(pattern=r"^tool-.+")
    toolCallId: str
    state: Literal["input-streaming", "input-available", "output-available", "output-error"]
    input: Any = None
    output: Any = None
    errorText: str | None = None


class StepStartPart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["step-start"]


class ReasoningPart(Open):
    type: Literal["reasoning"]
    text: str


class AgentUIMessageResponse(Open):
    """Shape 2, a single UIMessage as the API reference documents it."""

    id: str
    role: Literal["assistant"]
    parts: list[Union[TextPart, StepStartPart, ReasoningPart, FilePart, ToolUIPart]]
    output: Any = None


class MessagesArrayIn(RootModel[list[LegacyMessageIn]]):
    """A bare array of chat messages (what code often keeps in a variable)."""


# --- build endpoints (create / get / update / disable) ----------------------------------


class BuildFields(Open):
    """Fields of create and update bodies; the same names for both APIs."""

    name: str | None = Field(default=None, min_length=1, max_length=255)
    description: str | None = None
    emoji: str | None = None
    instruction: str | None = None
    inputType: Literal["PROMPT", "STRUCTURED"] | None = None
    model: str | None = None
    creativity: float | None = Field(default=None, ge=0, le=1)
    conversationStarters: list[str] | None = None
    actions: list[Open] | None = None
    inputFields: list[Open] | None = None
    attachments: list[str] | None = None
    webSearch: bool | None = None
    imageGeneration: bool | None = None
    dataAnalyst: bool | None = None
    canvas: bool | None = None
    extendedThinking: bool | None = None


class AgentCreateBody(BuildFields):
    name: str = Field(min_length=1, max_length=255)


class AssistantUpdateBody(BuildFields):
    assistantId: str


class AgentUpdateBody(BuildFields):
    agentId: str

    @model_validator(mode="after")
    def _no_legacy_key(self) -> "AgentUpdateBody":
        if "assistantId" in (self.model_extra or {}):
            raise ValueError("assistantId left on an Agents-API body")
        return self


class AgentDisableBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agentId: str
    disabled: bool


class AgentEnvelope(Open):
    """`{status, message?, agent: {...}}` from create/get/update of /agent/v1."""

    status: str
    message: str | None = None
    agent: dict[str, Any]

    @model_validator(mode="after")
    def _no_legacy_wrapper(self) -> "AgentEnvelope":
        if "assistant" in (self.model_extra or {}):
            raise ValueError("`assistant` wrapper left on an Agents-API response")
        return self
