"""Rule runs_to_responses: a run on a thread becomes one response in a conversation.

Before:
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id)
After:
    run = openai_client.responses.create(
        conversation=thread.id,
        extra_body={"agent_reference": {"name": agent.name, "version": agent.version, "type": "agent_reference"}},
    )

`responses.create` returns when the response is done, so no polling is needed
(see polling_loops). `additional_instructions` and a run's own `instructions`
become developer messages in `input` (the agent's instructions still apply); `additional_messages` become input items; `max_completion_tokens`
becomes `max_output_tokens`. Run settings that belong to the agent (model,
instructions, tools, temperature, ...) and those with no counterpart
(`truncation_strategy`, `max_prompt_tokens`) stay as comments with a note.
`create_thread_and_process_run` / `create_thread_and_run` (and OpenAI
`threads.create_and_run[_poll]`) first create the conversation: the thread
options' messages become its items and their metadata its metadata (awaited
in async code); thread options that cannot be read, and fields a conversation
lacks (tool_resources), stay as TODO comments with a note.
`runs.get` / `runs.cancel` map to `responses.retrieve` / `responses.cancel`.
"""
from __future__ import annotations

import ast

from ..build import (
    agent_reference, is_awaited, items_from_messages, keep_unmapped, message_item, openai_for, parse_call,
    put_comments_above, rewrite_call,
)
from ..context import Context, keyword
from ..fragments import Arg
from ..registry import rule
from ..stream_events import StreamInfo

RULE = rule("runs_to_responses", "runs.create / create_and_process / create_and_poll -> responses.create")

CREATE_OPS = {
    ("agents", "runs.create"), ("agents", "runs.create_and_process"),
    ("agents", "create_thread_and_process_run"), ("agents", "create_thread_and_run"),
    ("openai", "threads.runs.create"), ("openai", "threads.runs.create_and_poll"),
    ("openai", "threads.create_and_run"), ("openai", "threads.create_and_run_poll"),
}
WITH_NEW_THREAD = {"create_thread_and_process_run", "create_thread_and_run", "threads.create_and_run",
                   "threads.create_and_run_poll", "threads.create_and_run_stream"}
AGENT_SETTING = "this run-level override has no place when an agent is referenced; set it in the agent's " \
    "definition (create a new version), or call responses.create with a model instead of an agent"
UNMAPPED = {
    "model": AGENT_SETTING,
    "instructions": AGENT_SETTING + " (for this response only: add a developer message to input)",
    "tools": AGENT_SETTING,
    "temperature": AGENT_SETTING,
    "top_p": AGENT_SETTING,
    "response_format": AGENT_SETTING + " (text=PromptAgentDefinitionTextOptions(format=...))",
    "tool_resources": "resources now live on the agent's tools",
    "toolset": "list the tools in the agent definition; run your functions from the response's "
    "function_call items",
    "truncation_strategy": "no counterpart; responses.create(truncation=\"auto\") drops the oldest items "
    "when the context overflows",
    "max_prompt_tokens": "no counterpart; limit the conversation yourself or use truncation=\"auto\"",
    "include": "responses take include=[...] with different values (for example "
    "\"file_search_call.results\")",
    "polling_interval": "responses.create returns when the response is done: nothing to poll",
    "event_handler": "streaming is done with responses.create(..., stream=True)",
    "**": "spell the arguments out: responses.create takes conversation, input, extra_body, ...",
    "body": "pass the fields as keyword arguments",
}
RENAMED = {"max_completion_tokens": "max_output_tokens"}
KEPT = {"tool_choice", "parallel_tool_calls", "metadata", "stream"}


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    target = ctx.resolve(node)
    if target is None:
        return
    if target.op in ("runs.get", "threads.runs.retrieve", "runs.cancel", "threads.runs.cancel", "runs.list",
                     "threads.runs.list"):
        return _other_run_call(node, ctx, target)
    if (target.surface, target.op) not in CREATE_OPS or not ctx.claim(node):
        return
    call = parse_call(ctx, node)
    if call is None:
        return
    ctx.note_assumption(target, node)
    client = openai_for(ctx, target, node)
    args, comments, conversation = response_arguments(ctx, node, target, call, client)
    put_comments_above(ctx, comments)
    rewrite_call(ctx, node, f"{client}.responses.create", args, call)
    stmt = ctx.statement
    streamed = any(a.keyword == "stream" and a.value == "True" for a in args)
    if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
        if streamed:  # OpenAI beta `runs.create(..., stream=True)`: the loop over it is noted by stream_loops
            ctx.streams[stmt.targets[0].id] = StreamInfo(None, None, target.is_async, node.lineno)
        else:
            ctx.converted_runs[stmt.targets[0].id] = conversation or ""
    if target.op.endswith(("create_and_process", "create_and_poll", "process_run", "run_poll")):
        ctx.note(node, "info", "responses.create returns when the response is complete: no polling needed.")



