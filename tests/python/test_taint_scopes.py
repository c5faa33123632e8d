"""The taint engine's name resolution on the stdlib `ast` gives the qualified names libcst's
`QualifiedNameProvider` gave the libcst engine, for every name, attribute, call and subscript,
on code that exercises each scoping rule and on this project's own sources."""

from __future__ import annotations

import ast
from collections.abc import Collection
from pathlib import Path

import libcst as cst
import pytest
from libcst._metadata_dependent import LazyValue
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedName,
    QualifiedNameProvider,
    QualifiedNameSource,
)

from secretcheck.python.astpos import Positions
from secretcheck.python.taint.scopes import Resolver

SCOPING = """
from __future__ import annotations
import os.path
import subprocess as sp
from . import sibling
from ..pkg import thing as other
from typing import TYPE_CHECKING, cast
import typing

run = sp.run
counter = 0
print(later)
later = 1

def use_before_bind():
    print(value)
    value = os.path.join("a", "b")
    return value

def closure(arg: "sp.CompletedProcess[str]") -> typing.Optional[int]:
    global counter
    counter += 1
    inner = 1
    def nested():
        nonlocal inner
        inner = sp.check_output(["ls"])
        return [x for x in inner if x] + [lambda y: y + inner]
    return cast("int", nested())

class Handler(sibling.Base):
    attr = other.make()
    def method(self, request, n=attr):
        data = {k: v for k, v in request.items()}
        run(data, shell=True)
        "x".join(data), (a + b).strip(), sp.Popen().wait(), data[0].get(1)
        with open(n) as handle, sp.Popen(handle) as (proc, _):
            proc.wait()
        try:
            pass
        except OSError as error:
            raise error
        return self.attr, Handler, attr_missing, os.path, os
"""
_KINDS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript)
_IMPORTED = (QualifiedNameSource.IMPORT, QualifiedNameSource.BUILTIN)
Key = tuple[str, int, int, int, int]


def _expected(text: str) -> dict[Key, tuple[frozenset[str], bool]]:
    wrapper = MetadataWrapper(cst.parse_module(text), unsafe_skip_copy=True)
    names, where = wrapper.resolve(QualifiedNameProvider), wrapper.resolve(PositionProvider)
    out = {}
    for node, value in names.items():
        if not isinstance(node, _KINDS) or getattr(node, "lpar", None):
            continue  # a parenthesised node's libcst span holds its parentheses
        found: Collection[QualifiedName] = value() if isinstance(value, LazyValue) else value
        at = where[node]
        key = (type(node).__name__, at.start.line, at.start.column, at.end.line, at.end.column)
        out[key] = (frozenset(q.name for q in found), any(q.source in _IMPORTED for q in found))
    return out


def _pairs(text: str) -> list[tuple[Key, tuple[frozenset[str], bool], tuple[frozenset[str], bool]]]:
    expected = _expected(text)
    tree = ast.parse(text)
    resolver, positions = Resolver(tree.body), Positions(text)
    pairs = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
            continue
        span = positions.span(node)
        key = (type(node).__name__, span.line, span.column - 1, span.end_line, span.end_column - 1)
        if key in expected:
            pairs.append((key, expected[key], resolver.names(node)))
    return pairs


def test_every_scoping_rule_gives_the_providers_names() -> None:
    pairs = _pairs(SCOPING)
    assert [(k, a, b) for k, a, b in pairs if a != b] == []
    resolved = set().union(*(a[0] for _, a, _ in pairs))
    # The comparison is not vacuous: imports, aliases, locals and builtins were resolved.
    assert {"subprocess.run", "os.path.join", "subprocess.check_output", "run"} <= resolved
    assert {"closure.<locals>.inner", "builtins.None", "builtins.open", ".sibling.Base"} <= resolved
    assert len(pairs) > 80


# interp.py's code now lives in three modules (expressions, statements, URL starts): all read.
@pytest.mark.parametrize(
    "relative",
    ["python/taint/interp.py", "python/taint/statements.py", "python/taint/url_start.py",
     "python/taint/check.py"],
)  # fmt: skip
def test_real_modules_give_the_providers_names(relative: str) -> None:
    path = Path(__file__).resolve().parents[2] / "secretcheck" / relative
    pairs = _pairs(path.read_text(encoding="utf-8"))
    assert len(pairs) > 1000
    assert [(k, a, b) for k, a, b in pairs if a != b] == []
