"""Hand-written parsers of the legacy stream: a note, and a rewrite where it is safe (rule K3).

Before: a `getReader()`/`TextDecoder` loop that splits lines, strips `data: `
        and checks `data.type === 'message'` (printing `data.content`)
After:  a note at the loop: the Agents API streams the AI SDK 5 UI message
        stream; use `useChat` + `DefaultChatTransport` behind a server route, or
        `ai@5`'s stream readers. A loop that leaves at `done` (`break`/`return`)
        is rewritten to `data.type === 'text-delta'` / `data.delta` and
        `'finish'`: it then leaves before `data: [DONE]` (not JSON) is parsed.
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
    # `!==` too: `if (data.type !== "message") continue;` skips the same events
    if op is None or ctx.text(op) not in ("===", "==", "!==", "!="):
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
    by_loop: dict[int, tuple] = {}
    for check in checks:
        loop, inner, scope = None, None, check.parent
        while scope is not None and scope.type not in _SCOPES:
            if scope.type in _LOOPS:
                loop = scope
                inner = inner or scope
            scope = scope.parent
        if scope is None or not any(scope.start_byte <= m < scope.end_byte for m in marks):
            continue
        if inner is not None:
            by_loop.setdefault(inner.id, (inner, loop, []))[2].append(check)
        else:
            ctx.note(check, "warning", NAME, advice.SSE_LOOP.format(how=advice.SSE_LOOP_JS))
    for inner, outer, loop_checks in by_loop.values():
        if _leaves_at_done(ctx, inner, loop_checks):
            _rewrite(ctx, inner, loop_checks)
            ctx.note(outer, "warning", NAME, advice.SSE_LOOP_REWRITTEN)
        else:
            ctx.note(outer, "warning", NAME, advice.SSE_LOOP.format(how=advice.SSE_LOOP_JS))


_NEW_TYPES = {"message": "text-delta", "done": "finish"}


def _leaves_at_done(ctx, loop, checks) -> bool:
    done = any(jstree.string_value(ctx.source, side) == "done" for check in checks
               for side in (check.child_by_field_name("left"), check.child_by_field_name("right")))
    leaves = any(n.type in ("break_statement", "return_statement") for n in jstree.walk(loop))
    return done and leaves


def _rewrite(ctx, loop, checks) -> None:
    """`'message'` -> `'text-delta'`, `'done'` -> `'finish'`, `<event>.content` -> `.delta`."""
    events = set()
    for check in checks:
        for side in (check.child_by_field_name("left"), check.child_by_field_name("right")):
            value = jstree.string_value(ctx.source, side)
            if value in _NEW_TYPES:
                fragment = next(c for c in side.named_children if c.type == "string_fragment")
                ctx.replace(fragment.start_byte, fragment.end_byte, _NEW_TYPES[value], NAME)
            elif side is not None and jstree.property_name(ctx.source, side) == "type":
                events.add(ctx.text(side.child_by_field_name("object")))
    for node in jstree.walk(loop):
        if node.type == "member_expression" and jstree.property_name(ctx.source, node) == "content" \
                and ctx.text(node.child_by_field_name("object")) in events:
            prop = node.child_by_field_name("property")
            ctx.replace(prop.start_byte, prop.end_byte, "delta", NAME)
