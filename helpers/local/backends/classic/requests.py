"""Request bodies of the classic protocol, as strict as the real service.

One model per body with every field either SDK sends (azure-ai-agents 1.1.0
and openai's `client.beta`); anything else is a 400 naming the field. Tool
definitions are checked per surface in `surface.check_tools`.
"""
from __future__ import annotations

from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Loose(BaseModel):
    # Nested option objects whose inner details the service passes through.
    model_config = ConfigDict(extra="allow")


class CodeInterpreterResources(Strict):
    file_ids: Optional[list[str]] = None
    data_sources: Optional[list[dict[str, Any]]] = None


class FileSearchResources(Strict):
    vector_store_ids: Optional[list[str]] = None
    vector_stores: Optional[list[dict[str, Any]]] = None


class ToolResources(Strict):
    code_interpreter: Optional[CodeInterpreterResources] = None
    file_search: Optional[FileSearchResources] = None
    azure_ai_search: Optional[dict[str, Any]] = None


Metadata = Optional[dict[str, str]]
ResponseFormat = Optional[Union[str, dict[str, Any]]]


class AssistantUpdate(Strict):
    model: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    instructions: Optional[str] = None
    tools: Optional[list[Any]] = None
    tool_resources: Optional[ToolResources] = None
    temperature: Optional[float] = None
    top_p: Optional[float] = None
    response_format: ResponseFormat = None
    reasoning_effort: Optional[str] = None
    metadata: Metadata = None


class AssistantCreate(AssistantUpdate):
    model: str


class Attachment(Strict):
    file_id: Optional[str] = None
    data_source: Optional[dict[str, Any]] = None
    tools: list[dict[str, Any]]


class MessageCreate(Strict):
    role: Literal["user", "assistant"]
    content: Union[str, list[dict[str, Any]]]
    attachments: Optional[list[Attachment]] = None
    metadata: Metadata = None


class MessageUpdate(Strict):
    metadata: Metadata = None


class ThreadCreate(Strict):
    messages: Optional[list[MessageCreate]] = None
    tool_resources: Optional[ToolResources] = None
    metadata: Metadata = None


class ThreadUpdate(Strict):
    tool_resources: Optional[ToolResources] = None
    metadata: Metadata = None


class RunOptions(Strict):
    assistant_id: str
    model: Optional[str] = None
    instructions: Optional[str] = None
    tools: Optional[list[Any]] = None
    tool_resources: Optional[ToolResources] = None
    temperature: Optional[float] = None
    top_p: Optional[float] = None
    max_prompt_tokens: Optional[int] = None
    max_completion_tokens: Optional[int] = None
    truncation_strategy: Optional[Loose] = None
    tool_choice: Optional[Union[str, dict[str, Any]]] = None
    response_format: ResponseFormat = None
    parallel_tool_calls: Optional[bool] = None
    reasoning_effort: Optional[str] = None
    metadata: Metadata = None
    stream: Optional[bool] = None


class RunCreate(RunOptions):
    additional_instructions: Optional[str] = None
    additional_messages: Optional[list[MessageCreate]] = None


class ThreadAndRunCreate(RunOptions):
    thread: Optional[ThreadCreate] = None


class RunUpdate(Strict):
    metadata: Metadata = None


class ToolOutput(Strict):
    tool_call_id: str
    output: str = ""


class SubmitToolOutputs(Strict):
    tool_outputs: list[ToolOutput]
    stream: Optional[bool] = None
