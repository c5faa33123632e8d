"""What every report carries besides the grades: tool and rubric version, date, and a legend.

The legend states every number the arithmetic uses (deduction table, weights, repeat decay,
caps), so each dimension can be recomputed from the lines a report lists.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from secretcheck import __version__
from secretcheck.findings import Confidence, Severity
from secretcheck.grading.rubric import Rubric


@dataclass(frozen=True, slots=True)
class ReportInfo:
    tool_version: str
    rubric_revision: str
    rubric_source: str
    date: str  # YYYY-MM-DD, UTC
    legend: tuple[str, ...]
    credit_rooms: tuple[tuple[str, float], ...]

    def header(self) -> str:
        return (
            f"secretcheck {self.tool_version}, rubric {self.rubric_revision} "
            f"({self.rubric_source}), graded {self.date}"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "tool_version": self.tool_version,
            "rubric_revision": self.rubric_revision,
            "rubric_source": self.rubric_source,
            "date": self.date,
            "legend": list(self.legend),
            "credit_room": dict(self.credit_rooms),
        }


def _pts(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def today() -> str:
    """Today's UTC date; SOURCE_DATE_EPOCH (reproducible builds) fixes it for golden reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    stamp = int(epoch) if epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%d", time.gmtime(stamp))


def legend_lines(rubric: Rubric) -> tuple[str, ...]:
    table = "; ".join(
        f"{s.label} "
        + "/".join(_pts(rubric.points(s, c)) for c in sorted(Confidence, reverse=True))
        for s in sorted(Severity, reverse=True)
        if any(rubric.points(s, c) for c in Confidence)
    )
    rooms = ", ".join(
        f"{d.id} {_pts(d.max)} (base {_pts(d.max - d.credit_room)}, credit room "
        f"{_pts(d.credit_room)})"
        for d in rubric.dimensions
    )
    lines = [
        "dimension = base + min(credits, credit room) - deductions, clamped to 0..max;"
        " base = max - credit room",
        f"dimensions: {rooms}",
        f"deduction per finding by severity (confidence high/medium/low): {table}",
        f"weights: tests, docs and examples x{_pts(rubric.low_weight)}; only in history"
        f" x{_pts(rubric.history_removed)}; suppressed inline x{_pts(rubric.suppressed)}",
        f"repeats of one issue: the largest counts in full, each further one"
        f" x{_pts(rubric.decay)}, at most {_pts(rubric.cap_multiple)} x the largest",
        "signals: each credit counts once (points as listed); generated and vendored files"
        " earn none",
        "inherited (present at the employer's base): listed, not counted",
    ]
    if rubric.caps:
        caps = "; ".join(f"{c.id} {_pts(c.limit)}" for c in rubric.caps)
        lines.append(
            f"total = min(sum of dimensions, cap). caps: {caps}; each further piece of"
            f" knockout evidence lowers the cap by {_pts(rubric.cap_stack_step)}, not below"
            f" {_pts(rubric.cap_floor)}"
        )
    else:
        lines.append("total = sum of dimensions")
    return tuple(lines)


def report_info(rubric: Rubric) -> ReportInfo:
    return ReportInfo(
        tool_version=__version__,
        rubric_revision=rubric.revision,
        rubric_source=rubric.source,
        date=today(),
        legend=legend_lines(rubric),
        credit_rooms=tuple((d.id, d.credit_room) for d in rubric.dimensions),
    )
