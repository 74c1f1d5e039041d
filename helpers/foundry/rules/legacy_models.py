"""Rule legacy_models: enums and model classes of azure-ai-agents in the code around the calls.

Before:
    from azure.ai.agents.models import ListSortOrder, MessageRole, MessageTextContent, RunStatus
    if msg.role == MessageRole.AGENT and isinstance(part, MessageTextContent):
        print(part.text)
    if run.status == RunStatus.COMPLETED: ...
    content = [MessageInputTextBlock(text="What is this?"),
               MessageInputImageUrlBlock(image_url=MessageImageUrlParam(url=u, detail="high"))]
After:
    if msg.role == "assistant" and part.type in ("input_text", "output_text"):
        print(part.text)
    if run.status == "completed": ...
    content = [{"type": "input_text", "text": "What is this?"},
               {"type": "input_image", "image_url": u, "detail": "high"}]
    (an image parameter kept in a variable becomes the dict of its keys, spread into the part)

2.x answers are plain strings and dicts where 1.x had enums and models. Every
use of an azure.ai.agents name that is still in the converted code gets an
error note that says what to write instead (the finisher below), so no legacy
import is left silently.
"""
from __future__ import annotations

import ast

from ..build import message_item, role_value
from ..context import Context
from ..fragments import Arg
from ..leftovers import covered_spans, legacy_qualified, survives
from ..registry import rule

RULE = rule("legacy_models", "MessageRole / ListSortOrder / RunStatus / message content models -> strings and dicts")

ENUM_VALUES = {
    "MessageRole": {"USER": '"user"', "AGENT": '"assistant"', "ASSISTANT": '"assistant"'},
    "ListSortOrder": {"ASCENDING": '"asc"', "DESCENDING": '"desc"'},
    "RunStatus": {"QUEUED": '"queued"', "IN_PROGRESS": '"in_progress"', "COMPLETED": '"completed"',
                  "FAILED": '"failed"', "CANCELLED": '"cancelled"', "CANCELLING": '"in_progress"',
                  "INCOMPLETE": '"incomplete"'},
}
NO_STATUS = {"REQUIRES_ACTION": "a response never waits for tool outputs: look for `function_call` items in "
             "response.output", "EXPIRED": "responses do not expire: drop this case"}
PART_TYPES = {
    "MessageTextContent": '("input_text", "output_text")',
    "MessageInputTextBlock": '("input_text",)',
}
IMAGE_PARAMS = {"MessageImageUrlParam": "image_url", "MessageImageFileParam": "image_file"}

