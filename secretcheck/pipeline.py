"""One file through the detectors: hits -> merged findings -> suppressions -> fingerprints.

This is the per-file unit of work that the process pool runs; it reads nothing but the file it
is given and returns plain values.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from secretcheck import cache
from secretcheck.analysis.context import path_context
from secretcheck.engines.cst import run_cst
from secretcheck.engines.detect_secrets_adapter import run_detect_secrets
from secretcheck.engines.keyvalue import run_keyvalue
from secretcheck.engines.patterns import run_patterns
from secretcheck.findings import (
    Confidence,
    FileResult,
    Finding,
    Hit,
    ScanError,
    Severity,
    Skipped,
    Span,
    assign_fingerprints,
    mask_line,
)
from secretcheck.redact import redact_line, unknown_value_spans
from secretcheck.rulepacks import Catalogue, RuleSpec, code_selected, load_catalogue
from secretcheck.settings import Settings
from secretcheck.sources import Candidate, SourceText, is_excluded, read_source
from secretcheck.suppress import (
    DEFAULT_MARKERS,
    apply_suppressions,
    directive_columns,
    directive_problems,
)
from secretcheck.textindex import LineIndex

_TEST_CODE = ("test", "fixture")
_ALWAYS = frozenset({"secret", "repo-hygiene", "diagnostic"})


def rules_for(catalogue: Catalogue, settings: Settings, display: str) -> list[RuleSpec]:
    """The active rules that `select`/`ignore`, `per-file-ignores` and the test-code policy
    (`input-checks-in-tests`) leave on for a file."""
    ignored: set[str] = set()
    for glob, codes in settings.per_file_ignores:
        if is_excluded(display, (glob,)):
            ignored.update(codes)
    secrets_only = not settings.input_checks_in_tests and path_context(display) in _TEST_CODE
    return [
        r
        for r in catalogue.active()
        if settings.rule_enabled(r.code)
        and not any(code_selected(r.code, c) for c in ignored)
        and not (secrets_only and r.category not in _ALWAYS)
    ]


def _line_spans(hit: Hit, index: LineIndex, line: int) -> tuple[int, int] | None:
    """The 0-based column range a secret hit covers on `line`."""
    if not hit.secret or not hit.span.line <= line <= hit.span.end_line:
        return None
    start = hit.span.column - 1 if line == hit.span.line else 0
    end = hit.span.end_column - 1 if line == hit.span.end_line else len(index.line(line))
    return start, end


def _overlaps(a: Hit, b: Hit) -> bool:
    if a.span.line != b.span.line or bool(a.secret) != bool(b.secret):
        return False
    if a.secret and a.secret == b.secret:
        return True
    return a.span.column < b.span.end_column and b.span.column < a.span.end_column


def inside_directive(hit: Hit, index: LineIndex) -> bool:
    """True for a hit that lies within a suppression comment (see `directive_columns`)."""
    if hit.span.line != hit.span.end_line:
        return False
    start, end = hit.span.column - 1, hit.span.end_column - 1
    return any(a <= start and end <= b for a, b in directive_columns(index.line(hit.span.line)))


def merge_hits(hits: Iterable[Hit], rules: dict[str, RuleSpec]) -> list[tuple[Hit, list[Hit]]]:
    """Group hits that point at one location; the most specific rule leads each group."""
    groups: list[list[Hit]] = []
    # Overlapping hits share a line, so only that line's groups are candidates: linear, not
    # quadratic, in a generated file with thousands of hits.
    by_line: dict[int, list[list[Hit]]] = {}
    for hit in sorted(hits, key=lambda h: (h.span, h.code)):
        line_groups = by_line.setdefault(hit.span.line, [])
        for group in line_groups:
            if any(_overlaps(hit, other) for other in group):
                group.append(hit)
                break
        else:
            groups.append([hit])
            line_groups.append(groups[-1])

    def rank(h: Hit) -> tuple[int, int, str]:
        rule = rules[h.code]
        return (rule.specificity, -int(rule.severity), h.code)

    merged = []
    for group in groups:
        ordered = sorted(group, key=rank)
        merged.append((ordered[0], ordered[1:]))
    return merged


def merged_signals(lead: Hit, others: Sequence[Hit], rules: dict[str, RuleSpec]) -> tuple[str, ...]:
    """The lead's own signals, then one line naming the other detectors that agreed."""
    signals = list(lead.signals)
    agreeing = sorted({o.code for o in others if o.code != lead.code})
    if agreeing:
        signals.append("also: " + ", ".join(f"{c} {rules[c].name}" for c in agreeing))
    return tuple(dict.fromkeys(signals))


