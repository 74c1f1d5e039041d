"""Offsets into the user's source, from the line/column pairs that `ast` reports.

`ast` columns count UTF-8 bytes; Python strings count characters. `SourceText`
converts between them so that splices land exactly, whatever the text holds.
"""
from __future__ import annotations

import ast


class SourceText:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self._starts = [0]
        for line in self.lines:
            self._starts.append(self._starts[-1] + len(line))

    def offset(self, lineno: int, col_bytes: int) -> int:
        """Character offset of (1-based line, byte column)."""
        if lineno > len(self.lines):
            return len(self.text)
        line = self.lines[lineno - 1]
        if line.isascii():
            col = col_bytes
        else:
            col = len(line.encode("utf-8")[:col_bytes].decode("utf-8", errors="ignore"))
        return self._starts[lineno - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)
        end = self.offset(node.end_lineno, node.end_col_offset)
        return start, end

    def segment(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def line_start(self, lineno: int) -> int:
        return self._starts[min(lineno - 1, len(self.lines))]

    def line_end(self, lineno: int) -> int:
        """Offset just past the newline of `lineno` (or the end of text)."""
        return self._starts[min(lineno, len(self.lines))]

    def indent_of(self, lineno: int) -> str:
        line = self.lines[lineno - 1] if lineno <= len(self.lines) else ""
        return line[: len(line) - len(line.lstrip(" \t"))]

    def newline(self) -> str:
        first = self.lines[0] if self.lines else "\n"
        return "\r\n" if first.endswith("\r\n") else "\n"
