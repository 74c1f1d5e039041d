"""`POST /assistant/v1/chat/completions` and `POST /agent/v1/chat/completions`.

Legacy (reference 2.2-2.4): `assistantId` or a temporary `assistant`,
messages `{role, content: str, attachmentIds?}`; answers `{"result": [...]}`
or, with `stream: true`, the guide's SSE (`{"type":"message"}` ... `done`).
Agents API (3.2-3.5): `agentId` or a temporary `agent`, AI SDK 5 UI messages
`{id, role, parts, metadata?: {attachments}}`; answers `{"messages": [...]}`
or streams (see `langdock_stream`).

The non-streaming agent answer is shape 1 of the reference (`messages[].content`,
a string: what the guide, Langdock's cookbook and our converter read); each
message also carries its `parts`, so readers of the reference's UIMessage
shape find them on `messages[-1].parts`.

Request bodies: the agent side uses the project's `AgentChatRequest` and
`UIMessage`, tightened here where the reference is stricter (UUIDs, limits,
exactly one of `agentId`/`agent`) and widened where it is too narrow
(assistant messages sent back by `useChat` carry step, reasoning and tool
parts). Unknown top-level fields are ignored, as Langdock's validator strips
them; the other generation's fields are refused.
"""
from __future__ import annotations

import uuid
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ...payloads.models.langdock import (
    AgentChatRequest, FilePart, ReasoningPart, StepStartPart, StructuredOutput, TemporaryAgent, TextPart,
    ToolUIPart, UIMessage,
)
from .. import model as stand_in
from ..bodies import json_body
from ..ids import new_id
from . import langdock_stream as streams
from .langdock_agents import MODELS, find, live_config
from .langdock_common import AGENTS, LEGACY, Generation, generation, message_error, parse

CHAT_KIND = "langdock_chat"


class Capabilities(BaseModel):
    model_config = ConfigDict(extra="forbid")
    webSearch: bool | None = None
    dataAnalyst: bool | None = None   # deprecated and ignored by Langdock
    imageGeneration: bool | None = None


