"""The Responses API as the OpenAI client calls it (`client.responses`), with
Foundry's agent reference.

    POST   /responses                   create (non-streaming or `stream=True`)
    GET    /responses/{id}              retrieve
    DELETE /responses/{id}              delete
    GET    /responses/{id}/input_items  input_items.list

A response runs an agent (`extra_body={"agent_reference": {"name",
"version"?, "type": "agent_reference"}}`, or the agent of the per-agent
endpoint `/agents/{name}/endpoint/protocols/openai`) or a plain `model`. Its
context is the conversation's items (`conversation`), or the chain of earlier
responses (`previous_response_id`), plus `input`; `function_call_output`
inputs answer the function calls found there. The answer comes from the
stand-in model (../model.py); with a conversation, input and output items
are appended to it.

Strict like the real service: the body may carry only the fields the openai
SDK sends plus `agent_reference` (the guide's `extra_body={"agent": ...}` is
a 400 "Unknown parameter: 'agent'."), with the right types; an unknown agent,
conversation or response is refused.
"""
from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

from .. import model as stand_in
from ..bodies import parse, read
from ..errors import ServiceError, bad_request
from ..ids import new_id
from ..paging import page
from . import agents_v2, conversations, response_items, response_output, response_stream
from .agent_definitions import check_tools

MOUNTS = conversations.MOUNTS
RESPONSE = "response"


