"""SC101: string literals bound to credential-like names.

How it detects: a string literal that is assigned to (plain, annotated, tuple, attribute or
subscript target), passed as a keyword argument to, given as the default of a parameter named, or
stored in a dict under a key named like a credential (see `analysis.names`), whose value is not
a placeholder, phrase, path, identifier or template (see `analysis.literals`).

What it deliberately misses: values computed at run time (environment lookups, function calls,
f-strings with expressions) are never reported, since the code does not hold the secret; names
that describe a secret rather than hold it (`password_field`, `token_type`) are skipped.
"""

from __future__ import annotations

import libcst as cst

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.analysis.names import credential_words
from secretcheck.checks.base import CheckVisitor


def string_value(node: cst.BaseExpression) -> str | None:
    """The text of a constant string expression, or None if it is not one."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.FormattedString):
        texts = [p for p in node.parts if isinstance(p, cst.FormattedStringText)]
        if len(texts) == len(node.parts):
            return "".join(p.value for p in texts)
    return None


def target_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return string_value(index.value)
    return None


class Check(CheckVisitor):
    def _consider(self, name: str | None, value: cst.BaseExpression) -> None:
        if not name:
            return
        words = credential_words(name)
        if words is None:
            return
        text = string_value(value)
        if text is None or placeholder_reason(text, name) is not None:
            return
        self.report(value, secret=text, detail=f"name '{name}' ({words})")

    def _pairs(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)):
            if len(target.elements) == len(value.elements):
                for t, v in zip(target.elements, value.elements, strict=True):
                    self._pairs(t.value, v.value)
            return
        self._consider(target_name(target), value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._pairs(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._consider(target_name(node.target), node.value)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._consider(node.keyword.value, node.value)

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None:
            self._consider(node.name.value, node.default)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._consider(string_value(node.key), node.value)
