"""What the dangerous-API checks share: import resolution, the enclosing names of a call, and
each check's prefilter derived from the same call table it matches against.

Derivation matters here as in the taint sinks: a call added to a check's table is covered by
its prefilter the moment it is written (`prefilter_for`), so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import libcst as cst

from secretcheck.analysis.names import split_words
from secretcheck.python.syntax import dotted
from secretcheck.python.textgate import GatedPattern
from secretcheck.python.visitor import ResolvingCheck


def prefilter_for(
    qualified: Iterable[str], extra: Iterable[str] = (), gate_extra: Iterable[str] | None = None
) -> GatedPattern:
    """A text test for files that may call one of `qualified`, or hold one of the `extra`
    regexes. The last dotted part is what source text must contain however the module was
    imported or aliased (`pkg.mod.f` -> `f`); for a generic last part (`MD5.new`,
    `RSA.generate`) the part before it is used instead. `gate_extra`: the `extra` regexes
    without lookarounds, for the RE2 gate (see `textgate`)."""
    tails = sorted({_distinctive(name) for name in qualified})
    calls = r"\b(?:" + "|".join(map(re.escape, tails)) + r")\b"
    extra = list(extra)
    gate = None if gate_extra is None else "|".join([calls, *gate_extra])
    return GatedPattern("|".join([calls, *extra]), gate)


_GENERIC = frozenset({"new", "generate", "load", "loads", "open", "decode", "parse"})


def _distinctive(name: str) -> str:
    parts = name.split(".")
    return parts[-2] if parts[-1] in _GENERIC and len(parts) > 1 else parts[-1]


class ApiCheck(ResolvingCheck):
    """A `ResolvingCheck` that also knows the names around a call: the enclosing functions and
    classes and the target of the assignment it sits in (`etag = md5(...)` -> `etag`), and
    which modules the file imports (`defusedxml` changes what an XML parse means)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.targets: list[str] = []
        self.constants: dict[str, cst.BaseExpression] = {}

    def visit_Assign(self, node: cst.Assign) -> None:
        names = [dotted(t.target) for t in node.targets]
        self.targets.append(" ".join(n for n in names if n))
        # A name bound once to a literal keeps it for later calls in the file (`IV = b"..."`,
        # `API = "http://..."`); a second, different binding forgets it (no flow analysis).
        for name in names:
            if not name:
                continue
            if name in self.constants and self.constants[name] is not node.value:
                self.constants[name] = cst.Name("None")
            else:
                self.constants[name] = node.value

    def leave_Assign(self, original_node: cst.Assign) -> None:
        self.targets.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.targets.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.targets.pop()

    def resolve_constant(self, node: cst.BaseExpression | None) -> cst.BaseExpression | None:
        """The literal a plain name was bound to, else the node itself."""
        if isinstance(node, (cst.Name, cst.Attribute)):
            return self.constants.get(dotted(node), node)
        return node

    def context_words(self, node: cst.CSTNode | None = None) -> set[str]:
        """Lower-case words of the enclosing function names, the assignment target and the
        plain names inside `node` (the call's arguments)."""
        text = " ".join([*self.function_names, *self.targets])
        words = set(split_words(text))
        if node is not None:
            for name in _names_in(node):
                words.update(split_words(name))
        return {w.lower() for w in words}

    def imports_module(self, prefix: str) -> bool:
        return any(v == prefix or v.startswith(prefix + ".") for v in self.aliases.values())

    def argument(self, call: cst.Call, index: int, name: str) -> cst.BaseExpression | None:
        """The argument at position `index` or keyword `name`, or None."""
        found = self.keyword(call, name)
        if found is not None:
            return found
        positional = [a.value for a in call.args if a.keyword is None and not a.star]
        return positional[index] if index < len(positional) else None


def _names_in(node: cst.CSTNode) -> list[str]:
    names: list[str] = []

    class Collect(cst.CSTVisitor):
        def visit_Name(self, inner: cst.Name) -> None:
            names.append(inner.value)

        def visit_Attribute(self, inner: cst.Attribute) -> None:
            names.append(inner.attr.value)

    node.visit(Collect())
    return names