class AgentReference(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    type: Literal["agent_reference"]
    name: str
    version: str | None = None


class ConversationRef(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    id: str


class ResponseCreate(BaseModel):
    """Every field openai's `responses.create` sends (its ResponseCreateParams), plus Foundry's agent_reference."""
    model_config = ConfigDict(extra="forbid", strict=True)
    agent_reference: AgentReference | None = None
    structured_inputs: dict[str, Any] | None = None  # Foundry: values for the agent's `{{name}}` placeholders
    model: str | None = None
    # Unions are checked by `_check_unions`, so the 400 names the field and not a union member.
    input: Any = None
    conversation: Any = None
    previous_response_id: str | None = None
    instructions: str | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: Any = None
    stream: bool | None = None
    stream_options: dict[str, Any] | None = None
    metadata: dict[str, str] | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_logprobs: int | None = None
    max_output_tokens: int | None = None
    max_tool_calls: int | None = None
    parallel_tool_calls: bool | None = None
    store: bool | None = None
    background: bool | None = None
    include: list[str] | None = None
    text: dict[str, Any] | None = None
    reasoning: dict[str, Any] | None = None
    truncation: Literal["auto", "disabled"] | None = None
    user: str | None = None
    safety_identifier: str | None = None
    service_tier: str | None = None
    prompt: dict[str, Any] | None = None
    prompt_cache_key: str | None = None
    prompt_cache_retention: Literal["in_memory", "24h"] | None = None
    prompt_cache_options: dict[str, Any] | None = None
    access_programs: dict[str, Any] | None = None
    background_options: dict[str, Any] | None = None
    context_management: list[dict[str, Any]] | None = None
    image: dict[str, Any] | None = None
    moderation: dict[str, Any] | None = None


_JSON_TYPES = {str: "a string", list: "an array", dict: "an object", int: "an integer", float: "a number",
               bool: "a boolean", type(None): "null"}


def _check_unions(body: ResponseCreate) -> None:
    for param, allowed in (("input", (str, list)), ("conversation", (str, dict)), ("tool_choice", (str, dict))):
        value = getattr(body, param)
        if value is not None and not isinstance(value, allowed):
            wanted = " or ".join(_JSON_TYPES[t] for t in allowed)
            got = _JSON_TYPES.get(type(value), "another type")
            raise bad_request(f"Invalid type for '{param}': expected {wanted}, but got {got} instead.",
                              param=param, code="invalid_type")
    if isinstance(body.conversation, dict):
        body.conversation = parse(ConversationRef, body.conversation)


def normalized_tools(tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tools as a Response lists them (a code interpreter always names its container)."""
    result = []
    for tool in tools:
        tool = dict(tool)
        if tool["type"] == "code_interpreter":
            tool.setdefault("container", {"type": "auto", "file_ids": []})
        if tool["type"] == "function":
            tool.setdefault("strict", True)
            tool.setdefault("parameters", {})
        result.append(tool)
    return result


def searchable_files(store, tools: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(file id, filename, text) of the files in the file_search tools' vector stores."""
    files = []
    for tool in tools:
        if tool.get("type") != "file_search":
            continue
        for store_id in tool.get("vector_store_ids") or []:
            for entry in store.list("vector_store_file", parent=store_id):
                file = store.get("file", entry["id"]) or {}
                data = store.get_blob(entry["id"]) or b""
                files.append((entry["id"], file.get("filename", entry["id"]), data.decode("utf-8", "replace")))
    return files


def fill_structured_inputs(definition: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """The definition with `{{name}}` replaced by the request's structured inputs (or their defaults)."""
    declared = definition.get("structured_inputs") or {}
    for name in values:
        if name not in declared:
            raise bad_request(f"Unknown structured input '{name}'.", param=f"structured_inputs.{name}",
                              code="unknown_parameter")
    filled = dict(values)
    for name, spec in declared.items():
        if name not in filled and "default_value" in spec:
            filled[name] = spec["default_value"]
        if name not in filled and spec.get("required"):
            raise bad_request(f"Missing required structured input '{name}'.", param=f"structured_inputs.{name}",
                              code="missing_required_parameter")

    def fill(value):
        if isinstance(value, str):
            whole = re.fullmatch(r"\{\{(\w+)\}\}", value)
            if whole and whole.group(1) in filled:
                return filled[whole.group(1)]
            return re.sub(r"\{\{(\w+)\}\}", lambda m: str(filled.get(m.group(1), m.group(0))), value)
        if isinstance(value, list):
            return [fill(v) for v in value]
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        return value

    return {key: (value if key == "structured_inputs" else fill(value)) for key, value in definition.items()}


def _agent(store, body: ResponseCreate, path_agent: str | None) -> dict[str, Any] | None:
    try:
        if body.agent_reference is not None:
            return agents_v2.resolve(store, body.agent_reference.name, body.agent_reference.version)
        if path_agent is not None:
            return agents_v2.resolve(store, path_agent)
    except ServiceError as error:
        error.param = "agent_reference" if body.agent_reference is not None else "agent_name"
        raise
    return None


def _context(store, body: ResponseCreate) -> tuple[str | None, list[dict[str, Any]]]:
    """(conversation id, the items before this response's input)."""
    if body.conversation is not None and body.previous_response_id is not None:
        raise bad_request("Mutually exclusive parameters: Ensure you are only providing one of: "
                          "'previous_response_id' or 'conversation'.", param=None,
                          code="mutually_exclusive_parameters")
    if body.conversation is not None:
        conversation_id = body.conversation if isinstance(body.conversation, str) else body.conversation.id
        found = store.get(conversations.CONVERSATION, conversation_id)
        if found is None:
            error = conversations.conversation_not_found(conversation_id)
            error.param = "conversation"
            raise error
        return conversation_id, conversations.history(store, conversation_id)
    if body.previous_response_id is not None:
        previous = store.get(RESPONSE, body.previous_response_id)
        if previous is None:
            raise bad_request(f"Previous response with id '{body.previous_response_id}' not found.",
                              param="previous_response_id", code="previous_response_not_found")
        return None, previous["context"]
    return None, []


def _input(store, raw: str | list[Any] | None) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [response_items.stored_item(response_items.MessageIn(role="user", content=raw))]
    return conversations.new_items(store, raw, "input")


def create_response(store, body: ResponseCreate, path_agent: str | None) -> dict[str, Any]:
    _check_unions(body)
    agent = _agent(store, body, path_agent)
    definition = fill_structured_inputs(agent["definition"], body.structured_inputs or {}) if agent else {}
    if definition and definition.get("kind") != "prompt":
        # Hosted, workflow, external and voice agents run code or graphs the stand-in model cannot.
        raise ServiceError(400, f"The local service runs prompt agents only; agent '{agent['name']}' is a "
                                f"'{definition.get('kind')}' agent.", param="agent_reference",
                           code="unsupported_agent_kind")
    model_name = body.model or definition.get("model")
    if not model_name:
        raise bad_request("Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
    check_tools(body.tools or [], "tools")
    tools = normalized_tools((definition.get("tools") or []) + (body.tools or []))
    instructions = body.instructions if body.instructions is not None else definition.get("instructions")
    conversation_id, history = _context(store, body)
    new_items = _input(store, body.input)
    if not history and not new_items:
        raise bad_request("Missing required parameter: 'input'.", param="input", code="missing_required_parameter")
    outputs = response_items.tool_outputs(history, new_items or response_items.trailing_outputs(history))
    context = history + new_items
    text_format = ((body.text or definition.get("text") or {}).get("format") or {})
    reply = stand_in.reply(response_items.turns(context, instructions), tools, tool_outputs=outputs,
                           files=searchable_files(store, tools),
                           json_schema=text_format.get("schema") if text_format.get("type") == "json_schema" else None)
    turns = [t for t in response_items.turns(context) if t.role == "user"]
    output = response_output.output_items(store, reply, query=turns[-1].text if turns else "")
    if "file_search_call.results" in (body.include or []):
        response_output.search_results(store, output, reply)
    request = body.model_dump(exclude_none=True)
    response = response_output.response_body(
        id=new_id("resp"), model=model_name, output=output, request=request, tools=tools,
        instructions=instructions, conversation=conversation_id,
        input_text=" ".join(response_items.text_of(i) for i in new_items))
    if body.store is not False:  # `store=False`: answered, but neither retrievable nor chainable
        store.insert(RESPONSE, response["id"], {"response": response, "input": new_items, "context": context + output})
    if conversation_id is not None:
        conversations.append(store, conversation_id, new_items + output)
    return response


async def create(request: Request):
    store = request.app.state.store
    body = await read(request, ResponseCreate)
    response = create_response(store, body, request.path_params.get("agent_name"))
    if body.stream:
        return StreamingResponse(response_stream.sse(response), media_type="text/event-stream")
    return JSONResponse(response)


def _stored(store, id: str) -> dict[str, Any]:
    found = store.get(RESPONSE, id)
    if found is None:
        raise ServiceError(404, f"Response with id '{id}' not found.", param="response_id", code=None)
    return found


async def retrieve(request: Request) -> JSONResponse:
    return JSONResponse(_stored(request.app.state.store, request.path_params["response_id"])["response"])


async def delete(request: Request) -> JSONResponse:
    store = request.app.state.store
    response_id = request.path_params["response_id"]
    _stored(store, response_id)
    store.delete(RESPONSE, response_id)
    return JSONResponse({"id": response_id, "object": "response.deleted", "deleted": True})


async def input_items(request: Request) -> JSONResponse:
    stored = _stored(request.app.state.store, request.path_params["response_id"])
    return JSONResponse(page(stored["input"], request.query_params))


def routes() -> list[Route]:
    return [
        Route("/responses", create, methods=["POST"]),
        Route("/responses/{response_id}", retrieve, methods=["GET"]),
        Route("/responses/{response_id}", delete, methods=["DELETE"]),
        Route("/responses/{response_id}/input_items", input_items, methods=["GET"]),
    ]
