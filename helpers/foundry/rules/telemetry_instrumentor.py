"""Rule telemetry_instrumentor: the agents tracing instrumentor becomes the project one.

Before:
    from azure.ai.agents.telemetry import AIAgentsInstrumentor, trace_function
    instrumentor = AIAgentsInstrumentor()
    if not instrumentor.is_instrumented():
        instrumentor.instrument()
After:
    from azure.ai.projects.telemetry import AIProjectInstrumentor, trace_function
    instrumentor = AIProjectInstrumentor()
    if not instrumentor.is_instrumented():
        instrumentor.instrument()

azure-ai-projects 2.x has the same methods (instrument, uninstrument,
is_instrumented, enable_content_recording=) and the same `trace_function`
decorator. Its GenAI tracing is a preview that is off unless the environment
variable AZURE_EXPERIMENTAL_ENABLE_GENAI_TRACING is "true": a note says so.
An import under another name (`as`) keeps that name.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..registry import rule

RULE = rule("telemetry_instrumentor", "azure.ai.agents.telemetry.AIAgentsInstrumentor -> "
            "azure.ai.projects.telemetry.AIProjectInstrumentor")

LEGACY = "azure.ai.agents.telemetry"
NEW = "azure.ai.projects.telemetry"
NAMES = {"AIAgentsInstrumentor": "AIProjectInstrumentor", "trace_function": "trace_function"}


@RULE.on(ast.ImportFrom)
def convert_import(node: ast.ImportFrom, ctx: Context) -> None:
    if node.module != LEGACY or node.level or any(a.name not in NAMES for a in node.names) or not ctx.claim(node):
        return
    names = ", ".join(NAMES[a.name] + (f" as {a.asname}" if a.asname else "") for a in node.names)
    ctx.replace(node, f"from {NEW} import {names}")
    if any(a.name == "AIAgentsInstrumentor" for a in node.names):
        ctx.note(node, "info", "AIProjectInstrumentor traces the 2.x project client and its OpenAI client; "
                 "its GenAI tracing is a preview that stays off unless the environment variable "
                 "AZURE_EXPERIMENTAL_ENABLE_GENAI_TRACING is \"true\".")


@RULE.on(ast.Call)
def convert_construction(node: ast.Call, ctx: Context) -> None:
    """`AIAgentsInstrumentor()` (imported under its own name) -> `AIProjectInstrumentor()`."""
    func = node.func
    if isinstance(func, ast.Name) and func.id == "AIAgentsInstrumentor" \
            and ctx.imports.qualified(func) == f"{LEGACY}.AIAgentsInstrumentor" and ctx.claim(func):
        ctx.replace(func, NAMES["AIAgentsInstrumentor"])
