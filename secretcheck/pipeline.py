"""One file through the detectors: hits -> merged findings -> suppressions -> fingerprints.

This is the per-file unit of work that the process pool runs; it reads nothing but the file it
is given and returns plain values.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from secretcheck import cache
from secretcheck.analysis.context import path_context
from secretcheck.budget import SHORTEST, BudgetExceeded, cpu_budget
from secretcheck.engines import ENGINES
from secretcheck.engines.cst import run_cst
from secretcheck.findings import (
    Confidence,
    FileResult,
    Finding,
    Hit,
    Partial,
    ScanError,
    Severity,
    Skipped,
    Span,
    assign_fingerprints,
    mask_line,
)
from secretcheck.memo import Same
from secretcheck.python.taint import project
from secretcheck.redact import SNIPPET_WINDOW, context_spans, redact_line, unknown_value_spans
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


def rules_for(catalogue: Catalogue, settings: Settings, display: str) -> tuple[RuleSpec, ...]:
    """The active rules that `select`/`ignore`, `per-file-ignores` and the test-code policy
    (`input-checks-in-tests`) leave on for a file."""
    ignored: set[str] = set()
    for glob, codes in settings.per_file_ignores:
        if is_excluded(display, (glob,)):
            ignored.update(codes)
    secrets_only = not settings.input_checks_in_tests and path_context(display) in _TEST_CODE
    return _selected_rules(Same(catalogue), settings, frozenset(ignored), secrets_only)


@lru_cache(maxsize=64)
def _selected_rules(
    catalogue: Same[Catalogue], settings: Settings, ignored: frozenset[str], secrets_only: bool
) -> tuple[RuleSpec, ...]:
    """`rules_for` once per distinct policy, not per file: the same for nearly every file of a
    run, and selecting from ~340 rules per file cost ~0.1 ms. Returning the same tuple also
    lets the engines keep their per-selection setup (`_Selection`, the pattern engine's plan)."""
    active = catalogue.value.active()
    enabled = frozenset(r.code for r in active if settings.rule_enabled(r.code))
    return tuple(
        r
        for r in active
        if r.code in enabled
        and not (ignored and any(code_selected(r.code, c) for c in ignored))
        and not (secrets_only and r.category not in _ALWAYS)
    )


@dataclass(frozen=True, slots=True)
class _Selection:
    """What the pipeline derives from one file's enabled rules: by code, and per engine."""

    by_code: Mapping[str, RuleSpec]
    by_engine: Mapping[str, tuple[RuleSpec, ...]]  # in `ENGINES` order


@lru_cache(maxsize=64)
def _selection(enabled: Same[Sequence[RuleSpec]]) -> _Selection:
    # Keyed by identity: `rules_for` hands every file of a run the same tuple.
    rules = enabled.value
    by_engine = {name: tuple(r for r in rules if r.engine == name) for name in ENGINES}
    return _Selection({r.code: r for r in rules}, by_engine)


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


def inside_directive(
    hit: Hit, index: LineIndex, seen: dict[int, list[tuple[int, int]]] | None = None
) -> bool:
    """True for a hit that lies within a suppression comment (see `directive_columns`).
    `seen` keeps each line's directives, so many hits on one long line read it once."""
    if hit.span.line != hit.span.end_line:
        return False
    start, end = hit.span.column - 1, hit.span.end_column - 1
    seen = {} if seen is None else seen
    if hit.span.line not in seen:
        seen[hit.span.line] = directive_columns(index.line(hit.span.line))
    return any(a <= start and end <= b for a, b in seen[hit.span.line])


def _hit_order(hit: Hit) -> tuple[int, int, int, int, str]:
    # `(hit.span, hit.code)` in the same order: Span's generated `__lt__` is a Python call per
    # comparison, ~0.2 s of sorting a file's 31k hits; plain tuples compare in C.
    s = hit.span
    return (s.line, s.column, s.end_line, s.end_column, hit.code)


def merge_hits(hits: Iterable[Hit], rules: Mapping[str, RuleSpec]) -> list[tuple[Hit, list[Hit]]]:
    """Group hits that point at one location; the most specific rule leads each group.

    A hit joins the earliest group on its line holding the same secret or a hit it overlaps.
    Hits come sorted by column, so only groups still reaching past the hit's start can
    overlap it: one minified line with thousands of hits stays linear, not quadratic."""
    groups: list[list[Hit]] = []
    same_secret: dict[tuple[int, str], int] = {}  # (line, secret) -> group index
    reaching: dict[tuple[int, bool], list[tuple[int, int]]] = {}  # -> [(group, max end col)]
    for hit in sorted(hits, key=_hit_order):
        key = (hit.span.line, bool(hit.secret))
        still = [(g, end) for g, end in reaching.get(key, ()) if end > hit.span.column]
        found = [g for g, _ in still if any(_overlaps(hit, other) for other in groups[g])]
        if hit.secret and (hit.span.line, hit.secret) in same_secret:
            found.append(same_secret[(hit.span.line, hit.secret)])
        if found:
            index = min(found)
            groups[index].append(hit)
        else:
            index = len(groups)
            groups.append([hit])
        if hit.secret:
            same_secret.setdefault((hit.span.line, hit.secret), index)
        ends = dict(still)
        ends[index] = max(ends.get(index, 0), hit.span.end_column)
        reaching[key] = sorted(ends.items())

    def rank(h: Hit) -> tuple[bool, int, int, str]:
        rule = rules[h.code]
        # A code finding lowered to info (an --audit lead, a threat-model note) never leads a
        # group over one that counts: it would carry the group below the gate and hide an
        # alert on the same call (SC220's `ssl=False` behind an SC206 audit lead). A secret
        # lowered to info (a documented example key) still leads: the value is the example.
        below = not h.secret and h.severity == Severity.INFO and rule.severity > Severity.INFO
        return (below, rule.specificity, -int(rule.severity), h.code)

    merged: list[tuple[Hit, list[Hit]]] = []
    for group in groups:
        if len(group) == 1:  # most groups (one per value on a generated file): nothing to rank
            merged.append((group[0], []))
            continue
        ordered = sorted(group, key=rank)
        merged.append((ordered[0], ordered[1:]))
    return merged


def merged_signals(
    lead: Hit, others: Sequence[Hit], rules: Mapping[str, RuleSpec]
) -> tuple[str, ...]:
    """The lead's own signals, then one line naming the other detectors that agreed."""
    signals = list(lead.signals)
    agreeing = sorted({o.code for o in others if o.code != lead.code})
    if agreeing:
        signals.append("also: " + ", ".join(f"{c} {rules[c].name}" for c in agreeing))
    return tuple(dict.fromkeys(signals))


def _secrets_on(line: str, by_prefix: dict[str, list[str]], prefixes: frozenset[str]) -> set[str]:
    """The known secrets that occur in `line`, found by their first four characters, so a file
    with thousands of findings does not test every secret against every line. The line's
    4-grams meet `prefixes` (the keys of `by_prefix`) in one C-level set intersection."""
    grams = prefixes.intersection(map(line.__getitem__, _gram_slices(len(line))))
    return {secret for gram in grams for secret in by_prefix[gram] if secret in line}


@lru_cache(maxsize=1024)
def _gram_slices(length: int) -> tuple[slice, ...]:
    # The 4-grams are cut by C-level `map` over slices made once per line length: a
    # comprehension of slicing expressions cost ~20 us a line, 0.6 s over 31k finding lines.
    return tuple(slice(i, i + 4) for i in range(length - 3))


def build_findings(
    hits: Sequence[Hit], rules: Mapping[str, RuleSpec], index: LineIndex, display: str
) -> tuple[list[Finding], dict[int, str]]:
    # Details and signals repeat across a file's findings ("value: 40 chars, ..."): redact each
    # distinct text once; a generated file can hold tens of thousands of findings.
    prose = functools.lru_cache(maxsize=4096)(functools.partial(redact_line, prose=True))
    secrets = {h.secret for h in hits if h.secret}
    by_prefix: dict[str, list[str]] = {}
    for secret in secrets:
        if len(secret) >= 4:
            by_prefix.setdefault(secret[:4], []).append(secret)
    prefixes = frozenset(by_prefix)
    spans_by_line: dict[int, list[tuple[int, int]]] = {}
    for hit in hits:
        for line in range(hit.span.line, hit.span.end_line + 1):
            cols = _line_spans(hit, index, line)
            if cols:
                spans_by_line.setdefault(line, []).append(cols)
    findings = []
    snippets: dict[int, str] = {}
    masked: dict[int, str] = {}
    context = path_context(display)  # one file: the same for all its findings
    for lead, others in merge_hits(hits, rules):
        rule = rules[lead.code]
        confidence = rule.confidence if lead.confidence is None else lead.confidence
        if others and {rules[o.code].code[:3] for o in others} - {rule.code[:3]}:
            # Another family of detector agrees: a name rule and a format rule, say.
            confidence = Confidence(min(int(confidence) + 1, int(Confidence.HIGH)))
        severity = rule.severity if lead.severity is None else lead.severity
        signals = merged_signals(lead, others, rules)
        # Every rule, not only the secret ones: a bind-all in an example or a key file in a test
        # folder is what such folders hold by design.
        if context and rule.category != "diagnostic" and severity > Severity.LOW:
            severity = Severity(int(severity) - 1)
            signals = (*signals, f"context: {context} path (severity lowered)")
        line = lead.span.line
        diagnostic = rule.category == "diagnostic"
        snippet = snippets.get(line) if not diagnostic else None
        if snippet is None:  # one redaction per line: a long line may hold thousands of hits
            spans = spans_by_line.get(line, [])
            if diagnostic:  # the line itself is unchecked text
                spans = [*spans, *unknown_value_spans(index.line(line))]
            text = index.line(line)
            # redact_line reads no further than its window: secrets past it cannot matter, and
            # a 2 MB minified line would make every search below scan megabytes.
            on_line = _secrets_on(text[:SNIPPET_WINDOW], by_prefix, prefixes)
            snippet = redact_line(text, spans, on_line)
            if not diagnostic:
                snippets[line] = snippet
            if line in spans_by_line and line not in masked:  # while its lexing is cached
                masked[line] = _masked(index.line(line), spans_by_line[line])
        # Detectors promise never to copy a value into these; redaction makes sure of it.
        detail = prose(lead.detail)
        message = f"{rule.message}: {detail}" if detail else rule.message
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
                trace=tuple(replace(step, note=prose(step.note)) for step in lead.trace),
                signals=tuple(prose(s) for s in signals),
            )
        )
    for n, spans in spans_by_line.items():
        if n not in masked:
            masked[n] = _masked(index.line(n), spans)
    return findings, masked


