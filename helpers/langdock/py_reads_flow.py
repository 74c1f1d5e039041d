"""Which Python reads see a Langdock answer, and what the stream code does.

Every `x["result"]` / `x.get("result")` is judged by where `x` comes from
(`py_flow`): from the chat call it is renamed, from a file or from nowhere the
module shows it gets a note, from anything else (an upload, a literal) it is
left alone. The same pass finds the message text reads to route through the
helper, OpenAI-style delta readers, pass-through stream responses, AI SDK 4
line parsers and environment variables that hold Langdock URLs.
"""
from __future__ import annotations

import libcst as cst

from . import advice
from .py_facts import HELPERS, int_index, str_index, str_value
from .py_flow import Flow, is_env_read
from .urls import REWRITTEN

UNTRACED = "langdock-untraced-read"
STREAMS = "langdock-stream-consumer"
ENV = "langdock-env-url"
_STREAM_READERS = ("iter_bytes", "aiter_bytes", "iter_raw", "aiter_raw", "iter_lines",
                   "aiter_lines", "iter_content", "iter_text", "aiter_text")


def decide_reads(facts, scanner, flow: Flow) -> None:
    legacy_chat = "chat/completions" in facts.legacy_endpoints or None in facts.legacy_endpoints
    answers_here = facts.has_chat_call or bool(flow.ext.returns)
    handled: set[int] = set()
    content_reads, text_reads = [], []
    for node, base, key in scanner.key_reads:
        scope = scanner.scope_of.get(id(node), scanner.module_scope)
        if scope.name in HELPERS:  # our own helpers read both shapes on purpose
            continue
        if key == "result":
            kinds = flow.kinds(base, scope)
            if "chat.body" in kinds:
                facts.result_renames.add(id(node))
            elif "maybe.body" in kinds and not facts.has_chat_call:
                # a fragment whose only request goes to an unseen URL: only chat has `result`
                facts.result_renames.add(id(node))
                facts.note(node, "info", UNTRACED, advice.ASSUMED_CHAT)
            elif not kinds - {"file", "maybe.body"}:
                facts.note(node, "warning" if answers_here else "info", UNTRACED,
                           advice.UNTRACED_RESULT)
        elif key == "assistant":
            if "build.body" in flow.kinds(base, scope):
                facts.agent_renames.add(id(node))
        elif key == "text" and isinstance(node, cst.Subscript):
            inner = base
            if (isinstance(inner, cst.Subscript) and int_index(inner)
                    and str_index(inner.value) == "content"):
                message = inner.value.value
                if "chat.message" in flow.kinds(message, scope):
                    text_reads.append((node, message, inner))
        elif key == "content" and isinstance(node, cst.Subscript):
            content_reads.append((node, base, scope))
        elif key == "delta" and legacy_chat and _choices_item(base):
            facts.note(node, "warning", STREAMS, advice.DELTA_READER)
    for node, message, inner in text_reads:
        if _result_item(message) and id(message.value) not in facts.result_renames:
            continue  # `x["result"][0]` whose `result` stays (not a traced chat answer): its text read stays too
        facts.content_text[id(node)] = message
        facts.helpers_used.add("langdock_text")
        handled.add(id(inner.value))
    for node, base, scope in content_reads:
        if id(node) not in handled and "chat.message" in flow.kinds(base, scope):
            if id(node) in scanner.iterated:  # a loop over the parts: give it parts
                facts.content_parts.add(id(node))
                facts.helpers_used.add("langdock_parts")
            else:
                facts.content_notes.append(node)
    if legacy_chat:
        _stream_notes(facts, scanner, flow)
    for call in scanner.v4_checks:
        facts.note(call, "warning", STREAMS, advice.V4_READER)
    _env_notes(facts, scanner, flow)


def _result_item(node: cst.CSTNode) -> bool:
    """`x["result"][0]`: a message read straight out of a response's `result`."""
    return isinstance(node, cst.Subscript) and bool(int_index(node)) and str_index(node.value) == "result"


def _choices_item(node: cst.CSTNode) -> bool:
    """`x["choices"][0]` or `x.get("choices")[0]`."""
    if not (isinstance(node, cst.Subscript) and int_index(node)):
        return False
    inner = node.value
    if str_index(inner) == "choices":
        return True
    return (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
            and inner.func.attr.value == "get" and bool(inner.args)
            and str_value(inner.args[0].value) == "choices")


def _stream_notes(facts, scanner, flow: Flow) -> None:
    for call in scanner.stream_calls:
        scope = scanner.scope_of.get(id(call), scanner.module_scope)
        passes_stream = False
        for arg in call.args:
            value = arg.value
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and (
                value.func.attr.value in _STREAM_READERS
                and "chat.response" in flow.kinds(value.func.value, scope)
            ):
                passes_stream = True
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and (
                value.func.value == "stream_with_context"
            ):
                passes_stream = True
            if str_value(value) == "text/event-stream":
                passes_stream = True
        if passes_stream:
            facts.note(call, "warning", STREAMS, advice.SSE_PROXY)


def _env_notes(facts, scanner, flow: Flow) -> None:
    noted: set[int] = set()
    for call in scanner.env_reads:
        if not isinstance(call, cst.Call) or len(call.args) < 2:
            continue
        analysis = facts.literals.get(id(call.args[1].value))
        if analysis is not None and any(f.status in REWRITTEN for f in analysis.findings):
            noted.add(id(call))
            facts.note(call, "warning", ENV, advice.ENV_DEFAULT.format(name=_env_name(call)))
    for node in flow.env_urls:
        if id(node) not in noted and is_env_read(node):
            noted.add(id(node))
            facts.note(node, "warning", ENV, advice.ENV_URL.format(name=_env_name(node)))


def _env_name(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Subscript):
        return str_index(node) or "this variable"
    if isinstance(node, cst.Call) and node.args:
        return str_value(node.args[0].value) or "this variable"
    return "this variable"
