"""What every stdlib-`ast` check shares: a walk in libcst's visiting order, reporting a node as
a `Hit` with its statement's lines, and (`ResolvingCheck`) a cheap import-alias resolver.

For checks that read the tree `engines/cst.py` has already parsed (`syntax = "ast"`): no
libcst parse, no position codegen. It replaced the libcst `CheckVisitor` these checks were
written on, and keeps what they relied on, so their findings stayed the same, field by field:

- order: a node's `visit_<Type>` before its children and `leave_<Type>` after them, children in
  source order (decorators before a function's parameters and body, a call's keyword and
  positional arguments interleaved as written, a dict's keys and values in turn). State kept
  across nodes (imports before uses, names bound earlier in the file) sees what libcst's did.
- spans: character columns (`astpos`); a plain string literal reports the text between its
  quotes, as libcst's `SimpleString` was reported.
- statements: a hit's `statement` is the line range of its simple-statement line (statements
  joined by `;` share one), and None in a one-line suite (`if x: y()`) or a compound header,
  where libcst has no `SimpleStatementLine` around the node either.

Hooks are named for the `ast` node type (`visit_Call`, `leave_ClassDef`); `AsyncFunctionDef`
uses the `FunctionDef` hooks, as libcst has one node for both. `on_param(arg, default)` sees
each parameter (of a `def` or a `lambda`), as libcst's `visit_Param` did.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

from secretcheck.findings import Confidence, Hit, Span
from secretcheck.python.astpos import Positions
from secretcheck.python.astsyntax import TRY_NODES, call_arguments, dotted, string_value
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import split_lines

Hook = Callable[[Any, Any], None]
_SAME_HOOKS = {"AsyncFunctionDef": "FunctionDef"}
_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor,
             ast.While, ast.With, ast.AsyncWith, *TRY_NODES, ast.Match)  # fmt: skip
# One string token, prefix aside: what libcst calls a SimpleString (not an implicit concatenation).
_PREFIX = re.compile(r"[rRbBuUfF]{0,2}")
_SINGLE_LITERAL = {
    quote: re.compile(rf"{quote}(?:\\.|(?!{quote})[^\\])*{quote}", re.DOTALL)
    for quote in ("'''", '"""', "'", '"')
}


_HOOKS: dict[type, dict[str, tuple[Hook | None, Hook | None]]] = {}


def _hooks(cls: type) -> dict[str, tuple[Hook | None, Hook | None]]:
    """Node type name -> (visit, leave), read once per check class."""
    if cls in _HOOKS:
        return _HOOKS[cls]
    table: dict[str, tuple[Hook | None, Hook | None]] = {}
    names = {n.partition("_")[2] for n in dir(cls) if n.startswith(("visit_", "leave_"))}
    for name in names:
        table[name] = (getattr(cls, f"visit_{name}", None), getattr(cls, f"leave_{name}", None))
    for alias, name in _SAME_HOOKS.items():
        if alias not in table and name in table:
            table[alias] = table[name]
    _HOOKS[cls] = table
    return table


