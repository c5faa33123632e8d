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

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "points": round(self.points, 2),
            "count": self.count,
            "note": self.note,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class DimensionScore:
    id: str
    name: str
    score: float
    max: float
    deductions: tuple[Item, ...]
    credits: tuple[Item, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "max": self.max,
            "deductions": [d.to_dict() for d in self.deductions],
            "credits": [c.to_dict() for c in self.credits],
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

    def to_dict(self) -> dict[str, Any]:
        findings = [f.to_dict() for f in self.findings]
        findings += [h.to_dict() for h in self.history]
        return {
            "name": self.name,
            "path": self.path,
            "score": round(self.score, 1),
            "dimensions": [d.to_dict() for d in self.dimensions],
            "findings": findings,
            "positives": [
                {"id": s.id, "detail": s.detail, "evidence": [e.to_dict() for e in s.evidence]}
                for s in self.positives
            ],
        }