def _secrets_on(line: str, by_prefix: dict[str, list[str]]) -> set[str]:
    """The known secrets that occur in `line`, found by their first four characters, so a file
    with thousands of findings does not test every secret against every line."""
    return {
        secret
        for i in range(len(line) - 3)
        for secret in by_prefix.get(line[i : i + 4], ())
        if line.startswith(secret, i)
    }


def build_findings(
    hits: Sequence[Hit], rules: dict[str, RuleSpec], index: LineIndex, display: str
) -> tuple[list[Finding], dict[int, str]]:
    secrets = {h.secret for h in hits if h.secret}
    by_prefix: dict[str, list[str]] = {}
    for secret in secrets:
        if len(secret) >= 4:
            by_prefix.setdefault(secret[:4], []).append(secret)
    spans_by_line: dict[int, list[tuple[int, int]]] = {}
    for hit in hits:
        for line in range(hit.span.line, hit.span.end_line + 1):
            cols = _line_spans(hit, index, line)
            if cols:
                spans_by_line.setdefault(line, []).append(cols)
    findings = []
    for lead, others in merge_hits(hits, rules):
        rule = rules[lead.code]
        confidence = rule.confidence if lead.confidence is None else lead.confidence
        if {rules[o.code].code[:3] for o in others} - {rule.code[:3]}:
            # Another family of detector agrees: a name rule and a format rule, say.
            confidence = Confidence(min(int(confidence) + 1, int(Confidence.HIGH)))
        severity = rule.severity if lead.severity is None else lead.severity
        signals = merged_signals(lead, others, rules)
        context = path_context(display)
        if context and rule.category == "secret" and severity > Severity.LOW:
            severity = Severity(int(severity) - 1)
            signals = (*signals, f"context: {context} path (severity lowered)")
        line = lead.span.line
        spans = spans_by_line.get(line, [])
        if rule.category == "diagnostic":  # the line itself is unchecked text
            spans = [*spans, *unknown_value_spans(index.line(line))]
        snippet = redact_line(index.line(line), spans, _secrets_on(index.line(line), by_prefix))
        message = f"{rule.message}: {lead.detail}" if lead.detail else rule.message
        findings.append(
            Finding(
                rule_id=rule.code,
                rule_name=rule.name,
                category=rule.category,
                cwe=rule.cwe,
                severity=severity,
                confidence=confidence,
                path=display,
                span=lead.span,
                message=message,
                snippet=snippet,
                secret=lead.secret,
                statement=lead.statement,
                also=tuple(dict.fromkeys(o.code for o in others if o.code != rule.code)),
                trace=lead.trace,
                signals=signals,
            )
        )
    masked = {n: mask_line(index.line(n), s) for n, s in spans_by_line.items()}
    return findings, masked


def scan_text(text: str, display: str, kind: str, settings: Settings) -> list[Finding]:
    catalogue = load_catalogue(settings.rule_paths)
    enabled = rules_for(catalogue, settings, display)
    return detect(text, display, kind, enabled, settings.suppression_markers(), _codes(catalogue))


# A suppression comment that suppresses nothing it seems meant to (see suppress.py).
SUPPRESSION_PROBLEM_CODE = "SC902"