class TemporaryConfig(TemporaryAgent):
    """The temporary `assistant` / `agent` object (same fields in both generations)."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=64)
    instructions: str = Field(max_length=16384)
    description: str | None = Field(default=None, max_length=256)
    temperature: float | None = Field(default=None, ge=0, le=1)
    model: str | None = Field(default=None, max_length=64)
    capabilities: Capabilities | None = None
    actions: list[dict[str, Any]] | None = None
    vectorDb: list[dict[str, Any]] | None = None
    knowledgeFolderIds: list[uuid.UUID] | None = None
    attachmentIds: list[uuid.UUID] | None = None


class LegacyMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # `system` is not in the schema, but real clients send it and get answers.
    role: Literal["user", "assistant", "tool", "system"]
    content: str
    attachmentIds: list[uuid.UUID] | None = None


class LegacyChatBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    assistantId: str | None = None
    assistant: TemporaryConfig | None = None
    messages: list[LegacyMessage] = Field(min_length=1)
    stream: StrictBool = False
    output: StructuredOutput | None = None
    maxSteps: StrictInt | None = Field(default=None, ge=1, le=20)


class SourcePart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: Literal["source-url", "source-document"]
    sourceId: str


USER_PARTS = (TextPart, FilePart)


class AgentMessage(UIMessage):
    """A UI message as `useChat` sends it: user messages with text and inline files,
    assistant messages with whatever the agent answered before."""

    parts: list[Union[TextPart, FilePart, StepStartPart, ReasoningPart, ToolUIPart, SourcePart]]

    @model_validator(mode="after")
    def _user_parts(self) -> "AgentMessage":
        if self.role != "assistant" and not all(isinstance(p, USER_PARTS) for p in self.parts):
            raise ValueError("only text and file parts can be sent in a user message")
        attachments = (self.metadata or {}).get("attachments")
        if attachments is not None:
            if not isinstance(attachments, list):
                raise ValueError("metadata.attachments must be a list of attachment ids")
            for value in attachments:
                uuid.UUID(str(value))  # ValueError: not a UUID
        return self


class AgentChatBody(AgentChatRequest):
    agent: TemporaryConfig | None = None
    messages: list[AgentMessage] = Field(min_length=1)
    # JSON has no "yes" for true: Langdock's validator refuses what pydantic would coerce.
    stream: StrictBool | None = None
    maxSteps: StrictInt | None = Field(default=None, ge=1, le=20)


def _target(body: BaseModel, gen: Generation) -> tuple[str | None, Any]:
    """The stored agent id or the temporary config; exactly one must be given."""
    agent_id, temporary = getattr(body, gen.id_key), getattr(body, gen.wrapper)
    if (agent_id is None) == (temporary is None):
        raise message_error(400, f"Provide exactly one of `{gen.id_key}` or `{gen.wrapper}`.")
    return agent_id, temporary


def _refuse_other_generation(body: dict[str, Any], gen: Generation) -> None:
    other = AGENTS if gen.legacy else LEGACY
    mixed = [key for key in (other.id_key, other.wrapper) if key in body]
    if mixed:
        raise message_error(400, f"`{mixed[0]}` belongs to {other.prefix}/chat/completions; "
                                 f"{gen.prefix}/chat/completions takes `{gen.id_key}` or `{gen.wrapper}`.")


def _instructions_and_model(request: Request, gen: Generation, agent_id: str | None,
                            temporary: TemporaryConfig | None) -> tuple[str, str]:
    if temporary is not None:
        chosen = temporary.model or MODELS[0]
        if chosen not in MODELS:
            raise message_error(400, f"Model '{chosen}' is not available in this workspace (see GET /models).")
        return temporary.instructions, chosen
    record = find(request, gen, agent_id)
    if record["disabled"]:
        raise message_error(403, f"{gen.noun} {agent_id} is disabled.")
    config = live_config(record)
    return config["instruction"], config["model"]


def _turns(gen: Generation, instructions: str, messages: list) -> list[stand_in.Turn]:
    turns = [stand_in.Turn("system", instructions)] if instructions else []
    for message in messages:
        if message.role == "tool":
            continue
        if gen.legacy:
            text = message.content
        else:
            text = "".join(p.text for p in message.parts if isinstance(p, TextPart))
        turns.append(stand_in.Turn(message.role, text))
    return turns


def _structured(output: StructuredOutput, text: str) -> Any:
    """A value of the requested shape (enum: its first value)."""
    if output.type == "enum":
        return output.enum[0]
    schema = output.schema_ or {}
    return [_value(schema, text)] if output.type == "array" else _value(schema or {"type": "object"}, text)


def _value(schema: dict[str, Any], text: str) -> Any:
    kind = schema.get("type")
    if schema.get("enum"):
        return schema["enum"][0]
    if kind == "array":
        return [_value(schema.get("items") or {}, text)]
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return True
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        return {name: _value(sub, text) for name, sub in properties.items()} or {"answer": text}
    return text


async def chat(request: Request) -> Response:
    gen = generation(request)
    raw = await json_body(request)
    _refuse_other_generation(raw, gen)
    body = parse(LegacyChatBody if gen.legacy else AgentChatBody, raw)
    if body.output is not None and body.output.type == "enum" and not body.output.enum:
        raise message_error(400, "output.enum is required when output.type is 'enum'.")
    agent_id, temporary = _target(body, gen)
    instructions, model_name = _instructions_and_model(request, gen, agent_id, temporary)
    answer = stand_in.reply(_turns(gen, instructions, body.messages)).text or ""
    message_id = new_id("msg")
    fmt = streams.choose_format(request, gen) if body.stream else "json"
    request.app.state.store.insert(CHAT_KIND, new_id("chat"), {
        "generation": gen.wrapper, "agentId": agent_id, "temporary": temporary is not None,
        "format": fmt, "messages": len(body.messages), "answer": answer,
    }, parent=agent_id)
    if body.stream:
        return streams.respond(fmt, answer, message_id, model_name)
    structured = {"output": _structured(body.output, answer)} if body.output is not None else {}
    if gen.legacy:
        result = [{"id": message_id, "role": "assistant", "content": [{"type": "text", "text": answer}]}]
        return JSONResponse({"result": result, **structured})
    message = {"id": message_id, "role": "assistant", "content": answer, "parts": [{"type": "text", "text": answer}]}
    return JSONResponse({"messages": [message], **structured})


def routes() -> list[Route]:
    return [Route("/chat/completions", chat, methods=["POST"])]

