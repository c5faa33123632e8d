"""What the dangerous-API checks share: import resolution and the enclosing names of a call.
Each check's call table and the prefilter derived from it live in `calls.py` (no libcst).
"""

from __future__ import annotations

import libcst as cst

from secretcheck.analysis.names import split_words
from secretcheck.python.dangerous_api.calls import prefilter_for as prefilter_for
from secretcheck.python.syntax import dotted
from secretcheck.python.visitor import ResolvingCheck


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
