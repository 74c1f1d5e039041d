"""JSON schemas for function tools, read from Python functions without running them.

A function defined in the same code gives its name, its parameters (from the
annotations) and their descriptions (from `:param x:` docstring lines); the
result is one `FunctionTool(name=..., parameters=..., strict=...)` per function.
Functions imported from another module of the project (the samples'
`user_functions`) are read from that module when its source was given
(`sibling_modules`: folder mode of the command line, or `modules=`); otherwise
an error note says what to write.
"""
from __future__ import annotations

import ast
import json

from .context import Context

from . import sibling_modules
from .tool_state import Seg, kw_text, state, use_model

SIMPLE_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array",
                "dict": "object", "List": "array", "Dict": "object", "None": "null"}


def _local_functions(ctx: Context) -> dict[str, ast.FunctionDef]:
    tools = state(ctx)
    if tools.local_functions is None:
        tools.local_functions = {n.name: n for n in ctx.tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}  # type: ignore[misc]
    return tools.local_functions


def _function_names(ctx: Context, functions: ast.AST) -> list[str] | None:
    """Names in `{f, g}` / `[f, g]`, directly or through a module-level variable."""
    if isinstance(functions, ast.Name):
        name, found = functions.id, None
        for stmt in ctx.tree.body:  # the last module-level assignment wins
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
                found = stmt.value
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
                found = stmt.value
        if found is None:
            return None
        functions = found
    if isinstance(functions, ast.Call) and isinstance(functions.func, ast.Name) and functions.func.id in ("set", "list") \
            and len(functions.args) == 1:
        functions = functions.args[0]
    if not isinstance(functions, (ast.Set, ast.List, ast.Tuple)):
        return None
    if not all(isinstance(e, ast.Name) for e in functions.elts):
        return None
    return [e.id for e in functions.elts]  # type: ignore[attr-defined]


def dispatch_table(ctx: Context, functions: ast.AST, seg: Seg) -> str:
    """Source of a `{name: function}` dict for the functions a FunctionTool was given."""
    names = _function_names(ctx, functions) if not isinstance(functions, ast.Name) else None
    if names:
        return "{" + ", ".join(f'"{n}": {n}' for n in names) + "}"
    return f"{{f.__name__: f for f in {seg(functions)}}}"


def function_tools(ctx: Context, functions: ast.AST, seg: Seg, node: ast.AST) -> str | None:
    """`[FunctionTool(...), ...]` for functions defined in this code (or a given module); None (noted) otherwise."""
    names = _function_names(ctx, functions)
    local = dict(_local_functions(ctx))
    if names is None and isinstance(functions, ast.Name):
        names = _imported_function_names(ctx, functions.id, local)
    missing = [n for n in names or () if n not in local and not _imported_function(ctx, n, local)]
    if not names or missing:
        _note_missing(ctx, functions, missing, seg, node)
        return None
    use_model(ctx, "FunctionTool")
    indent = ctx.indent(node) if hasattr(node, "lineno") else ""
    inner = indent + ctx.unit()
    nl = ctx.src.newline()
    return f"[{nl}" + "".join(f"{inner}{_function_tool(local[n])},{nl}" for n in names) + f"{indent}]"


def _module_of(ctx: Context, name: str) -> tuple[str, str] | None:
    """(module, attribute) for a name imported with `from module import attribute`."""
    qualified = ctx.imports.names.get(name)
    if qualified is None or "." not in qualified:
        return None
    module, _, attribute = qualified.rpartition(".")
    return module, attribute


def _imported_function_names(ctx: Context, name: str, local: dict) -> list[str] | None:
    """The names in `user_functions = {f, g}` of the module it is imported from; their definitions go to `local`."""
    found = _module_of(ctx, name)
    tree = sibling_modules.module_tree(found[0]) if found else None
    if tree is None:
        return None
    functions = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    value = None
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == found[1] for t in stmt.targets):
            value = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == found[1]:
            value = stmt.value
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) in ("set", "list") and len(value.args) == 1:
        value = value.args[0]
    if not isinstance(value, (ast.Set, ast.List, ast.Tuple)) or not all(isinstance(e, ast.Name) for e in value.elts):
        return None
    names = [e.id for e in value.elts]  # type: ignore[attr-defined]
    for name_ in names:
        found_def = functions.get(name_) or _reimported(tree, name_)
        if found_def is not None:
            local[name_] = found_def
    return names


