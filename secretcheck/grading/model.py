"""Values of a grade: evidence, history findings, signals, deductions, credits, scores.

Nothing here holds a secret in a printable field: snippets are the pipeline's redacted ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secretcheck.findings import Finding
from secretcheck.history import HistoryFinding


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a point came from: `path:line`, or a commit and a path."""

    path: str = ""
    line: int = 0
    commit: str = ""
    snippet: str = ""  # redacted; may be empty

    def label(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"commit {self.commit[:10]} {where}".strip() if self.commit else where

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "line": self.line, "label": self.label()}
        if self.commit:
            out["commit"] = self.commit
        if self.snippet:
            out["snippet"] = self.snippet
        return out


@dataclass(frozen=True, slots=True)
class Signal:
    """A habit seen in the submission (good or bad), keyed by its rubric signal id."""

    id: str
    evidence: tuple[Evidence, ...]
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """One deduction or credit: points (>= 0) with the evidence behind them."""

    key: str  # rule code or signal id
    title: str
    points: float
    count: int
    evidence: tuple[Evidence, ...]
    note: str = ""
    explain: str = ""  # the rule's one-line plain-English summary (for rule codes)
    soc2: str = ""  # why it matters for a SOC 2 audit

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "points": round(self.points, 2),
            "count": self.count,
            "note": self.note,
            "explain": self.explain,
            "soc2": self.soc2,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """`score = clamp(base + credits_counted - deductions_total, 0, max)`, from listed items.

    `base = max - credit_room`; `credits_counted = min(sum of credits, credit_room)`. Every
    item's points are rounded to 0.01 before they are added, so a reader can redo the sum.
    """

    id: str
    name: str
    score: float
    max: float
    deductions: tuple[Item, ...]
    credits: tuple[Item, ...]
    credit_room: float = 0.0
    inherited: tuple[Item, ...] = ()  # found at the employer's base: shown, not counted

    @property
    def base(self) -> float:
        return self.max - self.credit_room

    @property
    def credits_total(self) -> float:
        return round(sum(i.points for i in self.credits), 2)

    @property
    def credits_counted(self) -> float:
        return min(self.credits_total, self.credit_room)

    @property
    def deductions_total(self) -> float:
        return round(sum(i.points for i in self.deductions), 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 2),
            "max": self.max,
            "base": self.base,
            "credit_room": self.credit_room,
            "credits_total": self.credits_total,
            "credits_counted": self.credits_counted,
            "deductions_total": self.deductions_total,
            "deductions": [d.to_dict() for d in self.deductions],
            "credits": [c.to_dict() for c in self.credits],
            "inherited": [i.to_dict() for i in self.inherited],
        }


@dataclass(frozen=True, slots=True)
class CapHit:
    """A knockout (rubric `[[caps]]`) that limits the total, with the evidence that set it."""

    id: str
    summary: str
    limit: float
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "summary": self.summary,
            "limit": self.limit,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Grade:
    name: str
    path: str
    score: float
    dimensions: tuple[DimensionScore, ...]
    findings: tuple[Finding, ...]
    history: tuple[HistoryFinding, ...]
    positives: tuple[Signal, ...]
    # The sum of the dimensions, before knockouts; `score = min(subtotal, cap)` when capped.
    subtotal: float = 0.0
    caps: tuple[CapHit, ...] = ()
    cap: float | None = None  # the limit in force (after stacking, never below the floor)
    # What the reader must know to trust the number: assumptions (an inferred employer base),
    # parts that could not be read (history unavailable, files a detector failed on).
    notes: tuple[str, ...] = ()
    confidence: str = "high"  # "reduced" when part of the submission could not be analysed
    error: str = ""  # set on an error row: the submission could not be graded at all

    def to_dict(self) -> dict[str, Any]:
        findings = [f.to_dict() for f in self.findings]
        findings += [h.to_dict() for h in self.history]
        return {
            "name": self.name,
            "path": self.path,
            "score": None if self.error else round(self.score, 2),
            "subtotal": round(self.subtotal, 2),
            "cap": self.cap,
            "caps": [c.to_dict() for c in self.caps],
            "confidence": self.confidence,
            "notes": list(self.notes),
            "error": self.error,
            "dimensions": [d.to_dict() for d in self.dimensions],
            "findings": findings,
            "positives": [
                {"id": s.id, "detail": s.detail, "evidence": [e.to_dict() for e in s.evidence]}
                for s in self.positives
            ],
        }


def error_grade(name: str, path: str, reason: str) -> Grade:
    """An error row: listed with its reason, ranked after every graded submission."""
    return Grade(name, path, 0.0, (), (), (), (), confidence="none", error=reason)
