"""Grade reports: text, JSON, markdown and CSV (HTML lives in `render_html`).

Every renderer prints only redacted snippets (the pipeline's, or `redact_snippet`'s), so no
format can show a secret. Each prints, per dimension, `base + credits - deductions = score`,
then any cap on the total, then a legend with every weight, so the score can be recomputed from
the lines listed. Output is deterministic for one date: grades arrive sorted, items sorted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from secretcheck.grading.legend import ReportInfo, report_info
from secretcheck.grading.model import DimensionScore, Grade, Item
from secretcheck.grading.rubric import load_rubric

GradeRenderer = Callable[[Sequence[Grade], ReportInfo], str]


def pts(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def arithmetic(dim: DimensionScore) -> str:
    """`base 28 + credits 4 - deductions 12 = 20`, saying when credits or the clamp cut in."""
    credits = pts(dim.credits_counted)
    if dim.credits_total > dim.credit_room:
        credits += f" (of {pts(dim.credits_total)} listed; credit room {pts(dim.credit_room)})"
    raw = dim.base + dim.credits_counted - dim.deductions_total
    clamp = f" -> clamped to {pts(dim.score)}" if abs(raw - dim.score) > 0.005 else ""
    return (
        f"base {pts(dim.base)} + credits {credits} - deductions {pts(dim.deductions_total)}"
        f" = {pts(raw)}{clamp}"
    )


def total_line(g: Grade) -> str:
    if g.cap is not None and g.cap < g.subtotal:
        return (
            f"total = min(sum of dimensions {pts(g.subtotal)}, cap {pts(g.cap)}) = {pts(g.score)}"
        )
    return f"total = sum of dimensions = {pts(g.score)}"


def printable(value: Any) -> Any:
    """Strings with undecodable file-name bytes (surrogate escapes) shown as `\\xff`."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if isinstance(value, dict):
        return {printable(k): printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v) for v in value]
    return value


