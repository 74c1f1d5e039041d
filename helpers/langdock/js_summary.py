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
    from .merge_summaries import merge

    return merge(JsExternals(), summaries)
