"""Rule stored_ids: thread and assistant ids kept outside the code get a located note.

Before:
    st.session_state["thread_id"] = thread.id
    db.execute("INSERT INTO chats VALUES (?, ?)", (user, thread.id))
    assistant_id = os.environ["ASSISTANT_ID"]
    def answer(question: str, thread_id: str): ...
After:
    (unchanged; each line gets a note)

The code around these lines converts, but what they stored (or read back)
are legacy ids: `thread_...` ids do not name conversations and `asst_...` ids
do not name 2.x agents (those are referenced by name). Ids stored before the
migration must be migrated (the stored-threads notebook) or replaced.
"""
from __future__ import annotations

import ast

from ..context import Context
from ..leftovers import legacy_code
from ..registry import rule

RULE = rule("stored_ids", "thread / assistant ids in files, session state, databases, fields, parameters -> note")

STORE_CALLS = {"write", "writelines", "dump", "dumps", "execute", "executemany", "set", "setex", "hset", "put",
               "insert_one", "insert_many", "update_one", "save", "setdefault", "update", "add", "append"}
ID_NAMES = {"thread_id": "thread", "threadid": "thread", "assistant_id": "agent", "assistantid": "agent",
            "agent_id": "agent", "agentid": "agent"}
THREAD = ("Legacy thread ids (thread_...) do not name conversations (conv_...): ids stored before the migration "
          "no longer work with the new API. Migrate the stored threads (stored-threads notebook) or start new "
          "conversations, and store `conversation.id` from now on.")
AGENT = ("Legacy assistant ids (asst_...) do not name 2.x agents, which are referenced by name (and version): "
         "store or configure the agent's name instead of its id.")


def _kind_of_value(ctx: Context, value: ast.AST) -> str | None:
    """"thread" or "agent" when `value` is the id of a thread or agent (or a name that says so)."""
    if isinstance(value, ast.Attribute) and value.attr == "id":
        role = ctx.role_of(value.value)
        if role is not None and role.kind in ("thread", "agent"):
            return role.kind
        if isinstance(value.value, ast.Name):
            return ID_NAMES.get(f"{value.value.id}_id")
    if isinstance(value, ast.Name):
        return ID_NAMES.get(value.id.lower())
    return None


def _key_kind(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ID_NAMES.get(node.value.lower().replace("-", "_"))
    if isinstance(node, ast.Attribute):
        return ID_NAMES.get(node.attr.lower())
    return None


def _note(ctx: Context, node: ast.AST, kind: str, where: str) -> None:
    lines = ctx.tools.setdefault("stored_id_lines", set())  # one note per line is enough
    if node.lineno not in lines and ctx.claim(node):
        lines.add(node.lineno)
        ctx.note(node, "warning", f"{where}: {THREAD if kind == 'thread' else AGENT}")


@RULE.on(ast.Assign)
def stored_by_assignment(node: ast.Assign, ctx: Context) -> None:
    if not legacy_code(ctx):
        return
    for target in node.targets:
        if isinstance(target, ast.Subscript):
            kind = _key_kind(target.slice) or _kind_of_value(ctx, node.value)
        elif isinstance(target, ast.Attribute) and not (isinstance(target.value, ast.Name)
                                                        and target.value.id == "self"):
            kind = _key_kind(target)
        else:
            kind = None
        if kind is not None and (_kind_of_value(ctx, node.value) or _key_kind(getattr(target, "slice", target))):
            _note(ctx, node, kind, "A legacy id is stored here")
            return
    if isinstance(node.value, ast.Subscript) or isinstance(node.value, ast.Call):
        _read_from_environment(node.value, ctx)


@RULE.on(ast.Call)
def stored_by_call(node: ast.Call, ctx: Context) -> None:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name not in STORE_CALLS or not legacy_code(ctx):
        return
    for value in [*node.args, *(k.value for k in node.keywords)]:
        for part in ast.walk(value):
            kind = _kind_of_value(ctx, part) if isinstance(part, ast.Attribute) else None
            if kind is not None:
                _note(ctx, node, kind, f"A legacy id is written out here (`{name}`)")
                return


@RULE.on(ast.Dict)
def stored_in_record(node: ast.Dict, ctx: Context) -> None:
    if not legacy_code(ctx):
        return
    for key, value in zip(node.keys, node.values):
        kind = _key_kind(key) if key is not None else None
        if kind is not None and value is not None and _kind_of_value(ctx, value) is not None:
            _note(ctx, node, kind, f"A record or API response field `{key.value}` carries a legacy id")  # type: ignore[union-attr]
            return


@RULE.on(ast.FunctionDef, ast.AsyncFunctionDef)
def id_parameters(node: ast.FunctionDef | ast.AsyncFunctionDef, ctx: Context) -> None:
    if not legacy_code(ctx):
        return
    args = node.args
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
        kind = ID_NAMES.get(arg.arg.lower())
        if kind is not None:
            ctx.note(arg, "info", f"`{node.name}` takes `{arg.arg}`: callers must pass "
                     + ("a conversation id now. " if kind == "thread" else "the agent's name now. ")
                     + (THREAD if kind == "thread" else AGENT))
            return


def _read_from_environment(value: ast.AST, ctx: Context) -> None:
    """`os.environ["ASSISTANT_ID"]`, `os.getenv("THREAD_ID")`: a configured legacy id."""
    key = None
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Attribute) and value.value.attr == "environ":
        key = value.slice
    elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in (
            "getenv", "get") and value.args:
        key = value.args[0]
    kind = _key_kind(key) if key is not None else None
    if kind is not None:
        _note(ctx, value, kind, "A legacy id is read here (configuration, request or stored record)")
