"""Shared stdlib-`ast` helpers, with the meanings of their libcst twins in `syntax.py`.

- `dotted`: the plain `a.b.c` chain of names (`''` for anything else).
- `call_name`: how a call is spelled, calls inside the chain kept as `()` (`Config().get`).
- `string_value`: the text of any constant string, bytes or constant f-string.
- `const_text`: the text of a plain `str` literal only (no bytes, no f-string).
- `keyword` / `argument`: a call's keyword argument, or its positional one at an index.
- `parse_module`: `ast.parse`, with Python 3.6's grammar as a fallback for older code.
- `added`: the operands of a `+` chain, left to right.

Checks that read the stdlib tree use these; the ones that read libcst use `syntax.py`. Where
the two trees differ (`ast` folds implicit concatenation into one `Constant`, and keeps
`True`/`None` as constants), the helpers answer the same questions the same way.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import cast

# `try:` blocks: also `try: ... except* E:` from Python 3.11 (`ast.TryStar`, with `ast.Try`'s
# fields, so typed as one).
TRY_NODES = cast(
    "tuple[type[ast.Try], ...]",
    (ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ())),
)

# Python 3.7 made `async` and `await` keywords. Code written before keeps using them as names
# (pycsw 2.0's `def dispatch(self, writer, async=False)`), and is Python 3.6 that `ast` still
# reads with the grammar of then. (Python 3.13 reads no grammar older than 3.7, so there such a
# file stays unparsed, as before.)
_LEGACY_GRAMMAR = (3, 6)


def parse_module(text: str) -> ast.Module:
    """`ast.parse(text)`, or, when the current grammar refuses it and it uses `async` or
    `await`, the tree Python 3.6's grammar reads. Raises the current grammar's error when
    neither reads it."""
    try:
        return ast.parse(text)
    except SyntaxError as error:
        if "async" not in text and "await" not in text:
            raise
        try:
            return ast.parse(text, feature_version=_LEGACY_GRAMMAR)
        except (SyntaxError, ValueError):
            raise error from None


def dotted(node: ast.AST | None) -> str:
    """`a.b.c` for a Name/Attribute chain, '' for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def call_name(node: ast.AST) -> str:
    """`a.b.c` for a Name/Attribute chain with calls in between as `()` (`get_config().get`);
    an attribute of anything else keeps its attribute names (`x[0].get` -> `get`)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = call_name(node.value)
        return f"{head}.{node.attr}" if head else node.attr
    if isinstance(node, ast.Call):
        head = call_name(node.func)
        return f"{head}()" if head else ""
    return ""


def string_value(node: ast.AST | None) -> str | None:
    """The text of a constant string (or bytes) expression, or None if it is not one.
    An f-string counts when all of its parts are constant."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bytes):
            return node.value.decode("latin-1")
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        texts = [
            p.value for p in node.values if isinstance(p, ast.Constant) and isinstance(p.value, str)
        ]
        if len(texts) == len(node.values):
            return "".join(texts)
    return None


