"""Rule files_and_vector_stores: files and vector stores move to the OpenAI client.

Before:
    file = client.files.upload_and_poll(file_path=path, purpose=FilePurpose.AGENTS)
    store = client.vector_stores.create_and_poll(file_ids=[file.id], name="docs")
    client.vector_stores.delete(store.id)
    client.files.delete(file_id=file.id)
After:
    file = openai_client.files.create(file=open(path, "rb"), purpose="assistants")
    store = openai_client.vector_stores.create(file_ids=[file.id], name="docs")
    openai_client.vector_stores.delete(store.id)
    openai_client.files.delete(file_id=file.id)

The pre-GA flat names (`project.agents.upload_file_and_poll`, `save_file`,
`create_vector_store_and_poll`, ...) map the same way. The OpenAI client comes
from `project.get_openai_client()`. The OpenAI beta
`client.beta.vector_stores.*` drop `beta`. Options with no counterpart stay
as comments with a note.
"""
from __future__ import annotations

import ast

from ..build import keep_unmapped, openai_for, parse_call, put_comments_above, rewrite_call
from ..context import Context
from ..fragments import Arg
from ..names import PRE_GA_OPERATIONS
from ..registry import rule

RULE = rule("files_and_vector_stores", "files.upload_and_poll / vector_stores.create_and_poll -> openai_client files / vector_stores")

# legacy op -> OpenAI client op
OPS = {
    "files.upload_and_poll": "files.create",
    "files.upload": "files.create",
    "files.get": "files.retrieve",
    "files.list": "files.list",
    "files.delete": "files.delete",
    "files.get_content": "files.content",
    "vector_stores.create_and_poll": "vector_stores.create",
    "vector_stores.create": "vector_stores.create",
    "vector_stores.get": "vector_stores.retrieve",
    "vector_stores.list": "vector_stores.list",
    "vector_stores.update": "vector_stores.update",
    "vector_stores.modify": "vector_stores.update",
    "vector_stores.delete": "vector_stores.delete",
    "vector_store_files.create_and_poll": "vector_stores.files.create_and_poll",
    "vector_store_files.create": "vector_stores.files.create",
    "vector_store_files.get": "vector_stores.files.retrieve",
    "vector_store_files.list": "vector_stores.files.list",
    "vector_store_files.delete": "vector_stores.files.delete",
    "vector_store_file_batches.create_and_poll": "vector_stores.file_batches.create_and_poll",
    "vector_store_file_batches.create": "vector_stores.file_batches.create",
}
PURPOSES = {"AGENTS": '"assistants"', "VISION": '"vision"'}
UNMAPPED = {
    "polling_interval": "the OpenAI client polls on its own (poll_interval_ms on *_and_poll methods)",
    "body": "pass the fields as keyword arguments",
    "data_source": "vector stores are filled from uploaded file ids (file_ids=[...]) on the OpenAI client",
    "data_sources": "vector stores are filled from uploaded file ids (file_ids=[...]) on the OpenAI client",
    "store_configuration": "no counterpart on the OpenAI client; list the file ids instead",
    "**": "spell the arguments out",
}


@RULE.on(ast.Call)
def convert(node: ast.Call, ctx: Context) -> None:
    func = node.func
    if isinstance(func, ast.Name) and ctx.imports.qualified(func) == "azure.ai.agents.models.MessageAttachment":
        if ctx.claim(node):
            ctx.note(node, "warning", "Conversation items take no attachments: give the file to the agent's tools "
                     "(FileSearchTool vector store / CodeInterpreterTool container file_ids) or send it as "
                     "{\"type\": \"input_file\", \"file_id\": ...} content of the message.")
        return
    if not isinstance(func, ast.Attribute) or func.attr not in _METHODS:
        return
    target = ctx.resolve(node)
    if target is None:
        return
    if target.surface == "openai" and target.op.startswith("vector_stores."):
        return _drop_beta(node, ctx, target)
    if target.surface != "agents":
        return
    if target.op == "files.save":
        return _save(node, ctx, target)
    new_op = OPS.get(target.op)
    if new_op is None or not ctx.claim(node):
        return
    call = parse_call(ctx, node)
    if call is None:
        return
    ctx.note_assumption(target, node)
    comments = keep_unmapped(ctx, node, call, UNMAPPED)
    if new_op == "files.create":
        _upload_arguments(ctx, node, call)
    if new_op.startswith("vector_stores.file_batches.") and comments and not any(
            a.keyword in ("file_ids", "files") or a.star for a in call.args):
        ctx.note(node, "error", "This batch is left with no files (the data sources stay as a comment), and the "
                 "service rejects a batch without `file_ids` or `files`: upload each file with "
                 "openai_client.files.create(file=..., purpose=\"assistants\") and pass file_ids=[...].")
    if target.op == "vector_stores.create_and_poll":
        ctx.note(node, "info", "vector_stores.create returns before the files are indexed; to wait, add the "
                 "files with openai_client.vector_stores.file_batches.create_and_poll(vector_store_id=..., "
                 "file_ids=[...]) instead of file_ids=.")
    if new_op == "vector_stores.files.delete":
        call.args = [Arg("file_id", a.value, a.comments) if a.keyword == "file_id" else a for a in call.args]
    client = openai_for(ctx, target, node)
    put_comments_above(ctx, comments)
    rewrite_call(ctx, node, f"{client}.{new_op}", call.args, call)


