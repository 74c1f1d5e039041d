"""Shared pieces of the `js_flow` tests: build a flow for a snippet, find nodes in it."""
from __future__ import annotations

from helpers.langdock import jstree
from helpers.langdock.javascript import JsContext, parse

LD = "https://api.langdock.com"
CHAT = f"{LD}/assistant/v1/chat/completions"


def flow_of(code: str, kind: str = "javascript"):
    data = code.encode("utf-8")
    tree, grammar = parse(data, kind)
    assert not tree.root_node.has_error
    ctx = JsContext(data, tree, grammar)
    return ctx, ctx.facts.flow


def node_at(ctx, text: str, occurrence: int = -1):
    """The named node whose source is exactly `text` (the last one by default)."""
    found = [n for n in jstree.walk(ctx.tree.root_node) if n.is_named and ctx.text(n) == text]
    assert found, f"no node {text!r}"
    return found[occurrence]


def kinds_of(code: str, *texts: str, kind: str = "javascript") -> dict[str, set[str]]:
    ctx, flow = flow_of(code, kind)
    return {text: set(flow.kinds(node_at(ctx, text))) for text in texts}
