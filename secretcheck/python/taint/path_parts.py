"""Parts of a path that cannot climb out of the folder it is joined to.

A containment check has two halves (`flows.CONTAINED`): the path holds no ".." segment
(`flows.NO_PARENT`) and it is not absolute (`flows.RELATIVE`). Guards prove them by testing
(`guards.path_halves`); some expressions have them by how they are built:

- a piece of `name.split(".")` (or the last of `name.rsplit(".", 1)`) holds no "." at all, so
  it adds no ".." (Zou's `"." + upload.filename.split(".")[-1]` file extension);
- the extension `os.path.splitext()` splits off holds no separator (it follows the last one)
  and is never ".." (a dot, then no dot), so no path built with it climbs anywhere (convertit's
  `_, ext = os.path.splitext(url)`, then `uuid4() + ext`);
- text that follows a non-empty literal in `+` or an f-string does not start the result, so it
  cannot make it absolute (`f"{row_id}.{extension}"`), unless that literal is the root itself
  (`"/" + name` is any absolute path; a folder of its own is needed for the text to stay in).
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import const_text
from secretcheck.python.taint import query

SPLITEXT = frozenset({"os.path.splitext", "posixpath.splitext", "ntpath.splitext"})


def extension_index(node: ast.expr) -> bool:
    """Does this subscript pick the extension of `splitext()`'s (root, ext) pair?"""
    return _index(node) in (1, -1)


def dot_free(node: ast.Subscript) -> bool:
    """`x.split(".")[i]`, or `x.rsplit(".", 1)[-1]` / `[1]`: a piece with no "." in it."""
    call = node.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return False
    method, args = call.func.attr, call.args
    if call.keywords or not args or const_text(args[0]) != ".":
        return False
    if isinstance(node.slice, ast.Slice):  # a list of pieces: ".".join() puts dots back
        return False
    if method == "split":
        return len(args) == 1  # with a maxsplit, the last piece keeps the rest
    if method != "rsplit" or len(args) != 2:
        return False
    once = isinstance(args[1], ast.Constant) and args[1].value == 1
    return once and _index(node.slice) in (-1, 1)


def _index(node: ast.expr) -> int | None:
    """A constant integer subscript (`1`, `-1`), else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _index(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def holds_text(node: ast.expr) -> bool:
    """Does the text `node` builds hold a non-empty literal (so what follows it is no start),
    and is it more than the filesystem's root (`"/" + name` is any absolute path)?"""
    return not _root(const_text(node)) and query.holds_literal(node, bool)


def after_text(values: list[ast.expr]) -> set[int]:
    """The ids of an f-string's replacement values that follow non-empty literal text, other
    than a root alone (`f"/{name}"`)."""
    _, after = query.split_fstring_at(values, bool)
    rooted: set[int] = set()  # values that only the root's separators precede
    text = ""
    for part in values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            text += part.value
        elif isinstance(part, ast.FormattedValue):
            if not _root(text) or not text:
                break
            rooted.add(id(part.value))
    return {id(value) for value in after} - rooted


def _root(text: str | None) -> bool:
    """Literal text that is only separators: what follows it starts at the filesystem's root."""
    return text is not None and not text.strip("/\\")
