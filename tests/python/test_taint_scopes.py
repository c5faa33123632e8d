"""The taint engine's scope shortcut gives the qualified names libcst's provider gives.

`resolve_scopes` skips the batched traversals around libcst's scope providers; the names
asked of the scopes it returns must equal `QualifiedNameProvider`'s for every node, on code
that exercises each scoping rule and on this project's own sources.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import libcst as cst
import pytest
from libcst._metadata_dependent import LazyValue
from libcst.metadata import MetadataWrapper, QualifiedName, QualifiedNameProvider

from secretcheck.python.taint.scopes import resolve_scopes

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
    def method(self, request):
        data = {k: v for k, v in request.items()}
        run(data, shell=True)
        return self.attr, Handler, attr_missing
"""


def _pairs(module: cst.Module) -> list[tuple[cst.CSTNode, set[str], set[str]]]:
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(QualifiedNameProvider)
    scopes = resolve_scopes(MetadataWrapper(module, unsafe_skip_copy=True))
    pairs = []
    for node, value in expected.items():
        found: Collection[QualifiedName] = value() if isinstance(value, LazyValue) else value
        scope = scopes.get(node)
        ours = scope.get_qualified_names_for(node) if scope is not None else set()
        pairs.append((node, {q.name for q in found}, {q.name for q in ours}))
    return pairs


def test_every_scoping_rule_gives_the_providers_names() -> None:
    pairs = _pairs(cst.parse_module(SCOPING))
    assert [(type(n).__name__, a, b) for n, a, b in pairs if a != b] == []
    resolved = set().union(*(a for _, a, _ in pairs))
    # The comparison is not vacuous: imports, aliases and locals were resolved.
    assert {"subprocess.run", "os.path.join", "subprocess.check_output", "run"} <= resolved
    assert "closure.<locals>.inner" in resolved


@pytest.mark.parametrize("relative", ["python/taint/interp.py", "python/taint/check.py"])
def test_real_modules_give_the_providers_names(relative: str) -> None:
    path = Path(__file__).resolve().parents[2] / "secretcheck" / relative
    pairs = _pairs(cst.parse_module(path.read_text(encoding="utf-8")))
    assert len(pairs) > 1000
    assert [(type(n).__name__, a, b) for n, a, b in pairs if a != b] == []


def test_resolved_scopes_are_stored_like_the_wrappers() -> None:
    """A later `resolve` on the same wrapper reuses the stored scopes, as after its own."""
    from libcst.metadata import ScopeProvider

    wrapper = MetadataWrapper(cst.parse_module(SCOPING), unsafe_skip_copy=True)
    scopes = resolve_scopes(wrapper)
    assert wrapper.resolve(ScopeProvider) is scopes
