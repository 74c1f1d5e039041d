"""Rule function_calling: the requires_action / submit_tool_outputs loop becomes a Responses loop.

Before:
    while run.status in ["queued", "in_progress", "requires_action"]:
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)
        if run.status == "requires_action" and isinstance(run.required_action, SubmitToolOutputsAction):
            tool_outputs = []
            for tool_call in run.required_action.submit_tool_outputs.tool_calls:
                output = functions.execute(tool_call)
                tool_outputs.append(ToolOutput(tool_call_id=tool_call.id, output=output))
            client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=tool_outputs)
After:
    while any(item.type == "function_call" for item in run.output):
        if any(item.type == "function_call" for item in run.output):
            tool_outputs = []
            for tool_call in [item for item in run.output if item.type == "function_call"]:
                output = {"fetch_weather": fetch_weather}[tool_call.name](**json.loads(tool_call.arguments))
                tool_outputs.append({"type": "function_call_output", "call_id": tool_call.call_id, "output": output})
            run = openai_client.responses.create(conversation=thread.id, input=tool_outputs, extra_body={...})

The user's dispatch code stays: `tool_call.function.name` -> `tool_call.name`,
`.function.arguments` -> `.arguments`, `.id` -> `.call_id`. There is no
automatic function calling in the 2.x client: `enable_auto_function_calls`
goes away and an explicit loop follows each response that used to run the
functions for you (`create_and_process`).

MCP tool approvals take the same path: `SubmitToolApprovalAction` and
`submit_tool_approval.tool_calls` become the response's "mcp_approval_request"
items, `ToolApproval(tool_call_id=c.id, approve=True)` becomes
`{"type": "mcp_approval_response", "approval_request_id": c.id, "approve": True}`,
and `tool_approvals=` is the input of the next response.
"""
from __future__ import annotations

import ast
import builtins

from ..build import (
    agent_reference,
    keep_unmapped,
    layout,
    open_call,
    openai_for,
    put_comments_above,
)
from ..context import Context, keyword
from ..fragments import Arg, render_call
from ..names import statement_call
from ..registry import rule
from ..tools import dispatch_table, state
from ..agent_functions import functions_given_to_agents

RULE = rule("function_calling", "requires_action / submit_tool_outputs -> function_call items and function_call_output")

SUBMIT_OPS = {"runs.submit_tool_outputs", "threads.runs.submit_tool_outputs", "threads.runs.submit_tool_outputs_and_poll"}
AUTO_RUN_OPS = {"runs.create_and_process", "create_thread_and_process_run"}
POLL_OPS = {"runs.get", "threads.runs.retrieve"}
ITEM_FIELDS = {"id": "call_id"}
FUNCTION_FIELDS = {"name", "arguments"}


FUNCTION = "function_call"
APPROVAL = "mcp_approval_request"  # an MCP tool call that waits for the app's approval
ACTION_KINDS = {"SubmitToolOutputsAction": FUNCTION, "SubmitToolApprovalAction": APPROVAL}
CALL_KINDS = {"RequiredFunctionToolCall": FUNCTION, "RequiredMcpToolCall": APPROVAL}


def _type_test(kinds: tuple[str, ...] | str) -> str:
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    if len(kinds) == 1:
        return f"item.type == \"{kinds[0]}\""
    return f"item.type in ({', '.join(chr(34) + k + chr(34) for k in kinds)})"


def _calls_of(run: str, kinds: tuple[str, ...] | str = FUNCTION) -> str:
    return f"[item for item in {run}.output if {_type_test(kinds)}]"


def _has_calls(run: str, kinds: tuple[str, ...] | str = FUNCTION) -> str:
    return f"any({_type_test(kinds)} for item in {run}.output)"


def _kinds(nodes: list[ast.AST]) -> tuple[str, ...]:
    """What a loop or branch answers: function calls, MCP approval requests, or both."""
    found = set()
    for stmt in nodes:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Attribute) and node.attr in ("submit_tool_outputs", "submit_tool_approval") \
                    and isinstance(node.value, ast.Attribute) and node.value.attr == "required_action":
                found.add(FUNCTION if node.attr == "submit_tool_outputs" else APPROVAL)
            elif isinstance(node, ast.keyword) and node.arg in ("tool_outputs", "tool_approvals"):
                found.add(FUNCTION if node.arg == "tool_outputs" else APPROVAL)
            elif isinstance(node, ast.Name) and node.id in ("ToolApproval", "SubmitToolApprovalAction"):
                found.add(APPROVAL)
            elif isinstance(node, ast.Name) and node.id in ("ToolOutput", "SubmitToolOutputsAction"):
                found.add(FUNCTION)
    return tuple(k for k in (FUNCTION, APPROVAL) if k in found) or (FUNCTION,)