def _masked(line: str, spans: list[tuple[int, int]]) -> str:
    """The line as its fingerprint hashes it: found secrets and every unproven value masked."""
    return mask_line(line, [*spans, *context_spans(line)])


def scan_text(text: str, display: str, kind: str, settings: Settings) -> list[Finding]:
    return scan_text_detected(text, display, kind, settings).findings


def scan_text_detected(text: str, display: str, kind: str, settings: Settings) -> Detected:
    """One text (a history fragment, a graded file), uncached but within the per-file CPU
    budget like a scanned file, saying why only the text detectors' findings are there."""
    catalogue = load_catalogue(settings.rule_paths)
    enabled = rules_for(catalogue, settings, display)
    budget = settings.file_budget or math.inf
    return detect_within(
        text, display, kind, enabled, budget, audit=settings.audit,
        options=SuppressionOptions(settings.suppression_markers(), _codes(catalogue)),
    )  # fmt: skip


# A suppression comment that suppresses nothing it seems meant to (see suppress.py).
SUPPRESSION_PROBLEM_CODE = "SC902"


def _codes(catalogue: Catalogue) -> frozenset[str]:
    # Removed rules count: an old `ignore[SC1xx]` for a retired rule is not a mistake.
    return _codes_of(Same(catalogue))


@lru_cache(maxsize=4)
def _codes_of(catalogue: Same[Catalogue]) -> frozenset[str]:
    """Made once per catalogue, not per file: ~350 codes for each of a run's files was ~1% of
    a flask+werkzeug scan."""
    return frozenset(r.code for r in catalogue.value.rules)


