"""`walk_batched` calls visitors on the same nodes, in the same order, as libcst's
`visit_batched`: the CST checks keep state across nodes (imports before uses, the enclosing
function and statement), so the order is part of what a finding means.

The code walked is this project's own source, real Python with every statement form it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import libcst as cst
import pytest

from secretcheck.engines.cstwalk import walk_batched

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "secretcheck").rglob("*.py"))[::6]
NODE_TYPES = sorted(
    name
    for name in dir(cst)
    if isinstance(getattr(cst, name), type)
    and issubclass(getattr(cst, name), cst.CSTNode)
    and not name.startswith("Base")
)


class _Recorder(cst.BatchableCSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, int]] = []


def _recorder(types: list[str]) -> type[_Recorder]:
    """A visitor class with visit_/leave_ methods for each of `types`, recording node ids."""
    methods: dict[str, Any] = {}
    for name in types:
        for kind in ("visit", "leave"):
            method = _record(kind)
            method.__name__ = f"{kind}_{name}"  # libcst's get_visitors reads the name
            methods[method.__name__] = method
    return type("Recorder", (_Recorder,), methods)


def _record(kind: str) -> Any:
    def record(self: _Recorder, node: cst.CSTNode) -> None:
        self.events.append((kind, id(node)))

    return record


@pytest.mark.parametrize("with_trivia", [False, True], ids=["code-nodes", "all-nodes"])
def test_same_events_as_libcst(with_trivia: bool) -> None:
    # Without a trivia type asked for, whitespace and operator subtrees are skipped; with
    # `Comment` asked for, everything is walked. Both must match libcst event for event.
    types = NODE_TYPES if with_trivia else [t for t in NODE_TYPES if t not in _TRIVIA]
    recorder = _recorder(types)
    compared = 0
    for path in FILES:
        module = cst.parse_module(path.read_text(encoding="utf-8"))
        expected, got = recorder(), recorder()
        cst.MetadataWrapper(module, unsafe_skip_copy=True).visit_batched([expected])
        walk_batched(module, [got])
        assert got.events == expected.events, path
        compared += len(got.events)
    assert compared > 10_000  # the comparison saw real trees, not empty ones


_TRIVIA = frozenset(
    name
    for name in NODE_TYPES
    if getattr(cst, name).__module__ in ("libcst._nodes.whitespace", "libcst._nodes.op")
)


def test_attribute_visitor_is_refused() -> None:
    class Attribute(cst.BatchableCSTVisitor):
        def visit_Call_func(self, node: cst.Call) -> None:
            pass

    with pytest.raises(ValueError, match="visit_Call_func"):
        walk_batched(cst.parse_module("f(x)\n"), [Attribute()])