def const_text(node: ast.AST | None) -> str | None:
    """The text of a plain string literal (implicit concatenation joined), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def is_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def is_false(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return (
            node.value is False
            or node.value is None
            or (type(node.value) is int and node.value == 0)
        )
    return False


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    """The value passed as `name=...`, or None."""
    for item in call.keywords:
        if item.arg == name:
            return item.value
    return None


def argument(call: ast.Call, index: int, name: str) -> ast.expr | None:
    """The argument passed as `name=...`, else the one at position `index` among the plain
    positional ones (`*args` are left out, as `syntax`'s libcst checks count them)."""
    found = keyword(call, name)
    if found is not None:
        return found
    positional = [a for a in call.args if not isinstance(a, ast.Starred)]
    return positional[index] if index < len(positional) else None


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a call as written (libcst's `Arg`): `keyword` for `k=v`, `star` "*"
    for `*args` and "**" for `**kwargs`."""

    value: ast.expr
    keyword: str | None = None
    star: str = ""


def ordered_arguments(call: ast.Call) -> list[Argument]:
    """A call's arguments in source order (`ast` keeps positional and keyword ones apart)."""
    out = [Argument(a.value, star="*") if isinstance(a, ast.Starred) else Argument(a)
           for a in call.args]  # fmt: skip
    out += [Argument(k.value, k.arg, "" if k.arg else "**") for k in call.keywords]
    if call.args and call.keywords and _position(call.keywords[0]) < _position(call.args[-1]):
        nodes: list[ast.AST] = [*call.args, *call.keywords]
        order = sorted(range(len(out)), key=lambda i: _position(nodes[i]))
        out = [out[i] for i in order]
    return out


def call_arguments(call: ast.Call) -> list[tuple[str | None, ast.expr, ast.AST]]:
    """A call's arguments in source order, as libcst lists them: (keyword or None, value,
    node to report). `*args` and `**kwargs` give their inner value, with no keyword."""
    args: list[ast.AST] = list(call.args)
    if call.keywords:
        if args and _position(args[-1]) > _position(call.keywords[0]):
            args = sorted([*args, *call.keywords], key=_position)  # `f(a=1, *rest)`
        else:
            args.extend(call.keywords)
    found: list[tuple[str | None, ast.expr, ast.AST]] = []
    for item in args:
        if isinstance(item, ast.keyword):
            found.append((item.arg, item.value, item))
        elif isinstance(item, ast.Starred):
            found.append((None, item.value, item))
        elif isinstance(item, ast.expr):
            found.append((None, item, item))
    return found


def _position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


_NAMED_CONSTANTS = {True: "True", False: "False", None: "None"}


def _named_constant(node: ast.Constant) -> str | None:
    """`True`, `False` and `None` are names in libcst's tree, constants in `ast`'s."""
    value = node.value
    return _NAMED_CONSTANTS[value] if value is None or isinstance(value, bool) else None


def names_in(node: ast.AST) -> list[str]:
    """Every name spelled inside `node`, as libcst's tree holds them as `Name` nodes: variables,
    attribute names, keyword-argument names, lambda parameters, and True/False/None."""
    names: list[str] = []
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name):
            names.append(inner.id)
        elif isinstance(inner, ast.Attribute):
            names.append(inner.attr)
        elif isinstance(inner, (ast.keyword, ast.arg)) and inner.arg is not None:
            names.append(inner.arg)
        elif isinstance(inner, ast.Constant):
            named = _named_constant(inner)
            if named is not None:
                names.append(named)
    return names


def paths_in(node: ast.AST) -> list[str]:
    """Every Name or Attribute chain inside `node` (outermost chains only, each followed by
    its head name), as the taint guards' libcst `paths_in` finds them: an attribute of
    something else (`f().name`) gives its parts, and keyword and lambda parameter names and
    True/False/None count as names."""
    found: list[str] = []
    stack: list[ast.AST] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Attribute):
            text = dotted(current)
            if text:
                found.append(text)
                found.append(text.split(".")[0])
                continue
            stack.append(ast.Name(current.attr))  # libcst visits the attribute's Name last
            stack.append(current.value)
            continue
        if isinstance(current, ast.Name):
            found.append(current.id)
        elif isinstance(current, (ast.keyword, ast.arg)) and current.arg:
            found.append(current.arg)
        elif isinstance(current, ast.Constant):
            named = _named_constant(current)
            if named is not None:
                found.append(named)
        stack.extend(reversed(list(ast.iter_child_nodes(current))))
    return found


def first_index(node: ast.Subscript) -> ast.expr | None:
    """The (first) index of a subscript, `x` in `a[x]` and `a[x, y]`; None for a slice."""
    index: ast.expr | None = node.slice
    if isinstance(index, ast.Tuple):
        index = index.elts[0] if index.elts else None
    return None if index is None or isinstance(index, ast.Slice) else index


def name_of(node: ast.AST | None) -> str | None:
    """The name a `Name` node holds, True/False/None included (libcst's `Name` nodes)."""
    if isinstance(node, ast.Name):
        return node.id
    return _named_constant(node) if isinstance(node, ast.Constant) else None


def unstarred(node: ast.expr) -> ast.expr:
    """The value of `*x` in a display or target (libcst's element `.value`), else the node."""
    return node.value if isinstance(node, ast.Starred) else node


def added(node: ast.BinOp) -> list[ast.expr]:
    """`a + b + c` (read as `(a + b) + c`) -> [a, b, c]; a lone `a + b` -> [a, b]."""
    operands: list[ast.expr] = []
    current: ast.expr = node
    while isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
        operands.append(current.right)
        current = current.left
    operands.append(current)
    return operands[::-1]
