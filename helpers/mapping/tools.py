"""Legacy tools → azure-ai-projects 2.x tools: one record per tool, read by both converters.

The payload rules read the JSON side (`legacy_type`, `new_type`, `settings`,
`renames`, `resource`); the code converter reads the Python side (`legacy_class`,
`new_class`, `settings_classes`, `helper_args`). Every 2.x name here is checked
against the installed azure-ai-projects in tests/payloads/test_mapping.py.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToolSpec:
    legacy_type: str  # "type" of the 1.x tool definition (JSON)
    new_type: str | None  # "type" of the 2.x tool; None: no tool counterpart
    legacy_class: str | None = None  # 1.x helper class in azure.ai.agents.models
    new_class: str | None = None  # 2.x model in azure.ai.projects.models
    settings: str | None = None  # key of the tool's nested settings object (same in 1.x and 2.x JSON)
    settings_classes: tuple[str, ...] = ()  # 2.x models that hold the settings, outer first
    renames: tuple[tuple[str, str], ...] = ()  # legacy field → 2.x field (in each `entries` item, if any)
    entries: str | None = None  # the list inside the settings whose items carry the renamed fields
    resource: str | None = None  # the key of tool_resources this tool reads
    helper_args: tuple[str, ...] = ()  # parameters of the 1.x helper, in positional order
    legacy_only: frozenset[str] = frozenset()  # helper keywords that only the 1.x class takes
    note: str = ""

    def rename(self, field: str) -> str:
        return dict(self.renames).get(field, field)


TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec(
        "code_interpreter", "code_interpreter", "CodeInterpreterTool", "CodeInterpreterTool",
        settings="container", settings_classes=("AutoCodeInterpreterToolParam",),
        resource="code_interpreter", helper_args=("file_ids",), legacy_only=frozenset({"file_ids"}),
        note="file ids move from tool_resources.code_interpreter into the tool's container "
             "({type: auto, file_ids}); data_sources have no counterpart (upload the files instead)",
    ),
    ToolSpec(
        "file_search", "file_search", "FileSearchTool", "FileSearchTool",
        resource="file_search", helper_args=("vector_store_ids",),
        note="vector store ids move from tool_resources.file_search onto the tool; the options "
             "(max_num_results, ranking_options) move up from `file_search` onto the tool",
    ),
    ToolSpec(
        "function", "function", "FunctionTool", "FunctionTool", helper_args=("functions",),
        legacy_only=frozenset({"functions"}),
        note="the `function` object is flattened into the tool (name, description, parameters, "
             "strict); one FunctionTool per Python function",
    ),
    ToolSpec(
        "bing_grounding", "bing_grounding", "BingGroundingTool", "BingGroundingTool",
        settings="bing_grounding",
        settings_classes=("BingGroundingSearchToolParameters", "BingGroundingSearchConfiguration"),
        renames=(("connection_id", "project_connection_id"),), entries="search_configurations",
        helper_args=("connection_id", "market", "set_lang", "count", "freshness"),
        legacy_only=frozenset({"connection_id"}),
        note="each search configuration names the Bing connection by project_connection_id",
    ),
    ToolSpec(
        "azure_ai_search", "azure_ai_search", "AzureAISearchTool", "AzureAISearchTool",
        settings="azure_ai_search", settings_classes=("AzureAISearchToolResource", "AISearchIndexResource"),
        renames=(("index_connection_id", "project_connection_id"),), entries="indexes",
        resource="azure_ai_search",
        helper_args=("index_connection_id", "index_name", "query_type", "filter", "top_k", "index_asset_id"),
        legacy_only=frozenset({"index_connection_id", "index_name"}),
        note="the indexes move from tool_resources.azure_ai_search onto the tool, each naming its "
             "connection by project_connection_id",
    ),
    ToolSpec(
        "openapi", "openapi", "OpenApiTool", "OpenApiTool", settings="openapi",
        settings_classes=("OpenApiFunctionDefinition",),
        renames=(("default_parameters", "default_params"),),
        helper_args=("name", "description", "spec", "auth", "default_parameters"),
        legacy_only=frozenset({"spec", "auth", "default_parameters"}),
        note="the definition sits under `openapi`; connection auth becomes project_connection auth",
    ),
    ToolSpec(
        "mcp", "mcp", "McpTool", "MCPTool", resource="mcp",
        helper_args=("server_label", "server_url", "allowed_tools"), legacy_only=frozenset({"server_label"}),
        note="headers and require_approval move from the run's tool_resources.mcp entry onto the "
             "tool; prefer a project connection (project_connection_id) to secrets in headers",
    ),
    ToolSpec(
        "azure_function", "azure_function", "AzureFunctionTool", "AzureFunctionTool",
        settings="azure_function",
        settings_classes=("AzureFunctionDefinition", "AzureFunctionDefinitionFunction"),
        helper_args=("name", "description", "parameters", "input_queue", "output_queue"),
        note="same JSON shape; the function, input and output bindings sit under `azure_function`",
    ),
    ToolSpec(
        "connected_agent", "function", "ConnectedAgentTool", "FunctionTool",
        helper_args=("id", "name", "description"), legacy_only=frozenset({"id"}),
        note="2.x prompt agents have no connected-agent tool: it becomes a function of the same name with "
             "one string parameter (`request`); the application answers each call by asking that agent "
             "(responses.create with its agent_reference) and sends its output_text back as the "
             "function_call_output. The hosted alternative is a workflow agent (WorkflowAgentDefinition "
             "with InvokeAzureAgent); A2ATool needs an A2A server",
    ),
)

# The one parameter of the function that stands in for a connected agent: what the calling agent asks
# it. Both converters write this schema (strict: the one property is required, nothing else allowed).
CONNECTED_AGENT_ARGUMENT = "request"


def connected_agent_parameters() -> dict:
    """The JSON schema of a connected agent's stand-in function (a fresh dict each time)."""
    return {
        "type": "object",
        "properties": {CONNECTED_AGENT_ARGUMENT: {
            "type": "string", "description": "What to ask the agent, with everything it needs to answer."}},
        "required": [CONNECTED_AGENT_ARGUMENT],
        "additionalProperties": False,
    }

