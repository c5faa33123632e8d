"""Lines are numbered one way across the tool: only \\n, \\r\\n and \\r end a line."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from secretcheck.textindex import LineIndex, split_lines

BREAKS = ["a", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\u00e9"]


@given(st.text(st.sampled_from(BREAKS), max_size=30))  # \r then \n makes \r\n
def test_split_lines_ends_lines_only_at_newlines_whatever_else_the_text_holds(text: str) -> None:
    # With or without the fast path for text holding none of the other breaks that
    # `str.splitlines` knows (form feed, U+2028, ...).
    expected = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    assert split_lines(text, keepends=True) == expected
    assert split_lines(text) == [line.rstrip("\r\n") for line in expected]
    assert LineIndex(text).lines == (expected or [""])


def test_split_lines_gives_each_caller_its_own_list() -> None:
    text = "a\nb\n"
    first = split_lines(text)
    first.append("changed by a caller")
    assert split_lines(text) == ["a", "b"]
