"""Hand-written parsers of the legacy stream get a note, not a rewrite (rule K3).

Before: a `getReader()`/`TextDecoder` loop that splits lines, strips `data: `
        and checks `data.type === 'message'`
After:  the code unchanged, plus a note at the loop: the Agents API streams the
        AI SDK 5 UI message stream; use `useChat` + `DefaultChatTransport` behind
        a server route, or `ai@5`'s stream readers.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-sse-loop"
_LOOPS = ("while_statement", "for_statement", "for_in_statement", "do_statement")
_SCOPES = ("function_declaration", "function_expression", "arrow_function",
           "method_definition", "program")
_LEGACY_TYPES = ("message", "done")


def _stream_markers(ctx) -> list[int]:
    """Byte offsets of things only a stream reader does."""
    marks = []
    for call in ctx.nodes("call_expression"):
        if jstree.callee_name(ctx.source, call) in ("getReader", "iterLines"):
            marks.append(call.start_byte)
    for new in ctx.nodes("new_expression"):
        ctor = new.child_by_field_name("constructor")
        if ctor is not None and ctx.text(ctor) in ("TextDecoder", "TextDecoderStream"):
            marks.append(new.start_byte)
    for lit in ctx.nodes("string"):
        if jstree.string_value(ctx.source, lit) in ("data: ", "data:"):
            marks.append(lit.start_byte)
    return marks


def _legacy_check(ctx, node) -> bool:
    op = node.child_by_field_name("operator")
    if op is None or ctx.text(op) not in ("===", "=="):
        return False
    sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
    values = [jstree.string_value(ctx.source, s) for s in sides]
    props = [s is not None and jstree.property_name(ctx.source, s) == "type" for s in sides]
    return any(v in _LEGACY_TYPES for v in values) and any(props)


@js_rule(NAME)
def note_sse_loops(ctx) -> None:
    checks = [n for n in ctx.nodes("binary_expression") if _legacy_check(ctx, n)]
    if not checks:
        return
    marks = _stream_markers(ctx)
    for check in checks:
        loop, scope = None, check.parent
        while scope is not None and scope.type not in _SCOPES:
            if scope.type in _LOOPS:
                loop = scope
            scope = scope.parent
        if scope is None or not any(scope.start_byte <= m < scope.end_byte for m in marks):
            continue
        ctx.note(loop or check, "warning", NAME,
                 advice.SSE_LOOP.format(how=advice.SSE_LOOP_JS))