def _approval_items(ctx: Context) -> set[str]:
    return ctx.tools.setdefault("approval_items", set())


def _items(ctx: Context) -> dict[str, tuple[int, int]]:
    """Names of function_call items -> the lines where they mean that (a `for` body)."""
    return ctx.tools.setdefault("function_call_items", {})


def _lists(ctx: Context) -> set[str]:
    return ctx.tools.setdefault("function_call_lists", set())


def _run_of(ctx: Context, node: ast.AST) -> str | None:
    """`run` for `run.status` / `run.required_action...` when `run` became a response."""
    if isinstance(node, ast.Name) and node.id in ctx.converted_runs:
        return node.id
    return None


def _status_test(ctx: Context, node: ast.AST, ops: tuple[type, ...]) -> str | None:
    """The run in `run.status == "requires_action"` (or `in [..., "requires_action"]`)."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ops)):
        return None
    left = node.left
    if not (isinstance(left, ast.Attribute) and left.attr == "status"):
        return None
    run = _run_of(ctx, left.value)
    if run is None:
        return None
    right = node.comparators[0]
    values = right.elts if isinstance(right, (ast.List, ast.Tuple, ast.Set)) else [right]
    if any(isinstance(v, ast.Constant) and v.value == "requires_action" for v in values):
        return run
    return None


def _is_required_action_check(ctx: Context, node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
            and len(node.args) == 2 and isinstance(node.args[0], ast.Attribute)
            and node.args[0].attr == "required_action" and _run_of(ctx, node.args[0].value) is not None)


def _has_submit(body: list[ast.stmt], required_action: bool = False) -> bool:
    """Whether `body` sends tool outputs (or, with required_action, reads the requested calls)."""
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Attribute) and (
                node.attr.startswith("submit_tool_outputs") and not node.attr.endswith("stream")
                or required_action and node.attr == "required_action"
            ):
                return True
    return False


@RULE.on(ast.While)
def convert_loop(node: ast.While, ctx: Context) -> None:
    if not _has_submit(node.body):
        return  # a loop that handles requires_action some other way stays (reading_results notes it)
    run = _status_test(ctx, node.test, (ast.In,))
    if run is None:
        if not isinstance(node.test, ast.Compare):
            return
        left = node.test.left
        if not (isinstance(left, ast.Attribute) and left.attr == "status"):
            return
        run = _run_of(ctx, left.value)
        if run is None:
            return
    if node.orelse or not ctx.claim(node):
        return
    ctx.replace(node.test, _has_calls(run, _kinds(node.body)))
    for stmt in node.body:
        if _is_poll(ctx, stmt, run) and ctx.claim(stmt):
            ctx.remove_statement(stmt)
    ctx.note(node, "info", f"The loop now runs while `{run}` asks for function calls: a response is finished when "
             "responses.create returns, so nothing is polled; each round sends the outputs in a new response.")


def _is_poll(ctx: Context, stmt: ast.stmt, run: str) -> bool:
    found = statement_call(stmt)
    if found is None:
        return False
    value, name = found
    if isinstance(stmt, ast.Expr) and name == "sleep":
        return True
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
            and stmt.targets[0].id == run:
        target = ctx.resolve(value)
        return target is not None and target.op in POLL_OPS
    return False


@RULE.on(ast.If)
def convert_branch(node: ast.If, ctx: Context) -> None:
    test = node.test
    if not _has_submit([node], required_action=True):
        return
    kinds = _kinds(node.body)
    run = _status_test(ctx, test, (ast.Eq,))
    if run is not None:
        if ctx.claim(test):
            ctx.replace(test, _has_calls(run, kinds))
        return
    if _is_required_action_check(ctx, test):
        if ctx.claim(test):
            ctx.replace(test, _has_calls(test.args[0].value.id, _action_kind(test) or kinds))  # type: ignore
        return
    if not (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And)):
        return
    parts, changed = [], False
    for value in test.values:
        run = _status_test(ctx, value, (ast.Eq,))
        if run is not None:
            parts.append(_has_calls(run, kinds))
            changed = True
            ctx.claim(value)
        elif _is_required_action_check(ctx, value):
            changed = True
            kind = _action_kind(value)
            if kind is not None and parts and parts[-1].startswith("any(item.type"):
                parts[-1] = _has_calls(value.args[0].value.id, kind)  # type: ignore[attr-defined]
        else:
            parts.append(ctx.text(value))
    if changed and parts and ctx.claim(test):
        ctx.replace(test, " and ".join(parts))


def _action_kind(check: ast.Call) -> str | None:
    """`isinstance(run.required_action, SubmitToolApprovalAction)` -> "mcp_approval_request"."""
    cls = check.args[1]
    name = cls.attr if isinstance(cls, ast.Attribute) else getattr(cls, "id", "")
    return ACTION_KINDS.get(name)


@RULE.on(ast.For)
def convert_for(node: ast.For, ctx: Context) -> None:
    iterates = node.iter
    calls = (isinstance(iterates, ast.Name) and iterates.id in _lists(ctx)) or _tool_calls_run(ctx, iterates)
    if calls and isinstance(node.target, ast.Name):
        _items(ctx)[node.target.id] = (node.lineno, node.end_lineno or node.lineno)
        if _is_approval_list(iterates):
            _approval_items(ctx).add(node.target.id)
        else:
            _approval_items(ctx).discard(node.target.id)


def _is_approval_list(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) \
        and node.value.attr == "submit_tool_approval"


@RULE.on(ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)
def convert_comprehension(node: ast.expr, ctx: Context) -> None:
    for generator in node.generators:  # type: ignore[attr-defined]
        iterates = generator.iter
        calls = (isinstance(iterates, ast.Name) and iterates.id in _lists(ctx)) or _tool_calls_run(ctx, iterates)
        if calls and isinstance(generator.target, ast.Name):
            _items(ctx)[generator.target.id] = (node.lineno, node.end_lineno or node.lineno)


def _tool_calls_run(ctx: Context, node: ast.AST) -> str | None:
    """`run` in `run.required_action.submit_tool_outputs.tool_calls`."""
    if isinstance(node, ast.Attribute) and node.attr == "tool_calls":
        middle = node.value
        if isinstance(middle, ast.Attribute) and middle.attr in ("submit_tool_outputs", "submit_tool_approval"):
            inner = middle.value
            if isinstance(inner, ast.Attribute) and inner.attr == "required_action":
                return _run_of(ctx, inner.value)
    return None


def _item_name(ctx: Context, node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        span = _items(ctx).get(node.id)
        if span is not None and span[0] <= node.lineno <= span[1]:
            return node.id
    return None


def item_text(ctx: Context, node: ast.AST) -> str:
    """Source of `node` with a tool call's fields renamed for a function_call item."""
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id in _approval_items(ctx):
            return ctx.text(node)  # an MCP approval request keeps id, name, arguments, server_label
        if _item_name(ctx, node.value) and node.attr in ITEM_FIELDS:
            return f"{node.value.id}.{ITEM_FIELDS[node.attr]}"  # type: ignore[attr-defined]
        inner = node.value
        if node.attr in FUNCTION_FIELDS and isinstance(inner, ast.Attribute) and inner.attr == "function" \
                and _item_name(ctx, inner.value):
            return f"{inner.value.id}.{node.attr}"  # type: ignore[attr-defined]
    return ctx.text(node)


