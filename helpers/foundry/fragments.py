"""LibCST on the fragments that change: read a call's arguments, write a new call.

A rewritten call is parsed with LibCST from its exact source, so each argument
keeps its own code and its comments; the new call is laid out like the old one
(one line, or one argument per line at the same indentation).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import libcst as cst

_EMPTY = cst.Module(body=[])


@dataclass
class Arg:
    """One argument: `keyword=value` (or positional, or `*`/`**` unpacking)."""

    keyword: str | None
    value: str
    comments: list[str] = field(default_factory=list)
    star: str = ""
    multiline_string: bool = False

    def code(self) -> str:
        if self.keyword:
            return f"{self.keyword}={self.value}"
        return f"{self.star}{self.value}"


@dataclass
class Call:
    """A call as a rewrite sees it: its callee, its arguments, its layout."""

    func: str
    args: list[Arg]
    multiline: bool
    leading_comments: list[str] = field(default_factory=list)

    def keyword(self, name: str) -> Arg | None:
        return next((arg for arg in self.args if arg.keyword == name), None)

    def positional(self) -> list[Arg]:
        return [arg for arg in self.args if arg.keyword is None and not arg.star]

    def pop(self, name: str) -> Arg | None:
        arg = self.keyword(name)
        if arg is not None:
            self.args.remove(arg)
        return arg

    def take(self, name: str, position: int) -> Arg | None:
        """Remove and return the argument given as `name=` or at `position`."""
        arg = self.pop(name)
        if arg is None:
            positional = self.positional()
            if len(positional) > position:
                arg = positional[position]
                self.args.remove(arg)
        return arg


def _comments(ws: cst.BaseParenthesizableWhitespace | None) -> list[str]:
    if not isinstance(ws, cst.ParenthesizedWhitespace):
        return []
    found = []
    if ws.first_line.comment is not None:
        found.append(ws.first_line.comment.value)
    found.extend(line.comment.value for line in ws.empty_lines if line.comment is not None)
    return found


def _has_multiline_string(node: cst.CSTNode) -> bool:
    class Finder(cst.CSTVisitor):
        found = False

        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            if "\n" in node.value:
                Finder.found = True

        def visit_FormattedString(self, node: cst.FormattedString) -> None:
            if node.start.endswith(('"""', "'''")):
                Finder.found = True

    finder = Finder()
    Finder.found = False
    node.visit(finder)
    return Finder.found


@lru_cache(maxsize=512)
def _parse(text: str) -> cst.BaseExpression:
    return cst.parse_expression(text)


def read_call(text: str) -> Call:
    """Parse the exact source of a call expression into a `Call`.

    Raises `libcst.ParserSyntaxError` when LibCST cannot read it (callers keep
    the original and note it).
    """
    node = _parse(text)
    while isinstance(node, cst.Await):
        node = node.expression
    if not isinstance(node, cst.Call):
        raise ValueError("not a call")
    args = []
    for arg in node.args:
        comments = _comments(arg.comma.whitespace_after) if isinstance(arg.comma, cst.Comma) else []
        comments += _comments(arg.whitespace_after_arg)
        args.append(
            Arg(
                keyword=arg.keyword.value if arg.keyword else None,
                value=_EMPTY.code_for_node(arg.value),
                comments=comments,
                star=arg.star,
                multiline_string="\n" in _EMPTY.code_for_node(arg.value)
                and _has_multiline_string(arg.value),
            )
        )
    return Call(
        func=_EMPTY.code_for_node(node.func),
        args=args,
        multiline="\n" in text,
        leading_comments=_comments(node.whitespace_before_args),
    )


def reindent(value: str, extra: str, safe: bool = True) -> str:
    """Shift the continuation lines of a multi-line value right by `extra`."""
    if not safe or "\n" not in value or not extra:
        return value
    lines = value.split("\n")
    return "\n".join([lines[0], *[(extra + line) if line.strip() else line for line in lines[1:]]])


@dataclass
class Nested:
    """A call used as an argument value, rendered with the outer call's layout."""

    func: str
    args: list[Arg]


def render_call(
    func: str,
    args: list[Arg | tuple[str, "Nested"]],
    *,
    multiline: bool,
    indent: str,
    unit: str = "    ",
    leading_comments: list[str] | None = None,
    shift: str = "",
) -> str:
    """Write a call. `indent` is the indentation of the line the call starts on;
    `shift` is how much deeper the argument values now sit than in the input."""
    if not multiline:
        parts = []
        for arg in args:
            if isinstance(arg, tuple):
                keyword, nested = arg
                inner = render_call(nested.func, nested.args, multiline=False, indent=indent)
                parts.append(f"{keyword}={inner}")
            else:
                parts.append(arg.code())
        return f"{func}({', '.join(parts)})"
    inner_indent = indent + unit
    lines = [f"{func}("]
    for comment in leading_comments or []:
        lines.append(f"{inner_indent}{comment}")
    for arg in args:
        if isinstance(arg, tuple):
            keyword, nested = arg
            inner = render_call(
                nested.func, nested.args, multiline=True, indent=inner_indent, unit=unit,
                shift=shift + unit,
            )
            lines.append(f"{inner_indent}{keyword}={inner},")
            continue
        code = reindent(arg.code(), shift, safe=not arg.multiline_string)
        line = f"{inner_indent}{code},"
        if arg.comments:
            line += f"  {arg.comments[0]}"
        lines.append(line)
        for comment in arg.comments[1:]:
            lines.append(f"{inner_indent}{comment}")
    lines.append(f"{indent})")
    return "\n".join(lines)


def is_valid_expression(text: str) -> bool:
    try:
        _parse(text)
    except (cst.ParserSyntaxError, RecursionError):
        return False
    return True