def render_json(grades: Sequence[Grade], info: ReportInfo) -> str:
    document = {"report": info.to_dict(), "submissions": [g.to_dict() for g in grades]}
    return json.dumps(printable(document), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _text_items(items: Sequence[Item], sign: str, why: bool) -> list[str]:
    out = []
    for item in items:
        note = f" ({item.note})" if item.note else ""
        title = f"inherited, not counted: {item.title}" if sign == "~" else item.title
        out.append(f"      {sign}{pts(item.points):>5}  {title}{note}")
        if why and item.explain:
            out.append(f"              what: {item.explain}")
        if why and item.soc2:
            out.append(f"              SOC 2: {item.soc2}")
        for ev in item.evidence:
            snippet = f"  {ev.snippet}" if ev.snippet else ""
            out.append(f"              {ev.label()}{snippet}")
    return out


def _text_grade(g: Grade) -> list[str]:
    if g.error:
        return [f"{g.name}: NOT GRADED  ({g.path})", f"  error: {g.error}", ""]
    flag = "" if g.confidence == "high" else f"  [confidence: {g.confidence}]"
    out = [f"{g.name}: {pts(g.score)}/100  ({g.path}){flag}"]
    out += [f"  note: {n}" for n in g.notes]
    for dim in g.dimensions:
        filled = round(20 * dim.score / dim.max) if dim.max else 0
        bar = "#" * filled + "." * (20 - filled)
        out.append(f"  [{bar}] {pts(dim.score):>5}/{pts(dim.max):<3} {dim.name}")
        out.append(f"      = {arithmetic(dim)}")
        out.extend(_text_items(dim.deductions, "-", True))
        out.extend(_text_items(dim.credits, "+", False))
        out.extend(_text_items(dim.inherited, "~", False))
    out.append(f"  {total_line(g)}")
    for cap in g.caps:
        out.append(f"      cap {pts(cap.limit)}: {cap.summary} [{cap.id}]")
        out.extend(f"              {e.label()}  {e.snippet}".rstrip() for e in cap.evidence)
    removed = sum(1 for h in g.history if h.status == "removed")
    out.append(
        f"  {len(g.findings)} findings at HEAD, {len(g.history)} secrets in history"
        f" ({removed} removed but still leaked)"
    )
    return [*out, ""]


def render_text(grades: Sequence[Grade], info: ReportInfo) -> str:
    out: list[str] = [info.header(), ""]
    if len(grades) > 1:
        out.append("Leaderboard")
        for rank, g in enumerate(grades, 1):
            if g.error:
                out.append(f"   -. not graded  {g.name}: {g.error}")
            else:
                mark = "" if g.confidence == "high" else "  (confidence reduced)"
                out.append(f"  {rank:>2}. {pts(g.score):>6}/100  {g.name}{mark}")
        out.append("")
    for g in grades:
        out.extend(_text_grade(g))
    out.append("Legend (items: - deduction, + credit, ~ inherited, not counted)")
    out.extend(f"  {line}" for line in info.legend)
    return printable("\n".join(out) + "\n")  # type: ignore[no-any-return]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ")


def _md_items(items: Sequence[Item], sign: str, why: bool) -> list[str]:
    out = []
    for item in items:
        note = f" _({_md(item.note)})_" if item.note else ""
        title = f"inherited, not counted: {item.title}" if sign == "~" else item.title
        out.append(f"- **{sign}{pts(item.points)}** {_md(title)}{note}")
        if why and item.explain:
            out.append(f"  - what: {_md(item.explain)}")
        if why and item.soc2:
            out.append(f"  - SOC 2: {_md(item.soc2)}")
        for ev in item.evidence:
            snippet = f": `{_md(ev.snippet)}`" if ev.snippet else ""
            out.append(f"  - `{_md(ev.label())}`{snippet}")
    return out


def _md_grade(g: Grade) -> list[str]:
    if g.error:
        return [f"## {_md(g.name)}: not graded", "", f"Error: {_md(g.error)}", ""]
    out = [f"## {_md(g.name)}: {pts(g.score)}/100", ""]
    if g.confidence != "high":
        out += [f"Confidence: **{g.confidence}**", ""]
    out += [f"> {_md(n)}" for n in g.notes]
    out += [""] if g.notes else []
    for dim in g.dimensions:
        out += [f"### {dim.name}: {pts(dim.score)}/{pts(dim.max)}", "", f"= {arithmetic(dim)}", ""]
        out += _md_items(dim.deductions, "-", True) + _md_items(dim.credits, "+", False)
        out += _md_items(dim.inherited, "~", False)
        if not dim.deductions and not dim.credits:
            out.append("- nothing found either way")
        out.append("")
    out += [f"**{total_line(g)}**", ""]
    for cap in g.caps:
        out.append(f"- **cap {pts(cap.limit)}**: {_md(cap.summary)} ({cap.id})")
        out += [f"  - `{_md(e.label())}`" for e in cap.evidence]
    return [*out, ""]


def render_markdown(grades: Sequence[Grade], info: ReportInfo) -> str:
    out: list[str] = ["# Take-home security grades", "", f"_{_md(info.header())}_", ""]
    graded = [g for g in grades if not g.error]
    if len(grades) > 1:
        dims = graded[0].dimensions if graded else ()
        out.append("| Rank | Submission | Score | " + " | ".join(d.name for d in dims) + " |")
        out.append("|---:|---|---:|" + "---:|" * len(dims))
        for rank, g in enumerate(grades, 1):
            if g.error:
                out.append(f"| - | {_md(g.name)} | not graded: {_md(g.error)} |")
                continue
            cells = " | ".join(f"{pts(d.score)}/{pts(d.max)}" for d in g.dimensions)
            out.append(f"| {rank} | {_md(g.name)} | {pts(g.score)} | {cells} |")
        out.append("")
    for g in grades:
        out.extend(_md_grade(g))
    out += ["## Legend", "", "Items: **-** deduction, **+** credit, **~** inherited (not counted)"]
    out += ["", *(f"- {_md(line)}" for line in info.legend), ""]
    return printable("\n".join(out))  # type: ignore[no-any-return]


def render_csv(grades: Sequence[Grade], info: ReportInfo) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    graded = [g for g in grades if not g.error]
    dims = graded[0].dimensions if graded else ()
    breakdown = [f"{d.id}_{part}" for d in dims for part in ("base", "credits", "deductions")]
    writer.writerow(
        ["rank", "name", "score", *(d.id for d in dims), "path", "subtotal", "cap",
         "confidence", "error", *breakdown, "tool_version", "rubric_revision", "graded_on"]
    )  # fmt: skip
    meta = [info.tool_version, info.rubric_revision, info.date]
    for rank, g in enumerate(grades, 1):
        if g.error:
            blanks = [""] * (len(dims) + len(breakdown))
            writer.writerow(["", g.name, "", *blanks[: len(dims)], g.path, "", "", g.confidence,
                             g.error, *blanks[len(dims):], *meta])  # fmt: skip
            continue
        parts = [
            pts(v) for d in g.dimensions for v in (d.base, d.credits_counted, d.deductions_total)
        ]
        cap = pts(g.cap) if g.cap is not None else ""
        writer.writerow(
            [rank, g.name, pts(g.score), *(pts(d.score) for d in g.dimensions), g.path,
             pts(g.subtotal), cap, g.confidence, "", *parts, *meta]
        )  # fmt: skip
    return printable(buffer.getvalue())  # type: ignore[no-any-return]


def _html(grades: Sequence[Grade], info: ReportInfo) -> str:
    from secretcheck.grading.render_html import render_html

    return printable(render_html(grades, info))  # type: ignore[no-any-return]


RENDERERS: dict[str, GradeRenderer] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": _html,
    "csv": render_csv,
}
FORMATS = tuple(RENDERERS)  # the CLI's --format choices come from the registry


def get_grade_renderer(name: str) -> Callable[..., str]:
    """The renderer for `name`; the report info defaults to the packaged rubric's."""
    renderer = RENDERERS[name]

    def render(grades: Sequence[Grade], info: ReportInfo | None = None) -> str:
        return renderer(grades, info or report_info(load_rubric()))

    return render
