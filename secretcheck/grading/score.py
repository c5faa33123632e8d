"""Findings and signals -> deductions and credits with evidence -> a score per dimension.

    dimension = clamp(max - credit_room + min(credits, credit_room) - deductions, 0, max)

Deductions: points by severity x confidence, times the weight of where the finding is (test
code, history, suppressed); repeats of one issue (same rule or signal, same scope) decay and
are capped. Every step only adds to a deduction, so adding a finding never raises a grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from secretcheck.findings import Finding
from secretcheck.grading.model import DimensionScore, Evidence, Item, Signal
from secretcheck.grading.rubric import Rubric
from secretcheck.history import HistoryFinding

MAX_EVIDENCE = 5


@dataclass(frozen=True, slots=True)
class _Hit:
    dimension: str
    key: str
    scope: str  # code | test | history | suppressed
    title: str
    points: float
    evidence: Evidence


def _title(f: Finding) -> str:
    return f"{f.rule_id} {f.rule_name}"


def _finding_hits(rubric: Rubric, findings: Iterable[Finding]) -> list[_Hit]:
    out = []
    for f in findings:
        dim = rubric.dimension_of(f)
        if dim is None:
            continue
        points, scope = rubric.points(f.severity, f.confidence), "code"
        if rubric.is_low_weight(f.path):
            points, scope = points * rubric.low_weight, "test"
        if f.suppressed:
            points, scope = points * rubric.suppressed, f"{scope}, suppressed"
        ev = Evidence(f.path, f.span.line, snippet=f.snippet)
        if scope.startswith("test"):  # one habit per category there, whatever the rule
            title = f"{f.category} findings outside production code"
            out.append(_Hit(dim, f.category, scope, title, points, ev))
        else:
            out.append(_Hit(dim, f.rule_id, scope, _title(f), points, ev))
    return out


def _history_hits(rubric: Rubric, history: Iterable[HistoryFinding]) -> list[_Hit]:
    out, seen = [], set()
    for h in history:
        f = h.finding
        dim = rubric.dimension_of(f)
        if dim is None or h.status != "removed":
            continue  # a secret still present is already deducted by the HEAD scan
        if f.secret and f.secret in seen:
            continue  # one leaked value is one deduction, whichever rules saw it
        seen.add(f.secret)
        points = rubric.points(f.severity, f.confidence) * rubric.history_removed
        if rubric.is_low_weight(f.path):
            points *= rubric.low_weight
        ev = Evidence(f.path, f.span.line, commit=h.introduced.sha, snippet=f.snippet)
        title = f"{_title(f)} in history (removed later; still leaked, rotate it)"
        out.append(_Hit(dim, f.rule_id, "history", title, points, ev))
    return out


def _signal_hits(rubric: Rubric, signals: Iterable[Signal]) -> list[_Hit]:
    out = []
    for s in signals:
        spec = rubric.signals.get(s.id)
        if spec is None or spec.points >= 0:
            continue
        if not spec.per_occurrence:  # one deduction; every location is still evidence
            for i, ev in enumerate(s.evidence or (Evidence(),)):
                points = -spec.points if i == 0 else 0.0
                out.append(_Hit(spec.dimension, s.id, "code", spec.summary, points, ev))
            continue
        for ev in s.evidence:
            low = bool(ev.path) and rubric.is_low_weight(ev.path)
            points = -spec.points * (rubric.low_weight if low else 1.0)
            out.append(
                _Hit(spec.dimension, s.id, "test" if low else "code", spec.summary, points, ev)
            )
    return out


def _capped(rubric: Rubric, values: Sequence[float]) -> float:
    ordered = sorted(values, reverse=True)
    if not ordered:
        return 0.0
    total = ordered[0] + rubric.decay * sum(ordered[1:])
    return min(total, rubric.cap_multiple * ordered[0])


def _scope_notes(rubric: Rubric, scope: str) -> list[str]:
    weights = {
        "test": f"in tests, fixtures, docs or examples: x{rubric.low_weight:g}",
        "history": f"in history only: x{rubric.history_removed:g}",
        "suppressed": f"suppressed inline: x{rubric.suppressed:g}",
    }
    return [weights[part] for part in scope.split(", ") if part in weights]


def deductions(rubric: Rubric, hits: Iterable[_Hit]) -> dict[str, list[Item]]:
    groups: dict[tuple[str, str, str], list[_Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.dimension, hit.key, hit.scope), []).append(hit)
    out: dict[str, list[Item]] = {}
    for (dim, key, scope), members in sorted(groups.items()):
        points = _capped(rubric, [m.points for m in members])
        if points <= 0:
            continue
        notes = _scope_notes(rubric, scope)
        if len(members) > 1 and any(m.points > 0 for m in members[1:]):
            notes.append(f"{len(members)} occurrences, repeats decay and are capped")
        evidence = tuple(sorted({m.evidence for m in members}))[:MAX_EVIDENCE]
        item = Item(key, members[0].title, points, len(members), evidence, "; ".join(notes))
        out.setdefault(dim, []).append(item)
    return out


def credits(rubric: Rubric, signals: Iterable[Signal]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for s in sorted(signals, key=lambda s: s.id):
        spec = rubric.signals.get(s.id)
        if spec is None or spec.points <= 0:
            continue
        item = Item(
            s.id,
            spec.summary,
            spec.points,
            len(s.evidence),
            tuple(s.evidence[:MAX_EVIDENCE]),
            s.detail,
        )
        out.setdefault(spec.dimension, []).append(item)
    return out


def score_dimensions(
    rubric: Rubric,
    findings: Sequence[Finding],
    history: Sequence[HistoryFinding],
    signals: Sequence[Signal],
) -> tuple[float, tuple[DimensionScore, ...]]:
    hits = _finding_hits(rubric, findings) + _history_hits(rubric, history)
    hits += _signal_hits(rubric, signals)
    lost, gained = deductions(rubric, hits), credits(rubric, signals)
    dims = []
    for d in rubric.dimensions:
        minus = sorted(lost.get(d.id, []), key=lambda i: (-i.points, i.key))
        plus = sorted(gained.get(d.id, []), key=lambda i: (-i.points, i.key))
        earned = min(sum(i.points for i in plus), d.credit_room)
        raw = d.max - d.credit_room + earned - sum(i.points for i in minus)
        dims.append(
            DimensionScore(
                d.id, d.name, max(0.0, min(d.max, raw)), d.max, tuple(minus), tuple(plus)
            )
        )
    total = round(sum(dim.score for dim in dims), 1)
    return total, tuple(dims)