@RULE.on(ast.Attribute)
def convert_attribute(node: ast.Attribute, ctx: Context) -> None:
    run = _tool_calls_run(ctx, node)
    if run is not None:
        if ctx.claim(node):
            ctx.replace(node, _calls_of(run, APPROVAL if _is_approval_list(node) else FUNCTION))
            stmt = ctx.statement
            if isinstance(stmt, ast.Assign) and stmt.value is node and isinstance(stmt.targets[0], ast.Name):
                _lists(ctx).add(stmt.targets[0].id)
        return
    new = item_text(ctx, node)
    if new != ctx.text(node) and ctx.claim(node):
        ctx.replace(node, new)


@RULE.on(ast.Compare)
def convert_type_check(node: ast.Compare, ctx: Context) -> None:
    # tool_call.type == "function" -> "function_call"
    left = node.left
    if isinstance(left, ast.Attribute) and left.attr == "type" and _item_name(ctx, left.value):
        for comparator in node.comparators:
            if isinstance(comparator, ast.Constant) and comparator.value == "function" and ctx.claim(comparator):
                ctx.replace(comparator, '"function_call"')


@RULE.on(ast.Call)
def convert_call(node: ast.Call, ctx: Context) -> None:
    func = node.func
    if isinstance(func, ast.Name):
        if func.id == "isinstance" and len(node.args) == 2 and _item_name(ctx, node.args[0]) and ctx.claim(node):
            cls = node.args[1]
            kind = CALL_KINDS.get(cls.attr if isinstance(cls, ast.Attribute) else getattr(cls, "id", ""), FUNCTION)
            ctx.replace(node, f"{node.args[0].id}.type == \"{kind}\"")  # type: ignore[attr-defined]
        elif func.id == "ToolOutput" or ctx.imports.qualified(func) == "azure.ai.agents.models.ToolOutput":
            _tool_output(node, ctx)
        elif func.id == "ToolApproval" or ctx.imports.qualified(func) == "azure.ai.agents.models.ToolApproval":
            _tool_approval(node, ctx)
        return
    if not isinstance(func, ast.Attribute):
        return
    if func.attr == "execute" and len(node.args) == 1 and isinstance(func.value, ast.Name):
        return _execute(node, ctx, func.value.id)
    if func.attr == "execute_tool_calls" and len(node.args) == 1 and isinstance(func.value, ast.Name):
        return _execute_all(node, ctx, func.value.id)
    if func.attr not in ("submit_tool_outputs", "submit_tool_outputs_and_poll", "enable_auto_function_calls"):
        return
    target = ctx.resolve(node)
    if target is None:
        return
    if target.op in SUBMIT_OPS:
        _submit(node, ctx, target)
    elif target.op == "enable_auto_function_calls":
        _auto(node, ctx)


