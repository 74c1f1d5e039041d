"""What one JavaScript/TypeScript file tells its siblings in folder mode (see `folder`)."""
from __future__ import annotations

from .js_flow import JsExternals


def summarise_javascript(text: str, kind: str) -> JsExternals | None:
    """Returns, call arguments and message parameters of one file (None if unreadable)."""
    from .javascript import JsContext, parse

    data = text.encode("utf-8", "replace")
    try:
        tree, grammar = parse(data, kind)
        if tree.root_node.has_error:
            return None
        ctx = JsContext(data, tree, grammar)
        if ctx.facts.mode != "langdock":
            return None
        summary = ctx.facts.flow.summary()
        summary.message_params = ctx.facts.decisions.message_params
    except Exception:  # noqa: BLE001 - a file that cannot be read tells nothing
        return None
    return summary


def merge_js(summaries: list[JsExternals]) -> JsExternals:
    out = JsExternals()
    for summary in summaries:
        for name, kinds in summary.returns.items():
            out.returns[name] = out.returns.get(name, frozenset()) | kinds
        for name, slots in summary.params.items():
            target = out.params.setdefault(name, {})
            for index, kinds in slots.items():
                target[index] = target.get(index, frozenset()) | kinds
        for name, indexes in summary.message_params.items():
            out.message_params.setdefault(name, set()).update(indexes)
    return out