# OpenAPI auth: the 1.x `connection` auth becomes `project_connection` in 2.x.
OPENAPI_AUTH: dict[str, tuple[str, str, str | None]] = {
    # legacy auth type: (new auth type, new auth model, new security scheme model)
    "connection": ("project_connection", "OpenApiProjectConnectionAuthDetails",
                   "OpenApiProjectConnectionSecurityScheme"),
    "managed_identity": ("managed_identity", "OpenApiManagedAuthDetails", "OpenApiManagedSecurityScheme"),
    "anonymous": ("anonymous", "OpenApiAnonymousAuthDetails", None),
}
OPENAPI_SCHEME_RENAMES = (("connection_id", "project_connection_id"),)
LEGACY_AUTH_CLASSES = {"OpenApiConnectionAuthDetails": "connection",
                       "OpenApiConnectionSecurityScheme": "connection"}

# File search ranking: 1.x rankers and their 2.x values (RankerVersionType).
RANKERS: dict[str, tuple[str, str]] = {
    "auto": ("auto", ""),
    "default_2024_08_21": ("auto", "the 2024-08-21 ranker is gone; 'auto' lets the service pick "
                                   "(or choose 'default-2024-11-15')"),
}

# Resources a legacy tool read that have no 2.x place, with what to do instead.
UNCARRIED_RESOURCES: dict[tuple[str, str], str] = {
    ("code_interpreter", "data_sources"): "upload the files and list their ids in the container's file_ids",
    ("file_search", "vector_stores"): "create the vector store first (vector_stores.create) and list its "
                                      "id in vector_store_ids",
}

# 1.x helper classes that are not tools, with the keywords only they take.
LEGACY_HELPERS: dict[str, frozenset[str]] = {
    "AsyncFunctionTool": frozenset({"functions"}),
    "ToolSet": frozenset(),
    "AsyncToolSet": frozenset(),
    "FunctionToolDefinition": frozenset({"function"}),
    "OpenApiConnectionAuthDetails": frozenset({"security_scheme"}),
    "OpenApiConnectionSecurityScheme": frozenset({"connection_id"}),
}
# Classes whose 2.x model has the same name and arguments: only the import moves.
SAME_IN_2X = frozenset({"FileSearchTool", "OpenApiAnonymousAuthDetails", "OpenApiManagedAuthDetails",
                        "OpenApiManagedSecurityScheme", "AzureAISearchQueryType"})

_BY_TYPE = {spec.legacy_type: spec for spec in TOOLS}
_BY_CLASS = {spec.legacy_class: spec for spec in TOOLS if spec.legacy_class}


def tool_for_type(legacy_type: object) -> ToolSpec | None:
    """The record of a 1.x tool definition `type`, or None for a type we do not know."""
    return _BY_TYPE.get(legacy_type) if isinstance(legacy_type, str) else None


def tool_for_class(legacy_class: str) -> ToolSpec | None:
    """The record of a 1.x helper class (`CodeInterpreterTool`, `McpTool`, ...), or None."""
    return _BY_CLASS.get(legacy_class)


def legacy_only_keywords() -> dict[str, frozenset[str]]:
    """{1.x helper class: keywords only it takes} for every helper the code converter rebuilds."""
    tools = {spec.legacy_class: spec.legacy_only for spec in TOOLS
             if spec.legacy_class and spec.new_class and spec.legacy_class not in SAME_IN_2X
             and spec.legacy_type != "azure_function"}  # no 1.x → 2.x builder for Azure Functions yet
    return {**tools, **LEGACY_HELPERS}


def new_model(legacy_class: str) -> str | None:
    """The 2.x model that replaces a 1.x helper or auth class, or None when there is none."""
    spec = _BY_CLASS.get(legacy_class)
    if spec is not None:
        return spec.new_class
    auth = LEGACY_AUTH_CLASSES.get(legacy_class)
    if auth is None:
        return None
    _, details, scheme = OPENAPI_AUTH[auth]
    return details if legacy_class.endswith("AuthDetails") else scheme