def _tool_approval(node: ast.Call, ctx: Context) -> None:
    """`ToolApproval(tool_call_id=c.id, approve=True)` -> an mcp_approval_response item."""
    fields = {k.arg: k.value for k in node.keywords}
    if node.args or not {"tool_call_id", "approve"} <= set(fields) or not set(fields) <= {
            "tool_call_id", "approve", "headers"} or not ctx.claim(node):
        return
    request, approve = ctx.text(fields["tool_call_id"]), ctx.text(fields["approve"])
    ctx.replace(node, f'{{"type": "mcp_approval_response", "approval_request_id": {request}, "approve": {approve}}}')
    if "headers" in fields:
        ctx.note(node, "warning", "An MCP approval response carries no headers: give them to the MCPTool of the "
                 "agent definition (headers=...) instead.")


def _tool_output(node: ast.Call, ctx: Context) -> None:
    fields = {k.arg: k.value for k in node.keywords}
    if node.args or set(fields) != {"tool_call_id", "output"} or not ctx.claim(node):
        return
    ctx.replace(node, _output_item)


def _output_item(text: str) -> str:
    """`ToolOutput(tool_call_id=a, output=b)` or `{"tool_call_id": a, "output": b}`, with the changes
    already made inside it, as a function_call_output item."""
    try:
        value = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return text
    if isinstance(value, ast.Call):
        fields = {k.arg: k.value for k in value.keywords}
    elif isinstance(value, ast.Dict):
        fields = {getattr(k, "value", None): v for k, v in zip(value.keys, value.values)}
    else:
        return text
    seg = {key: ast.get_source_segment(text.strip(), node) for key, node in fields.items()}
    return f'{{"type": "function_call_output", "call_id": {seg["tool_call_id"]}, "output": {seg["output"]}}}'


@RULE.on(ast.Dict)
def convert_output_dict(node: ast.Dict, ctx: Context) -> None:
    # {"tool_call_id": tc.id, "output": out} (OpenAI beta) -> a function_call_output item
    keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
    if sorted(map(str, keys)) != ["output", "tool_call_id"] or not ctx.claim(node):
        return
    ctx.replace(node, _output_item)


def _dispatch_of(ctx: Context, name: str) -> str | None:
    var = state(ctx).variables.get(name)
    if var is not None and var.functions is not None:
        return var.functions
    return _added_functions(ctx, name)


