"""The text call graph reads a module's calls in one pass: the same graph as searching each
top-level body on its own, which it falls back to where the two could differ."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from secretcheck.python.taint import check

# Top-level lines, body lines and the pieces that make one pass and per-body searches differ:
# a space inside a chain (`x . f(`), a call running over a body's edge, strings at column 0.
TOP = ["def f(a):\n", "def g():\n", "class C:\n", "@deco\n", "import os\n",
       "from .m import h as k\n", "import pkg.sub as s\n", "x = (g\n", ".h())\n", '"""\n',
       "def h(b):\n", "(a)\n"]  # fmt: skip
BODY = ["    return g(a)\n", "    k(a)\n", "    s.run(a)\n", "    x . k(a)\n",
        "    os . path.join(a)\n", "    f (a)\n", "    s\n", "    (a)\n", "    k\n",
        "    y = f(g(h(a)))\n", '    """\n',
        "    s .\\\n", "    run(a)\n"]  # fmt: skip


def _per_body(text: str, starts: list[int]) -> dict[str, check._Function]:
    saved = check._calls_in_bodies
    check._calls_in_bodies = lambda text, spans: None  # type: ignore[assignment]
    try:
        return check._text_graph(text, starts)
    finally:
        check._calls_in_bodies = saved


def _starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


@settings(max_examples=400, deadline=None)
@example(["from .m import h as k\n", "def g():\n", "    k\n", "(a)\n"])  # `k\n(` over the edge
@example(["def f(a):\n", "    x . k(a)\n", "from .m import h as k\n"])
@given(st.lists(st.one_of(st.sampled_from(TOP), st.sampled_from(BODY)), max_size=14))
def test_one_pass_gives_the_per_body_graph(lines: list[str]) -> None:
    text = "".join(lines)
    assert check._text_graph(text, _starts(text)) == _per_body(text, _starts(text))


def test_where_one_pass_could_differ_each_body_is_searched_alone() -> None:
    spaced = "def f(a):\n    x . k(a)\n"  # `k(` is a call of its own to a per-body search
    assert check._calls_in_bodies(spaced, [(0, len(spaced))]) is None
    over = "def f(a):\n    x = (g\n.h())\n"  # the body ends at `.h())`, a column-0 line
    assert check._calls_in_bodies(over, [(0, over.index(".h"))]) is None
    plain = "def f(a):\n    x.k(a)\n"
    assert check._calls_in_bodies(plain, [(0, len(plain))]) is not None


def test_one_pass_finds_plain_and_imported_calls() -> None:
    text = ("from .m import k\nimport pkg.sub as s\n\n"
            "def f(a):\n    g(a)\n    k(a)\n    s.run(a)\n\ndef g(b):\n    pass\n")
    graph = check._text_graph(text, _starts(text))
    assert graph["f"].callees == frozenset({"g"})
    assert graph["f"].imported == ((".m.k", 6), ("pkg.sub.run", 7))
