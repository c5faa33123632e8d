"""Statement checks gather candidate lines only until their ranges pass the snippet limit.

Below the limit the ranges are all of them, as `statement_ranges` finds them from every
candidate line; past it (one whole-module pass follows) they are some of those, more than the
limit, found without judging every candidate line of a generated module.
"""

from __future__ import annotations

import ast

import pytest

from secretcheck.engines.cst import (
    _MAX_SNIPPETS,
    _candidate_lines,
    _candidate_ranges,
    statement_ranges,
)
from secretcheck.examples import expand
from secretcheck.rulepacks import load_catalogue


def _module(assignments: int) -> str:
    body = "".join(f'db_password_{n} = "{expand("{{alnum:24}}", n)}"\n' for n in range(assignments))
    return "import os\n" + body


@pytest.fixture(scope="module")
def sc101() -> list[object]:
    return [r for r in load_catalogue(()).active() if r.code == "SC101"]


@pytest.mark.parametrize("assignments", [0, 1, _MAX_SNIPPETS - 1, _MAX_SNIPPETS])
def test_below_the_limit_every_range_is_found(sc101: list[object], assignments: int) -> None:
    text = _module(assignments)
    tree = ast.parse(text)
    every = statement_ranges(tree, set(_candidate_lines(sc101, text)))  # type: ignore[arg-type]
    assert len(every) == assignments
    assert _candidate_ranges(sc101, text, tree) == every  # type: ignore[arg-type]


def test_past_the_limit_some_ranges_are_enough(sc101: list[object]) -> None:
    text = _module(10 * _MAX_SNIPPETS)
    tree = ast.parse(text)
    every = statement_ranges(tree, set(_candidate_lines(sc101, text)))  # type: ignore[arg-type]
    found = _candidate_ranges(sc101, text, tree)  # type: ignore[arg-type]
    assert len(every) == 10 * _MAX_SNIPPETS
    assert _MAX_SNIPPETS < len(found) < len(every)
    assert set(found) <= set(every)
