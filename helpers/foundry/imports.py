"""Imports after conversion: add what the new code needs, drop what it made unused.

Only names that the conversion itself made unused are removed, so an import
the user had left unused stays untouched. Import statements are rewritten with
LibCST so their comments and parentheses survive.
"""
from __future__ import annotations

import ast

import libcst as cst

from ..results import Note
from .context import Context
from .edits import Edits
from .source import SourceText

# Modules whose names the conversion may leave unused.
CLEANABLE = ("azure.ai.agents", "azure.ai.projects", "openai", "time", "azure.identity", "os")


def _used_names(tree: ast.AST) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            counts[node.id] = counts.get(node.id, 0) + 1
        for annotation in _annotations(node):
            # `step: "RunStep"` uses RunStep too: its import must not be dropped.
            if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
                try:
                    quoted = ast.parse(annotation.value, mode="eval")
                except SyntaxError:
                    continue
                for inner in ast.walk(quoted):
                    if isinstance(inner, ast.Name):
                        counts[inner.id] = counts.get(inner.id, 0) + 1
    return counts


def _annotations(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.arg):
        return [node.annotation] if node.annotation else []
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return [node.returns] if node.returns else []
    if isinstance(node, ast.AnnAssign):
        return [node.annotation]
    return []


class _LazyCounts:
    """Name counts of the output, walked only if a name is still in its text."""

    def __init__(self, tree: ast.AST, text: str) -> None:
        self.tree, self.text, self.counts = tree, text, None

    def get(self, name: str, default: int = 0) -> int:
        if self.text.count(name) <= 1:  # only its own import line, or nowhere
            return 0
        if self.counts is None:
            self.counts = _used_names(self.tree)
        return self.counts.get(name, default)


def _bound_name(alias: ast.alias) -> str:
    return alias.asname or alias.name.split(".")[0]


def tidy_imports(output: str, ctx: Context, enabled: frozenset[str] | None = None) -> str:
    """Also runs the rules' finishers (notes about what the output still holds) on the parsed output."""
    try:
        tree = ast.parse(output)
    except SyntaxError as exc:  # a rule produced invalid code: keep it visible
        ctx.note(None, "error", f"internal: the converted code does not parse ({exc.msg}); please report it")
        return output
    if enabled is not None:
        _finish(output, tree, ctx, enabled)
    before = ctx.name_counts
    after = _LazyCounts(tree, output)
    src = SourceText(output)
    edits = Edits()
    top_imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    wanted = {module: set(names) for module, names in ctx.new_imports.items()}
    # Names already imported need no new import.
    for node in top_imports:
        if isinstance(node, ast.ImportFrom) and node.module in wanted:
            wanted[node.module] -= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                wanted.get(alias.name, set()).discard("")
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        module = node.module if isinstance(node, ast.ImportFrom) else None
        names = [a.name for a in node.names]
        if isinstance(node, ast.ImportFrom) and (module is None or node.level):
            continue
        mods = [module] if module else names
        if not any(m == c or m.startswith(c + ".") for m in mods for c in CLEANABLE):
            continue
        keep = [a for a in node.names if not _made_unused(_bound_name(a), before, after)]
        if module and module.startswith("azure.ai.agents") and keep and before:
            still = ", ".join(a.asname or a.name for a in keep)
            ctx.notes.append(Note(_input_line(ctx, node, src), "warning", "imports",
                                  f"Still imported from the legacy {module}: {still}. azure-ai-projects 2.x "
                                  "has no such names; replace their uses (see the other notes) and then "
                                  "drop azure-ai-agents."))
        extra = sorted(wanted.pop(module, set())) if module and node in top_imports else []
        if len(keep) == len(node.names) and not extra:
            continue
        _rewrite_import(src, edits, node, keep, extra)
    missing = {m: n for m, n in wanted.items() if n}
    if missing:
        lines = []
        for module in sorted(missing):
            names = sorted(missing[module])
            if names == [""]:
                lines.append(f"import {module}")
            else:
                lines.append(f"from {module} import {', '.join(n for n in names if n)}")
        _insert_imports(src, edits, tree, lines)
    return edits.apply(output) if edits else output


def _finish(output: str, tree: ast.Module, ctx: Context, enabled: frozenset[str]) -> None:
    from .registry import finishers_for

    for name, finisher in finishers_for(enabled):
        ctx.rule = name
        try:
            finisher(output, tree, ctx)
        except Exception as exc:  # a finisher's bug must not cost the user the conversion
            ctx.note(None, "error", f"internal error in rule {name} ({type(exc).__name__}); please report it.")
    ctx.rule = "imports"


def _input_line(ctx: Context, node: ast.stmt, src: SourceText) -> int | None:
    """The line of an output import statement in the input (rules never edit imports)."""
    text = src.segment(node)
    for original in ctx.tree.body:
        if isinstance(original, type(node)) and ctx.text(original) == text:
            return original.lineno
    return None


def _made_unused(name: str, before: dict[str, int], after: dict[str, int]) -> bool:
    return before.get(name, 0) > 0 and after.get(name, 0) == 0


def _rewrite_import(src: SourceText, edits: Edits, node: ast.stmt, keep: list[ast.alias], extra: list[str]) -> None:
    start = src.line_start(node.lineno)
    end = src.line_end(node.end_lineno)
    text = src.text[start:end]
    if not keep and not extra:
        edits.replace(start, end, "")
        return
    statement = cst.parse_module(text)
    line = statement.body[0]
    small = line.body[0]
    kept = {(a.name, a.asname) for a in keep}

    def alias_key(alias: cst.ImportAlias) -> tuple[str, str | None]:
        name = cst.Module([]).code_for_node(alias.name)
        asname = alias.asname.name.value if alias.asname else None
        return name, asname

    aliases = [a for a in small.names if alias_key(a) in kept]
    aliases += [cst.ImportAlias(name=cst.Name(n)) for n in extra]
    fixed = []
    for index, alias in enumerate(aliases):
        last = index == len(aliases) - 1
        if last and not (isinstance(small, cst.ImportFrom) and small.lpar is not None):
            alias = alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif last and alias is not small.names[-1]:
            # the last name's comma carries the line break before `)`: keep the closing line as it was
            alias = alias.with_changes(comma=small.names[-1].comma)
        elif not last and alias.comma is cst.MaybeSentinel.DEFAULT:
            alias = alias.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        fixed.append(alias)
    new_small = small.with_changes(names=fixed)
    new_text = statement.with_changes(body=[line.with_changes(body=[new_small])]).code
    edits.replace(start, end, new_text)


def _insert_imports(src: SourceText, edits: Edits, tree: ast.Module, lines: list[str]) -> None:
    nl = src.newline()
    body = tree.body
    anchor = None
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            anchor = node
        elif anchor is None and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and node is body[0]:
            continue  # after the module docstring
        else:
            break
    block = "".join(line + nl for line in lines)
    if anchor is not None:
        at = src.line_end(anchor.end_lineno)
        if not src.text[:at].endswith(("\n", "\r")):
            block = nl + block
        edits.insert(at, block)
    elif body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        edits.insert(src.line_end(body[0].end_lineno), block)
    else:
        edits.insert(0, block + (nl if body else ""))
