"""Grade submissions: open each safely, scan it, read its history and habits, score it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from secretcheck.findings import Finding
from secretcheck.grading.archive import ArchiveLimits
from secretcheck.grading.history import HistoryScanner, scan_git_history
from secretcheck.grading.model import Grade, Signal
from secretcheck.grading.redaction import redact_snippet
from secretcheck.grading.repo import repo_signals
from secretcheck.grading.rubric import Rubric
from secretcheck.grading.score import score_dimensions
from secretcheck.grading.signals import PySource, python_signals
from secretcheck.grading.submission import Submission, open_submission, read_text
from secretcheck.rulepacks import load_catalogue
from secretcheck.runner import collect, scan_candidates
from secretcheck.settings import Settings
from secretcheck.sources import Candidate


def _python_sources(sub: Submission) -> list[PySource]:
    out = []
    for rel in sub.scannable():
        if rel.endswith(".py"):
            text = read_text(sub, rel)
            if text is not None:
                out.append(PySource(rel, tuple(text.splitlines())))
    return out


def _redacted(signals: list[Signal], findings: Sequence[Finding]) -> list[Signal]:
    """Evidence lines that a finding also covers show the finding's redacted snippet."""
    flagged = {(f.path, f.span.line): f.snippet for f in findings}
    out = []
    for s in signals:
        evidence = tuple(
            replace(e, snippet=flagged.get((e.path, e.line)) or redact_snippet(e.snippet))
            if e.snippet and not e.commit
            else e
            for e in s.evidence
        )
        out.append(replace(s, evidence=evidence))
    return out


def grade_submission(
    sub: Submission,
    rubric: Rubric,
    settings: Settings,
    history_scanner: HistoryScanner = scan_git_history,
) -> Grade:
    """Score one opened submission. Its own config is ignored: the grader sets the rules."""
    candidates = [Candidate(str(sub.root / rel), rel, explicit=True) for rel in sub.scannable()]
    result = collect(scan_candidates(candidates, settings))
    sources = _python_sources(sub)
    catalogue = load_catalogue(settings.rule_paths)
    replaced = rubric.replaced_signals({r.code for r in catalogue.active()})
    findings = tuple(sorted(result.findings, key=Finding.sort_key))
    history = history_scanner(sub.root, settings) if sub.is_git else []
    own_code = [s for s in sources if not rubric.is_low_weight(s.path)]
    found = python_signals(own_code, replaced)
    found += [s for s in repo_signals(sub) if s.id not in replaced]
    signals = _redacted(found, findings)
    total, dims = score_dimensions(rubric, findings, history, signals)
    positives = tuple(
        s
        for s in sorted(signals, key=lambda s: s.id)
        if s.id in rubric.signals and rubric.signals[s.id].points > 0
    )
    return Grade(sub.name, sub.path, total, dims, findings, tuple(history), positives)


def grade_paths(
    paths: Sequence[Path],
    rubric: Rubric,
    settings: Settings | None = None,
    history_scanner: HistoryScanner = scan_git_history,
    limits: ArchiveLimits | None = None,
    on_graded: Callable[[int], None] | None = None,
) -> list[Grade]:
    """Grade every submission; the list is a leaderboard (best first, ties by name).
    `on_graded(1)` is called after each submission (a progress bar for batch grading)."""
    # No findings cache: submissions are one-off, and grading writes nothing outside its temp.
    settings = settings or Settings(use_cache=False)
    load_catalogue(settings.rule_paths)  # fail fast on a broken rule pack
    grades = []
    for path in paths:
        with open_submission(path, limits) as sub:
            grades.append(grade_submission(sub, rubric, settings, history_scanner))
        if on_graded is not None:
            on_graded(1)
    return sorted(grades, key=lambda g: (-g.score, g.name, g.path))
