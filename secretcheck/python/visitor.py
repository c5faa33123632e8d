"""What every CST check shares: reporting a node as a `Hit` with its statement's lines, and
(`ResolvingCheck`) a cheap import-alias resolver for the pattern checks."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from secretcheck.findings import Confidence, Hit, Span
from secretcheck.python.syntax import dotted
from secretcheck.rulepacks import RuleSpec


@functools.cache
def _visitor_names(cls: type) -> tuple[str, ...]:
    """libcst's `get_visitors` runs `inspect.getmembers` on every instance (~3 ms each, and a
    scan builds one visitor per rule per parsed module); the names depend on the class only."""
    return tuple(
        name
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if name.startswith(("visit_", "leave_")) and not getattr(member, "_is_no_op", False)
    )


class CheckVisitor(cst.BatchableCSTVisitor):
    # No metadata up front: positions come from libcst's code generation of the whole module,
    # which cost more than the visit itself, and most visited modules report nothing. They are
    # resolved at the first report, once per module for every check sharing the wrapper.
    METADATA_DEPENDENCIES = ()

    def __init__(self, rule: RuleSpec, hits: list[Hit]) -> None:
        super().__init__()
        self.rule = rule
        self.hits = hits
        self._statements: list[cst.SimpleStatementLine] = []
        self._wrapper: MetadataWrapper | None = None

    def bind(self, wrapper: MetadataWrapper) -> None:
        """The wrapper whose module this visitor walks; positions are resolved from it."""
        self._wrapper = wrapper

    def get_visitors(self) -> Mapping[str, Callable[[cst.CSTNode], None]]:
        return {name: getattr(self, name) for name in _visitor_names(type(self))}

    def position(self, node: cst.CSTNode) -> Span:
        if self._wrapper is None:
            raise RuntimeError("CheckVisitor.position before bind(wrapper)")
        where = self._wrapper.resolve(PositionProvider)[node]
        return Span(where.start.line, where.start.column + 1, where.end.line, where.end.column + 1)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statements.append(node)

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
            around = self.position(self._statements[-1])
            statement = (around.line, around.end_line)
        hit = Hit(self.rule.code, span, secret, detail, statement, signals, confidence)
        self.hits.append(hit)


def _module_name(node: cst.BaseExpression | None) -> str:
    return dotted(node) if node is not None else ""


class ResolvingCheck(CheckVisitor):
    """A `CheckVisitor` that records imports as it meets them (they precede their uses).

    `import ssl as s` then `s.CERT_NONE` resolves to `ssl.CERT_NONE`; `from hashlib import md5
    as h` then `h(...)` resolves to `hashlib.md5`. Names that were not imported resolve to
    themselves. The taint engine uses libcst's QualifiedNameProvider instead; these checks only
    need the imports, and resolving scopes for every file would cost several parses.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.aliases: dict[str, str] = {}
        self.function_names: list[str] = []

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = _module_name(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.aliases[alias.asname.name.value] = name
            else:
                self.aliases[name.split(".")[0]] = name.split(".")[0]

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if isinstance(node.names, cst.ImportStar) or node.relative:
            return
        module = _module_name(node.module)
        for alias in node.names:
            name = _module_name(alias.name)
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.aliases[local] = f"{module}.{name}"

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.function_names.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.function_names.pop()

    def qualify(self, node: cst.BaseExpression | None) -> str:
        text = dotted(node)
        if not text:
            return ""
        head, _, rest = text.partition(".")
        if head in self.aliases:
            return f"{self.aliases[head]}.{rest}" if rest else self.aliases[head]
        return text

    def keyword(self, call: cst.Call, name: str) -> cst.BaseExpression | None:
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == name:
                return arg.value
        return None
