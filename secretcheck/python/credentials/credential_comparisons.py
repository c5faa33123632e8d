"""SC105: a credential compared with a string literal (`if password == "..."`).

How it detects: an `==`/`!=` comparison (or `compare_digest(a, b)`) with a constant string on one
side and, on the other, a name, attribute, subscript or `.get("...")` call named like a
credential. Such code is a hard-coded backdoor or a hard-coded expected secret.

What it deliberately misses: comparisons against constants defined elsewhere, and `in` tests.
"""

from __future__ import annotations

import libcst as cst

from secretcheck.analysis.scoring import judge_named, strength
from secretcheck.python.credentials.hardcoded_credentials import target_name
from secretcheck.python.syntax import call_name, string_value
from secretcheck.python.visitor import CheckVisitor

_UNWRAP = frozenset({"encode", "decode", "strip", "lower", "upper", "casefold"})


def side_name(node: cst.BaseExpression) -> str | None:
    """The credential-ish name of one side: `password`, `req.token`, `d["pw"]`, `d.get("pw")`."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        if node.func.attr.value in _UNWRAP and not node.args:  # password.encode()
            return side_name(node.func.value)
        if node.func.attr.value == "get" and node.args:
            return string_value(node.args[0].value)
    return target_name(node)


class Check(CheckVisitor):
    def _pair(self, left: cst.BaseExpression, right: cst.BaseExpression, how: str) -> None:
        for name_side, value_side in ((left, right), (right, left)):
            name, text = side_name(name_side), string_value(value_side)
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

    def visit_Comparison(self, node: cst.Comparison) -> None:
        left = node.left
        for target in node.comparisons:
            if isinstance(target.operator, (cst.Equal, cst.NotEqual)):
                self._pair(left, target.comparator, "compared with ==")
            left = target.comparator

    def visit_Call(self, node: cst.Call) -> None:
        if call_name(node.func).endswith("compare_digest") and len(node.args) == 2:
            self._pair(node.args[0].value, node.args[1].value, "compare_digest")
