"""Values that flow through the pipeline: findings, skips, errors and the scan result.

Nothing here does I/O. A `Finding` never holds a full secret in a field that a report prints:
the raw value lives only in `secret`, which renderers never read (they use `snippet`, which is
redacted when the finding is made), and which is excluded from `to_dict`.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

CATEGORIES = frozenset(
    {
        "secret", "sql-injection", "command-injection", "code-injection", "deserialization",
        "path-traversal", "ssrf", "xss", "xxe", "template-injection", "open-redirect", "tls",
        "weak-crypto", "debug", "temp-file", "secret-in-log", "permissions", "bind-all",
        "repo-hygiene", "diagnostic", "cleartext",
    }
)  # fmt: skip


class Severity(enum.IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


class Confidence(enum.IntEnum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2

    @classmethod
    def parse(cls, text: str) -> Confidence:
        return cls[text.strip().upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """1-based line and column, end inclusive of line and exclusive of column."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One step of a data-flow trace, source first: where the value was and what happened."""

    line: int
    column: int
    note: str  # built from code identifiers only, never from string values

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "note": self.note}


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    rule_name: str
    category: str
    cwe: str
    severity: Severity
    confidence: Confidence
    path: str
    span: Span
    message: str
    snippet: str
    fingerprint: str = ""
    suppressed: bool = False
    # The raw matched value, kept only in memory for merging, redaction and baselines.
    secret: str = field(default="", repr=False, compare=False)
    # Lines that one statement covers, so an ignore comment anywhere on it applies.
    statement: tuple[int, int] | None = field(default=None, compare=False)
    # Engines that saw the same location, most specific first (the first is `rule_id`).
    also: tuple[str, ...] = field(default=(), compare=False)
    # Source -> sink steps of a taint finding; empty for every other kind of finding.
    trace: tuple[TraceStep, ...] = field(default=(), compare=False)
    # Why the finding was made (name, value shape, sink, context); never holds the value.
    signals: tuple[str, ...] = field(default=(), compare=False)
    # "new" unless a baseline accepted it ("known"); only new findings can fail a run.
    baseline: str = "new"
    # The reason written after `--` in the ignore comment that suppressed it, if any.
    suppression_reason: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.rule_id)

    def with_changes(self, **changes: Any) -> Finding:
        # `dataclasses.replace` without its per-call field walk and keyword `__init__`: every
        # finding gets a fingerprint this way, 40k of them on a generated file.
        new = object.__new__(Finding)
        for name in _FINDING_FIELDS:
            _set(new, name, changes.pop(name) if name in changes else getattr(self, name))
        if changes:
            raise TypeError(f"Finding has no field {next(iter(changes))!r}")
        return new

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of a finding (documented in the README; keep it stable)."""
        return {
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "category": self.category,
            "cwe": self.cwe,
            "severity": self.severity.label,
            "confidence": self.confidence.label,
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "message": self.message,
            "snippet": self.snippet,
            "fingerprint": self.fingerprint,
            "suppressed": self.suppressed,
            "also_matched": list(self.also),
            "trace": [step.to_dict() for step in self.trace],
            "signals": list(self.signals),
            "baseline": self.baseline,
            "suppression_reason": self.suppression_reason or None,
        }


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_set = object.__setattr__  # the frozen dataclass's own way to fill a new instance


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str  # binary | too-large | excluded-symlink | not-a-file
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class ScanError:
    path: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@dataclass(frozen=True, slots=True)
class Partial:
    """A file scanned by the text detectors only: the syntax-tree stage ran out of its CPU
    budget (`reason` "budget") or failed ("internal-error", also listed in `errors`)."""

    path: str
    reason: str  # budget | internal-error
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one worker returns for one file. A file with an `error` may still carry the
    findings of the detectors that did run (see `partial`)."""

    path: str
    findings: tuple[Finding, ...] = ()
    skipped: Skipped | None = None
    error: ScanError | None = None
    lines: int = 0
    partial: Partial | None = None


@dataclass(frozen=True, slots=True)
class StaleEntry:
    """A baseline entry that no finding matched any more (the secret was removed or changed)."""

    rule_id: str
    path: str
    occurrence: int
    hash: str  # the salted HMAC from the baseline file, never the secret

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "path": self.path,
            "occurrence": self.occurrence,
            "hash": self.hash,
        }


