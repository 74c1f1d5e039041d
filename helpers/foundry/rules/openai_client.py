"""Rule openai_client: an OpenAI client used for Assistants becomes Foundry's.

Before:
    client = OpenAI()
    assistant = client.beta.assistants.create(...)
After:
    project_client = AIProjectClient(
        endpoint=os.environ["AZURE_AI_PROJECT_ENDPOINT"], credential=DefaultAzureCredential()
    )
    client = project_client.get_openai_client()

A client kept on an object (`self.client = OpenAI()`) gets its project client
beside it (`self.project_client`), so that every method can create agents.
The `openai` module used as the client (`openai.beta.threads.create()`,
`self.client = openai`) gets the same two clients once, after the imports.

Only when the code uses the beta Assistants surface; an OpenAI client used for
anything else is left alone. API keys are not carried over (Foundry uses
Microsoft Entra ID) and never copied into the output.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..names import OPENAI_CLIENT_CLASSES, Role, dotted
from ..registry import rule

RULE = rule("openai_client", "OpenAI()/AzureOpenAI() with beta usage -> project_client.get_openai_client()")

ENDPOINT = 'os.environ["AZURE_AI_PROJECT_ENDPOINT"]'


@RULE.on(ast.Assign)
def module_as_client(node: ast.Assign, ctx: Context) -> None:
    """`self.client = openai`: the attribute now holds the Foundry OpenAI client."""
    value = node.value
    if not isinstance(value, ast.Name):
        return
    role = ctx.role_of(value)
    if role is None or role.client != "module" or not ctx.claim(value):
        return
    ctx.replace(value, ctx.module_openai_client())


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    qualified = ctx.imports.qualified(node.func)
    if qualified not in OPENAI_CLIENT_CLASSES:
        return
    if "beta.assistants" not in ctx.src.text and "beta.threads" not in ctx.src.text:
        return
    stmt = ctx.statement
    if not isinstance(stmt, (ast.Assign, ast.With, ast.AsyncWith)) or not ctx.claim(node):
        return
    is_async = OPENAI_CLIENT_CLASSES[qualified]
    project = "project_client" if "project_client" not in ctx.env else "foundry_project_client"
    target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None
    if isinstance(target, ast.Attribute) and dotted(target):
        # `self.client = OpenAI()`: the project client lives beside it, where every method can reach it
        project = f"{ctx.text(target.value)}.project_client"
    aio = ".aio" if is_async else ""
    ctx.require_import(f"azure.ai.projects{aio}", "AIProjectClient")
    ctx.require_import(f"azure.identity{aio}", "DefaultAzureCredential")
    ctx.require_import("os", "")
    ctx.insert_before(stmt, [
        f"{project} = AIProjectClient(endpoint={ENDPOINT}, credential=DefaultAzureCredential())",
    ])
    ctx.replace(node, f"{project}.get_openai_client()")
    ctx.role_overrides[id(node)] = Role("openai", is_async, project=project, from_new_sdk=True)
    dropped = [k.arg for k in node.keywords if k.arg]
    advice = "Foundry authenticates with Microsoft Entra ID through the project client"
    if dropped:
        advice += f"; {', '.join(f'`{d}`' for d in dropped)} no longer apply (values not copied)"
    ctx.note(node, "warning", f"{advice}. Set AZURE_AI_PROJECT_ENDPOINT to your Foundry project endpoint.")
