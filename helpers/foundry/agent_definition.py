"""Write `agents.create_version(agent_name=..., definition=PromptAgentDefinition(...))`.

Shared by the rules that create agents (`create_agent`, `assistants.create`) and
that change them (`update_agent`, `assistants.update`), which in 2.x means a
new version.
"""
from __future__ import annotations

import ast

from .build import keep_unmapped, put_comments_above, rewrite_call
from .context import Context, Target
from .fragments import Arg, Call, Nested
from .response_format import text_options
from .tool_state import use_model
from .tools import fold_tool_arguments, resources_from

DEFINITION_FIELDS = ("model", "instructions", "tools", "temperature", "top_p")
VERSION_FIELDS = ("description", "metadata")
UNMAPPED = {
    "response_format": "it could not be read here; set `text=PromptAgentDefinitionTextOptions(format=...)` on the PromptAgentDefinition "
    "(a TextResponseFormatJsonSchema for JSON schemas)",
    "tool_resources": "resources now live on each tool (for example FileSearchTool(vector_store_ids=[...]))",
    "toolset": "list the tools in PromptAgentDefinition(tools=[...]); functions are run by your own code",
    "reasoning_effort": "use PromptAgentDefinition(reasoning=Reasoning(effort=...))",
    "body": "pass the fields as keyword arguments",
    "**": "spell the fields out: create_version takes agent_name, definition, description, metadata",
}


def _text_options(ctx: Context, node: ast.Call, call: Call) -> Arg | None:
    """`response_format=` as `text=PromptAgentDefinitionTextOptions(...)`, when it can be read."""
    given = call.keyword("response_format")
    value = next((k.value for k in node.keywords if k.arg == "response_format"), None)
    mapped = text_options(value, ctx.text) if given is not None and value is not None else None
    if mapped is None:
        return None
    code, models = mapped
    call.args.remove(given)
    for model in models:
        ctx.require_import("azure.ai.projects.models", model)
    ctx.note(node, "info", "response_format became the text options of the agent definition.")
    return Arg("text", code, given.comments)


def _resources_onto_inherited_tools(ctx: Context, node: ast.Call, call: Call, inherit: str) -> Arg | None:
    """An update that only changes `tool_resources`: the previous version's tools, with the new
    vector stores on its file search tool and the new files in its code interpreter container."""
    given = call.keyword("tool_resources")
    if given is None or call.keyword("tools") is not None or call.keyword("toolset") is not None:
        return None
    resources = resources_from(ctx, next(k.value for k in node.keywords if k.arg == "tool_resources"), ctx.text)
    if resources is None:
        return None
    branches = []
    if resources.vector_store_ids is not None:
        use_model(ctx, "FileSearchTool")
        branches.append(f'FileSearchTool(vector_store_ids={resources.vector_store_ids}) '
                        'if tool.type == "file_search" else')
    if resources.code_interpreter_files is not None:
        use_model(ctx, "CodeInterpreterTool")
        use_model(ctx, "AutoCodeInterpreterToolParam")
        branches.append("CodeInterpreterTool(container=AutoCodeInterpreterToolParam("
                        f'file_ids={resources.code_interpreter_files})) if tool.type == "code_interpreter" else')
    if not branches:
        return None
    call.args.remove(given)
    ctx.note(node, "info", "The new tool_resources went onto the tools of the previous version (vector store "
             "ids into its file search tool, file ids into its code interpreter container).")
    return Arg("tools", f"[{' '.join(branches)} tool for tool in {inherit}.tools]", given.comments)


def ops_text(ctx: Context, target: Target, node: ast.AST) -> str:
    if target.surface == "agents":
        return target.ops_text
    if target.project_text:
        return f"{target.project_text}.agents"
    ctx.note(node, "warning", "Agents are created on the project client: define "
             "`project_client = AIProjectClient(endpoint=..., credential=...)`.")
    return "project_client.agents"


def name_from_id(ctx: Context, value: ast.AST | None, node: ast.AST) -> str:
    """The new code's agent name for a legacy agent-id expression."""
    if isinstance(value, ast.Attribute) and value.attr == "id":
        owner = ctx.role_of(value.value)
        if owner is not None and owner.kind == "agent":
            return f"{ctx.text(value.value)}.name"
    if value is None:
        ctx.note(node, "warning", "No agent id was given: put the agent's name here.")
        return '"my-agent"'
    text = ctx.text(value)
    ctx.note(node, "warning", f"`{text}` held a legacy agent id; 2.x identifies agents by name. "
             "Put the migrated agent's name here.")
    return text


def write_create_version(ctx: Context, node: ast.Call, target: Target, call: Call, agent_name: str | Arg,
                         inherit: str | None = None) -> None:
    """`inherit` names the previous version's definition: fields the call leaves out
    are taken from it, as update_agent kept them."""
    inherited_tools = _resources_onto_inherited_tools(ctx, node, call, inherit) if inherit is not None else None
    fold_tool_arguments(ctx, node, call)  # tools / toolset / tool_resources -> one 2.x tools list
    if inherited_tools is not None:
        call.args.append(inherited_tools)
    text = _text_options(ctx, node, call)
    comments = keep_unmapped(ctx, node, call, UNMAPPED)
    definition: list[Arg] = []
    version_args: list[Arg] = []
    for arg in list(call.args):
        if arg.keyword in DEFINITION_FIELDS:
            definition.append(arg)
        elif arg.keyword in VERSION_FIELDS:
            version_args.append(arg)
        elif arg.keyword == "name":
            continue
        elif arg.keyword is not None:
            comments += keep_unmapped(ctx, node, Call("", [arg], False), {
                arg.keyword: "not a field of PromptAgentDefinition or create_version"})
    if text is not None:
        definition.append(text)
    if inherit is not None:
        given = {a.keyword for a in definition}
        definition += [Arg(field, f"{inherit}.{field}") for field in DEFINITION_FIELDS if field not in given]
    if not any(a.keyword == "model" for a in definition):
        ctx.note(node, "warning", "PromptAgentDefinition needs `model`: add the model deployment name.")
    name_arg = agent_name if isinstance(agent_name, Arg) else Arg("agent_name", agent_name)
    name_arg = Arg("agent_name", name_arg.value, name_arg.comments)
    args = [name_arg, ("definition", Nested("PromptAgentDefinition", definition)), *version_args]
    ctx.require_import("azure.ai.projects.models", "PromptAgentDefinition")
    put_comments_above(ctx, comments)
    rewrite_call(ctx, node, f"{ops_text(ctx, target, node)}.create_version", args, call)