def _codes(catalogue: Catalogue) -> frozenset[str]:
    # Removed rules count: an old `ignore[SC1xx]` for a retired rule is not a mistake.
    return frozenset(r.code for r in catalogue.rules)


def _suppression_problems(index: LineIndex, known: Collection[str]) -> list[Hit]:
    return [
        Hit(SUPPRESSION_PROBLEM_CODE, Span(p.line, p.column, p.line, p.end_column), "", p.message)
        for p in directive_problems(index.lines, known)
    ]


def detect(
    text: str,
    display: str,
    kind: str,
    enabled: Sequence[RuleSpec],
    markers: Collection[str] = DEFAULT_MARKERS,
    known_codes: Collection[str] = (),
) -> list[Finding]:
    """All findings of the `enabled` rules in one file's text: the uncached core.
    `markers`: the foreign suppression markers honoured; `known_codes`: every rule code, to
    report suppression comments naming none (empty: not checked)."""
    by_code = {r.code: r for r in enabled}
    index = LineIndex(text)
    hits: list[Hit] = []
    hits.extend(run_patterns([r for r in enabled if r.engine == "pattern"], text, display, index))
    detect_secrets_rules = [r for r in enabled if r.engine == "detect-secrets"]
    hits.extend(run_detect_secrets(detect_secrets_rules, text, display, index, kind))
    hits.extend(run_keyvalue([r for r in enabled if r.engine == "keyvalue"], text, display, index))
    if kind == "python":
        cst_hits = run_cst([r for r in enabled if r.engine == "cst"], text, must_parse=bool(hits))
        hits.extend(h for h in cst_hits if h.code in by_code)
    hits = [h for h in hits if not inside_directive(h, index)]
    if known_codes and SUPPRESSION_PROBLEM_CODE in by_code and "secretcheck" in text.lower():
        hits.extend(_suppression_problems(index, known_codes))
    findings, masked = build_findings(hits, by_code, index, display)
    findings = apply_suppressions(findings, index.lines, text, kind == "python", markers)
    return assign_fingerprints(findings, masked)


def _scan_cached(text: str, display: str, kind: str, settings: Settings) -> list[Finding]:
    catalogue = load_catalogue(settings.rule_paths)
    enabled = rules_for(catalogue, settings, display)
    markers = settings.suppression_markers()
    if not settings.use_cache or not settings.cache_dir:
        return detect(text, display, kind, enabled, markers, _codes(catalogue))
    # The honoured markers change which findings are suppressed: they are part of the key.
    digest = f"{catalogue.digest}:{','.join(sorted(markers))}"
    key = cache.cache_key(text, display, enabled, digest)
    found = cache.load(settings.cache_dir, key, text)
    if found is not None:
        return found
    findings = detect(text, display, kind, enabled, markers, _codes(catalogue))
    cache.store(settings.cache_dir, key, findings)
    return findings


def scan_source(source: SourceText | Skipped, settings: Settings) -> FileResult:
    """Scan one classified file; a detector failure becomes a value, never an exception."""
    if isinstance(source, Skipped):
        return FileResult(source.path, skipped=source)
    try:
        findings = _scan_cached(source.text, source.display, source.kind, settings)
    except Exception as exc:  # a bug in one detector must not end the whole run
        # Only the exception type: its message may quote the file, and so a secret.
        error = ScanError(source.display, f"internal error ({type(exc).__name__}); please report")
        return FileResult(source.display, error=error)
    return FileResult(source.display, tuple(findings), lines=source.text.count("\n") + 1)


def scan_candidate(candidate: Candidate, settings: Settings) -> FileResult:
    """Read and scan one file on disk."""
    try:
        source = read_source(candidate, settings.max_file_size)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return FileResult(candidate.display, error=ScanError(candidate.display, reason))
    return scan_source(source, settings)
