"""Stand-in line rules for injection and configuration, until the taint rules (issue 4) land.

Grading must see SQL built from strings, `verify=False` or `debug=True` today, but the scan
catalogue has no rules for those categories yet. These line patterns run only for categories
that the loaded catalogue has no active rule for, so the real rules replace them one category
at a time, with no code change, as soon as they are merged. They are deliberately coarse (no
data flow): confidence is medium at most where a constant could be involved.

What they miss: anything spread over several lines, and every flow through a helper.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from secretcheck.findings import Confidence, Finding, Severity, Span
from secretcheck.grading.redaction import redact_snippet
from secretcheck.rulepacks import Catalogue

# A statement's shape, not a bare keyword: f"Update {n} notes" is a message, not SQL.
# Keywords all upper or all lower case ("Select {n} items from" is prose).
_SQL = (
    r"(?:SELECT\b[^\"']*\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b"
    r"|select\b[^\"']*\bfrom\b|insert\s+into\b|update\s+\w+\s+set\b|delete\s+from\b)"
)


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    category: str
    cwe: str
    severity: Severity
    confidence: Confidence
    regex: re.Pattern[str]
    message: str


def _rule(
    name: str, category: str, cwe: str, sev: str, conf: str, regex: str, msg: str
) -> LineRule:
    return LineRule(
        name, category, cwe, Severity.parse(sev), Confidence.parse(conf), re.compile(regex), msg
    )


# fmt: off
LINE_RULES = (
    _rule("sql-built-from-strings", "sql-injection", "CWE-89", "high", "medium",
          rf"""\bf["'](?=[^"']*{_SQL})(?=[^"']*\{{)"""
          rf"""|["'][^"']*{_SQL}[^"']*["']\s*(?:%\s*[\w(]|\+\s*\w|\.format\()"""
          r"""|\.execute(?:many)?\(\s*f["']""",
          "SQL text built from values; use bound parameters"),
    _rule("shell-command", "command-injection", "CWE-78", "high", "medium",
          r"shell\s*=\s*True|\bos\.system\(|\bos\.popen\(",
          "Command run through a shell; pass a list argv without shell=True"),
    _rule("eval-exec", "code-injection", "CWE-95", "high", "medium",
          r"(?<![\w.])(?:eval|exec)\(\s*(?![\"'])", "eval/exec of a non-constant value"),
    _rule("unsafe-yaml-load", "deserialization", "CWE-502", "high", "medium",
          r"\byaml\.(?:unsafe_)?load\((?![^)]*SafeLoader)", "yaml.load without a safe loader"),
    # Without data flow a pickle may be the app's own model file: flag it, weigh it lightly.
    _rule("pickle-load", "deserialization", "CWE-502", "medium", "low",
          r"\b(?:pickle|cPickle|dill|marshal|shelve)\.(?:loads?|open)\(|\bjsonpickle\.decode\(",
          "Deserializes with a loader that can run code; never on untrusted data"),
    _rule("tls-verification-off", "tls", "CWE-295", "high", "high",
          r"\bverify\s*=\s*False|\bCERT_NONE\b|_create_unverified_context|check_hostname\s*=\s*False",
          "TLS certificate verification is turned off"),
    _rule("debug-on", "debug", "CWE-489", "medium", "high",
          r"\bdebug\s*=\s*True\b|^\s*DEBUG\s*=\s*True\b"
          r"""|^\s*ALLOWED_HOSTS\s*=\s*\[\s*["']\*["']""",
          "Debug mode on, or any Host header accepted, in code"),
    _rule("bind-all-interfaces", "bind-all", "CWE-1327", "low", "medium",
          r"""["']0\.0\.0\.0["']""", "Binds to every network interface"),
    _rule("weak-password-hash", "weak-crypto", "CWE-916", "high", "medium",
          r"hashlib\.(?:md5|sha1|sha224|sha256|sha512)\(.*(?i:passw|pwd)",
          "Password hashed with a fast, unsalted digest; use bcrypt, argon2 or scrypt"),
    _rule("weak-token-randomness", "weak-crypto", "CWE-338", "medium", "medium",
          r"\brandom\.(?:random|randint|choice|choices|getrandbits|sample)\(.*"
          r"(?i:token|secret|otp|passw|salt|nonce|session|api_?key)"
          r"|(?i:token|secret|otp|salt|nonce)\w*\s*=.*\brandom\.(?:random|randint|choice|choices)",
          "Security token from the non-cryptographic random module; use secrets"),
    _rule("world-writable", "permissions", "CWE-732", "medium", "high",
          r"chmod\([^)]*\b0o?[0-7]?[0-7][2367]\b|\bumask\(\s*0\s*\)",
          "World-writable file permissions"),
)
# fmt: on
_SUPPRESS = re.compile(r"#\s*(?:nosec\b|secretcheck:\s*ignore|noqa:\s*S\d)")


def active_rules(catalogue: Catalogue) -> tuple[LineRule, ...]:
    covered = {r.category for r in catalogue.active()}
    return tuple(r for r in LINE_RULES if r.category not in covered)


def _finding(rule: LineRule, path: str, number: int, line: str, match: re.Match[str]) -> Finding:
    snippet = redact_snippet(line.strip())
    digest = hashlib.sha256(f"{rule.name}\x1f{path}\x1f{line.strip()}".encode()).hexdigest()
    return Finding(
        rule_id=f"interim/{rule.name}",
        rule_name=rule.name,
        category=rule.category,
        cwe=rule.cwe,
        severity=rule.severity,
        confidence=rule.confidence,
        path=path,
        span=Span(number, match.start() + 1, number, match.end() + 1),
        message=rule.message,
        snippet=snippet,
        fingerprint=digest[:32],
        suppressed=bool(_SUPPRESS.search(line)),
    )


def interim_findings(
    rules: tuple[LineRule, ...], sources: Iterable[tuple[str, tuple[str, ...]]]
) -> Iterator[Finding]:
    """Every line of every (path, lines) Python source that a rule matches, once per rule."""
    for path, lines in sources:
        for number, line in enumerate(lines, 1):
            if line.lstrip().startswith("#"):
                continue
            for rule in rules:
                match = rule.regex.search(line)
                if match:
                    yield _finding(rule, path, number, line, match)