def response_arguments(ctx: Context, node: ast.Call, target, call, client: str) -> tuple[list[Arg], list[str], str | None]:
    """The arguments of `responses.create` for a legacy run call (shared with streaming).

    Returns the arguments, the TODO comments for what has no counterpart, and
    the conversation expression (None when no thread was given).
    """
    instructions = call.pop("instructions")
    comments = keep_unmapped(ctx, node, call, UNMAPPED)
    args: list[Arg] = []
    conversation = None
    if target.op in WITH_NEW_THREAD:
        conversation = _create_conversation_first(ctx, node, call, client, target.is_async or is_awaited(ctx, node))
        args.append(Arg("conversation", f"{conversation}.id"))
    else:
        thread = call.pop("thread_id") or (call.positional()[0] if call.positional() else None)
        if thread is not None and thread in call.args:
            call.args.remove(thread)
        if thread is None:
            ctx.note(node, "warning", "No thread was given: pass the conversation id as `conversation=`.")
        else:
            args.append(Arg("conversation", thread.value, thread.comments))
            conversation = thread.value
    inputs = []
    if instructions is not None:
        inputs.append(message_item('"developer"', instructions.value))
        ctx.note(node, "warning", "The run's own `instructions` became a developer message in `input`: the "
                 "agent's instructions still apply (before, these replaced them for this run), and the message "
                 "is stored in the conversation. To replace them for good, create a new agent version.")
    extra_messages = call.pop("additional_messages")
    if extra_messages is not None:
        items = items_from_messages(ctx, keyword(node, "additional_messages"), node)
        inputs.append(items[1:-1] if items else f"*{extra_messages.value}")
        ctx.note(node, "info", "`additional_messages` became input items; they are added to the conversation.")
        if items is None:
            ctx.note(node, "warning", f"`{extra_messages.value}` must hold input items "
                     "({\"type\": \"message\", \"role\": ..., \"content\": ...}); legacy message options are "
                     "not items.")
    extra = call.pop("additional_instructions")
    if extra is not None:
        inputs.append(message_item('"developer"', extra.value))
        ctx.note(node, "info", "`additional_instructions` became a developer message in `input`; unlike "
                 "before, it is stored in the conversation.")
    if inputs:
        args.append(Arg("input", "[" + ", ".join(inputs) + "]"))
    agent = call.pop("agent_id") or call.pop("assistant_id")
    agent_node = keyword(node, "agent_id") or keyword(node, "assistant_id")
    reference = agent_reference(ctx, agent_node, node)
    args.append(Arg("extra_body", reference, agent.comments if agent else []))
    for arg in list(call.args):
        if arg.keyword in RENAMED:
            args.append(Arg(RENAMED[arg.keyword], arg.value, arg.comments))
        elif arg.keyword in KEPT:
            args.append(arg)
            if arg.keyword == "tool_choice":
                ctx.note(node, "info", "tool_choice objects differ in the Responses API: "
                         "{\"type\": \"function\", \"name\": ...}.")
        elif arg.keyword is not None:
            comments += keep_unmapped(ctx, node, type(call)("", [arg], False), {arg.keyword: "unknown run option"})
    return args, comments, conversation


def _create_conversation_first(ctx: Context, node: ast.Call, call, client: str, is_async: bool = False) -> str:
    """Write `conversation = client.conversations.create(items=[...])` before the statement.

    The messages and metadata of the legacy `thread=` options carry over; what
    cannot be read stays as a TODO comment (async code awaits the new call).
    """
    name = "conversation"
    counter = 1
    while name in ctx.env or name in ctx.src.text:
        counter += 1
        name = f"conversation_{counter}"
    thread = call.pop("thread")
    thread_node = keyword(node, "thread")
    fields: dict[str, ast.AST] | None = None
    if isinstance(thread_node, ast.Call) and all(k.arg for k in thread_node.keywords) and not thread_node.args:
        fields = {k.arg: k.value for k in thread_node.keywords}  # type: ignore[misc]
    elif isinstance(thread_node, ast.Dict) and all(isinstance(k, ast.Constant) for k in thread_node.keys):
        fields = {k.value: v for k, v in zip(thread_node.keys, thread_node.values)}  # type: ignore[union-attr]
    args: list[str] = []
    comments: list[str] = []
    if thread is not None and fields is None:
        comments += keep_unmapped(ctx, node, type(call)("", [thread], False), {
            "thread": "could not read these thread options; pass their messages to "
            "conversations.create(items=[...]) and their metadata as metadata="})
    for field_name, value in (fields or {}).items():
        if field_name == "messages":
            items = items_from_messages(ctx, value, node)
            if items is None:
                items = ctx.text(value)
                ctx.note(node, "warning", f"`{items}` must hold conversation items "
                         "({\"type\": \"message\", \"role\": ..., \"content\": ...}); legacy message options are "
                         "not items.")
            args.append(f"items={items}")
        elif field_name == "metadata":
            args.append(f"metadata={ctx.text(value)}")
        else:
            advice = ("attach files and vector stores to the agent's tools" if field_name == "tool_resources"
                      else "a conversation has no such field")
            value_text = " ".join(ctx.text(value).split())
            comments.append(f"# TODO(migration): thread {field_name}={value_text} -- {advice}")
            ctx.note(node, "warning", f"`{field_name}` of the thread has no place on a conversation: {advice}.")
    awaited = "await " if is_async else ""
    line = f"{name} = {awaited}{client}.conversations.create({', '.join(args)})"
    if ctx.statement is not None:
        ctx.insert_before(ctx.statement, [*comments, line])
    ctx.note(node, "info", "The thread this call created is now a conversation created first.")
    return name


def _other_run_call(node: ast.Call, ctx: Context, target) -> None:
    if not ctx.claim(node):
        return
    call = parse_call(ctx, node)
    if call is None:
        return
    client = openai_for(ctx, target, node)
    if target.op.endswith("list"):
        ctx.note(node, "warning", "Responses are not listed per conversation; list the conversation's items "
                 "(conversations.items.list) or keep the response ids you create.")
        return
    run_id = call.pop("run_id") or (call.positional()[-1] if call.positional() else None)
    if run_id is None:
        return
    action = "retrieve" if target.op.endswith(("get", "retrieve")) else "cancel"
    rewrite_call(ctx, node, f"{client}.responses.{action}", [Arg(None, run_id.value)], call)
    if action == "cancel":
        ctx.note(node, "info", "Only responses created with background=True can be cancelled.")
