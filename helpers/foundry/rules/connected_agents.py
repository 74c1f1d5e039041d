"""Rule connected_agents: a connected agent becomes a function that the application answers by asking that agent.

Before:
    helper = client.create_agent(model=m, name="stock-bot", instructions="Give stock prices.")
    connected = ConnectedAgentTool(id=helper.id, name="stock-bot", description="Gets stock prices")
    agent = client.create_agent(model=m, name="desk", instructions="Use the bot.", tools=connected.definitions)
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id)
After:
    helper = client.agents.create_version(agent_name="stock-bot", definition=PromptAgentDefinition(...))
    connected = FunctionTool(name="stock-bot", description="Gets stock prices",
                             parameters={"type": "object", "properties": {"request": {...}}, ...}, strict=True)
    agent = client.agents.create_version(agent_name="desk", definition=PromptAgentDefinition(..., tools=[connected]))
    run = openai_client.responses.create(conversation=thread.id, extra_body={"agent_reference": {...}})
    connected_agents = {  # function name -> the agent that answers it
        "stock-bot": {"agent_reference": {"name": helper.name, "version": helper.version, "type": "agent_reference"}},
    }
    while any(item.type == "function_call" for item in run.output):
        function_outputs = [
            {"type": "function_call_output", "call_id": item.call_id,
             "output": openai_client.responses.create(input=json.loads(item.arguments)["request"],
                                                      extra_body=connected_agents[item.name]).output_text}
            for item in run.output if item.type == "function_call"
        ]
        run = openai_client.responses.create(conversation=thread.id, input=function_outputs, extra_body={...})

2.x prompt agents have no connected-agent tool (A2ATool needs an A2A server; the hosted
orchestration is a workflow agent), so the service no longer runs the other agent: the
application does. The tool itself is rebuilt by tool_models (connected_tools.py); this rule
follows which agents were given connected tools (directly, in a list or a toolset) and, after
each response of such an agent, writes the function-call loop of the function_calling rule
(the same loop that replaces automatic function calling; functions given to
enable_auto_function_calls are answered in it too). A ConnectedAgentTool whose agent is not
created in this code stays, with a note saying what to write.
"""
from __future__ import annotations

import ast

from ...mapping.tools import CONNECTED_AGENT_ARGUMENT
from ..build import agent_reference, openai_for
from ..connected_tools import ConnectedAgent, read
from ..context import Context, keyword
from ..registry import rule
from ..tools import legacy_class, state

RULE = rule("connected_agents", "ConnectedAgentTool -> a FunctionTool answered by asking that agent")

AUTO_RUN_OPS = {"runs.create_and_process", "create_thread_and_process_run"}  # the service ran functions too
RUN_OPS = AUTO_RUN_OPS | {"runs.create", "create_thread_and_run"}
STREAM_OPS = {"runs.stream", "create_thread_and_run_stream"}
GROW_METHODS = {"add", "append", "extend"}


def _relevant(ctx: Context) -> bool:
    """Whether the code mentions connected agents at all (found once per file)."""
    found = ctx.tools.get("connected_relevant")
    if found is None:
        found = ctx.tools["connected_relevant"] = "ConnectedAgentTool" in ctx.src.text
    return found


def _known(ctx: Context) -> dict[str, dict[str, list[ConnectedAgent]]]:
    """"tools": variables that hold connected tools (alone, in lists or toolsets); "agents": agent
    variables -> the connected agents given to them."""
    return ctx.tools.setdefault("connected", {"tools": {}, "agents": {}})


def _found_in(ctx: Context, value: ast.AST | None) -> list[ConnectedAgent]:
    """The connected agents an expression names: tool variables and ConnectedAgentTool(...) calls."""
    if value is None:
        return []
    tools = _known(ctx)["tools"]
    found: list[ConnectedAgent] = []
    for node in ast.walk(value):
        if isinstance(node, ast.Name) and node.id in tools:
            found.extend(tools[node.id])
        elif isinstance(node, ast.Call) and legacy_class(ctx, node) == "ConnectedAgentTool":
            one = read(ctx, node, ctx.text)
            if one is not None and one.agent is not None:
                found.append(one)
    return list({one.function: one for one in found}.values())


