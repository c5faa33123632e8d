"""A read-only batched traversal of a libcst tree, in libcst's own visiting order.

libcst's `visit` is built for transformers: every node visited is rebuilt from its visited
children (a dataclass construction and validation per node), and for a batched visitor the
whitespace, comment and operator nodes are visited too, though no check looks at them. On the
9 real-code sdists that traversal was the largest single cost of the CST engine. The checks here
only read, so `walk_batched` calls the same `visit_<Type>`/`leave_<Type>` methods, node by node
in the same order (each node type's child fields in the order its `_visit_and_replace_children`
visits them, read from that method once per type), and rebuilds nothing. Trivia subtrees
(`libcst._nodes.whitespace` and `op` types) are skipped unless a visitor asks for one of them.

`tests/test_cstwalk.py` holds the order to libcst's on real code.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator, Sequence

import libcst as cst
from libcst._nodes import op as _op
from libcst._nodes import whitespace as _whitespace

Method = Callable[[cst.CSTNode], None]
# `visit_required(self, "name", self.name, visitor)`: the field, in visiting order.
_VISITED_FIELD = re.compile(r"""\bvisit_\w+\(\s*self\s*,\s*["'](\w+)["']""")


@functools.cache
def child_fields(node_type: type[cst.CSTNode]) -> tuple[str, ...]:
    """The fields libcst visits for this node type, in its order."""
    source = inspect.getsource(node_type._visit_and_replace_children)
    return tuple(dict.fromkeys(_VISITED_FIELD.findall(source)))


@functools.cache
def _is_trivia(node_type: type[cst.CSTNode]) -> bool:
    return node_type.__module__ in (_whitespace.__name__, _op.__name__)


def children(node: cst.CSTNode, skip_trivia: bool) -> Iterator[cst.CSTNode]:
    """The node's children in libcst's visiting order."""
    for field in child_fields(type(node)):
        value = getattr(node, field)
        if isinstance(value, cst.CSTNode):
            if not (skip_trivia and _is_trivia(type(value))):
                yield value
        elif isinstance(value, (tuple, list)):
            for item in value:
                if isinstance(item, cst.CSTNode) and not (skip_trivia and _is_trivia(type(item))):
                    yield item


def walk_batched(module: cst.CSTNode, visitors: Sequence[cst.BatchableCSTVisitor]) -> None:
    """Call each visitor's `visit_<Type>` before a node's children and `leave_<Type>` after
    them, as libcst's `visit_batched` does (whose `on_visit` never prunes a subtree).

    Raises ValueError for an attribute visitor (`visit_<Type>_<field>`): not supported here."""
    visits: dict[str, list[Method]] = {}
    leaves: dict[str, list[Method]] = {}
    for visitor in visitors:
        for name, method in visitor.get_visitors().items():
            kind, _, type_name = name.partition("_")
            if "_" in type_name:
                raise ValueError(f"attribute visitor {name} is not supported")
            table = visits if kind == "visit" else leaves
            table.setdefault(type_name, []).append(method)
    wanted = set(visits) | set(leaves)
    skip_trivia = not any(
        _is_trivia(t) for t in (getattr(cst, n, None) for n in wanted) if isinstance(t, type)
    )

    def go(node: cst.CSTNode) -> None:
        type_name = type(node).__name__
        for method in visits.get(type_name, ()):
            method(node)
        for child in children(node, skip_trivia):
            go(child)
        for method in leaves.get(type_name, ()):
            method(node)

    go(module)
