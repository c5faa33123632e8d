"""Qualified names of the stdlib `ast`'s nodes, as libcst's `QualifiedNameProvider` gives them.

The taint engine asks what a name or an attribute chain refers to (`sp.run` -> `subprocess.run`,
`eval` -> `builtins.eval`, `helper` -> a function of this module). This module answers on the
`ast` with the rules of libcst's `ScopeProvider`, which the engine used before, so every sink,
source and sanitizer resolves as it did:

- scopes: the module, each function and lambda (`f.<locals>`), each class (`C`, invisible to
  the functions inside it), each comprehension (`<comprehension>`, its first iterable read
  outside it); `global` and `nonlocal` send assignments to the scope they name;
- an access sees the assignments of its scope made before it (in the order libcst counts
  them), or else the enclosing scope's; assignments of enclosing scopes are all seen;
- `a.b.c` is looked up by its longest prefix that names something (`import os.path`), and an
  import gives `module.name` (`from . import x` gives `.x`).

What it deliberately leaves out, as libcst's provider does: flow sensitivity beyond that order,
names in string annotations (never asked here), and `match` capture patterns (not assignments).
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from secretcheck.python.astsyntax import TRY_NODES, ordered_arguments

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(eq=False, slots=True)
class Scope:
    kind: str  # "builtins", "global", "function", "class" or "comprehension"
    parent: Scope | None
    prefix: str = ""
    count: int = 0
    assignments: dict[str, list[Assignment]] = field(default_factory=dict)
    overwrites: dict[str, Scope] = field(default_factory=dict)

    def up(self) -> Scope:
        return self.parent if self.parent is not None else self


@dataclass(eq=False, slots=True)
class Assignment:
    name: str
    scope: Scope
    index: int
    node: ast.AST | None = None  # the assigning node (a Name, def, class, parameter, import)
    imported: ast.Import | ast.ImportFrom | None = None

    def qualified(self, full_name: str) -> set[str]:
        if self.scope.kind == "builtins":
            return {f"builtins.{self.name}"}
        if self.imported is not None:
            return _import_names(self.imported, full_name)
        return {f"{self.scope.prefix}.{full_name}" if self.scope.prefix else full_name}


def _import_names(node: ast.Import | ast.ImportFrom, full_name: str) -> set[str]:
    """libcst's `ImportAssignment.get_qualified_names_for`: every alias of the statement is
    tried, the longest prefix of a dotted import first."""
    module = ""
    if isinstance(node, ast.ImportFrom):
        module = "." * node.level + (node.module or "")
    results = set()
    for alias in node.names:
        if alias.name == "*":
            continue
        parts = alias.name.split(".")
        for i in range(len(parts), 0, -1):
            real = as_name = ".".join(parts[:i])
            if module.endswith("."):
                real = f"{module}{real}"
            elif module:
                real = f"{module}.{real}"
            if alias.asname:
                as_name = alias.asname
            if full_name.startswith(as_name):
                rest = full_name[len(as_name) :]
                if rest and not rest.startswith("."):
                    continue
                rest = rest.lstrip(".")
                results.add(f"{real}.{rest}" if rest else real)
                break
    return results


def _visible(scope: Scope, first: Scope | None = None) -> Scope:
    """The next enclosing scope whose names the inner one sees (class scopes are skipped)."""
    parent = first if first is not None else scope.up()
    while parent.kind == "class":
        parent = parent.up()
    return parent


def _contains(scope: Scope, name: str) -> bool:
    if scope.kind == "builtins":
        return hasattr(builtins, name)
    if name in scope.overwrites:
        return _contains(scope.overwrites[name], name)
    if scope.assignments.get(name):
        return True
    return _contains(_visible(scope), name)


def _target(scope: Scope, name: str) -> Scope:
    if name in scope.overwrites:
        return _target(_visible(scope, scope.overwrites[name]), name)
    return scope


class Resolver:
    """Scopes, assignments and accesses of one module (or the part of it that is analyzed)."""

    def __init__(self, body: Sequence[ast.stmt]) -> None:
        self.builtins = Scope("builtins", None)
        self.module = Scope("global", self.builtins)
        self.scope_of: dict[int, Scope] = {}
        self.assigned: dict[int, Assignment] = {}  # id(Name) -> its assignment
        # id(access node) -> (scope, index, name); filled once all assignments are known
        self.accesses: dict[int, tuple[Scope, int, str]] = {}
        self._pending: list[tuple[ast.Name, Scope, int, ast.Attribute | None]] = []
        self._frames: list[ast.Attribute | None] = [None]
        self._builtin: dict[str, list[Assignment]] = {}
        self._cache: dict[int, tuple[frozenset[str], bool]] = {}
        self._scope = self.module
        for statement in body:
            self._statement(statement)
        self._infer()

    # -- the names asked ---------------------------------------------------------------------
    def names(self, node: ast.AST) -> tuple[frozenset[str], bool]:
        """(qualified names, is any of them imported or a builtin)."""
        key = id(node)
        if key not in self._cache:
            found = self._qualified(node)
            self._cache[key] = frozenset(n for n, _ in found), any(i for _, i in found)
        return self._cache[key]

    def _qualified(self, node: ast.AST) -> set[tuple[str, bool]]:
        scope = self.scope_of.get(id(node))
        if scope is None:
            return set()
        access = self.accesses.get(id(node))
        if access is not None:
            return {
                (name, _is_imported(a))
                for a in self._referents(*access)
                for name in a.qualified(a.name)
            }
        full = _full_name(node)
        if full is None:
            return set()
        assignments: list[Assignment] = []
        prefix: str | None = full
        while prefix:
            if _contains(scope, prefix):
                assignments = self._resolve(scope, prefix, scope)
                break
            cut = prefix.rfind(".")
            prefix = None if cut == -1 else prefix[:cut]
        own = self.assigned.get(id(node))
        if own is not None and any(a is own for a in assignments):
            return {(name, _is_imported(own)) for name in own.qualified(full)}
        return {(name, _is_imported(a)) for a in assignments for name in a.qualified(full)}

    def _referents(self, scope: Scope, index: int, name: str) -> list[Assignment]:
        assignments = self._resolve(scope, name, scope)
        previous = [a for a in assignments if a.scope is not scope or a.index < index]
        if not previous and assignments and scope.up() is not scope:
            previous = self._resolve(scope.up(), name, scope)
        return previous

    def _resolve(self, scope: Scope, name: str, origin: Scope) -> list[Assignment]:
        if scope.kind == "builtins":
            if name not in self._builtin:
                found = hasattr(builtins, name)
                self._builtin[name] = [Assignment(name, scope, -1)] if found else []
            return self._builtin[name]
        if name in scope.overwrites:
            return self._resolve(_visible(origin, scope.overwrites[name]), name, origin)
        if name in scope.assignments:
            return scope.assignments[name]
        return self._resolve(_visible(scope), name, origin)

    # -- building ----------------------------------------------------------------------------
    def _assign(self, name: str, node: ast.AST | None,
                imported: ast.Import | ast.ImportFrom | None = None) -> Assignment:  # fmt: skip
        target = _target(self._scope, name)
        assignment = Assignment(name, target, target.count, node, imported)
        target.assignments.setdefault(name, []).append(assignment)
        return assignment

    def _new(self, kind: str, name: str | None) -> Scope:
        parent = self._scope
        if kind == "function":
            prefix = ".".join(p for p in (parent.prefix, name, "<locals>") if p)
        elif kind == "class":
            prefix = ".".join(p for p in (parent.prefix, name) if p)
        else:
            prefix = ".".join(p for p in (parent.prefix, "<comprehension>") if p)
        return Scope(kind, parent, prefix)

    def _body(self, body: Sequence[ast.stmt]) -> None:
        for statement in body:
            self._statement(statement)

    def _statement(self, node: ast.stmt) -> None:
        if isinstance(node, _FUNCTIONS):
            self._assign(node.name, node)
            outer = self._scope
            self._scope = self._new("function", node.name)
            self._parameters(node.args, outer)
            self._body(node.body)
            self._scope = outer
            for decorator in node.decorator_list:
                self._expr(decorator)
            if node.returns is not None:
                self._expr(node.returns)
            outer.count += 1
        elif isinstance(node, ast.ClassDef):
            self._assign(node.name, node)
            for decorator in node.decorator_list:
                self._expr(decorator)
            for base in node.bases:
                self._expr(base)
            for keyword in node.keywords:
                self._expr(keyword.value)
            outer = self._scope
            self._scope = self._new("class", node.name)
            self._body(node.body)
            self._scope = outer
            outer.count += 1
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                self._expr(target)
            self._expr(node.value)
            self._scope.count += 1
        elif isinstance(node, ast.AugAssign):
            self._expr(node.target)
            self._expr(node.value)
            self._scope.count += 1
        elif isinstance(node, ast.AnnAssign):
            self._expr(node.target)
            self._expr(node.annotation)
            if node.value is not None:
                self._expr(node.value)
            self._scope.count += 1
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self._expr(node.target)
            self._scope.count += 1
            self._expr(node.iter)
            self._body(node.body)
            self._body(node.orelse)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self._expr(item.context_expr)
                if item.optional_vars is not None:
                    self._expr(item.optional_vars)
                    self._scope.count += 1  # the `as` name
                self._scope.count += 1  # the item
            self._body(node.body)
        elif isinstance(node, TRY_NODES):
            self._body(node.body)
            for handler in node.handlers:
                if handler.type is not None:
                    self._expr(handler.type)
                if handler.name is not None:
                    self._assign(handler.name, handler)
                    self._scope.count += 1
                self._body(handler.body)
            self._body(node.orelse)
            self._body(node.finalbody)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            self._import(node)
            self._scope.count += 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                if self._scope.kind == "global":
                    continue
                glob = isinstance(node, ast.Global)
                self._scope.overwrites[name] = self.module if glob else self._scope.up()
            self._scope.count += 1
        elif isinstance(node, ast.Match):
            self._expr(node.subject)
            for case in node.cases:
                self._pattern(case.pattern)
                if case.guard is not None:
                    self._expr(case.guard)
                self._body(case.body)
        else:  # If, While, Return, Expr, Raise, Assert, Delete, ...: children in order
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    self._statement(child)
                elif isinstance(child, ast.expr):
                    self._expr(child)

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                continue
            if alias.asname:
                self._assign(alias.asname, None, node)
                continue
            parts = alias.name.split(".")
            for i in range(len(parts), 0, -1):
                self._assign(".".join(parts[:i]), None, node)

    def _parameters(self, args: ast.arguments, outer: Scope) -> None:
        """Parameters belong to the function; their defaults and annotations to `outer`."""
        positional = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
        defaults += args.defaults
        pairs: list[tuple[ast.arg, ast.expr | None]] = list(zip(positional, defaults, strict=True))
        if args.vararg is not None:
            pairs.append((args.vararg, None))
        pairs += zip(args.kwonlyargs, args.kw_defaults, strict=True)
        if args.kwarg is not None:
            pairs.append((args.kwarg, None))
        inner = self._scope
        for arg, default in pairs:
            self._assign(arg.arg, arg)
            self._scope = outer
            if default is not None:
                self._expr(default)
            if arg.annotation is not None:
                self._expr(arg.annotation)
            self._scope = inner
        inner.count += 1

    def _pattern(self, node: ast.AST) -> None:
        for child in ast.walk(node):
            if isinstance(child, ast.MatchValue):
                self._expr(child.value)
            elif isinstance(child, ast.MatchClass):
                self._expr(child.cls)
            elif isinstance(child, ast.MatchMapping):
                for key in child.keys:
                    self._expr(key)

    def _expr(self, node: ast.expr) -> None:
        if isinstance(node, ast.Name):
            self.scope_of[id(node)] = self._scope
            if isinstance(node.ctx, ast.Store):
                self.assigned[id(node)] = self._assign(node.id, node)
            else:
                self._pending.append((node, self._scope, self._scope.count, self._frames[-1]))
        elif isinstance(node, ast.Attribute):
            self.scope_of[id(node)] = self._scope
            if self._frames[-1] is None:
                self._frames[-1] = node
            self._expr(node.value)
            if self._frames[-1] is node:
                self._frames[-1] = None
        elif isinstance(node, ast.Call):
            self.scope_of[id(node)] = self._scope
            self._frames.append(None)
            self._expr(node.func)
            for item in ordered_arguments(node):
                self._expr(item.value)
            self._frames.pop()
        elif isinstance(node, ast.Lambda):
            outer = self._scope
            self._scope = self._new("function", None)
            self._parameters(node.args, outer)
            self._expr(node.body)
            self._scope = outer
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            self._comprehension(node)
        elif isinstance(node, ast.NamedExpr):
            self._expr(node.target)
            self._expr(node.value)
            self._scope.count += 1
        else:
            if isinstance(node, ast.Subscript):
                self.scope_of[id(node)] = self._scope
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self._expr(child)
                elif isinstance(child, ast.keyword):
                    self._expr(child.value)

    def _comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
    ) -> None:
        first, *inner = node.generators
        self._expr(first.iter)
        outer = self._scope
        self._scope = self._new("comprehension", None)
        self._expr(first.target)
        self._scope.count += 1
        for condition in first.ifs:
            self._expr(condition)
        for generator in inner:  # libcst counts each inner `for` when it leaves it
            self._expr(generator.target)
            self._expr(generator.iter)
            for condition in generator.ifs:
                self._expr(condition)
        self._scope.count += len(inner)
        if isinstance(node, ast.DictComp):
            self._expr(node.key)
            self._expr(node.value)
        else:
            self._expr(node.elt)
        self._scope = outer

    def _infer(self) -> None:
        """Each access's node: the longest prefix of its attribute chain that names something
        in its scope (`os.path` for `os.path.join` after `import os.path`), else the name."""
        for name, scope, index, enclosing in self._pending:
            node: ast.AST = name
            text = name.id
            if enclosing is not None:
                for dotted, candidate in _dotted_names(enclosing):
                    if _contains(scope, dotted):
                        node, text = candidate, dotted
                        break
            self.accesses[id(node)] = (scope, index, text)
        self._pending = []


def _is_imported(assignment: Assignment) -> bool:
    return assignment.imported is not None or assignment.scope.kind == "builtins"


def _dotted_names(node: ast.expr) -> Iterator[tuple[str, ast.expr]]:
    """libcst's `_gen_dotted_names`: `a.b.c` -> ("a.b.c", ...), ("a.b", ...), ("a", ...)."""
    if isinstance(node, ast.Name):
        yield node.id, node
    elif isinstance(node, ast.Attribute):
        value = node.value
        if isinstance(value, ast.Call):
            if isinstance(value.func, (ast.Attribute, ast.Name)):
                yield from _dotted_names(value.func)
        elif isinstance(value, (ast.Attribute, ast.Name)):
            names = _dotted_names(value)
            first = next(names, None)
            if first is not None:
                yield f"{first[0]}.{node.attr}", node
                yield first
                yield from names


def _full_name(node: ast.AST) -> str | None:
    """libcst's `get_full_name_for_node`: calls and subscripts read through (`a().b` is
    `a.b`), and an attribute of anything else is `None.attr`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_full_name(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _full_name(node.func)
    if isinstance(node, ast.Subscript):
        return _full_name(node.value)
    if isinstance(node, ast.Constant) and node.value is None:
        return "None"  # a Name in libcst
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return str(node.value)
    return None
