"""Rule project_client_1x: 1.0 beta `AIProjectClient.from_connection_string(...)`.

Before:
    project = AIProjectClient.from_connection_string(conn_str=CONN, credential=cred)
After (unchanged, with a note):
    2.x builds the client from the project endpoint:
    AIProjectClient(endpoint="https://<resource>.services.ai.azure.com/api/projects/<project>", credential=cred)

A connection string does not contain the endpoint in a form we can derive
safely, so the call stays and the note says what to write.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..names import PROJECT_CLIENT_CLASSES
from ..registry import rule

RULE = rule("project_client_1x", "AIProjectClient.from_connection_string -> note")


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "from_connection_string"):
        return
    if ctx.imports.qualified(func.value) not in PROJECT_CLIENT_CLASSES:
        return
    if ctx.claim(node):
        ctx.note(node, "error", "azure-ai-projects 2.x has no `from_connection_string`: create the client "
                 "with `AIProjectClient(endpoint=<project endpoint>, credential=...)`. The connection string "
                 "does not hold that endpoint: copy it from the project's overview page in the Foundry portal "
                 "(it looks like https://<resource>.services.ai.azure.com/api/projects/<project>).")
