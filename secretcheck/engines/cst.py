"""The libcst engine: parse once, run every enabled check in one batched traversal.

A file is parsed only when some enabled check's text prefilter matches it. A file that does not
parse yields one diagnostic hit (the text engines still scan it), never an exception.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Sequence
from typing import Any

from secretcheck.checks import CHECKS
from secretcheck.findings import Hit, Span
from secretcheck.rulepacks import RuleSpec

PARSE_ERROR_CODE = "SC901"
_SYNTAX_HINT = re.compile(r"(?i)(pass|pwd|secret|token|key|cred|auth|conn)\w*[^\n]*['\"]")


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
        if rules and _SYNTAX_HINT.search(text):
            # No check wants the tree, but a broken file that mentions credentials is still
            # worth a diagnostic; CPython's own parser answers that far faster than libcst.
            try:
                compile(text, "<scanned>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return [_parse_error(text, 1, 1)]
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
    for rule in selected:
        check = importlib.import_module(CHECKS[rule.check].module)
        visitors.append(check.Check(rule, hits))
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    wrapper.visit_batched(visitors)
    return hits
