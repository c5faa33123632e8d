"""Inline suppressions: mark findings as suppressed, never drop them.

Recognised, in any comment syntax (`#`, `//`, `;`, `<!-- -->`), on a flagged line or any line
of the flagged statement:
  secretcheck: ignore                 every rule
  secretcheck: ignore[SC101,SC3]      those codes or code prefixes
  secretcheck: ignore[SC101] -- why   the same, with a reason (kept on the finding, in JSON)
  pragma: allowlist secret            detect-secrets' form, every rule on that line
  pragma: allowlist nextline secret   detect-secrets' form, every rule on the next line
  nosec                               bandit's form: the input-handling rules (SC2xx) only
  gitleaks:allow                      gitleaks' form: the secret rules (SC1xx, SC3xx, SC4xx)
The last two are foreign markers, each switched off by a setting (`honor-nosec`,
`honor-gitleaks-allow`): a team may not want `# nosec` lines written for bandit's other checks
to hide findings here.

A `secretcheck:` comment that is not a well-formed directive (`secretcheck: ignroe`, an unclosed
`[`, a code that no rule has) would suppress nothing and say nothing: `directive_problems`
reports each one, and the pipeline turns them into SC902 diagnostics.
"""

from __future__ import annotations

import bisect
import io
import re
import tokenize
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from secretcheck.findings import Finding
from secretcheck.lazyre import LazyPattern
from secretcheck.rulepacks import code_selected

# The codes are read loosely (anything up to `]`) so that a bad code is reported, not skipped;
# an `ignore` followed by a `[` that never closes is no directive at all (it would be a bare
# ignore, suppressing every rule, where the writer meant one).
_IGNORE = LazyPattern(
    r"secretcheck:\s*ignore(?:\[(?P<codes>[^\]\n]*)\]|(?!\s*\[))"
    r"(?:[ \t]+--[ \t]*(?P<reason>[^\n]*))?"
)
_ALLOW = LazyPattern(r"pragma:\s*allowlist\s+secret")
_ALLOW_NEXT = LazyPattern(r"pragma:\s*allowlist\s+nextline\s+secret")
_DIRECTIVE = LazyPattern(
    r"secretcheck:\s*ignore(?:\[[^\]\n]*\])?(?:[ \t]+--[^\n]*)?"
    r"|pragma:\s*allowlist\s+(?:nextline\s+)?secret|\bnosec\b|gitleaks:allow"
)
# What looks meant as a directive: `secretcheck:` right after a comment opener, or followed by
# a word that starts like "ignore" (ignroe, ingore, ignore-all).
_ATTEMPT = LazyPattern(
    r"(?:#|//|<!--|/\*|;)\s*secretcheck\s*:\s*(?P<w1>[\w-]*)|secretcheck\s*:\s*(?P<w2>i[gn][\w-]*)",
    re.IGNORECASE,
)
_CODE = LazyPattern(r"^(ALL|SC\d{0,4})$")
_NOSEC = LazyPattern(r"#\s*nosec\b")
_GITLEAKS = LazyPattern(r"gitleaks:allow\b")
ALL = frozenset({"ALL"})
# The code prefixes each foreign marker covers.
FOREIGN = {"nosec": frozenset({"SC2"}), "gitleaks": frozenset({"SC1", "SC3", "SC4"})}
DEFAULT_MARKERS = frozenset(FOREIGN)
_MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    line: int
    column: int  # 1-based
    end_column: int
    message: str


def directive_columns(line: str) -> list[tuple[int, int]]:
    """0-based column ranges of the suppression comments on `line`.

    A keyword detector reads `# secretcheck: ignore` as the value `ignore` given to a key
    containing "secret"; a hit inside one of these ranges is the directive, never a secret.
    """
    if "secretcheck" not in line and "allowlist" not in line and "gitleaks" not in line:
        return []
    return [match.span() for match in _DIRECTIVE.finditer(line)]


def _reason(raw: str | None) -> str:
    if not raw:
        return ""
    text = re.sub(r"\s*(?:-->|\*/)\s*$", "", raw).strip()
    text = "".join(c if c.isprintable() else " " for c in text)
    return text[:_MAX_REASON]


