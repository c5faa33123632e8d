"""The libcst engine: parse once, run every enabled check in one batched traversal.

A file is parsed only when some enabled check's text prefilter matches it. A file that does not
parse yields one diagnostic hit (the text engines still scan it), never an exception.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Sequence
from typing import Any

from secretcheck.checks import CHECKS, GROUPS
from secretcheck.findings import Hit, Span
from secretcheck.rulepacks import RuleSpec

PARSE_ERROR_CODE = "SC901"


def wanted_checks(rules: Sequence[RuleSpec], text: str) -> list[RuleSpec]:
    return [r for r in rules if r.check in CHECKS and CHECKS[r.check].prefilter.search(text)]


def _parse_error(text: str, line: int, column: int) -> Hit:
    """Where and why a file does not parse, from CPython's parser, which locates errors better
    than libcst. Neither parser's message is quoted whole: both can include the source line,
    and so a secret."""
    reason = "libcst cannot parse this syntax"
    try:
        compile(text, "<scanned>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        line, column = exc.lineno or line, exc.offset or column
        reason = (exc.msg or "syntax error").split("(", 1)[0].strip()[:80]
    except (ValueError, RecursionError, MemoryError):
        reason = "not valid Python source"
    line, column = max(line, 1), max(column, 1)
    detail = f"{reason} at line {line}, column {column}; scanned as text only"
    return Hit(PARSE_ERROR_CODE, Span(line, column, line, column + 1), "", detail)


def run_cst(rules: Sequence[RuleSpec], text: str, must_parse: bool = False) -> list[Hit]:
    """Hits of every CST rule in `rules` whose prefilter matches `text`.

    `must_parse` parses even when no prefilter matches: the text engines found something, and
    if the file does not parse, that is worth saying next to it.
    """
    selected = wanted_checks(rules, text)
    if not selected and not must_parse:
        return []
    import libcst
    from libcst.metadata import MetadataWrapper

    try:
        module = libcst.parse_module(text)
    except libcst.ParserSyntaxError as exc:
        return [_parse_error(text, exc.raw_line, exc.raw_column + 1)]
    except (RecursionError, MemoryError):
        return [Hit(PARSE_ERROR_CODE, Span(1, 1, 1, 2), "", "too deeply nested to parse")]
    hits: list[Hit] = []
    if not selected:
        return hits
    visitors: list[Any] = []
    grouped: dict[str, list[RuleSpec]] = {}
    for rule in selected:
        entry = CHECKS[rule.check]
        if entry.group:  # one shared visitor for the whole group (the taint engine)
            grouped.setdefault(entry.group, []).append(rule)
            continue
        check = importlib.import_module(entry.module)
        visitors.append(check.Check(rule, hits))
    for group, members in grouped.items():
        visitors.append(importlib.import_module(GROUPS[group]).Check(members, hits, text))
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    wrapper.visit_batched(visitors)
    return hits
