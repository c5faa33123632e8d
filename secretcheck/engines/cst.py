"""The libcst engine: parse once, run every enabled check in one batched traversal.

A file is parsed only when some enabled check's text prefilter matches it. Checks of
"statement" scope see only the statements on the lines their prefilter matched: CPython's `ast`
(C, ~20x faster than libcst) locates those statements and libcst parses just them, so the cost
follows the number of candidates, not the size of the file. Checks of "module" scope see the
whole module. A file that does not parse yields one diagnostic hit (the text engines still scan
it), never an exception.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from secretcheck.findings import Hit, Span
from secretcheck.python.registry import CHECKS, GROUPS
from secretcheck.rulepacks import RuleSpec

PARSE_ERROR_CODE = "SC901"
_MAX_SNIPPETS = 40
_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor,
             ast.While, ast.With, ast.AsyncWith)  # fmt: skip


def wanted_checks(rules: Sequence[RuleSpec], text: str) -> list[RuleSpec]:
    return [r for r in rules if r.check in CHECKS and CHECKS[r.check].prefilter.search(text)]


def _parse_error(line: int, column: int, reason: str) -> Hit:
    # Never quote a parser's whole message: both CPython's and libcst's can include the source
    # line, and so a secret.
    line, column = max(line, 1), max(column, 1)
    detail = f"{reason} at line {line}, column {column}; scanned as text only"
    return Hit(PARSE_ERROR_CODE, Span(line, column, line, column + 1), "", detail)


def _candidate_lines(rules: Iterable[RuleSpec], text: str) -> set[int]:
    offsets = sorted(m.start() for r in rules for m in CHECKS[r.check].prefilter.finditer(text))
    lines, line, position = set(), 1, 0
    for offset in offsets:
        line += text.count("\n", position, offset)
        position = offset
        lines.add(line)
    return lines


def statement_ranges(tree: ast.Module, lines: set[int]) -> list[tuple[int, int, bool]]:
    """(first, last, is_header) of the innermost statement holding each candidate line.

    For a compound statement whose header holds the line (a `def` with parameter defaults, an
    `if password == ...`), the range is the header alone.
    """
    found: dict[tuple[int, int, bool], None] = {}

    def visit(body: Iterable[ast.stmt]) -> None:
        for stmt in body:
            end = stmt.end_lineno or stmt.lineno
            if not any(stmt.lineno <= n <= end for n in lines):
                continue
            if isinstance(stmt, (*_COMPOUND, ast.Try)):
                first_body = stmt.body[0].lineno if stmt.body else stmt.lineno
                header_end = max(stmt.lineno, first_body - 1)
                if (
                    not isinstance(stmt, ast.Try)
                    and first_body > stmt.lineno
                    and any(stmt.lineno <= n <= header_end for n in lines)
                ):
                    found[(stmt.lineno, header_end, True)] = None
                for block in ("body", "orelse", "finalbody"):
                    visit(getattr(stmt, block, []))
                for handler in getattr(stmt, "handlers", []):
                    visit(handler.body)
            else:
                found[(stmt.lineno, end, False)] = None

    visit(tree.body)
    return list(found)


def _snippet(source_lines: Sequence[str], first: int, last: int, header: bool) -> tuple[str, int]:
    """Source of lines first..last, parseable alone, and how many lines were put before it.

    An indented statement is wrapped in `if 1:` (columns stay exact); a compound header gets a
    `pass` body; `elif` becomes `if  ` (same width).
    """
    chunk = list(source_lines[first - 1 : last])
    stripped = chunk[0].lstrip()
    indent = chunk[0][: len(chunk[0]) - len(stripped)]
    if stripped.startswith("elif "):
        chunk[0] = indent + "if  " + stripped[4:]
    if header:
        chunk.append(indent + "    pass\n")
    prefix = "if 1:\n" if indent else ""
    return prefix + "".join(chunk), 1 if indent else 0


def _visit(module: Any, rules: Sequence[RuleSpec], text: str = "") -> list[Hit]:
    from libcst.metadata import MetadataWrapper

    hits: list[Hit] = []
    visitors: list[Any] = []
    grouped: dict[str, list[RuleSpec]] = {}
    for rule in rules:
        entry = CHECKS[rule.check]
        if entry.group:  # one shared visitor for the whole group (the taint engine)
            grouped.setdefault(entry.group, []).append(rule)
        else:
            visitors.append(importlib.import_module(entry.module).Check(rule, hits))
    if visitors:
        MetadataWrapper(module, unsafe_skip_copy=True).visit_batched(visitors)
    for group, members in grouped.items():
        # A group check analyzes the module itself (no traversal of its own to batch).
        importlib.import_module(GROUPS[group]).Check(members, hits, text).leave_Module(module)
    return hits


def _shift(hit: Hit, lines: int) -> Hit:
    s = hit.span
    statement = hit.statement and (hit.statement[0] + lines, hit.statement[1] + lines)
    span = Span(s.line + lines, s.column, s.end_line + lines, s.end_column)
    return replace(hit, span=span, statement=statement)


def _run_statements(rules: Sequence[RuleSpec], text: str, tree: ast.Module) -> list[Hit]:
    import libcst

    source_lines = text.splitlines(keepends=True)
    hits: list[Hit] = []
    ranges = statement_ranges(tree, _candidate_lines(rules, text))
    if len(ranges) > _MAX_SNIPPETS:
        # A generated constants file: one whole parse beats thousands of small ones.
        try:
            return _visit(libcst.parse_module(text), rules)
        except (libcst.ParserSyntaxError, RecursionError):
            return []
    for first, last, header in ranges:
        snippet, added = _snippet(source_lines, first, last, header)
        try:
            module = libcst.parse_module(snippet)
        except libcst.ParserSyntaxError:
            continue  # a form CPython accepts and libcst does not: nothing to check here
        hits.extend(_shift(h, first - 1 - added) for h in _visit(module, rules))
    return hits


def run_cst(rules: Sequence[RuleSpec], text: str, must_parse: bool = False) -> list[Hit]:
    """Hits of every CST rule in `rules` whose prefilter matches `text`.

    `must_parse` checks the syntax even when no prefilter matches: the text engines found
    something, and if the file does not parse, that is worth saying next to it.
    """
    selected = wanted_checks(rules, text)
    if not selected and not must_parse:
        return []
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        reason = (exc.msg or "syntax error").split("(", 1)[0].strip()[:80]
        return [_parse_error(exc.lineno or 1, exc.offset or 1, reason)]
    except (ValueError, RecursionError, MemoryError):
        return [_parse_error(1, 1, "not valid Python source")]
    scopes = {r.code: CHECKS[r.check].scope_for(text) for r in selected}
    statement_rules = [r for r in selected if scopes[r.code] == "statement"]
    module_rules = [r for r in selected if scopes[r.code] == "module"]
    hits = _run_statements(statement_rules, text, tree) if statement_rules else []
    if module_rules:
        import libcst

        try:
            module = libcst.parse_module(text)
        except libcst.ParserSyntaxError as exc:
            return [*hits, _parse_error(exc.raw_line, exc.raw_column + 1, "libcst cannot parse")]
        except RecursionError:
            return [*hits, _parse_error(1, 1, "too deeply nested to parse")]
        hits.extend(_visit(module, module_rules, text))
    return hits
