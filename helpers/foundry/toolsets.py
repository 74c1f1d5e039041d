"""Whether the ToolSets of this code are lists once it is converted.

tool_definitions turns every `x = ToolSet()` into `x = []`. When that holds for
every ToolSet the code builds, a ToolSet reached some other way (an attribute
such as `self.member.toolset`, a parameter annotated `ToolSet`) is one of those
lists too, and can be given to `PromptAgentDefinition(tools=...)` and treated
as a list where its methods are called.
"""
from __future__ import annotations

import ast

from .tool_models import legacy_class

CACHE = "toolsets_are_lists"
TOOLSET_CLASSES = ("ToolSet", "AsyncToolSet")


def toolsets_are_lists(ctx) -> bool:
    """True when the code builds ToolSets and each one is assigned (so it becomes a list)."""
    known = ctx.tools.get(CACHE)
    if known is None:
        known = ctx.tools[CACHE] = _all_assigned(ctx)
    return known


def _all_assigned(ctx) -> bool:
    if "ToolSet(" not in ctx.src.text:
        return False
    assigned = {id(n.value) for n in ast.walk(ctx.tree) if isinstance(n, (ast.Assign, ast.AnnAssign))}
    built = [n for n in ast.walk(ctx.tree) if isinstance(n, ast.Call) and legacy_class(ctx, n) in TOOLSET_CLASSES]
    return bool(built) and all(id(n) in assigned for n in built)


def is_toolset_annotation(node: ast.AST | None) -> bool:
    """`ToolSet`, `Optional[ToolSet]`, `ToolSet | None`, `models.ToolSet`, `"ToolSet"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return False
    if isinstance(node, ast.Name):
        return node.id in TOOLSET_CLASSES
    if isinstance(node, ast.Attribute):
        return node.attr in TOOLSET_CLASSES
    if isinstance(node, ast.Subscript) and getattr(node.value, "id", getattr(node.value, "attr", "")) == "Optional":
        return is_toolset_annotation(node.slice)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [node.left, node.right]
        kept = [s for s in sides if not (isinstance(s, ast.Constant) and s.value is None)]
        return len(kept) == 1 and is_toolset_annotation(kept[0])
    return False
