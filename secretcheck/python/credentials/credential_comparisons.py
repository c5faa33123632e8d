"""SC105: a credential compared with a string literal (`if password == "..."`).

How it detects: an `==`/`!=` comparison (or `compare_digest(a, b)`) with a constant string on one
side and, on the other, a name, attribute, subscript or `.get("...")` call named like a
credential. Such code is a hard-coded backdoor or a hard-coded expected secret.

What it deliberately misses: comparisons against constants defined elsewhere, and `in` tests.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from secretcheck.analysis.scoring import judge_named, strength
from secretcheck.python.astsyntax import call_arguments, call_name
from secretcheck.python.astvisitor import AstCheck
from secretcheck.python.credentials.hardcoded_credentials import target_name

_UNWRAP = frozenset({"encode", "decode", "strip", "lower", "upper", "casefold"})


def side_name(node: ast.expr, text_of: Callable[[ast.AST | None], str | None]) -> str | None:
    """The credential-ish name of one side: `password`, `req.token`, `d["pw"]`, `d.get("pw")`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        arguments = call_arguments(node)
        if node.func.attr in _UNWRAP and not arguments:  # password.encode()
            return side_name(node.func.value, text_of)
        if node.func.attr == "get" and arguments:
            return text_of(arguments[0][1])
    return target_name(node, text_of)


class Check(AstCheck):
    def _pair(self, left: ast.expr, right: ast.expr, how: str) -> None:
        for name_side, value_side in ((left, right), (right, left)):
            name, text = side_name(name_side, self.string_value), self.string_value(value_side)
            if name is None or text is None:
                continue
            verdict = judge_named(name, text)
            if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
                continue
            if strength(text) < 1:
                continue  # `token == "async"`: a lexer comparing words, not a secret check
            self.report(value_side, secret=text, detail=f"'{name}' compared with a literal",
                        signals=(*verdict.signals, f"use: {how}"),
                        confidence=verdict.confidence)  # fmt: skip
            return

    def visit_Compare(self, node: ast.Compare) -> None:
        left = node.left
        for operator, comparator in zip(node.ops, node.comparators, strict=True):
            if isinstance(operator, (ast.Eq, ast.NotEq)):
                self._pair(left, comparator, "compared with ==")
            left = comparator

    def visit_Call(self, node: ast.Call) -> None:
        if not call_name(node.func).endswith("compare_digest"):
            return
        arguments = call_arguments(node)
        if len(arguments) == 2:
            self._pair(arguments[0][1], arguments[1][1], "compare_digest")


run_ast = Check.run_ast