def _added_functions(ctx: Context, name: str) -> str | None:
    """`toolset.add(FunctionTool(functions={...}))` anywhere in the code: the functions added to `name`."""
    for node in ast.walk(ctx.tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == name and len(node.args) == 1):
            continue
        added = node.args[0]
        if isinstance(added, ast.Name):
            var = state(ctx).variables.get(added.id)
            if var is not None and var.functions is not None:
                return var.functions
        elif isinstance(added, ast.Call) and getattr(added.func, "id", getattr(added.func, "attr", "")) == \
                "FunctionTool":
            functions = keyword(added, "functions") or (added.args[0] if added.args else None)
            if functions is not None:
                return dispatch_table(ctx, functions, ctx.text)
    return None


def _execute(node: ast.Call, ctx: Context, owner: str) -> None:
    item = _item_name(ctx, node.args[0])
    if item is None or not ctx.claim(node):
        return
    table = _dispatch_of(ctx, owner)
    if table is None:
        ctx.note(node, "warning", f"`{owner}.execute(...)` ran a legacy FunctionTool; call your function by "
                 f"`{item}.name` with `json.loads({item}.arguments)` instead.")
        return
    ctx.require_import("json", "")
    ctx.replace(node, f"{table}[{item}.name](**json.loads({item}.arguments))")
    ctx.note(node, "info", "FunctionTool.execute is gone: the function is looked up by name and called with the "
             "parsed arguments. Unlike execute, an error is raised instead of being returned as JSON.")


def _execute_all(node: ast.Call, ctx: Context, owner: str) -> None:
    table = _dispatch_of(ctx, owner)
    if table is None or not ctx.claim(node):
        return
    ctx.require_import("json", "")
    # the call is replaced whole, so `run.required_action...tool_calls` inside it is rewritten here
    run = _tool_calls_run(ctx, node.args[0])
    calls = _calls_of(run) if run is not None else ctx.text(node.args[0])
    ctx.replace(node, f'[{{"type": "function_call_output", "call_id": c.call_id, "output": '
                f'str({table}[c.name](**json.loads(c.arguments)))}} for c in {calls}]')


def _submit(node: ast.Call, ctx: Context, target) -> None:
    call = open_call(ctx, node, target)
    if call is None:
        return
    positional = call.positional()
    thread = call.pop("thread_id") or (positional[0] if positional else None)
    run_id = call.pop("run_id") or (positional[1] if len(positional) > 1 else None)
    for arg in (thread, run_id):
        if arg is not None and arg in call.args:
            call.args.remove(arg)
    outputs = call.pop("tool_outputs")
    approvals = call.pop("tool_approvals")
    if approvals is not None:
        outputs = approvals if outputs is None else Arg(None, f"[*{outputs.value}, *{approvals.value}]")
    comments = keep_unmapped(ctx, node, call, {
        "event_handler": "streaming is done with responses.create(..., stream=True)",
        "polling_interval": "responses.create returns when the response is done",
        "**": "spell the arguments out", "body": "pass the fields as keyword arguments",
    })
    run_node = keyword(node, "run_id") or (node.args[1] if len(node.args) > 1 else None)
    run = ctx.text(run_node.value) if isinstance(run_node, ast.Attribute) and run_node.attr == "id" else None
    client = openai_for(ctx, target, node)
    args = []
    conversation = ctx.converted_runs.get(run or "") or (thread.value if thread else None)
    if conversation:
        args.append(Arg("conversation", conversation))
    elif run:
        args.append(Arg("previous_response_id", f"{run}.id"))
    args.append(Arg("input", outputs.value if outputs else "[]", outputs.comments if outputs else []))
    args.append(Arg("extra_body", _reference(ctx, run, node)))
    put_comments_above(ctx, comments)
    text = render_call(f"{client}.responses.create", args, multiline=call.multiline,
                       leading_comments=call.leading_comments, **layout(ctx, node))
    stmt = ctx.statement
    value = getattr(stmt, "value", None)
    if isinstance(stmt, ast.Expr) and run and (value is node or (isinstance(value, ast.Await) and value.value is node)):
        # the run is re-read from the new response, so the loop sees the next round of calls
        ctx.replace(value, f"{run} = {'await ' if value is not node else ''}{text}")
    else:
        ctx.replace(node, text)
    ctx.note(node, "info", "The function outputs go back as function_call_output items in a new response "
             f"in the same {'conversation' if conversation else 'chain (previous_response_id)'}.")