def ordered(node: ast.AST) -> Iterator[ast.AST]:
    """`node` and every node inside it in the walk's order (each node before its children,
    children in source order): what a libcst visitor of an expression met."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(_expression_children(current)))


def _expression_children(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Call):
        return [node.func, *(item for _, _, item in call_arguments(node))]
    if isinstance(node, ast.Dict):
        pairs = zip(node.keys, node.values, strict=True)
        return [n for key, value in pairs for n in (key, value) if n is not None]
    if isinstance(node, ast.IfExp):
        return [node.body, node.test, node.orelse]
    if isinstance(node, ast.arguments):
        return [n for arg, default in parameters(node) for n in (arg, default) if n is not None]
    return list(ast.iter_child_nodes(node))


def parameters(node: ast.arguments) -> list[tuple[ast.arg, ast.expr | None]]:
    """Each parameter with its default, in source order."""
    positional = [*node.posonlyargs, *node.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(node.defaults))
    params: list[tuple[ast.arg, ast.expr | None]] = list(
        zip(positional, [*defaults, *node.defaults], strict=True)
    )
    if node.vararg is not None:
        params.append((node.vararg, None))
    params.extend(zip(node.kwonlyargs, node.kw_defaults, strict=True))
    if node.kwarg is not None:
        params.append((node.kwarg, None))
    return params


class _Source:
    """The positions and lines of one text, shared by every check run on it in turn."""

    last: ClassVar[_Source | None] = None

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions = Positions(text)
        self.lines = split_lines(text, keepends=True)

    @classmethod
    def of(cls, text: str) -> _Source:
        if cls.last is None or cls.last.text is not text:
            cls.last = cls(text)
        return cls.last


class _Walker:
    """One walk of a tree in libcst's order, calling the hooks of every check it serves: a
    file's checks share one traversal, each seeing the events its own walk would have."""

    def __init__(self, checks: Sequence[AstCheck], lines: list[str], positions: Positions) -> None:
        self.statement: tuple[int, int] | None = None
        self._lines, self._positions = lines, positions
        self._visits: dict[str, list[Callable[[Any], None]]] = {}
        self._leaves: dict[str, list[Callable[[Any], None]]] = {}
        self._params: list[Callable[[ast.arg, ast.expr | None], None]] = []
        self._dict_items: list[Callable[[ast.expr, ast.expr], None]] = []
        for check in checks:
            check._walker = self
            for name, (visit, leave) in _hooks(type(check)).items():
                if visit is not None:
                    self._visits.setdefault(name, []).append(visit.__get__(check))
                if leave is not None:
                    self._leaves.setdefault(name, []).append(leave.__get__(check))
            if type(check).on_param is not AstCheck.on_param:
                self._params.append(check.on_param)
            if type(check).on_dict_item is not AstCheck.on_dict_item:
                self._dict_items.append(check.on_dict_item)

    def walk(self, node: ast.AST) -> None:
        # One frame per tree level (children inline, not in a helper): a deep expression
        # (a 500-term `+` chain) must not run out of stack before libcst's walk did.
        name = type(node).__name__
        visits = self._visits.get(name)
        if visits:
            for visit in visits:
                visit(node)
        walk = self.walk
        if isinstance(node, ast.Call):
            walk(node.func)
            for _, _, item in call_arguments(node):
                walk(item)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                walk(decorator)
            walk(node.args)
            if node.returns is not None:
                walk(node.returns)
            self._body(node.body)
        elif isinstance(node, ast.ClassDef):
            for item in (*node.decorator_list, *node.bases, *node.keywords):
                walk(item)
            self._body(node.body)
        elif isinstance(node, ast.arguments):
            for arg, default in parameters(node):
                for on_param in self._params:
                    on_param(arg, default)
                walk(arg)
                if default is not None:
                    walk(default)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is not None:
                    for on_dict_item in self._dict_items:
                        on_dict_item(key, value)
                    walk(key)
                walk(value)
        elif isinstance(node, ast.IfExp):
            walk(node.body)
            walk(node.test)
            walk(node.orelse)
        else:
            for field in node._fields:
                child = getattr(node, field, None)
                if isinstance(child, ast.AST):
                    walk(child)
                elif isinstance(child, list) and child:
                    if isinstance(child[0], ast.stmt):
                        self._body(child)
                    else:
                        for item in child:
                            if isinstance(item, ast.AST):
                                walk(item)
        leaves = self._leaves.get(name)
        if leaves:
            for leave in leaves:
                leave(node)

    def _body(self, body: list[ast.stmt]) -> None:
        """A block's statements, each walked with its simple-statement line as `statement`."""
        if not body:
            return
        outer = self.statement
        suite = not self._starts_line(body[0])
        group_end = 0
        for index, stmt in enumerate(body):
            if suite or isinstance(stmt, _COMPOUND):
                self.statement = None
            elif stmt.lineno > group_end:
                # A new line; statements after `;` on its last line belong to it.
                group_end = stmt.end_lineno or stmt.lineno
                following = index + 1
                while following < len(body) and body[following].lineno == group_end:
                    group_end = body[following].end_lineno or group_end
                    following += 1
                self.statement = (stmt.lineno, group_end)
            self.walk(stmt)
        self.statement = outer

    def _starts_line(self, stmt: ast.stmt) -> bool:
        if stmt.lineno > len(self._lines):
            return True
        line = self._lines[stmt.lineno - 1]
        return not line[: self._positions.column(stmt.lineno, stmt.col_offset)].strip()


