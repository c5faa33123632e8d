"""Grade submissions: open each safely, scan it, read its history and habits, score it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.findings import Finding

from secretcheck.api import collect, scan_candidates
from secretcheck.grading.archive import ArchiveLimits
from secretcheck.grading.history import HistoryScanner, scan_git_history
from secretcheck.grading.model import Grade, Signal
from secretcheck.grading.repo import read_text, repo_signals
from secretcheck.grading.rubric import Rubric
from secretcheck.grading.score import score_dimensions
from secretcheck.grading.signals import PySource, python_signals
from secretcheck.grading.submission import Submission, open_submission
from secretcheck.redact import redact_value
from secretcheck.rulepacks import load_catalogue
from secretcheck.settings import Settings
from secretcheck.sources import Candidate


def _python_sources(sub: Submission, rubric: Rubric) -> list[PySource]:
    out = []
    for rel in sub.scannable():
        if rel.endswith(".py") and not rubric.is_low_weight(rel):
            text = read_text(sub, rel)
            if text is not None:
                out.append(PySource(rel, tuple(text.splitlines())))
    return out


_LITERAL = re.compile(r"""(?P<q>["'])(?P<value>[^"'\s]{8,})(?P=q)""")


def redact_snippet(text: str) -> str:
    """Code lines shown as evidence of a habit: mask any literal that could be a credential."""

    def mask(m: re.Match[str]) -> str:
        value = m.group("value")
        if placeholder_reason(value) is not None or value.isidentifier():
            return m.group(0)
        return f"{m.group('q')}{redact_value(value)}{m.group('q')}"

    return _LITERAL.sub(mask, text)


def _redacted(signals: list[Signal], findings: Sequence[Finding]) -> list[Signal]:
    """Evidence lines that a finding also covers show the finding's redacted snippet."""
    flagged = {(f.path, f.span.line): f.snippet for f in findings}
    out = []
    for s in signals:
        evidence = tuple(
            replace(e, snippet=flagged.get((e.path, e.line)) or redact_snippet(e.snippet))
            if e.snippet and not e.commit else e
            for e in s.evidence
        )  # fmt: skip
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
    history = history_scanner(sub.root, settings) if sub.is_git else []
    signals = python_signals(_python_sources(sub, rubric)) + repo_signals(sub)
    signals = _redacted(signals, result.findings)
    total, dims = score_dimensions(rubric, result.findings, history, signals)
    positives = tuple(
        s for s in sorted(signals, key=lambda s: s.id)
        if s.id in rubric.signals and rubric.signals[s.id].points > 0
    )  # fmt: skip
    return Grade(sub.name, sub.path, total, dims, result.findings, tuple(history), positives)


def grade_paths(
    paths: Sequence[Path],
    rubric: Rubric,
    settings: Settings | None = None,
    history_scanner: HistoryScanner = scan_git_history,
    limits: ArchiveLimits | None = None,
) -> list[Grade]:
    """Grade every submission; the list is a leaderboard (best first, ties by name)."""
    settings = settings or Settings()
    load_catalogue(settings.rule_paths)  # fail fast on a broken rule pack
    grades = []
    for path in paths:
        with open_submission(path, limits) as sub:
            grades.append(grade_submission(sub, rubric, settings, history_scanner))
    return sorted(grades, key=lambda g: (-g.score, g.name, g.path))