def _reference(ctx: Context, run: str | None, node: ast.AST) -> str:
    """The agent_reference of the response `run` was created with (read from its creating call)."""
    created = ctx.bound_at.get(run) if run else None
    value = getattr(created, "value", None)
    if isinstance(value, ast.Await):
        value = value.value
    agent = None
    if isinstance(value, ast.Call):
        agent = keyword(value, "agent_id") or keyword(value, "assistant_id")
    elsewhere = created is not None and ctx.places.scope_of(created) not in (0, ctx.scope_id())
    unreachable = _unreachable_names(ctx, ctx.text(agent)) if agent is not None else []
    unreachable = unreachable or (["?"] if elsewhere and agent is not None else [])
    count = len(ctx.notes)
    reference = agent_reference(ctx, None if unreachable else agent, node)
    if agent is not None:
        del ctx.notes[count:]  # the call that created the run already said this
    if unreachable:
        ctx.note(node, "warning", f"`{run}` was created for the agent `{ctx.text(agent)}`, which is not known "
                 "here (another function): put that agent's name into agent_reference (\"my-agent\" stands in for it).")
    return reference


def _auto(node: ast.Call, ctx: Context) -> None:
    stmt = ctx.statement
    given = node.args[0] if len(node.args) == 1 and not node.keywords else (
        node.keywords[0].value if not node.args and len(node.keywords) == 1
        and node.keywords[0].arg in ("tools", "toolset", "functions") else None)
    if not (isinstance(stmt, ast.Expr) and stmt.value is node and given is not None) or not ctx.claim(node):
        return
    table = None
    if isinstance(given, ast.Name) and given.id in state(ctx).variables:
        table = _dispatch_of(ctx, given.id)
    elif isinstance(given, ast.Name) or isinstance(given, (ast.Set, ast.List)):
        table = dispatch_table(ctx, given, ctx.text)
    if ctx.claim(stmt):
        ctx.remove_statement(stmt)
    if table is None:
        ctx.note(node, "warning", "There is no automatic function calling in the 2.x client: after each "
                 "response, run the function_call items of response.output yourself and send "
                 "function_call_output items back (the functions could not be found here).")
        return
    state(ctx).auto_functions = table
    if not _creates_processed_runs(ctx):
        ctx.note(node, "warning", "There is no automatic function calling in the 2.x client, and this code "
                 "creates no response itself: wherever its responses are created (the code this client is "
                 f"given to), run their function_call items with these functions (`{_one_line(ctx.text(given))}`) "
                 "and send "
                 "function_call_output items back. A converted module runs only the functions of the "
                 "FunctionTools it builds itself.")
        return
    ctx.note(node, "info", "There is no automatic function calling in the 2.x client: a loop after each "
             "response now runs the requested functions and sends their outputs back.")


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


def _creates_processed_runs(ctx: Context) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in ("create_and_process", "create_thread_and_process_run")
               for n in ast.walk(ctx.tree))


@RULE.on(ast.Assign, ast.Return, ast.Expr)
def add_auto_loop(node: ast.Assign | ast.Return | ast.Expr, ctx: Context) -> None:
    """After a run that used to call the functions itself: the loop that now does it.

    `run = ...create_and_process(...)` gets the loop after it; `return ...` and a
    bare call first keep the response in a variable, so the loop has one to read.
    Without enable_auto_function_calls in this code, the loop runs the functions of
    the FunctionTools this code gives its agents (see agent_functions)."""
    table = state(ctx).auto_functions
    value = node.value.value if isinstance(node.value, ast.Await) else node.value
    if not isinstance(value, ast.Call) or (table is None and not functions_given_to_agents(ctx)):
        return
    if isinstance(node, ast.Assign) and (len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name)):
        return
    if id(node) in ctx.tools.get("function_loops", ()):
        return  # connected_agents wrote this response's loop, with these functions in it
    target = ctx.resolve(value)
    if target is None or target.op not in AUTO_RUN_OPS:
        return
    if table is None:
        _add_loop_for_known_functions(node, ctx, value, target, functions_given_to_agents(ctx))
        return
    missing = _unreachable_names(ctx, table)
    if missing:
        ctx.note(value, "error", "There is no automatic function calling in the 2.x client, and the functions "
                 f"given to enable_auto_function_calls ({', '.join(f'`{m}`' for m in missing)}) are not "
                 "defined here: after this response, run its function_call items and send function_call_output "
                 "items back in a new response (keep the functions where this code can reach them).")
        return
    insert_function_loop(node, ctx, value, target, f"str({table}[item.name](**json.loads(item.arguments)))")
    ctx.note(node, "info", "Added the loop that runs the functions the response asks for (what "
             "create_and_process did automatically).")