def _codes(raw: str | None) -> frozenset[str]:
    if raw is None:
        return ALL
    return frozenset(c.strip().upper() for c in raw.split(",") if c.strip())


def suppression_marks(
    lines: Sequence[str], markers: Collection[str] = DEFAULT_MARKERS
) -> tuple[dict[int, frozenset[str]], dict[int, str]]:
    """(line -> suppressed code prefixes, 'ALL' for every rule; line -> reason given)."""
    marks: dict[int, frozenset[str]] = {}
    reasons: dict[int, str] = {}

    def add(number: int, codes: frozenset[str]) -> None:
        marks[number] = marks.get(number, frozenset()) | codes

    for number, line in enumerate(lines, start=1):
        if "secretcheck" in line:
            for match in _IGNORE.finditer(line):
                add(number, _codes(match.group("codes")))
                reason = _reason(match.group("reason"))
                if reason:
                    reasons[number] = reason
        if "allowlist" in line:
            if _ALLOW_NEXT.search(line):
                add(number + 1, ALL)
            elif _ALLOW.search(line):
                add(number, ALL)
        if "nosec" in markers and "nosec" in line and _NOSEC.search(line):
            add(number, FOREIGN["nosec"])
        if "gitleaks" in markers and "gitleaks:allow" in line and _GITLEAKS.search(line):
            add(number, FOREIGN["gitleaks"])
    return marks, reasons


def ignore_marks(lines: Sequence[str]) -> dict[int, frozenset[str]]:
    """Line number -> suppressed code prefixes ('ALL' for every rule)."""
    return suppression_marks(lines)[0]


def directive_problems(lines: Sequence[str], known: Collection[str]) -> list[DirectiveProblem]:
    """Every `secretcheck:` comment that suppresses nothing it seems meant to: a malformed
    directive, a code that is not a code, or a code no rule in `known` starts with."""
    problems = []
    for number, line in enumerate(lines, start=1):
        if "secretcheck" not in line.lower():
            continue
        valid = {m.start(): m for m in _IGNORE.finditer(line)}
        for attempt in _ATTEMPT.finditer(line):
            start = line.lower().index("secretcheck", attempt.start())
            match = valid.get(start)
            if match is None:
                word = attempt.group("w1") or attempt.group("w2") or ""
                problems.append(
                    DirectiveProblem(
                        number, start + 1, attempt.end() + 1,
                        f"malformed suppression comment (secretcheck: {word or '?'}...): "
                        "write `secretcheck: ignore` or `secretcheck: ignore[SC101]`",
                    )
                )  # fmt: skip
                continue
            for code in sorted(_codes(match.group("codes")) - ALL):
                if not _CODE.match(code):
                    why = "is not a rule code"
                elif not any(code_selected(k, code) for k in known):
                    why = "matches no rule"
                else:
                    continue
                problems.append(
                    DirectiveProblem(
                        number, start + 1, match.end() + 1,
                        f"suppression code {code!r} {why}; this comment suppresses nothing "
                        "for it (`secretcheck rules` lists the codes)",
                    )
                )  # fmt: skip
    return problems


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
    findings: Iterable[Finding],
    lines: Sequence[str],
    text: str,
    is_python: bool,
    markers: Collection[str] = DEFAULT_MARKERS,
) -> list[Finding]:
    findings = list(findings)
    marks, reasons = suppression_marks(lines, markers)
    if not marks:
        return findings
    statements = python_statements(text) if is_python else []
    result = []
    for finding in findings:
        first, last = finding.span.line, finding.span.end_line
        stmt = finding.statement or _covering(first, statements)
        if stmt is not None:
            first, last = min(first, stmt[0]), max(last, stmt[1])
        covering = range(first, last + 1)
        codes = frozenset().union(*(marks.get(n, frozenset()) for n in covering))
        hit = any(code_selected(finding.rule_id, c) for c in codes)
        if hit:
            reason = next((reasons[n] for n in covering if n in reasons), "")
            finding = finding.with_changes(suppressed=True, suppression_reason=reason)
        result.append(finding)
    return result