def _save(node: ast.Call, ctx: Context, target) -> None:
    """`files.save(file_id, file_name, target_dir)` -> `files.content(file_id).write_to_file(path)`."""
    if not ctx.claim(node):
        return
    call = parse_call(ctx, node)
    advice = ("files made by the code interpreter live in its container "
              "(openai_client.containers.files.content.retrieve).")
    file_id, file_name = (call.take("file_id", 0), call.take("file_name", 0)) if call else (None, None)
    target_dir = call.take("target_dir", 0) if call else None
    if call is None or file_id is None or file_name is None or call.args:
        ctx.note(node, "warning", "files.save has no counterpart: write "
                 f"`openai_client.files.content(file_id).write_to_file(path)`; {advice}")
        return
    path = file_name.value
    if target_dir is not None:
        ctx.require_import("os", "")
        path = f"os.path.join({target_dir.value}, {file_name.value})"
    client = openai_for(ctx, target, node)
    container = _container_of(ctx, node, call_file_id(node))
    # `img.image_file.file_id` is `img.file_id` on the citation (the rule annotations renames it outside this call)
    file_text = file_id.value if container is None or isinstance(call_file_id(node), ast.Name) \
        else f"{container}.file_id"
    download = f"{client}.files.content({file_text})" if container is None else \
        f"{client}.containers.files.content.retrieve({file_text}, container_id={container}.container_id)"
    awaited = next((n for n in ast.walk(ctx.statement) if isinstance(n, ast.Await) and n.value is node), None) \
        if ctx.statement is not None else None
    if awaited is not None:  # the async client awaits the download; writing the file is a plain call
        ctx.replace(awaited, f"(await {download}).write_to_file({path})")
    else:
        ctx.replace(node, f"{download}.write_to_file({path})")
    if container is None:
        ctx.note(node, "info", f"files.save became files.content(...).write_to_file(...); {advice}")
    else:
        ctx.note(node, "info", f"`{container}` is a file the code interpreter made: it is saved from its container "
                 "(containers.files.content.retrieve), not from the files API.")


# loops over these legacy lists become loops over container_file_citation annotations (rule annotations)
_GENERATED = {"image_contents": "image_file", "file_path_annotations": "file_path"}


def call_file_id(node: ast.Call) -> ast.expr | None:
    """The `file_id` argument of a files.save call, keyword or first positional."""
    found = next((k.value for k in node.keywords if k.arg == "file_id"), None)
    return found if found is not None or not node.args else node.args[0]


def _container_of(ctx: Context, node: ast.Call, file_id: ast.expr | None) -> str | None:
    """The loop variable whose file `file_id` is, when the loop walks generated files
    (`for img in msg.image_contents:` ... `img.image_file.file_id`); else None."""
    if file_id is None:
        return None
    for loop in ast.walk(ctx.tree):
        if not (isinstance(loop, (ast.For, ast.AsyncFor)) and isinstance(loop.target, ast.Name)
                and isinstance(loop.iter, ast.Attribute) and loop.iter.attr in _GENERATED
                and loop.lineno <= node.lineno <= (loop.end_lineno or 0)):
            continue
        variable, nested = loop.target.id, _GENERATED[loop.iter.attr]
        sources = [file_id]
        if isinstance(file_id, ast.Name):  # `file_id = img.image_file.file_id` earlier in the loop
            sources = [s.value for s in ast.walk(loop) if isinstance(s, ast.Assign) and s.lineno < node.lineno
                       and [ast.unparse(t) for t in s.targets] == [file_id.id]][-1:]
        if sources and ast.unparse(sources[0]) == f"{variable}.{nested}.file_id":
            return variable
    return None


_METHODS = {op.rsplit(".", 1)[1] for op in OPS} | {"save"} | {
    flat for flat, ga in PRE_GA_OPERATIONS.items() if ga in OPS or ga == "files.save"}


def _upload_arguments(ctx: Context, node: ast.Call, call) -> None:
    path = call.pop("file_path")
    handle = call.pop("file")
    name = call.pop("filename")
    purpose = call.pop("purpose")
    args = []
    if path is not None:
        content = f'open({path.value}, "rb")'
        ctx.note(node, "info", "files.create takes the file itself: open it (or pass a pathlib.Path); "
                 "`with open(path, \"rb\") as f:` closes it again.")
        args.append(Arg("file", f"({name.value}, {content})" if name else content, path.comments))
    elif handle is not None:
        args.append(Arg("file", f"({name.value}, {handle.value})" if name else handle.value, handle.comments))
    else:
        ctx.note(node, "warning", "No file was given: pass file=open(path, \"rb\").")
    value = purpose.value if purpose else '"assistants"'
    tail = value.rsplit(".", 1)[-1]
    if "FilePurpose" in value and tail in PURPOSES:
        value = PURPOSES[tail]
    elif "FilePurpose" in value or value.strip("'\"") == "assistants_output":
        ctx.note(node, "warning", f"`{value}` is not an upload purpose of the OpenAI client "
                 "(assistants, batch, fine-tune, vision, user_data, evals).")
    elif value.strip("'\"") == "agents":
        value = '"assistants"'
    args.append(Arg("purpose", value, purpose.comments if purpose else []))
    call.args = args + call.args


def _drop_beta(node: ast.Call, ctx: Context, target) -> None:
    if not ctx.claim(node):
        return
    func_text = ctx.text(node.func)
    if ".beta.vector_stores" in func_text:
        ctx.replace(node.func, func_text.replace(".beta.vector_stores", ".vector_stores", 1))
        ctx.note(node, "info", "Vector stores left the beta namespace of the OpenAI client.")
