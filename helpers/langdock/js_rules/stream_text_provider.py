"""`streamText({ model: langdock(...) })` gets a note (rule K5).

Before: `streamText({ model: langdock({ apiKey, agentId }), messages })`
After:  the code unchanged, plus a note: no Langdock AI SDK provider exists and
        an agent is not a language model; call the HTTP endpoint from a server.

A file that defines its own `langdock` (a function, a variable, an import from
a relative path) is calling that, not a provider: no note.
"""
from __future__ import annotations

from .. import advice, jstree
from . import js_rule

NAME = "langdock-no-ai-sdk-provider"


def _defined_here(ctx) -> bool:
    for node in ctx.nodes("function_declaration", "variable_declarator"):
        name = node.child_by_field_name("name")
        if name is not None and ctx.text(name) == "langdock":
            return True
    for node in ctx.nodes("import_statement"):
        source = node.child_by_field_name("source")
        if source is None:  # TypeScript's `import langdock = require("./langdock")`
            clause = next(c for c in node.named_children if c.type == "import_require_clause")
            source = clause.child_by_field_name("source")
        if "langdock" in ctx.text(node) and jstree.string_value(ctx.source, source).startswith("."):
            return True
    return False


@js_rule(NAME)
def note_provider(ctx) -> None:
    src = ctx.source
    if _defined_here(ctx):
        return
    for call in ctx.nodes("call_expression"):
        if jstree.callee_name(src, call) != "langdock":
            continue
        func = call.child_by_field_name("function")
        if func is not None and func.type == "identifier":
            ctx.note(call, "warning", NAME, advice.NO_PROVIDER)