@dataclass(frozen=True, slots=True)
class ScanResult:
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    errors: tuple[ScanError, ...] = ()
    files_scanned: int = 0
    lines_scanned: int = 0
    baseline_file: str = ""  # set when findings were compared with a baseline
    stale: tuple[StaleEntry, ...] = ()
    partial: tuple[Partial, ...] = ()  # files only the text detectors covered

    def active(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.suppressed)

    def new(self) -> tuple[Finding, ...]:
        """Active findings that no baseline entry accepts."""
        return tuple(f for f in self.active() if f.baseline != "known")

    def failing(self, threshold: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.new() if f.severity >= threshold)

    def summary(self, threshold: Severity) -> dict[str, Any]:
        by_severity = {s.label: 0 for s in Severity}
        for f in self.active():
            by_severity[f.severity.label] += 1
        return {
            "files_scanned": self.files_scanned,
            "lines_scanned": self.lines_scanned,
            "findings": len(self.active()),
            "suppressed": len(self.findings) - len(self.active()),
            "by_severity": by_severity,
            "skipped": len(self.skipped),
            "errors": len(self.errors),
            "partial": len(self.partial),
            "fail_on": threshold.label,
            "failing": len(self.failing(threshold)),
            "known": len(self.active()) - len(self.new()),
            "stale": len(self.stale),
        }


def mask_line(line: str, spans: Iterable[tuple[int, int]]) -> str:
    """`line` with each (start, end) 0-based column range replaced by a fixed marker."""
    out, last = [], 0
    for start, end in sorted(spans):
        if end <= last:
            continue
        if start < last:  # overlaps the span before: widen it, still one marker
            last = end
            continue
        out.append(line[last:start])
        out.append("\x00")
        last = end
    out.append(line[last:])
    return "".join(out)


def assign_fingerprints(findings: Iterable[Finding], masked: Mapping[int, str]) -> list[Finding]:
    """Give each finding a fingerprint that survives edits elsewhere in the file.

    The fingerprint hashes the rule, the path and the flagged line with the secret masked out,
    plus the occurrence index among identical keys, so no line number (and no secret, not even
    hashed) goes into it. `masked` maps a line number to that masked text.
    """
    seen: dict[tuple[str, str, str], int] = {}
    # Per line and per key, computed once: thousands of findings on one long (minified) line
    # would otherwise re-split and re-hash that line each time, quadratic in its length.
    contexts: dict[int, str] = {}
    prefixes: dict[tuple[str, str, str], Any] = {}
    result = []
    for f in sorted(findings, key=Finding.sort_key):
        if f.span.line not in contexts:
            contexts[f.span.line] = " ".join(masked.get(f.span.line, "").split())
        key = (f.rule_id, f.path, contexts[f.span.line])
        index = seen.get(key, 0)
        seen[key] = index + 1
        if key not in prefixes:
            # surrogateescape: a file name that is not UTF-8 arrives with lone surrogates.
            raw = "\x1f".join((*key, "")).encode("utf-8", "surrogateescape")
            prefixes[key] = hashlib.sha256(raw)
        digest = prefixes[key].copy()
        digest.update(str(index).encode())
        result.append(f.with_changes(fingerprint=digest.hexdigest()[:32]))
    return result


@dataclass(frozen=True, slots=True)
class Hit:
    """What an engine reports before the pipeline turns it into a `Finding`.

    Engines know where and what; the pipeline adds the rule's metadata, the redacted snippet,
    the fingerprint and the suppression state, so each engine stays small.
    """

    code: str
    span: Span
    secret: str = field(default="", repr=False)
    detail: str = ""  # appended to the rule's message; never contains the secret
    statement: tuple[int, int] | None = None
    signals: tuple[str, ...] = ()  # evidence, e.g. "name: db_password"; never the secret
    confidence: Confidence | None = None  # overrides the rule's when the engine scored it
    severity: Severity | None = None  # overrides the rule's (documented example keys: info)
    # Source -> sink steps of a taint finding (last, so positional construction elsewhere holds).
    trace: tuple[TraceStep, ...] = ()