def _reimported(tree: ast.Module, name: str, depth: int = 2) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The definition of `name` that module `tree` imports with `from other import name` (a given module too)."""
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            for alias in stmt.names:
                if (alias.asname or alias.name) == name:
                    other = sibling_modules.module_tree(stmt.module)
                    if other is None:
                        return None
                    for node in other.body:
                        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == alias.name:
                            return node
                    return _reimported(other, alias.name, depth - 1) if depth > 1 else None
    return None


def _imported_function(ctx: Context, name: str, local: dict) -> bool:
    """True (and the definition in `local`) when `name` is a function imported from a given module."""
    found = _module_of(ctx, name)
    tree = sibling_modules.module_tree(found[0]) if found else None
    if tree is None:
        return False
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == found[1]:
            local[name] = stmt
            return True
    return False


def _note_missing(ctx: Context, functions: ast.AST, missing: list[str], seg: Seg, node: ast.AST) -> None:
    what = ", ".join(f"`{m}`" for m in missing) if missing else f"`{seg(functions)}`"
    imported = [m for m in (missing or [getattr(functions, "id", "")]) if _module_of(ctx, m)]
    write = ("2.x takes one FunctionTool(name=..., description=..., parameters={JSON schema}, strict=...) per "
             "function in PromptAgentDefinition(tools=[...]). This line was left as it was.")
    if imported:
        module = _module_of(ctx, imported[0])[0]  # type: ignore[index]
        where = ("that module was not among the files given" if sibling_modules.given()
                 else "only this file was converted")
        ctx.note(node, "error", f"The functions of this FunctionTool ({what}) come from `{module}`, and {where}: "
                 "convert the folder that holds both (`python -m helpers convert FOLDER`, or "
                 "`convert_code(source, modules={...})`) so their schemas are read from it, or write them: "
                 + write)
        return
    ctx.note(node, "warning", f"The functions of this FunctionTool ({what}) are not defined in this code, "
             "so their JSON schemas cannot be written for you: " + write)


def _function_tool(func: ast.FunctionDef) -> str:
    docstring = ast.get_docstring(func) or ""
    description = docstring.split("\n", 1)[0].strip()
    param_docs = {}
    for line in docstring.splitlines():
        text = line.strip()
        if text.startswith(":param "):
            head, _, desc = text[len(":param "):].partition(":")
            param_docs[head.split()[-1] if head.split() else head] = desc.strip()
    positional = func.args.posonlyargs + func.args.args
    defaults = [None] * (len(positional) - len(func.args.defaults)) + list(func.args.defaults)
    params = list(zip(positional, defaults)) + list(zip(func.args.kwonlyargs, func.args.kw_defaults))
    properties, required, strict = {}, [], True
    for arg, default in params:
        if arg.arg in ("self", "cls"):
            continue
        schema, optional = _schema(arg.annotation)
        if param_docs.get(arg.arg):
            schema["description"] = param_docs[arg.arg]
        properties[arg.arg] = schema
        if default is None and not optional:
            required.append(arg.arg)
        else:
            strict = False  # strict mode needs every property required
        if "object" in json.dumps(schema) or "oneOf" in schema:
            strict = False  # free-form objects and unions are not allowed in strict mode
    parameters: dict = {"type": "object", "properties": properties, "required": required}
    if strict:
        parameters["additionalProperties"] = False
    parts = [f"name={json.dumps(func.name)}"]
    if description:
        parts.append(f"description={json.dumps(description)}")
    parts += [f"parameters={_literal(parameters)}", f"strict={strict}"]
    return f"FunctionTool({', '.join(parts)})"


def _schema(annotation: ast.expr | None) -> tuple[dict, bool]:
    """JSON schema of an annotation (as the legacy FunctionTool mapped it), and whether it is optional."""
    if annotation is None:
        return {"type": "string"}, False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return {"type": "string"}, False
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return {"type": "null"}, False
    if isinstance(annotation, (ast.Name, ast.Attribute)):
        name = annotation.id if isinstance(annotation, ast.Name) else annotation.attr
        return {"type": SIMPLE_TYPES.get(name, "string")}, False
    members: list[ast.expr] | None = None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        members = _union_members(annotation)
    elif isinstance(annotation, ast.Subscript):
        head = annotation.value.id if isinstance(annotation.value, ast.Name) else getattr(annotation.value, "attr", "")
        inner = annotation.slice
        if head in ("list", "List", "Sequence"):
            return {"type": "array", "items": _schema(inner)[0]}, False
        if head in ("dict", "Dict", "Mapping"):
            return {"type": "object"}, False
        if head == "Optional":
            members = [inner, ast.Constant(None)]
        elif head == "Union":
            members = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
    if members is None:
        return {"type": "string"}, False
    non_none = [m for m in members if not (isinstance(m, ast.Constant) and m.value is None)]
    if len(non_none) < len(members) and len(non_none) == 1:
        schema = _schema(non_none[0])[0]
        if isinstance(schema.get("type"), str):
            schema["type"] = [schema["type"], "null"]
        return schema, True
    return {"oneOf": [_schema(m)[0] for m in members]}, len(non_none) < len(members)


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_members(node.left) + _union_members(node.right)
    return [node]


def _literal(value) -> str:
    """A Python literal for JSON-like data (True/False/None, double-quoted strings)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return repr(value)
    return json.dumps(value)


def from_function_definition(ctx: Context, function: ast.AST, seg: Seg) -> str | None:
    """`FunctionDefinition(name=, description=, parameters=)` or the same as a dict -> FunctionTool(...)."""
    fields: dict[str, ast.AST] = {}
    if isinstance(function, ast.Call) and all(k.arg for k in function.keywords) and not function.args:
        fields = {k.arg: k.value for k in function.keywords}  # type: ignore[misc]
    elif isinstance(function, ast.Dict) and all(isinstance(k, ast.Constant) for k in function.keys):
        fields = {k.value: v for k, v in zip(function.keys, function.values)}  # type: ignore[union-attr]
    else:
        return None
    if "name" not in fields or set(fields) - {"name", "description", "parameters", "strict"}:
        return None
    use_model(ctx, "FunctionTool")
    parameters = seg(fields["parameters"]) if "parameters" in fields else '{"type": "object", "properties": {}}'
    strict = seg(fields["strict"]) if "strict" in fields else "False"
    parts = [("name", seg(fields["name"])), ("description", seg(fields["description"]) if "description" in fields else None),
             ("parameters", parameters), ("strict", strict)]
    return f"FunctionTool({kw_text(parts)})"


# -- the tools= value of an agent definition -------------------------------------------
