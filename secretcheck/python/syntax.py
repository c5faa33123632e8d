"""Shared libcst helpers, one meaning each: how a name, a call or a constant reads in source.

- `dotted`: the plain `a.b.c` chain of names (`''` for anything else): what imports and
  qualified names are matched against.
- `call_name`: how a call is spelled, calls inside the chain kept as `()` (`Config().get`):
  what the credential checks match call shapes against.
- `string_value`: the text of any constant string, bytes or constant f-string.
- `const_text`: the text of a plain `str` literal only (no bytes, no f-string).
"""

from __future__ import annotations

import libcst as cst


def dotted(node: cst.BaseExpression | None) -> str:
    """`a.b.c` for a Name/Attribute chain, '' for anything else."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if isinstance(node, cst.Name):
        parts.append(node.value)
        return ".".join(reversed(parts))
    return ""


def call_name(node: cst.BaseExpression) -> str:
    """`a.b.c` for a Name/Attribute chain with calls in between as `()` (`get_config().get`);
    an attribute of anything else keeps its attribute names (`x[0].get` -> `get`)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = call_name(node.value)
        return f"{head}.{node.attr.value}" if head else node.attr.value
    if isinstance(node, cst.Call):
        head = call_name(node.func)
        return f"{head}()" if head else ""
    return ""


def string_value(node: cst.BaseExpression | None) -> str | None:
    """The text of a constant string (or bytes) expression, or None if it is not one.

    Implicit concatenation is joined; an f-string counts when all of its parts are constant.
    """
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        try:
            value = node.evaluated_value
        except Exception:  # libcst evaluates with literal_eval; odd escapes may fail
            return None
        if isinstance(value, bytes):
            return value.decode("latin-1")
        return value if isinstance(value, str) else None
    if isinstance(node, cst.FormattedString):
        texts = [p for p in node.parts if isinstance(p, cst.FormattedStringText)]
        if len(texts) == len(node.parts):
            return "".join(p.value for p in texts)
    return None


def const_text(node: cst.BaseExpression | None) -> str | None:
    """The text of a plain string literal (implicit concatenation joined), else None."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def is_true(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "True"


def is_false(node: cst.BaseExpression | None) -> bool:
    if isinstance(node, cst.Name):
        return node.value in ("False", "None")
    return isinstance(node, cst.Integer) and node.value == "0"
