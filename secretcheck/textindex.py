"""Offsets to 1-based (line, column) positions, computed once per file."""

from __future__ import annotations

import re
from bisect import bisect_right

from secretcheck.findings import Span

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of `text` as findings number them: the one line-splitting rule of the tool.

    Use it (or `LineIndex`) wherever lines of scanned text are numbered; `str.splitlines`
    numbers differently after a form feed, a vertical tab, \\x1c-\\x1e, \\x85 or U+2028/2029.
    """
    lines = _LINE.findall(text)
    return lines if keepends else [line.rstrip("\r\n") for line in lines]


class LineIndex:
    __slots__ = ("lines", "starts")

    def __init__(self, text: str) -> None:
        # Only \n, \r\n and \r end a line, as in editors and libcst (str.splitlines also
        # splits on form feeds and U+2028, which would shift every later line number).
        self.lines = _LINE.findall(text) or [""]
        starts, offset = [], 0
        for line in self.lines:
            starts.append(offset)
            offset += len(line)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Span(line, column, end_line, end_column + 1)

    def line(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            text: str = self.lines[number - 1]
            return text.rstrip("\r\n")
        return ""
