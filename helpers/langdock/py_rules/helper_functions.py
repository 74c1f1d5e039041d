"""The helpers converted code calls are written once per module, after the imports.

Before: a module whose converted code calls `langdock_text(...)`, `to_ui_messages(...)`,
        `to_agent_request(...)` or `uuid.uuid4()`
After:  `import uuid` (when missing) and the helper definitions after the last
        leading import, e.g.
        `def langdock_text(message): ...` (a message's `content` string or text `parts`)

A helper already defined at module level (a second run) is not written again.
"""
from __future__ import annotations

from functools import lru_cache

import libcst as cst

from ..py_helpers_source import SOURCES
from . import py_rule

NAME = "langdock-helper-functions"


def _insert_at(body) -> int:
    """Index after the docstring and the leading imports."""
    index = 0
    for position, statement in enumerate(body):
        if isinstance(statement, cst.SimpleStatementLine) and all(
            isinstance(s, (cst.Import, cst.ImportFrom)) or (
                position == 0 and isinstance(s, cst.Expr)
                and isinstance(s.value, (cst.SimpleString, cst.ConcatenatedString)))
            for s in statement.body
        ):
            index = position + 1
        else:
            break
    return index


@lru_cache(maxsize=None)
def _statement(source: str) -> cst.BaseStatement:
    return cst.parse_statement(source)  # nodes are immutable: safe to share


@py_rule(NAME, cst.Module)
def add_helpers(ctx, original, updated):
    facts = ctx.facts
    # `to_agent_request` calls `to_ui_messages`: the request flow always marks both used
    wanted = [name for name in SOURCES if name in facts.helpers_used
              and name not in facts.helpers_defined]
    uuid = ctx.counters.get("uuid") and not facts.has_uuid_import
    if not wanted and not uuid:
        return updated
    body = list(updated.body)
    at = _insert_at(body)
    new: list[cst.BaseStatement] = []
    if uuid:
        new.append(_statement("import uuid\n"))
    for name in wanted:
        function = _statement(SOURCES[name])
        blank = [cst.EmptyLine(), cst.EmptyLine()]
        new.append(function.with_changes(leading_lines=blank))
    if at < len(body) and wanted:
        follower = body[at]
        lines = list(follower.leading_lines)
        while len(lines) < 2:
            lines.insert(0, cst.EmptyLine())
        body[at] = follower.with_changes(leading_lines=lines)
    if at == 0 and not uuid and new:
        new[0] = new[0].with_changes(leading_lines=[])
    return updated.with_changes(body=body[:at] + new + body[at:])
