"""What every CST check shares: reporting a node as a `Hit` with its statement's lines."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import PositionProvider

from secretcheck.findings import Confidence, Hit, Span
from secretcheck.rulepacks import RuleSpec


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


def dotted_name(node: cst.BaseExpression) -> str:
    """`a.b.c` for a Name/Attribute chain (calls in between become `()`), else ''."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted_name(node.value)
        return f"{head}.{node.attr.value}" if head else node.attr.value
    if isinstance(node, cst.Call):
        head = dotted_name(node.func)
        return f"{head}()" if head else ""
    return ""


class CheckVisitor(cst.BatchableCSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, rule: RuleSpec, hits: list[Hit]) -> None:
        super().__init__()
        self.rule = rule
        self.hits = hits
        self._statements: list[tuple[int, int]] = []

    def position(self, node: cst.CSTNode) -> Span:
        where = self.get_metadata(PositionProvider, node)
        return Span(where.start.line, where.start.column + 1, where.end.line, where.end.column + 1)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        span = self.position(node)
        self._statements.append((span.line, span.end_line))

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine) -> None:
        self._statements.pop()

    def inner_span(self, node: cst.CSTNode) -> Span:
        """For a plain string literal, the span of its text without prefix and quotes."""
        span = self.position(node)
        if not isinstance(node, cst.SimpleString):
            return span
        opening = len(node.prefix) + len(node.quote)
        return Span(span.line, span.column + opening, span.end_line,
                    max(span.end_column - len(node.quote), 1))  # fmt: skip

    def report(
        self,
        node: cst.CSTNode,
        secret: str = "",
        detail: str = "",
        statement: tuple[int, int] | None = None,
        signals: tuple[str, ...] = (),
        confidence: Confidence | None = None,
    ) -> None:
        span = self.inner_span(node)
        if statement is None and self._statements:
            statement = self._statements[-1]
        hit = Hit(self.rule.code, span, secret, detail, statement, signals, confidence)
        self.hits.append(hit)