# What to write instead of each legacy name (the advice of the error notes).
INSTEAD = {
    "MessageTextContent": "a content part of a message item: `part.type == \"output_text\"` (answers) or "
    "\"input_text\" (user text); its `.text` is a str",
    "MessageImageFileContent": "images the code interpreter made come as `container_file_citation` annotations "
    "(download with openai_client.containers.files.content.retrieve)",
    "MessageRole": "the strings \"user\" and \"assistant\"",
    "ListSortOrder": "order=\"asc\" or order=\"desc\"",
    "RunStatus": "response status strings: \"completed\", \"failed\", \"in_progress\", \"cancelled\", \"queued\", "
    "\"incomplete\"",
    "ToolSet": "a plain list of azure.ai.projects.models tools in PromptAgentDefinition(tools=[...])",
    "AsyncToolSet": "a plain list of azure.ai.projects.models tools in PromptAgentDefinition(tools=[...])",
    "FunctionTool": "azure.ai.projects.models.FunctionTool(name=..., parameters={JSON schema}, description=...) "
    "for each function; your code runs the functions from `function_call` items",
    "AsyncFunctionTool": "azure.ai.projects.models.FunctionTool(name=..., parameters={JSON schema}) for each "
    "function; your code awaits the functions from `function_call` items",
    "ConnectedAgentTool": "a FunctionTool with one string parameter (`request`) in its place; 2.x has no "
    "connected agents, so answer its function calls by asking that agent (responses.create with its "
    "agent_reference) and send the output_text back, or use a workflow agent",
    "ResponseFormatJsonSchemaType": "PromptAgentDefinition(text=PromptAgentDefinitionTextOptions("
    "format=TextResponseFormatJsonSchema(name=..., schema=...)))",
    "ResponseFormatJsonSchema": "TextResponseFormatJsonSchema(name=..., schema=...) in "
    "PromptAgentDefinitionTextOptions(format=...)",
    "AgentsNamedToolChoice": "tool_choice={\"type\": \"function\", \"name\": ...} on responses.create",
    "AgentsNamedToolChoiceType": "tool_choice={\"type\": ...} on responses.create",
    "MessageAttachment": "a {\"type\": \"input_file\", \"file_id\": ...} content part, or the file on the agent's "
    "FileSearchTool (vector store) / CodeInterpreterTool (container)",
    "ThreadMessageOptions": "conversation items {\"type\": \"message\", \"role\": ..., \"content\": ...}",
    "MessageInputContentBlock": "content parts as dicts ({\"type\": \"input_text\", ...}); the type is "
    "openai.types.responses.ResponseInputContentParam",
    "MessageInputTextBlock": "{\"type\": \"input_text\", \"text\": ...}",
    "MessageInputImageUrlBlock": "{\"type\": \"input_image\", \"image_url\": url, \"detail\": \"auto\"}",
    "MessageInputImageFileBlock": "{\"type\": \"input_image\", \"file_id\": ..., \"detail\": \"auto\"}",
    "MessageImageUrlParam": "the `image_url` and `detail` keys of an input_image part",
    "MessageImageFileParam": "the `file_id` and `detail` keys of an input_image part",
    "MessageDeltaChunk": "stream events of type \"response.output_text.delta\": the text is `event.delta` (a str)",
    "MessageDeltaTextContent": "stream events of type \"response.output_text.delta\": the text is `event.delta`",
    "MessageDeltaTextUrlCitationAnnotation": "stream events of type \"response.output_text.annotation.added\" "
    "(`event.annotation` with `url` and `title`)",
    "AgentStreamEvent": "event.type strings such as \"response.output_text.delta\" and \"response.completed\"",
    "SubmitToolOutputsAction": "`function_call` items in response.output (name, arguments, call_id)",
    "RequiredFunctionToolCall": "a `function_call` item: item.name, item.arguments (JSON text), item.call_id",
    "ToolOutput": "{\"type\": \"function_call_output\", \"call_id\": ..., \"output\": ...} input items",
    "ThreadRun": "openai.types.responses.Response",
    "RunStep": "the items of response.output",
    "ThreadMessage": "a message item (openai.types.conversations.Message)",
    "AgentThread": "openai.types.conversations.Conversation",
    "Agent": "azure.ai.projects.models.AgentVersionDetails (from agents.create_version)",
    "AgentEventHandler": "a loop over responses.create(..., stream=True) that dispatches on event.type",
    "AsyncAgentEventHandler": "an `async for` loop over the stream that dispatches on event.type",
    "BaseAgentEventHandler": "a loop over responses.create(..., stream=True) that dispatches on event.type",
    "BaseAsyncAgentEventHandler": "an `async for` loop over the stream that dispatches on event.type",
    "VectorStoreDataSource": "upload the file with openai_client.files.create and add it with "
    "vector_stores.files.create (the OpenAI API takes no data-asset sources)",
    "VectorStoreDataSourceAssetType": "upload the file with openai_client.files.create (no asset types)",
    "FilePurpose": "purpose=\"assistants\" on openai_client.files.create",
    "AgentsClient": "azure.ai.projects.AIProjectClient(endpoint=..., credential=...)",
    "AzureFunctionTool": "azure.ai.projects.models.AzureFunctionTool(azure_function=AzureFunctionDefinition(...))",
    "AzureFunctionStorageQueue": "azure.ai.projects.models.AzureFunctionStorageQueue (same fields, new import)",
}
DEFAULT_INSTEAD = "its azure.ai.projects.models (agents, tools) or openai.types.responses (answers) counterpart"


@RULE.on(ast.Attribute)
def convert_enum(node: ast.Attribute, ctx: Context) -> None:
    name = legacy_qualified(ctx, node.value)
    values = ENUM_VALUES.get(name or "")
    if values is None:
        return
    if node.attr in values and ctx.claim(node):
        ctx.replace(node, values[node.attr])
        if node.attr == "CANCELLING":
            ctx.note(node, "info", "Responses have no \"cancelling\" status: a cancelled response is "
                     "\"in_progress\" until it is \"cancelled\".")
    elif node.attr in NO_STATUS and name == "RunStatus" and ctx.claim(node):
        ctx.note(node, "error", f"`RunStatus.{node.attr}` has no counterpart: {NO_STATUS[node.attr]}.")