def run_checks(checks: Sequence[tuple[RuleSpec, type[AstCheck]]], text: str,
               tree: ast.Module) -> list[Hit]:
    """Hits of several checks on one tree, walked once; each check's hits in its own order,
    the checks' in the order given."""
    made = [cls(rule, text, tree) for rule, cls in checks]
    if made:
        _Walker(made, made[0]._lines, made[0].positions).walk(tree)
    return [hit for check in made for hit in check.hits]


class AstCheck:
    """Reports for one rule on one module; subclasses add `visit_<Type>`/`leave_<Type>` hooks
    (and `on_param`, `on_dict_item`), which a walk calls in libcst's order."""

    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        self.rule = rule
        self.hits: list[Hit] = []
        source = _Source.of(text)
        self.positions = source.positions
        self._lines = source.lines
        self._walker: _Walker | None = None

    @classmethod
    def run_ast(cls, rule: RuleSpec, text: str, tree: ast.Module) -> list[Hit]:
        return run_checks([(rule, cls)], text, tree)

    @property
    def statement(self) -> tuple[int, int] | None:
        """The line range of the simple-statement line being walked (None outside one)."""
        return self._walker.statement if self._walker is not None else None

    def on_param(self, arg: ast.arg, default: ast.expr | None) -> None:
        """A parameter of a `def` or a `lambda`, before its annotation and default."""

    def on_dict_item(self, key: ast.expr, value: ast.expr) -> None:
        """A `key: value` entry of a dict display (not `**other`), before its key and value:
        libcst's `visit_DictElement`."""

    # -- reporting --------------------------------------------------------------------------

    def source(self, node: ast.AST) -> str:
        """The node's source text."""
        span = self.positions.span(node)
        lines = self._lines[span.line - 1 : span.end_line]
        if not lines:
            return ""
        if len(lines) == 1:
            return lines[0][span.column - 1 : span.end_column - 1]
        return "".join(
            [lines[0][span.column - 1 :], *lines[1:-1], lines[-1][: span.end_column - 1]]
        )

    def inner_span(self, node: ast.AST) -> Span:
        """For a plain string literal, the span of its text without prefix and quotes."""
        span = self.positions.span(node)
        if isinstance(node, ast.Tuple):
            return self._tuple_span(node, span)
        if not (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))):
            return span
        text = self.source(node)
        prefix = _PREFIX.match(text)
        start = prefix.end() if prefix else 0
        quote = next((q for q in _SINGLE_LITERAL if text.startswith(q, start)), "")
        if not quote or not _SINGLE_LITERAL[quote].fullmatch(text, start):
            return span  # an implicit concatenation: libcst reports all of it
        opening = start + len(quote)
        return Span(span.line, span.column + opening, span.end_line,
                    max(span.end_column - len(quote), 1))  # fmt: skip

    def with_parentheses(self, node: ast.AST) -> Span:
        """The node's span extended over the parentheses that close around it (`(False)`):
        libcst spans an element holding a parenthesized value (a dict entry) with them.
        Only for a node that nothing else follows but a separator."""
        span = self.positions.span(node)
        line, column = span.end_line, span.end_column - 1  # 0-based column on `line`
        end = (span.end_line, span.end_column)
        while line <= len(self._lines):
            text = self._lines[line - 1]
            while column < len(text) and text[column] in " \t\f)":
                if text[column] == ")":
                    end = (line, column + 2)
                column += 1
            if column < len(text) and text[column] not in "\r\n\\":
                break
            line, column = line + 1, 0
        return Span(span.line, span.column, *end)

    def _tuple_span(self, node: ast.Tuple, span: Span) -> Span:
        """`ast` spans a parenthesized tuple with its parentheses; libcst from its first
        element to its last (trailing comma included), without them."""
        tokens = self._tokens(self.source(node))
        if len(tokens) < 3 or tokens[0].string != "(" or tokens[-1].string != ")":
            return span
        depth = 0
        for token in tokens[:-1]:
            depth += {"(": 1, ")": -1}.get(token.string, 0) if token.type == tokenize.OP else 0
            if depth == 0:
                return span  # `(a), (b)`: the first parenthesis closes before the end
        inner = tokens[1:-1]
        first, last = inner[0], inner[-1]

        def absolute(row: int, column: int) -> tuple[int, int]:
            return span.line + row - 1, column + (span.column if row == 1 else 1)

        (line, column), (end_line, end_column) = absolute(*first.start), absolute(*last.end)
        return Span(line, column, end_line, end_column)

    def _tokens(self, source: str) -> list[tokenize.TokenInfo]:
        """The code tokens of `source` (no comments, line ends or end marker)."""
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        except (tokenize.TokenError, SyntaxError):
            return []
        skip = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER,
                tokenize.INDENT, tokenize.DEDENT)  # fmt: skip
        return [t for t in tokens if t.type not in skip]

    def one_fstring(self, node: ast.JoinedStr) -> bool:
        """Is this f-string one literal? `"a" f"{b}"` is one `JoinedStr` to `ast` but a
        concatenation to libcst, whose checks did not read into concatenations."""
        depth = starts = 0
        for token in self._tokens(self.source(node)):
            kind = tokenize.tok_name.get(token.type, "")
            if kind in ("STRING", "FSTRING_START") and depth == 0:
                starts += 1
            depth += {"FSTRING_START": 1, "FSTRING_END": -1}.get(kind, 0)
        return starts == 1

    def string_value(self, node: ast.AST | None) -> str | None:
        """`astsyntax.string_value` as libcst's checks read it: None for an f-string
        concatenated with another literal, and a constant f-string's text as written
        (escapes and doubled braces kept)."""
        if not isinstance(node, ast.JoinedStr):
            return string_value(node)
        if not self.one_fstring(node) or string_value(node) is None:
            return None
        text = self.source(node)
        start = _PREFIX.match(text)
        opening = start.end() if start else 0
        quote = next((q for q in _SINGLE_LITERAL if text.startswith(q, opening)), "")
        return text[opening + len(quote) : len(text) - len(quote)]

    def report(
        self,
        node: ast.AST,
        detail: str = "",
        signals: tuple[str, ...] = (),
        confidence: Confidence | None = None,
        span: Span | None = None,
        secret: str = "",
    ) -> None:
        where = self.inner_span(node) if span is None else span
        hit = Hit(self.rule.code, where, secret, detail, self.statement, signals, confidence)
        self.hits.append(hit)


class ResolvingCheck(AstCheck):
    """An `AstCheck` that records imports as it meets them (they precede their uses).

    `import ssl as s` then `s.CERT_NONE` resolves to `ssl.CERT_NONE`; `from hashlib import md5
    as h` then `h(...)` resolves to `hashlib.md5`. Names that were not imported resolve to
    themselves; relative and star imports are not followed.
    """

    def __init__(self, rule: RuleSpec, text: str, tree: ast.Module) -> None:
        super().__init__(rule, text, tree)
        self.aliases: dict[str, str] = {}
        self.function_names: list[str] = []

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self.aliases[alias.asname] = alias.name
            else:
                head = alias.name.split(".")[0]
                self.aliases[head] = head

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or any(a.name == "*" for a in node.names):
            return
        module = node.module or ""
        for alias in node.names:
            self.aliases[alias.asname or alias.name] = f"{module}.{alias.name}"

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.function_names.append(node.name)

    def leave_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.function_names.pop()

    def qualify(self, node: ast.AST | None) -> str:
        text = dotted(node)
        if not text:
            return ""
        head, _, rest = text.partition(".")
        if head in self.aliases:
            return f"{self.aliases[head]}.{rest}" if rest else self.aliases[head]
        return text