def _suppression_problems(index: LineIndex, known: Collection[str]) -> list[Hit]:
    return [
        Hit(SUPPRESSION_PROBLEM_CODE, Span(p.line, p.column, p.line, p.end_column), "", p.message)
        for p in directive_problems(index.lines, known)
    ]


@dataclass(frozen=True, slots=True)
class Detected:
    """One file's findings, and why only the text detectors' are there, if so."""

    findings: list[Finding]
    partial: str = ""  # "" | "budget" | "internal-error"
    detail: str = ""  # for an internal error: the exception type (its message may quote a secret)


def _text_hits(
    text: str, display: str, kind: str, enabled: Sequence[RuleSpec], index: LineIndex
) -> tuple[list[Hit], str]:
    """The text detectors' hits. Each engine runs on its own, so a bug in one keeps the others'
    hits; the second value names the first failure's exception type."""
    hits: list[Hit] = []
    failed = ""
    for name, rules in _selection(Same(enabled)).by_engine.items():
        engine = ENGINES[name]
        if engine.run is None:
            continue
        if not rules:
            continue  # nor import it: a Python file needs no config-file reader
        try:
            hits.extend(engine.run(rules, text, display, index, kind))
        except Exception as exc:  # keep what the other detectors found
            failed = failed or type(exc).__name__
    return hits, failed