@RULE.on(ast.Call)
def convert_call(node: ast.Call, ctx: Context) -> None:
    if isinstance(node.func, ast.Name) and node.func.id == "isinstance" and len(node.args) == 2:
        name = legacy_qualified(ctx, node.args[1])
        if name in PART_TYPES and ctx.claim(node):
            subject = ctx.text(node.args[0])
            ctx.replace(node, f"{subject}.type in {PART_TYPES[name]}")
        return
    name = legacy_qualified(ctx, node.func)
    if name in ("MessageInputTextBlock", "MessageInputImageUrlBlock", "MessageInputImageFileBlock"):
        part = _content_part(ctx, name, node)
        if part is not None and ctx.claim(node):
            ctx.replace(node, part)
    elif name == "ThreadMessageOptions":
        item = _message_item(ctx, node)
        if item is not None and ctx.claim(node):
            ctx.replace(node, item)
    elif name in IMAGE_PARAMS:
        fields = _image_fields(ctx, name, node)
        if fields is not None and ctx.claim(node):
            ctx.replace(node, "{" + fields + "}")


@RULE.on(ast.Subscript)
def convert_annotation(node: ast.Subscript, ctx: Context) -> None:
    """`List[MessageInputContentBlock]` -> `List[dict]`: content parts are dicts now."""
    if legacy_qualified(ctx, node.slice) == "MessageInputContentBlock" and ctx.claim(node.slice):
        ctx.replace(node.slice, "dict")


def _message_item(ctx: Context, node: ast.Call) -> str | None:
    """`ThreadMessageOptions(role=..., content=...)` -> a conversation item dict."""
    fields = {k.arg: k.value for k in node.keywords}
    if node.args or None in fields or "content" not in fields or set(fields) - {"role", "content"}:
        return None
    role = role_value(ctx, Arg("role", ctx.text(fields["role"])) if "role" in fields else None)
    return message_item(role, ctx.text(fields["content"]))


def _image_fields(ctx: Context, name: str, node: ast.Call) -> str | None:
    """`MessageImageUrlParam(url=u, detail=d)` -> `"image_url": u, "detail": d` (the keys of an input_image)."""
    if node.args or not all(k.arg for k in node.keywords):
        return None
    inner = {k.arg: ctx.text(k.value) for k in node.keywords}
    source = "url" if name == "MessageImageUrlParam" else "file_id"
    if source not in inner or set(inner) - {source, "detail"}:
        return None
    key = "image_url" if source == "url" else "file_id"
    fields = f'"{key}": {inner[source]}'
    return fields + (f', "detail": {inner["detail"]}' if "detail" in inner else "")


def _content_part(ctx: Context, name: str, node: ast.Call) -> str | None:
    """A legacy content block as an input content dict, or None when its arguments cannot be read."""
    if node.args or any(k.arg is None for k in node.keywords):
        return None
    fields = {k.arg: k.value for k in node.keywords}
    if name == "MessageInputTextBlock":
        if set(fields) != {"text"}:
            return None
        return f'{{"type": "input_text", "text": {ctx.text(fields["text"])}}}'
    key = "image_url" if name == "MessageInputImageUrlBlock" else "image_file"
    if set(fields) != {key}:
        return None
    param = fields[key]
    if isinstance(param, ast.Call) and legacy_qualified(ctx, param.func) in IMAGE_PARAMS:
        inner = _image_fields(ctx, legacy_qualified(ctx, param.func), param)  # type: ignore[arg-type]
        return None if inner is None else f'{{"type": "input_image", {inner}}}'
    # a variable that holds the image parameter, now the dict of its keys
    return f'{{"type": "input_image", **{ctx.text(param)}}}'


@RULE.after
def note_remaining(output: str, tree: ast.Module, ctx: Context) -> None:
    """An error note on every use of an azure.ai.agents name that is still in the output."""
    still = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("azure.ai.agents"):
            still.update(a.asname or a.name for a in node.names)
    # the finishers see the output before unused imports are dropped: a name used only by its import goes
    still = {name for name in still if output.count(name) > 1}
    if not still:
        return
    spans = covered_spans(ctx)
    # a rule that left the name in place has said what to write there already
    seen: set[tuple[int, str]] = {(n.line, n.column) for n in ctx.notes if n.severity == "error"}
    for node in ast.walk(ctx.tree):
        if not (isinstance(node, ast.Name) and node.id in still and isinstance(node.ctx, ast.Load)):
            continue
        name = legacy_qualified(ctx, node)
        if name is None or (node.lineno, node.id) in seen or (node.lineno, node.col_offset + 1) in seen \
                or not survives(ctx, node, spans):
            continue
        seen.add((node.lineno, node.id))
        ctx.note(node, "error", f"`{node.id}` is a legacy azure-ai-agents name with no place in 2.x; "
                 f"write {INSTEAD.get(name, DEFAULT_INSTEAD)}.")
