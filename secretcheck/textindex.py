"""Offsets to 1-based (line, column) positions, computed once per file, when first asked."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from secretcheck.findings import Span

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
# What `str.splitlines` also breaks at; text without any (nearly all) splits the same both ways,
# and `splitlines` is twice as fast as `_LINE`.
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of `text` as findings number them: the one line-splitting rule of the tool.

    Use it (or `LineIndex`) wherever lines of scanned text are numbered; `str.splitlines`
    numbers differently after a form feed, a vertical tab, \\x1c-\\x1e, \\x85 or U+2028/2029.
    """
    global _last
    last = _last  # one read: another thread may replace it, or fill its third item alike
    if last[0] is not text:
        # The syntax-tree engine, its checks and the taint check each split the same file:
        # once per file is enough (~1% of a flask+werkzeug scan). The memo holds the text
        # itself, so `is` cannot mistake another string at a freed address for it.
        lines = text.splitlines(True) if _OTHER_BREAKS.search(text) is None else None
        last = _last = [text, _LINE.findall(text) if lines is None else lines, None]
    if keepends:
        return list(last[1])
    if last[2] is None:
        last[2] = [line.rstrip("\r\n") for line in last[1]]
    return list(last[2])


_last: list[Any] = [None, [], None]  # the last text split, its lines with and without ends


class LineIndex:
    """The lines of one text and where each starts. Split on first use: most files of a scan
    hold nothing any engine reports, and splitting every file was ~2% of a scan's CPU."""

    __slots__ = ("_lines", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None
        self._starts: list[int] | None = None

    @property
    def lines(self) -> list[str]:
        """Each line with its ending. Only \\n, \\r\\n and \\r end a line, as in editors and
        libcst (str.splitlines also splits on form feeds and U+2028, which would shift every
        later line number)."""
        if self._lines is None:
            self._lines = split_lines(self.text, keepends=True) or [""]
        return self._lines

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            lines = self.lines
            self._starts = [0, *accumulate(map(len, lines[:-1]))]
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        starts = self.starts
        row = bisect_right(starts, offset) - 1
        return row + 1, offset - starts[row] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Span(line, column, end_line, end_column + 1)

    def line(self, number: int) -> str:
        lines = self.lines
        if 1 <= number <= len(lines):
            text: str = lines[number - 1]
            return text.rstrip("\r\n")
        return ""
