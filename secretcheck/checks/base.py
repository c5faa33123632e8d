"""What every CST check shares: reporting a node as a `Hit` with its statement's lines."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import PositionProvider

from secretcheck.findings import Hit, Span
from secretcheck.rulepacks import RuleSpec


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
    ) -> None:
        span = self.inner_span(node)
        if statement is None and self._statements:
            statement = self._statements[-1]
        self.hits.append(Hit(self.rule.code, span, secret, detail, statement))
