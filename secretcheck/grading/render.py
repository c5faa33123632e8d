"""Grade reports: text, JSON, markdown and CSV (HTML lives in `render_html`).

Every renderer prints only redacted snippets (the pipeline's, or `redact_snippet`'s), so no
format can show a secret. Output is deterministic: grades arrive sorted, items sorted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from secretcheck.grading.model import DimensionScore, Grade, Item

GradeRenderer = Callable[[Sequence[Grade]], str]


def _pts(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _bar(dim: DimensionScore, width: int = 20) -> str:
    filled = round(width * dim.score / dim.max) if dim.max else 0
    return "#" * filled + "." * (width - filled)


def render_json(grades: Sequence[Grade]) -> str:
    document = {"submissions": [g.to_dict() for g in grades]}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _text_items(items: Sequence[Item], sign: str) -> list[str]:
    out = []
    for item in items:
        note = f" ({item.note})" if item.note else ""
        out.append(f"      {sign}{_pts(item.points):>4}  {item.title}{note}")
        for ev in item.evidence:
            snippet = f"  {ev.snippet}" if ev.snippet else ""
            out.append(f"              {ev.label()}{snippet}")
    return out


def render_text(grades: Sequence[Grade]) -> str:
    out: list[str] = []
    if len(grades) > 1:
        out.append("Leaderboard")
        for rank, g in enumerate(grades, 1):
            out.append(f"  {rank:>2}. {_pts(g.score):>5}/100  {g.name}")
        out.append("")
    for g in grades:
        out.append(f"{g.name}: {_pts(g.score)}/100  ({g.path})")
        for dim in g.dimensions:
            out.append(f"  [{_bar(dim)}] {_pts(dim.score):>4}/{_pts(dim.max):<3} {dim.name}")
            out.extend(_text_items(dim.deductions, "-"))
            out.extend(_text_items(dim.credits, "+"))
        removed = sum(1 for h in g.history if h.status == "removed")
        out.append(
            f"  {len(g.findings)} findings at HEAD, {len(g.history)} secrets in history"
            f" ({removed} removed but still leaked)"
        )
        out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ")


def render_markdown(grades: Sequence[Grade]) -> str:
    out: list[str] = ["# Take-home security grades", ""]
    if len(grades) > 1:
        dims = grades[0].dimensions
        out.append("| Rank | Submission | Score | " + " | ".join(d.name for d in dims) + " |")
        out.append("|---:|---|---:|" + "---:|" * len(dims))
        for rank, g in enumerate(grades, 1):
            cells = " | ".join(f"{_pts(d.score)}/{_pts(d.max)}" for d in g.dimensions)
            out.append(f"| {rank} | {_md(g.name)} | {_pts(g.score)} | {cells} |")
        out.append("")
    for g in grades:
        out += [f"## {_md(g.name)}: {_pts(g.score)}/100", ""]
        for dim in g.dimensions:
            out.append(f"### {dim.name}: {_pts(dim.score)}/{_pts(dim.max)}")
            out.append("")
            for sign, items in (("-", dim.deductions), ("+", dim.credits)):
                for item in items:
                    note = f" _({_md(item.note)})_" if item.note else ""
                    out.append(f"- **{sign}{_pts(item.points)}** {_md(item.title)}{note}")
                    for ev in item.evidence:
                        snippet = f": `{_md(ev.snippet)}`" if ev.snippet else ""
                        out.append(f"  - `{_md(ev.label())}`{snippet}")
            if not dim.deductions and not dim.credits:
                out.append("- nothing found either way")
            out.append("")
    return "\n".join(out)


def render_csv(grades: Sequence[Grade]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    dims = grades[0].dimensions if grades else ()
    writer.writerow(["rank", "name", "score", *(d.id for d in dims), "path"])
    for rank, g in enumerate(grades, 1):
        writer.writerow(
            [rank, g.name, _pts(g.score), *(_pts(d.score) for d in g.dimensions), g.path]
        )
    return buffer.getvalue()


def _render_html(grades: Sequence[Grade]) -> str:
    # Imported on use: the HTML renderer pulls in templates the other formats never need.
    from secretcheck.grading.render_html import render_html

    return render_html(grades)


# The one registry of grade formats; `grade --format` takes its choices from the keys.
GRADE_RENDERERS: dict[str, GradeRenderer] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": _render_html,
    "csv": render_csv,
}
FORMATS = tuple(GRADE_RENDERERS)


def get_grade_renderer(name: str) -> GradeRenderer:
    return GRADE_RENDERERS[name]
