"""What a name or expression in the user's code stands for.

Clients are found by meaning, not by variable name: imports (with aliases),
assignments (`agents = project.agents`), `with ... as` targets, and, for
fragments without imports, the shape of the calls made on them.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass

# Qualified names of the constructors we recognise.
AGENTS_CLIENT_CLASSES = {
    "azure.ai.agents.AgentsClient": False,
    "azure.ai.agents.aio.AgentsClient": True,
}
PROJECT_CLIENT_CLASSES = {
    "azure.ai.projects.AIProjectClient": False,
    "azure.ai.projects.aio.AIProjectClient": True,
}
OPENAI_CLIENT_CLASSES = {
    "openai.OpenAI": False,
    "openai.AzureOpenAI": False,
    "openai.AsyncOpenAI": True,
    "openai.AsyncAzureOpenAI": True,
}

# Operations that only the legacy agents surface has; they identify a legacy
# agents client in a fragment that never shows where the client came from.
LEGACY_AGENT_METHODS = {
    "create_agent", "get_agent", "list_agents", "update_agent", "delete_agent",
    "create_thread_and_run", "create_thread_and_process_run", "enable_auto_function_calls",
}
LEGACY_SUB_OPERATIONS = {"threads", "messages", "runs", "run_steps"}

# azure-ai-projects 1.0.0b (before azure-ai-agents existed) kept every operation
# flat on `project_client.agents`; each has a GA counterpart the rules know.
PRE_GA_OPERATIONS = {
    "create_thread": "threads.create", "get_thread": "threads.get", "update_thread": "threads.update",
    "delete_thread": "threads.delete", "list_threads": "threads.list",
    "create_message": "messages.create", "list_messages": "messages.list", "get_message": "messages.get",
    "update_message": "messages.update",
    "create_run": "runs.create", "get_run": "runs.get", "update_run": "runs.update", "list_runs": "runs.list",
    "cancel_run": "runs.cancel", "create_and_process_run": "runs.create_and_process",
    "create_stream": "runs.stream", "submit_tool_outputs_to_run": "runs.submit_tool_outputs",
    "submit_tool_outputs_to_stream": "runs.submit_tool_outputs_stream",
    "list_run_steps": "run_steps.list", "get_run_step": "run_steps.get",
    "upload_file": "files.upload", "upload_file_and_poll": "files.upload_and_poll", "get_file": "files.get",
    "list_files": "files.list", "delete_file": "files.delete", "get_file_content": "files.get_content",
    "save_file": "files.save",
    "create_vector_store": "vector_stores.create", "create_vector_store_and_poll": "vector_stores.create_and_poll",
    "get_vector_store": "vector_stores.get", "list_vector_stores": "vector_stores.list",
    "delete_vector_store": "vector_stores.delete", "modify_vector_store": "vector_stores.modify",
    "create_vector_store_file": "vector_store_files.create",
    "create_vector_store_file_and_poll": "vector_store_files.create_and_poll",
    "create_vector_store_file_batch": "vector_store_file_batches.create",
    "create_vector_store_file_batch_and_poll": "vector_store_file_batches.create_and_poll",
}


@dataclass(frozen=True)
class Role:
    """What a value is. `kind` is one of:

    project        an AIProjectClient (1.x or 2.x)
    agents_client  a legacy AgentsClient (becomes an AIProjectClient)
    agents_ops     `project.agents`
    openai         an OpenAI client (legacy beta usage or `get_openai_client()`)
    agent          an agent / assistant object
    thread         a thread (after conversion: a conversation)
    run            a run (after conversion: a response)
    messages       a message listing
    text           a message text content object
    ops_group      an operation group held in a variable (`runs = client.agents.runs`)
    """

    kind: str
    is_async: bool = False
    project: str | None = None  # source text of the project client behind it
    versioned: bool = False  # an agent object that carries `.version`
    from_new_sdk: bool = False  # e.g. `project.get_openai_client()`
    binding_line: int | None = None
    thread: str | None = None  # for runs: the conversation expression
    assumed: bool = False  # guessed from the calls made on an undefined name
    group: str | None = None  # for ops_group: the operations below the client ("runs", "beta.threads")
    client: str | None = None  # for ops_group: source text of the client it was taken from


def dotted(node: ast.AST) -> list[str] | None:
    """`a.b.c` -> ["a", "b", "c"]; None when the chain does not start at a name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


def statement_call(stmt: ast.stmt) -> tuple[ast.Call, str] | None:
    """The call an expression or assignment statement makes (through `await`), and its name."""
    value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
    if isinstance(value, ast.Await):
        value = value.value
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return value, name


def chain(node: ast.AST) -> tuple[ast.AST, list[str]]:
    """Split `base.x.y` into (base, ["x", "y"]) where base is not an Attribute."""
    attrs: list[str] = []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    return node, attrs[::-1]


PRE_GA_MARKERS = ("from_connection_string", "agents.create_thread(", "agents.create_message(",
                  "agents.create_run(", "agents.create_and_process_run(", "agents.list_messages(",
                  "agents.create_stream(", "agents.upload_file", "agents.create_vector_store")


class Imports:
    """Local names -> qualified names, from the module's import statements."""

    def __init__(self, pre_ga: bool = False) -> None:
        self.names: dict[str, str] = {}
        # In code written for azure-ai-projects 1.0.0b, azure.ai.projects.models held the agents
        # models that azure.ai.agents.models holds now (MessageRole, MessageTextContent, ToolSet, ...).
        self.pre_ga = pre_ga

    def record(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.ImportFrom):
            if node.module is None or node.level:
                return
            module = node.module
            if self.pre_ga and module == "azure.ai.projects.models":
                module = "azure.ai.agents.models"
            for alias in node.names:
                self.names[alias.asname or alias.name] = f"{module}.{alias.name}"
        else:
            for alias in node.names:
                if alias.asname:
                    self.names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    self.names[top] = top

    def qualified(self, node: ast.AST) -> str | None:
        parts = dotted(node)
        if not parts:
            return None
        head = self.names.get(parts[0])
        if head is None:
            return None
        return ".".join([head, *parts[1:]])

    def imports_module(self, prefix: str) -> bool:
        return any(q == prefix or q.startswith(prefix + ".") for q in self.names.values())
