"""`useChat` pointed straight at Langdock gets a note (rule K4).

Before: `useChat({ api: 'https://api.langdock.com/agent/v1/chat/completions',
                   headers: { Authorization: ... }, body: { agentId } })`
After:  the code unchanged, plus a note: go through a server route with
        `transport: new DefaultChatTransport({ api: '/api/chat', body: { agentId } })`,
        `sendMessage({ text })` and `message.parts` (AI SDK 5).
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-use-chat"


@js_rule(NAME)
def note_use_chat(ctx) -> None:
    src = ctx.source
    for call in ctx.nodes("call_expression"):
        if jstree.callee_name(src, call) != "useChat":
            continue
        for arg in jstree.call_arguments(call):
            if arg.type != "object":
                continue
            api = jstree.object_members(src, arg).get("api")
            value = jstree.member_value(api) if api is not None else None
            if value is not None and value.type in jstree.STRINGS:
                url = ctx.text(value)
                if "langdock.com" in url or "/agent/v1/" in url or "/assistant/v1/" in url:
                    ctx.note(call, "warning", NAME, advice.USE_CHAT_DIRECT)