@dataclass(frozen=True, slots=True)
class SuppressionOptions:
    """The foreign markers honoured, and every rule code (to report comments naming none;
    empty: not checked)."""

    markers: Collection[str] = DEFAULT_MARKERS
    known_codes: Collection[str] = ()


def _findings(
    hits: list[Hit], by_code: Mapping[str, RuleSpec], text: str, index: LineIndex, display: str,
    kind: str, options: SuppressionOptions = SuppressionOptions(),
) -> list[Finding]:  # fmt: skip
    seen: dict[int, list[tuple[int, int]]] = {}
    hits = [h for h in hits if not inside_directive(h, index, seen)]
    known = options.known_codes
    if known and SUPPRESSION_PROBLEM_CODE in by_code and "secretcheck" in text.lower():
        hits.extend(_suppression_problems(index, known))
    if not hits:  # most files: nothing to merge, and reading their comments would change nothing
        return []
    findings, masked = build_findings(hits, by_code, index, display)
    is_python = kind == "python"
    findings = apply_suppressions(findings, index.lines, text, is_python, options.markers)
    return assign_fingerprints(findings, masked)


# CPU that turning text hits into findings takes (redaction, fingerprints), measured on generated
# 1.8 MB files on a 2-core machine: ~25 us a hit, and ~70 us more for each line that has one
# (31k token lines: 3.0 s; 40k values on one line: 1.0 s). Those findings are built whatever
# the syntax-tree stage does, so its share of the budget is what is left after them: a file
# with tens of thousands of text findings then keeps them, listed as a budget fallback, instead
# of spending the whole budget on a stage and then the same again on its findings.
_COST_PER_HIT = 25e-6
_COST_PER_LINE = 70e-6


def _findings_cost(hits: Sequence[Hit]) -> float:
    if len(hits) < 1000:  # most files: a few milliseconds at most
        return 0.0
    lines = len({h.span.line for h in hits})
    return len(hits) * _COST_PER_HIT + lines * _COST_PER_LINE


def detect_within(
    text: str,
    display: str,
    kind: str,
    enabled: Sequence[RuleSpec],
    budget: float,
    *,
    audit: bool = False,
    options: SuppressionOptions = SuppressionOptions(),
) -> Detected:
    """All findings of the `enabled` rules in one file's text, spending at most `budget` CPU
    seconds (counted from the start) before the syntax-tree stage is given up.

    The text detectors always run to the end (they are linear: keyword prefilters, RE2). The
    libcst stage gets what is left of the budget once the text hits' findings are paid for;
    past it, or if it fails, the file keeps the text detectors' findings and says why in
    `partial`."""
    started = time.process_time()
    selection = _selection(Same(enabled))
    by_code = selection.by_code
    index = LineIndex(text)
    hits, failed = _text_hits(text, display, kind, enabled, index)
    partial, detail = ("internal-error", failed) if failed else ("", "")
    text_hits = len(hits)
    cst_rules = selection.by_engine["cst"] if kind == "python" else ()
    if cst_rules:
        try:
            reserve = _findings_cost(hits)
            deadline = started + budget - reserve
            if reserve and deadline - time.process_time() < SHORTEST:
                raise BudgetExceeded(f"{len(hits)} text findings to build first")
            with cpu_budget(deadline - time.process_time()):
                cst_hits = run_cst(cst_rules, text, must_parse=bool(hits), audit=audit,
                                   deadline=deadline, path=display)  # fmt: skip
            hits.extend(h for h in cst_hits if h.code in by_code)
        except BudgetExceeded as exc:
            partial = partial or "budget"
            why = f"syntax-tree checks stopped after {budget:g} s of CPU time"
            if exc.args:  # given up before the end, on an estimate
                why = f"syntax-tree checks skipped: {exc.args[0]}, over the {budget:g} s budget"
            detail = detail or why
        except Exception as exc:  # a bug in one check: the text findings still stand
            partial, detail = "internal-error", detail or type(exc).__name__
    try:
        found = _findings(hits, by_code, text, index, display, kind, options)
        return Detected(found, partial, detail)
    except Exception as exc:
        if text_hits == len(hits):
            raise
        # Merging with the syntax-tree hits failed: the text findings alone still stand.
        findings = _findings(hits[:text_hits], by_code, text, index, display, kind, options)
        return Detected(findings, "internal-error", detail or type(exc).__name__)


