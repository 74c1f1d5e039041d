"""Classic Foundry agent / OpenAI Assistants objects and their Agents-API counterparts.

Legacy: `assistant`, `thread`, `thread.message`, message `list`, `thread.run`.
New: `agent.version` (with a `prompt` definition), `conversation`, conversation
message items and their `list`, `response`.
"""
from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import Field

from .base import Open

# --- legacy (input) --------------------------------------------------------------------


class LegacyAssistant(Open):
    id: str | None = None
    object: Literal["assistant"]
    name: str | None = None
    description: str | None = None
    model: str | None = None
    instructions: str | None = None
    tools: list[Open] | None = None
    tool_resources: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None
    temperature: float | None = None
    top_p: float | None = None
    response_format: Any = None
    created_at: int | float | None = None


class LegacyThread(Open):
    id: str | None = None
    object: Literal["thread"]
    created_at: int | float | None = None
    metadata: dict[str, Any] | None = None
    tool_resources: Any = None


class LegacyTextValue(Open):
    value: str
    annotations: list[Open] = []


class LegacyContent(Open):
    type: str


class LegacyThreadMessage(Open):
    id: str | None = None
    object: Literal["thread.message"]
    role: str
    content: list[LegacyContent]
    status: str | None = None


class LegacyMessageList(Open):
    object: Literal["list"]
    data: list[Union[LegacyThreadMessage, Open]]


class LegacyUsage(Open):
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None


class LegacyRun(Open):
    id: str | None = None
    object: Literal["thread.run"]
    status: str | None = None
    usage: LegacyUsage | None = None
    tools: list[Open] | None = None
    last_error: Open | None = None


# --- new (output) ----------------------------------------------------------------------


class PromptDefinition(Open):
    kind: Literal["prompt"]
    model: str
    instructions: str | None = None
    tools: list[Open] | None = None
    temperature: float | None = None
    top_p: float | None = None


class AgentVersion(Open):
    object: Literal["agent.version"]
    id: str
    name: str = Field(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
    version: str
    description: str | None = None
    created_at: int | float | None = None
    metadata: dict[str, str] = {}
    definition: PromptDefinition


class Conversation(Open):
    id: str | None = None
    object: Literal["conversation"]
    created_at: int | float | None = None
    metadata: dict[str, Any] = {}


class ItemContent(Open):
    type: Literal["input_text", "output_text", "input_image", "input_file", "refusal"]


class ConversationMessage(Open):
    type: Literal["message"]
    id: str | None = None
    role: Literal["user", "assistant", "system", "developer"]
    status: Literal["in_progress", "completed", "incomplete"]
    content: list[ItemContent]


class ConversationItemList(Open):
    object: Literal["list"]
    data: list[ConversationMessage]
    first_id: str | None = None
    last_id: str | None = None
    has_more: bool = False


class ResponseUsage(Open):
    input_tokens: int
    output_tokens: int
    total_tokens: int


class ResponseError(Open):
    code: str
    message: str


class Response(Open):
    id: str | None = None
    object: Literal["response"]
    status: Literal["queued", "in_progress", "completed", "failed", "incomplete", "cancelled"]
    model: str | None = None
    output: list[Open] = []
    usage: ResponseUsage | None = None
    error: ResponseError | None = None
    conversation: Open | None = None
