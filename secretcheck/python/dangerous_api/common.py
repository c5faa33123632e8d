"""What the dangerous-API checks share: import resolution and the enclosing names of a call.
Each check's call table and the prefilter derived from it live in `calls.py`.
"""

from __future__ import annotations

import ast

from secretcheck.analysis.names import split_words
from secretcheck.python.astsyntax import argument, dotted, names_in
from secretcheck.python.astvisitor import ResolvingCheck
from secretcheck.python.dangerous_api.calls import prefilter_for as prefilter_for
from secretcheck.rulepacks import RuleSpec

# What a name bound twice resolves to: no constant (no flow analysis).
_FORGOTTEN = ast.Constant(None)


class ApiCheck(ResolvingCheck):
    """A `ResolvingCheck` that also knows the names around a call: the enclosing functions and
    classes and the target of the assignment it sits in (`etag = md5(...)` -> `etag`), and
    which modules the file imports (`defusedxml` changes what an XML parse means)."""

    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        self.targets: list[str] = []
        self.constants: dict[str, ast.expr] = {}

    def visit_Assign(self, node: ast.Assign) -> None:
        names = [dotted(t) for t in node.targets]
        self.targets.append(" ".join(n for n in names if n))
        # A name bound once to a literal keeps it for later calls in the file (`IV = b"..."`,
        # `API = "http://..."`); a second, different binding forgets it (no flow analysis).
        for name in names:
            if not name:
                continue
            if name in self.constants and self.constants[name] is not node.value:
                self.constants[name] = _FORGOTTEN
            else:
                self.constants[name] = node.value

    def leave_Assign(self, node: ast.Assign) -> None:
        self.targets.pop()

    def qualify(self, node: ast.AST | None) -> str:
        """As `ResolvingCheck.qualify`, but a name the file binds itself and never imports is
        an object it made, not the module of that name: `yaml = YAML()` (ruamel) then
        `yaml.load(text)` is not PyYAML's `yaml.load`."""
        head = dotted(node).partition(".")[0]
        if head and head not in self.aliases and head in self.constants:
            return ""
        return super().qualify(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.targets.append(node.name)

    def leave_ClassDef(self, node: ast.ClassDef) -> None:
        self.targets.pop()

    def resolve_constant(self, node: ast.expr | None) -> ast.expr | None:
        """The literal a plain name was bound to, else the node itself."""
        if isinstance(node, (ast.Name, ast.Attribute)):
            return self.constants.get(dotted(node), node)
        return node

    def context_words(self, node: ast.AST | None = None) -> set[str]:
        """Lower-case words of the enclosing function names, the assignment target and the
        plain names inside `node` (the call's arguments)."""
        text = " ".join([*self.function_names, *self.targets])
        words = set(split_words(text))
        if node is not None:
            for name in names_in(node):
                words.update(split_words(name))
        return {w.lower() for w in words}

    def imports_module(self, prefix: str) -> bool:
        return any(v == prefix or v.startswith(prefix + ".") for v in self.aliases.values())

    def argument(self, call: ast.Call, index: int, name: str) -> ast.expr | None:
        """The argument at position `index` or keyword `name`, or None."""
        return argument(call, index, name)
