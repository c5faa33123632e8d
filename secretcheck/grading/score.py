"""Findings and signals -> deductions and credits with evidence -> a score per dimension.

    dimension = clamp(max - credit_room + min(credits, credit_room) - deductions, 0, max)
    total     = min(sum of dimensions, cap)      cap: the rubric's knockouts, when any applies

Every item's points are rounded to 0.01 before they are summed, so the printed lines add up.

Deductions: points by severity x confidence, times the weight of where the finding is (test
code, history, suppressed); repeats of one issue (same rule or signal, same scope) decay and
are capped. Every step only adds to a deduction, so adding a finding never raises a grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from secretcheck.findings import Finding
from secretcheck.grading.model import CapHit, DimensionScore, Evidence, Item, Signal
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
    category: str = ""


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
            out.append(_Hit(dim, f.category, scope, title, points, ev, f.category))
        else:
            out.append(_Hit(dim, f.rule_id, scope, _title(f), points, ev, f.category))
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
        out.append(_Hit(dim, f.rule_id, "history", title, points, ev, f.category))
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
        first = members[0]
        soc2 = rubric.soc2(dim, first.category, "" if first.category else key)
        item = Item(
            key, first.title, round(points, 2), len(members), evidence, "; ".join(notes), "", soc2
        )
        out.setdefault(dim, []).append(item)
    return out


def credits(rubric: Rubric, signals: Iterable[Signal]) -> dict[str, list[Item]]:
    """One credit per habit, from evidence in the candidate's own writing only."""
    out: dict[str, list[Item]] = {}
    for s in sorted(signals, key=lambda s: s.id):
        spec = rubric.signals.get(s.id)
        if spec is None or spec.points <= 0:
            continue
        own = tuple(e for e in s.evidence if not rubric.earns_no_credit(e.path))
        if not own:
            continue  # every line of it is in a generated or vendored file
        item = Item(
            s.id,
            spec.summary,
            round(spec.points, 2),
            len(own),
            own[:MAX_EVIDENCE],
            s.detail,
            soc2=rubric.soc2(spec.dimension, signal=s.id),
        )
        out.setdefault(spec.dimension, []).append(item)
    return out


def knockouts(
    rubric: Rubric,
    findings: Sequence[Finding],
    history: Sequence[HistoryFinding],
    signals: Sequence[Signal],
) -> tuple[tuple[CapHit, ...], float | None]:
    """The caps that apply, each with its evidence, and the limit in force (None: no cap).

    Several knockouts lower the limit by `stack_step` per piece of evidence after the first,
    never below `floor` (nor above the lowest limit that applies).
    """
    hits: list[CapHit] = []
    for cap in rubric.caps:
        found: set[Evidence] = set()
        if cap.where == "head":
            found |= {
                Evidence(f.path, f.span.line, snippet=f.snippet)
                for f in findings
                if cap.takes(f) and not rubric.is_low_weight(f.path)
            }
            found |= {
                e
                for s in signals
                if s.id in cap.signals
                for e in s.evidence
                if not rubric.is_low_weight(e.path)
            }
        else:
            found |= {
                Evidence(h.finding.path, h.finding.span.line, h.introduced.sha, h.finding.snippet)
                for h in history
                if h.status == "removed"
                and cap.takes(h.finding)
                and not rubric.is_low_weight(h.finding.path)
            }
        if found:
            hits.append(CapHit(cap.id, cap.summary, cap.limit, tuple(sorted(found))))
    if not hits:
        return (), None
    lowest = min(h.limit for h in hits)
    pieces = len({(e.path, e.line, e.commit) for h in hits for e in h.evidence})
    limit = max(min(rubric.cap_floor, lowest), lowest - rubric.cap_stack_step * (pieces - 1))
    shown = tuple(replace(h, evidence=h.evidence[:MAX_EVIDENCE]) for h in hits)
    return shown, round(limit, 2)


@dataclass(frozen=True, slots=True)
class Scored:
    total: float
    subtotal: float
    dimensions: tuple[DimensionScore, ...]
    caps: tuple[CapHit, ...]
    cap: float | None


def _items(
    rubric: Rubric,
    findings: Sequence[Finding],
    history: Sequence[HistoryFinding],
    signals: Sequence[Signal],
) -> tuple[dict[str, list[Item]], dict[str, list[Item]]]:
    hits = _finding_hits(rubric, findings) + _history_hits(rubric, history)
    hits += _signal_hits(rubric, signals)
    return deductions(rubric, hits), credits(rubric, signals)


def score_dimensions(
    rubric: Rubric,
    findings: Sequence[Finding],
    history: Sequence[HistoryFinding],
    signals: Sequence[Signal],
    inherited: tuple[Sequence[Finding], Sequence[HistoryFinding], Sequence[Signal]] = (
        (),
        (),
        (),
    ),
) -> Scored:
    """Score the candidate's own findings and signals; `inherited` ones are listed, not counted."""
    lost, gained = _items(rubric, findings, history, signals)
    old_lost, old_gained = _items(rubric, *inherited)
    dims = []
    for d in rubric.dimensions:
        minus = sorted(lost.get(d.id, []), key=lambda i: (-i.points, i.key))
        plus = sorted(gained.get(d.id, []), key=lambda i: (-i.points, i.key))
        old = sorted(
            [*old_lost.get(d.id, []), *old_gained.get(d.id, [])], key=lambda i: (-i.points, i.key)
        )
        dim = DimensionScore(
            d.id, d.name, 0.0, d.max, tuple(minus), tuple(plus), d.credit_room, tuple(old)
        )
        raw = dim.base + dim.credits_counted - dim.deductions_total
        dims.append(replace(dim, score=round(max(0.0, min(d.max, raw)), 2)))
    subtotal = round(sum(dim.score for dim in dims), 2)
    caps, cap = knockouts(rubric, findings, history, signals)
    total = subtotal if cap is None else min(subtotal, cap)
    return Scored(total, subtotal, tuple(dims), caps, cap)