def detect(
    text: str, display: str, kind: str, enabled: Sequence[RuleSpec], *, audit: bool = False,
    markers: Collection[str] = DEFAULT_MARKERS, known_codes: Collection[str] = (),
) -> list[Finding]:  # fmt: skip
    """All findings of the `enabled` rules in one file's text: the uncached core, unbounded."""
    options = SuppressionOptions(markers, known_codes)
    return detect_within(
        text, display, kind, enabled, math.inf, audit=audit, options=options
    ).findings


def _scan_cached(text: str, display: str, kind: str, settings: Settings) -> list[Finding]:
    return _detect_cached(text, display, kind, settings).findings


def _detect_cached(text: str, display: str, kind: str, settings: Settings) -> Detected:
    catalogue = load_catalogue(settings.rule_paths)
    enabled = rules_for(catalogue, settings, display)
    budget = settings.file_budget or math.inf
    markers = settings.suppression_markers()
    options = SuppressionOptions(markers, _codes(catalogue))
    if not settings.use_cache or not settings.cache_dir:
        return detect_within(
            text, display, kind, enabled, budget, audit=settings.audit, options=options
        )
    # Audit mode finds more: its results are cached apart (as if under another catalogue);
    # the honoured markers change which findings are suppressed, so they are keyed too.
    digest = f"{catalogue.digest}:audit" if settings.audit else catalogue.digest
    digest = f"{digest}:{','.join(sorted(markers))}"
    key = cache.cache_key(text, display, enabled, digest)
    found = cache.load(settings.cache_dir, key, text)
    if found is not None:
        return Detected(found)
    with project.recording() as uses:
        detected = detect_within(
            text, display, kind, enabled, budget, audit=settings.audit, options=options
        )
    if not detected.partial:  # a partial result depends on the machine's load: not cached
        cache.store(settings.cache_dir, key, detected.findings, uses)
    return detected


def scan_source(source: SourceText | Skipped, settings: Settings) -> FileResult:
    """Scan one classified file; a detector failure becomes a value, never an exception."""
    if isinstance(source, Skipped):
        return FileResult(source.path, skipped=source)
    lines = source.text.count("\n") + 1
    try:
        detected = _detect_cached(source.text, source.display, source.kind, settings)
    except Exception as exc:  # a bug in one detector must not end the whole run
        # Only the exception type: its message may quote the file, and so a secret.
        failed = ScanError(source.display, f"internal error ({type(exc).__name__}); please report")
        return FileResult(source.display, error=failed, lines=lines)
    partial: Partial | None = None
    error: ScanError | None = None
    if detected.partial:
        partial = Partial(source.display, detected.partial, detected.detail)
    if detected.partial == "internal-error":
        message = f"internal error ({detected.detail}); text findings kept; please report"
        error = ScanError(source.display, message)
    findings = tuple(detected.findings)
    return FileResult(source.display, findings, error=error, lines=lines, partial=partial)


def scan_candidate(candidate: Candidate, settings: Settings) -> FileResult:
    """Read and scan one file on disk."""
    try:
        source = read_source(candidate, settings.max_file_size)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return FileResult(candidate.display, error=ScanError(candidate.display, reason))
    with project.located(candidate.path):  # where its imports are looked for
        return scan_source(source, settings)
