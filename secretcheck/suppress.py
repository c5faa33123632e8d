"""Inline suppressions: mark findings as suppressed, never drop them.

Recognised, in any comment syntax (`#`, `//`, `;`, `<!-- -->`), on a flagged line or any line
of the flagged statement:
  secretcheck: ignore                 every rule
  secretcheck: ignore[SC101,SC3]      those codes or code prefixes
  pragma: allowlist secret            detect-secrets' form, every rule on that line
  pragma: allowlist nextline secret   detect-secrets' form, every rule on the next line
"""

from __future__ import annotations

import bisect
import io
import re
import tokenize
from collections.abc import Iterable, Sequence

from secretcheck.findings import Finding
from secretcheck.rulepacks import code_selected

_IGNORE = re.compile(r"secretcheck:\s*ignore(?:\[(?P<codes>[A-Za-z0-9,\s]*)\])?")
_ALLOW = re.compile(r"pragma:\s*allowlist\s+secret")
_ALLOW_NEXT = re.compile(r"pragma:\s*allowlist\s+nextline\s+secret")
_DIRECTIVE = re.compile(
    r"secretcheck:\s*ignore(?:\[[A-Za-z0-9,\s]*\])?|pragma:\s*allowlist\s+(?:nextline\s+)?secret"
)
ALL = frozenset({"ALL"})


def directive_columns(line: str) -> list[tuple[int, int]]:
    """0-based column ranges of the suppression comments on `line`.

    A keyword detector reads `# secretcheck: ignore` as the value `ignore` given to a key
    containing "secret"; a hit inside one of these ranges is the directive, never a secret.
    """
    if "secretcheck" not in line and "allowlist" not in line:
        return []
    return [match.span() for match in _DIRECTIVE.finditer(line)]


def ignore_marks(lines: Sequence[str]) -> dict[int, frozenset[str]]:
    """Line number -> suppressed code prefixes ('ALL' for every rule)."""
    marks: dict[int, frozenset[str]] = {}
    for number, line in enumerate(lines, start=1):
        if "secretcheck" not in line and "allowlist" not in line:
            continue
        for match in _IGNORE.finditer(line):
            codes = match.group("codes")
            found = (
                frozenset(c.strip().upper() for c in codes.split(",") if c.strip())
                if codes is not None
                else ALL
            )
            marks[number] = marks.get(number, frozenset()) | found
        if _ALLOW_NEXT.search(line):
            marks[number + 1] = marks.get(number + 1, frozenset()) | ALL
        elif _ALLOW.search(line):
            marks[number] = marks.get(number, frozenset()) | ALL
    return marks


def python_statements(text: str) -> list[tuple[int, int]]:
    """(first, last) line of each logical line, so one comment covers a whole statement."""
    ranges: list[tuple[int, int]] = []
    start = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT):
                continue
            if start is None:
                start = token.start[0]
            if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                ranges.append((start, token.end[0]))
                start = None
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return ranges


def _covering(line: int, statements: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    # Statements come in order and do not overlap: bisect, since a scan per finding made a
    # generated file with thousands of findings and one suppression comment quadratic.
    at = bisect.bisect_right(statements, line, key=lambda s: s[0]) - 1
    if at >= 0 and statements[at][0] <= line <= statements[at][1]:
        return statements[at]
    return None


def apply_suppressions(
    findings: Iterable[Finding], lines: Sequence[str], text: str, is_python: bool
) -> list[Finding]:
    findings = list(findings)
    marks = ignore_marks(lines)
    if not marks:
        return findings
    statements = python_statements(text) if is_python else []
    result = []
    for finding in findings:
        first, last = finding.span.line, finding.span.end_line
        stmt = finding.statement or _covering(first, statements)
        if stmt is not None:
            first, last = min(first, stmt[0]), max(last, stmt[1])
        codes = frozenset().union(*(marks.get(n, frozenset()) for n in range(first, last + 1)))
        hit = any(code_selected(finding.rule_id, c) for c in codes)
        result.append(finding.with_changes(suppressed=True) if hit else finding)
    return result
