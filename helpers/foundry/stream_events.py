"""Legacy streaming callbacks and event kinds, and the Responses stream events that replace them.

Shared by rules/event_handlers.py (the handler class), rules/streaming.py (the
stream call) and rules/stream_loops.py (the loop that consumes the stream).

The new stream yields one event object per server event; `event.type` tells
what it is ("response.output_text.delta" carries the text in `event.delta`,
"response.output_item.added"/"done" carry an output item in `event.item`,
"error" carries `event.message`, "response.failed" carries `event.response`).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

# Base classes of legacy handlers, by the last part of their name -> flavour.
HANDLER_BASES = {
    "AgentEventHandler": "agents",
    "AsyncAgentEventHandler": "agents",
    "AssistantEventHandler": "openai",
    "AsyncAssistantEventHandler": "openai",
}
HANDLER_MODULES = ("azure.ai.agents", "azure.ai.projects", "openai")

TEXT_DELTA = 'event.type == "response.output_text.delta"'
ANY_MESSAGE = 'event.type in ("response.output_item.added", "response.output_item.done") and event.item.type == "message"'


# Attributes of the values the loop passes (openai.types.responses; tests check them
# against the installed models). A string has no data attributes.
STR: frozenset[str] = frozenset(n for n in dir(str) if not n.startswith("_"))
MESSAGE = frozenset({"id", "content", "role", "status", "type", "phase"})
OUTPUT_TEXT = frozenset({"text", "annotations", "logprobs", "type"})
ARGUMENTS_DELTA = frozenset({"delta", "item_id", "output_index", "sequence_number", "type"})


@dataclass(frozen=True)
class Branch:
    condition: str  # written with the name `event`
    args: tuple[str, ...]


@dataclass(frozen=True)
class Callback:
    """Where a legacy callback is called from in the new event loop.

    branches: the `if` tests that call it; `after`: called once after the loop.
    renames: for each parameter position, legacy attribute -> new attribute
    ("" means the parameter itself now holds the value).
    annotations: new annotation text per parameter position (and its import).
    """

    branches: tuple[Branch, ...] = ()
    after: bool = False
    otherwise: bool = False  # called from the final `else`
    first: bool = False  # called for every event, before the others
    renames: dict[int, dict[str, str]] = field(default_factory=dict)
    annotations: dict[int, str] = field(default_factory=dict)
    fields: dict[int, frozenset[str]] = field(default_factory=dict)  # attributes the new value has
    advice: str = ""  # shown as a note on the method line


MAPPED: dict[str, dict[str, Callback]] = {
    "agents": {
        "on_message_delta": Callback(
            (Branch(TEXT_DELTA, ("event.delta",)),), renames={0: {"text": ""}}, annotations={0: "str"},
            fields={0: STR},
            advice="now receives the text delta as a string"),
        "on_thread_message": Callback(
            (Branch(ANY_MESSAGE, ("event.item",)),), annotations={0: "ResponseOutputMessage"}, fields={0: MESSAGE},
            advice="now receives the message output item (id, status, role, content; text parts carry "
            "`.text` directly)"),
        "on_error": Callback((
            Branch('event.type == "error"', ("event.message",)),
            Branch('event.type == "response.failed"', ("str(event.response.error)",)),
        ), advice="is now called for \"error\" events and for a failed response"),
        "on_done": Callback(after=True, advice="is now called once the loop has read the whole stream"),
        "on_unhandled_event": Callback(otherwise=True, advice="now receives `event.type` and the event object"),
    },
    "openai": {
        "on_event": Callback(first=True, advice="now receives every Responses stream event: test `event.type`, "
                             "not `event.event`; there is no `event.data`"),
        "on_text_created": Callback(
            (Branch('event.type == "response.content_part.added" and event.part.type == "output_text"',
                    ("event.part",)),), renames={0: {"value": "text"}}, annotations={0: "ResponseOutputText"},
            fields={0: OUTPUT_TEXT},
            advice="now receives the new output_text part (its text is `.text`)"),
        "on_text_delta": Callback(
            (Branch(TEXT_DELTA, ("event.delta",)),), renames={0: {"value": ""}}, annotations={0: "str"},
            fields={0: STR},
            advice="now receives the text delta as a string; the snapshot is not passed"),
        "on_text_done": Callback(
            (Branch('event.type == "response.output_text.done"', ("event.text",)),), renames={0: {"value": ""}},
            annotations={0: "str"}, fields={0: STR}, advice="now receives the whole text as a string"),
        "on_message_created": Callback(
            (Branch('event.type == "response.output_item.added" and event.item.type == "message"', ("event.item",)),),
            annotations={0: "ResponseOutputMessage"}, fields={0: MESSAGE},
            advice="now receives the message output item"),
        "on_message_done": Callback(
            (Branch('event.type == "response.output_item.done" and event.item.type == "message"', ("event.item",)),),
            annotations={0: "ResponseOutputMessage"}, fields={0: MESSAGE},
            advice="now receives the finished message output item"),
        "on_tool_call_created": Callback(
            (Branch('event.type == "response.output_item.added" and event.item.type != "message"', ("event.item",)),),
            renames={0: {"function": ""}}, annotations={0: "ResponseOutputItem"},
            advice="now receives the tool call output item: its type is \"function_call\", \"file_search_call\", "
            "\"code_interpreter_call\", ... and a function call carries `.name` and `.arguments` itself"),
        "on_tool_call_delta": Callback(
            (Branch('event.type == "response.function_call_arguments.delta"', ("event",)),),
            annotations={0: "ResponseFunctionCallArgumentsDeltaEvent"}, fields={0: ARGUMENTS_DELTA},
            advice="now receives the function-call arguments delta event (`.delta` text, `.item_id`); "
            "code interpreter code arrives as \"response.code_interpreter_call_code.delta\" events"),
        "on_tool_call_done": Callback(
            (Branch('event.type == "response.output_item.done" and event.item.type != "message"', ("event.item",)),),
            renames={0: {"function": ""}}, annotations={0: "ResponseOutputItem"},
            advice="now receives the finished tool call output item"),
        "on_end": Callback(after=True, advice="is now called once the loop has read the whole stream"),
    },
}

UNMAPPED: dict[str, str] = {
    "on_thread_run": "run status events have no counterpart; the lifecycle events \"response.created\", "
    "\"response.in_progress\", \"response.completed\" and \"response.failed\" carry `event.response` with its "
    "status (there is no requires_action: function calls arrive as output items)",
    "on_run_step": "run steps have no counterpart; each tool call or message is an output item "
    "(\"response.output_item.added\" / \"done\")",
    "on_run_step_delta": "run step deltas have no counterpart; tool-call progress arrives as events such as "
    "\"response.function_call_arguments.delta\"",
    "on_run_step_created": "run steps have no counterpart; each tool call or message is an output item "
    "(\"response.output_item.added\")",
    "on_run_step_done": "run steps have no counterpart; use \"response.output_item.done\"",
    "on_message_delta": "message deltas are text deltas now: \"response.output_text.delta\" (see on_text_delta)",
    "on_exception": "exceptions are raised from the loop; wrap it in try/except",
    "on_timeout": "a timeout raises openai.APITimeoutError from the loop; wrap it in try/except",
    "on_image_file_done": "images arrive as output items (for example image_generation_call)",
}

ANNOTATION_MODULE = "openai.types.responses"

# Iteration form: `isinstance(event_data, Kind)` -> (condition, value of event_data, attribute renames)
ITERATION_KINDS: dict[str, tuple[str, str, dict[str, str]]] = {
    "MessageDeltaChunk": (TEXT_DELTA, "event.delta", {"text": ""}),
    "ThreadMessage": (ANY_MESSAGE, "event.item", {}),
}
# A legacy message delta had parts (`delta.delta.content[0].text.annotations`); the text delta is a string.
DELTA_PARTS_ADVICE = ("the text delta is a string now, without content parts; citations arrive as their own "
                      "events: \"response.output_text.annotation.added\" carries `event.annotation` (a url_citation "
                      "has `url` and `title`)")


def reads_delta_parts(test: ast.expr, name: str) -> bool:
    """True when `test` reads `<name>.delta`, the parts of a legacy message delta."""
    return any(isinstance(n, ast.Attribute) and n.attr == "delta" and isinstance(n.value, ast.Name)
               and n.value.id == name for n in ast.walk(test))


ITERATION_UNMAPPED = {
    "ThreadRun": UNMAPPED["on_thread_run"],
    "RunStep": UNMAPPED["on_run_step"],
    "RunStepDeltaChunk": UNMAPPED["on_run_step_delta"],
}
# `event_type == AgentStreamEvent.X` (or the string value) -> (condition, value of event_data)
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "ERROR": ('event.type in ("error", "response.failed")', "event"),
    "error": ('event.type in ("error", "response.failed")', "event"),
    "DONE": ('event.type == "response.completed"', "event.response"),
    "done": ('event.type == "response.completed"', "event.response"),
    "THREAD_MESSAGE_DELTA": (TEXT_DELTA, "event.delta"),
    "thread.message.delta": (TEXT_DELTA, "event.delta"),
    "THREAD_MESSAGE_COMPLETED": ('event.type == "response.output_item.done" and event.item.type == "message"',
                                 "event.item"),
    "thread.message.completed": ('event.type == "response.output_item.done" and event.item.type == "message"',
                                 "event.item"),
    "THREAD_RUN_COMPLETED": ('event.type == "response.completed"', "event.response"),
    "thread.run.completed": ('event.type == "response.completed"', "event.response"),
    "THREAD_RUN_FAILED": ('event.type == "response.failed"', "event.response"),
    "thread.run.failed": ('event.type == "response.failed"', "event.response"),
}


@dataclass
class HandlerInfo:
    """A legacy handler class as the event loop needs it."""

    name: str
    flavour: str
    methods: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]


@dataclass
class StreamInfo:
    """A converted stream variable: what the loop over it needs to know."""

    handler: str | None  # expression of the handler object
    info: HandlerInfo | None  # its class, when it is a legacy handler
    is_async: bool
    line: int
    # methods of a raw handler (BaseAgentEventHandler) that yield the text of each delta: see text_chunk_methods
    chunk_methods: frozenset[str] = frozenset()


RAW_HANDLER_BASES = ("BaseAgentEventHandler", "BaseAsyncAgentEventHandler")


def text_chunk_methods(node: ast.ClassDef, qualified) -> frozenset[str]:
    """Methods that iterate `self` in a raw handler whose `_process_event` returns the text of a message delta.

    Such a handler turned the stream into text chunks; the response stream has them as `event.delta`.
    """
    raw = any((qualified(b.value if isinstance(b, ast.Subscript) else b) or "").startswith("azure.ai.agents")
              and (qualified(b.value if isinstance(b, ast.Subscript) else b) or "").endswith(RAW_HANDLER_BASES)
              for b in node.bases)
    methods = {m.name: m for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))}
    process = methods.get("_process_event")
    if not raw or process is None:
        return frozenset()
    returns = [r.value for r in ast.walk(process) if isinstance(r, ast.Return) and r.value is not None
               and not (isinstance(r.value, ast.Constant) and r.value.value is None)]
    if not returns or not all(isinstance(r, ast.Attribute) and r.attr == "value" and isinstance(r.value, ast.Attribute)
                              and r.value.attr == "text" for r in returns):
        return frozenset()
    return frozenset(name for name, m in methods.items() if any(
        isinstance(n, (ast.For, ast.AsyncFor)) and isinstance(n.iter, ast.Name) and n.iter.id == "self"
        for n in ast.walk(m)))


def handler_base(node: ast.ClassDef, qualified) -> tuple[ast.expr, str] | None:
    """The legacy handler base of a class and its flavour, or None.

    `qualified(expr)` gives the imported name of an expression (None if unknown).
    """
    for base in node.bases:
        expr = base.value if isinstance(base, ast.Subscript) else base
        tail = expr.attr if isinstance(expr, ast.Attribute) else getattr(expr, "id", None)
        if tail not in HANDLER_BASES:
            continue
        full = qualified(expr)
        if full is not None and not full.startswith(HANDLER_MODULES):
            continue
        return base, HANDLER_BASES[tail]
    return None


def handler_info(node: ast.ClassDef, flavour: str) -> HandlerInfo:
    methods = {
        item.name: item for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    return HandlerInfo(node.name, flavour, methods)


def with_event(text: str, event: str) -> str:
    """A condition or argument above, for an event variable with another name.

    The templates use the word "event" only for the variable, never inside their strings.
    """
    return text if event == "event" else text.replace("event", event)


def dispatch(info: HandlerInfo, handler: str, unit: str, event: str = "event",
             result: str | None = None) -> tuple[list[str], list[str]]:
    """Lines that call the handler's methods for one event, and lines for after the loop.

    `result`: a name that receives each call's return value (iteration with a handler).
    """
    mapping = MAPPED[info.flavour]
    first: list[str] = []
    branches: list[tuple[str, str]] = []
    otherwise: str | None = None
    after: list[str] = []
    for name, method in info.methods.items():
        callback = mapping.get(name)
        if callback is None:
            continue
        awaited = "await " if isinstance(method, ast.AsyncFunctionDef) else ""
        assign = f"{result} = " if result else ""
        if callback.first:
            first.append(f"{assign}{awaited}{handler}.{name}({event})")
        if callback.after:
            after.append(f"{awaited}{handler}.{name}()")
        if callback.otherwise:
            otherwise = f"{assign}{awaited}{handler}.{name}({event}.type, {event})"
        for branch in callback.branches:
            args = ", ".join(with_event(a, event) for a in branch.args)
            branches.append((with_event(branch.condition, event), f"{assign}{awaited}{handler}.{name}({args})"))
    lines = list(first)
    for index, (condition, call) in enumerate(branches):
        lines.append(f"{'if' if index == 0 else 'elif'} {condition}:")
        lines.append(f"{unit}{call}")
    if otherwise is not None:
        if branches:
            lines.append("else:")
            lines.append(f"{unit}{otherwise}")
        else:
            lines.append(otherwise)
    if result and lines:
        lines.insert(0, f"{result} = None")
    return lines, after