@RULE.on(ast.Assign)
def remember(node: ast.Assign, ctx: Context) -> None:
    """`x = ConnectedAgentTool(...)` / `tools = [x.definitions[0], ...]` / `agent = create_agent(tools=...)`."""
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name) or not _relevant(ctx):
        return
    name, value = node.targets[0].id, node.value
    value = value.value if isinstance(value, ast.Await) else value
    known = _known(ctx)
    target = ctx.resolve(value) if isinstance(value, ast.Call) else None
    if target is not None and target.op == "create_agent":
        found = _found_in(ctx, keyword(value, "tools")) + _found_in(ctx, keyword(value, "toolset"))
        known["agents"][name] = list({one.function: one for one in found}.values())
        return
    found = _found_in(ctx, value)
    if found:
        known["tools"][name] = found
    else:
        known["tools"].pop(name, None)


@RULE.on(ast.Call)
def grow_or_note(node: ast.Call, ctx: Context) -> None:
    """`toolset.add(connected)` adds to what the toolset holds; a ConnectedAgentTool whose agent is
    not created here stays, with a note."""
    if not _relevant(ctx):
        return
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in GROW_METHODS and isinstance(func.value, ast.Name):
        found = [one for arg in node.args for one in _found_in(ctx, arg)]
        if found:
            tools = _known(ctx)["tools"]
            tools[func.value.id] = list({o.function: o for o in [*tools.get(func.value.id, []), *found]}.values())
        return
    if legacy_class(ctx, node) != "ConnectedAgentTool":
        return
    one = read(ctx, node, ctx.text)
    if one is not None and one.agent is not None:
        return  # tool_models rebuilds it
    if not ctx.claim(node):
        return
    name = one.function if one is not None else "<name>"
    given = f"`{ctx.text(one.id)}`" if one is not None else "its id"
    ctx.note(node, "error", f"2.x prompt agents have no connected-agent tool, and the agent behind {given} is "
             "not created in this code, so this tool was left as it is. Write FunctionTool(name="
             f"{name}, description=..., parameters={{\"type\": \"object\", \"properties\": "
             f"{{\"{CONNECTED_AGENT_ARGUMENT}\": {{\"type\": \"string\"}}}}, \"required\": "
             f"[\"{CONNECTED_AGENT_ARGUMENT}\"], \"additionalProperties\": False}}, strict=True), and answer each "
             "function_call of that name with openai_client.responses.create(input=<the request argument>, "
             "extra_body={\"agent_reference\": {\"name\": \"<the migrated agent's name>\", \"type\": "
             "\"agent_reference\"}}).output_text as its function_call_output. The hosted alternative is a "
             "workflow agent (WorkflowAgentDefinition with InvokeAzureAgent).")


def _run_of_connected(ctx: Context, value: ast.AST | None):
    """(target, connected agents) when `value` runs an agent that was given connected agents."""
    agents = _known(ctx)["agents"] if "connected" in ctx.tools else None
    value = value.value if isinstance(value, ast.Await) else value
    if not agents or not isinstance(value, ast.Call):
        return None
    target = ctx.resolve(value)
    agent = keyword(value, "agent_id")
    if target is None or not (isinstance(agent, ast.Attribute) and agent.attr == "id"
                              and isinstance(agent.value, ast.Name) and agents.get(agent.value.id)):
        return None
    return target, agents[agent.value.id]


@RULE.on(ast.With, ast.AsyncWith)
def note_stream(node: ast.With | ast.AsyncWith, ctx: Context) -> None:
    for item in node.items:
        found = _run_of_connected(ctx, item.context_expr)
        if found is not None and found[0].op in STREAM_OPS:
            ctx.note(item.context_expr, "warning", "This agent had connected agents, which the service ran for "
                     "you; in 2.x they are functions: when the streamed response ends with function_call items, "
                     "ask each agent (responses.create with its agent_reference, the `request` argument as "
                     "input) and send its output_text back as function_call_output items in a new response.")


