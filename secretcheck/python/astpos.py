"""Spans of stdlib `ast` nodes, in the columns every finding uses.

CPython's `col_offset` counts UTF-8 bytes; a `Span` counts characters (1-based, end column
exclusive), as libcst's positions did. Lines that are pure ASCII, nearly all of them, need no
conversion; the others are decoded once per line asked for.
"""

from __future__ import annotations

import ast

from secretcheck.findings import Span
from secretcheck.textindex import split_lines


class Positions:
    """Character spans for the nodes of one module's `ast` tree (built from `text`)."""

    def __init__(self, text: str) -> None:
        self._lines = split_lines(text, keepends=True)
        self._encoded: dict[int, bytes] = {}

    def column(self, line: int, byte_offset: int) -> int:
        """The 0-based character column of `byte_offset` on 1-based `line`."""
        if line < 1 or line > len(self._lines):
            return byte_offset
        source = self._lines[line - 1]
        if source.isascii():
            return byte_offset
        encoded = self._encoded.get(line)
        if encoded is None:
            encoded = self._encoded[line] = source.encode("utf-8", "surrogatepass")
        return len(encoded[:byte_offset].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> Span:
        """The node's span. Nodes without an end (never in a parsed tree) end where they start."""
        line: int = getattr(node, "lineno", 1)
        column = self.column(line, getattr(node, "col_offset", 0))
        end_line: int = getattr(node, "end_lineno", None) or line
        end_offset = getattr(node, "end_col_offset", None)
        end = column if end_offset is None else self.column(end_line, end_offset)
        return Span(line, column + 1, end_line, end + 1)

    def lines_of(self, node: ast.AST) -> tuple[int, int]:
        """First and last line of a statement (the `Hit.statement` range)."""
        line: int = getattr(node, "lineno", 1)
        return line, getattr(node, "end_lineno", None) or line