def _add_loop_for_known_functions(node: ast.Assign | ast.Return | ast.Expr, ctx: Context, value: ast.Call, target,
                                  known: list[str]) -> None:
    """The loop with the functions of this code's FunctionTools; a function given to the agent elsewhere
    gets the error output legacy gave for a function it was not told about."""
    table = "{" + ", ".join(f'"{name}": {name}' for name in known) + "}"
    names = "{" + ", ".join(f'"{name}"' for name in known) + "}"
    continued = ctx.src.newline() + ctx.indent(node) + ctx.unit() * 2
    output = (f"str({table}[item.name](**json.loads(item.arguments))){continued} if item.name in {names}"
              f"{continued} else json.dumps({{\"error\": f\"Function '{{item.name}}' is not run by this code\"}})")
    insert_function_loop(node, ctx, value, target, output)
    ctx.note(node, "warning", "Added the loop that runs the functions the response asks for (what "
             "create_and_process did with the functions given to enable_auto_function_calls). It knows the "
             f"functions of the FunctionTools built here ({', '.join(f'`{n}`' for n in known)}); add any "
             "other function your agents are given to its table, or the model gets an error output for it.")


def insert_function_loop(node: ast.Assign | ast.Return | ast.Expr, ctx: Context, value: ast.Call, target,
                         output: str, prelude: list[str] = ()) -> None:
    """After the response that `node` creates (the legacy run call `value`): the loop that answers its
    function_call items, each with the expression `output` (which reads the item as `item`), in a new
    response of the same conversation (or chain) until none is left. `prelude` lines go before the loop."""
    if isinstance(node, ast.Assign):
        run = node.targets[0].id
    else:
        run = "run" if "run" not in ctx.name_counts and "run" not in ctx.env else "response"
        start, _ = ctx.src.span(node)
        ctx.edits.replace(start, ctx.src.span(node.value)[0], f"{run} = ")
    client = openai_for(ctx, target, value)
    thread = keyword(value, "thread_id") or (value.args[0] if value.args else None)
    chain = f"conversation={ctx.text(thread)}" if thread is not None else f"previous_response_id={run}.id"
    count = len(ctx.notes)
    reference = agent_reference(ctx, keyword(value, "agent_id"), value)
    del ctx.notes[count:]
    ctx.require_import("json", "")
    wait = "await " if target.is_async else ""
    unit = ctx.unit()
    ctx.insert_after(node, [
        *prelude,
        f"while {_has_calls(run)}:",
        f"{unit}function_outputs = [",
        f"{unit * 2}{{\"type\": \"function_call_output\", \"call_id\": item.call_id,",
        f"{unit * 2} \"output\": {output}}}",
        f"{unit * 2}for item in {run}.output if item.type == \"function_call\"",
        f"{unit}]",
        f"{unit}{run} = {wait}{client}.responses.create({chain}, input=function_outputs, extra_body={reference})",
        *([f"return {run}"] if isinstance(node, ast.Return) else []),
    ])


def _unreachable_names(ctx: Context, table: str) -> list[str]:
    """Names the dispatch table reads that are neither module-level nor bound in the current function."""
    try:
        expression = ast.parse(table, mode="eval")
    except SyntaxError:
        return []
    bound = {t.id for n in ast.walk(expression) if isinstance(n, ast.comprehension)
             for t in ast.walk(n.target) if isinstance(t, ast.Name)}
    module = set(ctx.imports.names) | set(dir(builtins))
    for stmt in ctx.tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            module.add(stmt.name)
        for node in ast.walk(stmt) if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ():
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                module.add(node.id)
    func = ctx.function() if ctx.statement is not None else None
    local = set()
    if func is not None:
        local = {n.id for n in ast.walk(func) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        local |= {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]}
    used = [n.id for n in ast.walk(expression) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return sorted({name for name in used if name not in bound | module | local})