@RULE.on(ast.Assign, ast.Expr, ast.Return)
def add_loop(node: ast.Assign | ast.Expr | ast.Return, ctx: Context) -> None:
    """After a run of an agent with connected agents: the loop that asks them."""
    found = _run_of_connected(ctx, getattr(node, "value", None))
    if found is None or _not_a_name(node):
        return
    target, connected = found
    if target.op not in RUN_OPS:
        return
    value = node.value.value if isinstance(node.value, ast.Await) else node.value  # type: ignore[union-attr]
    # imported here: importing a rule module registers it, and the registry order is the import order
    from .function_calling import _unreachable_names, insert_function_loop
    from ..agent_functions import functions_given_to_agents

    if target.op not in AUTO_RUN_OPS and "submit_tool_outputs" in ctx.src.text:
        ctx.note(value, "warning", "This agent had connected agents, which the service ran for you; in 2.x they "
                 "are functions that come with the other function_call items: in your function loop, answer "
                 f"{', '.join(one.function for one in connected)} by asking that agent (responses.create with its "
                 "agent_reference) and sending its output_text back.")
        return
    entries = []
    for one in connected:
        count = len(ctx.notes)
        entries.append(f"{one.function}: {agent_reference(ctx, one.id, value)}")
        del ctx.notes[count:]  # the agent is known: agent_reference has nothing to say
    missing = _unreachable_names(ctx, "{" + ", ".join(entries) + "}")
    if missing:
        ctx.note(value, "warning", f"This agent had connected agents ({', '.join(o.function for o in connected)}) "
                 f"that are not known here ({', '.join(f'`{m}`' for m in missing)}): after this response, answer "
                 "their function_call items by asking each agent (responses.create with its agent_reference) "
                 "and send the output_text back as function_call_output items.")
        return
    table = _table_name(ctx)
    prelude = [f"{table} = {{  # function name -> the agent that answers it (2.x has no connected agents)",
               *(f"{ctx.unit()}{entry}," for entry in entries), "}"]
    client = openai_for(ctx, target, value)
    wait = "await " if target.is_async else ""
    asked = f"{client}.responses.create(input=json.loads(item.arguments)[\"{CONNECTED_AGENT_ARGUMENT}\"], " \
            f"extra_body={table}[item.name])"
    output = f"({wait}{asked}).output_text" if wait else f"{asked}.output_text"
    functions = state(ctx).auto_functions if target.op in AUTO_RUN_OPS else None
    ran_by = "that enable_auto_function_calls ran"
    if functions is None and target.op in AUTO_RUN_OPS:
        ran_by = "of the FunctionTools built here"
        known = functions_given_to_agents(ctx)  # the FunctionTools this code builds from its own functions
        functions = "{" + ", ".join(f'"{name}": {name}' for name in known) + "}" if known else None
    if functions is not None:
        if _unreachable_names(ctx, functions):
            return  # function_calling says what is missing
        output = f"{output} if item.name in {table} else str({functions}[item.name](**json.loads(item.arguments)))"
    ctx.tools.setdefault("function_loops", set()).add(id(node))
    insert_function_loop(node, ctx, value, target, output, prelude)
    ctx.note(node, "info", "Added the loop that answers the connected agents' function calls: each one asks "
             "its agent in a response of its own and sends that answer back"
             + (f", next to the functions {ran_by}." if functions else "."))


def _not_a_name(node: ast.stmt) -> bool:
    return isinstance(node, ast.Assign) and (len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name))


def _table_name(ctx: Context) -> str:
    """`connected_agents`, unless the code already uses that name."""
    used = ctx.tools.get("connected_names")
    if used is None:
        used = ctx.tools["connected_names"] = {n.id for n in ast.walk(ctx.tree) if isinstance(n, ast.Name)}
    name = "connected_agents"
    while name in used:
        name += "_"
    return name
