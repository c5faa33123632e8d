"""One self-contained HTML page: inline CSS, no scripts, no external assets.

Every piece of text from a submission (names, paths, snippets, commit subjects) goes through
`html.escape`, and snippets are the redacted ones, so the page can neither run code from a
submission nor show a secret.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from secretcheck.grading.legend import ReportInfo
from secretcheck.grading.model import DimensionScore, Grade, Item

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d2330;
  padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #dde}
.score{font-size:2.2rem;font-weight:700}
table{border-collapse:collapse;margin:1rem 0}
td,th{padding:.3rem .7rem;border-bottom:1px solid #dde;text-align:left}
.dim{margin:1.2rem 0}.dim h3{margin:.2rem 0;font-size:1.05rem}
.bar{background:#e8eaf0;border-radius:4px;height:14px;width:100%;max-width:30rem}
.fill{height:14px;border-radius:4px;background:#2f8f5b}
.mid .fill{background:#d39b22}.low .fill{background:#c0392b}
ul{margin:.3rem 0 .3rem 1rem;padding:0}li{margin:.25rem 0}
.minus{color:#b02a1a;font-weight:600}.plus{color:#1f7a45;font-weight:600}
code{background:#f3f4f8;padding:.05rem .3rem;border-radius:3px;font-size:.88em;word-break:break-all}
.ev{color:#4a5266;font-size:.9em}.inherited{color:#6b7280}.why{color:#4a5266;font-size:.9em}
.sum{font-family:ui-monospace,monospace;font-size:.9em}.meta{color:#4a5266}
.note{background:#fff6dd;padding:.4rem .6rem;border-left:3px solid #d39b22}
.error{background:#fde8e6;padding:.4rem .6rem;border-left:3px solid #c0392b}
"""


def _pts(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


_CSS_OF = {"-": "minus", "+": "plus", "~": "inherited"}


def _items(items: Sequence[Item], sign: str) -> list[str]:
    css = _CSS_OF[sign]
    out = []
    for item in items:
        note = f" <em>({escape(item.note)})</em>" if item.note else ""
        inherited = "<em>inherited, not counted:</em> " if sign == "~" else ""
        out.append(
            f'<li><span class="{css}" data-points="{_pts(item.points)}">{sign}'
            f"{_pts(item.points)}</span> {inherited}{escape(item.title)}{note}<ul>"
        )
        if sign == "-" and item.explain:
            out.append(f'<li class="why">What: {escape(item.explain)}</li>')
        if sign == "-" and item.soc2:
            out.append(f'<li class="why">SOC 2: {escape(item.soc2)}</li>')
        for ev in item.evidence:
            snippet = f" <code>{escape(ev.snippet)}</code>" if ev.snippet else ""
            out.append(f'<li class="ev"><code>{escape(ev.label())}</code>{snippet}</li>')
        out.append("</ul></li>")
    return out


def _dimension(dim: DimensionScore) -> list[str]:
    from secretcheck.grading.render import arithmetic

    share = dim.score / dim.max if dim.max else 0.0
    level = "high" if share >= 0.75 else "mid" if share >= 0.45 else "low"
    out = [
        f'<div class="dim {level}">',
        f"<h3>{escape(dim.name)}: {_pts(dim.score)} / {_pts(dim.max)}</h3>",
        f'<div class="bar" role="img" aria-label="{escape(dim.name)} {_pts(dim.score)} of '
        f'{_pts(dim.max)}"><div class="fill" style="width:{share * 100:.0f}%"></div></div>',
        f'<p class="sum">= {escape(arithmetic(dim))}</p>',
        "<ul>",
        *_items(dim.deductions, "-"),
        *_items(dim.credits, "+"),
        *_items(dim.inherited, "~"),
    ]
    if not dim.deductions and not dim.credits:
        out.append("<li>nothing found either way</li>")
    return [*out, "</ul></div>"]


def _submission(g: Grade) -> list[str]:
    from secretcheck.grading.render import total_line

    if g.error:
        return [
            f'<section id="{escape(g.name)}">',
            f"<h2>{escape(g.name)}: not graded</h2>",
            f'<p class="error">{escape(g.error)}</p></section>',
        ]
    removed = sum(1 for h in g.history if h.status == "removed")
    confidence = "" if g.confidence == "high" else f" (confidence {escape(g.confidence)})"
    out = [
        f'<section id="{escape(g.name)}">',
        f"<h2>{escape(g.name)}</h2>",
        f'<p><span class="score">{_pts(g.score)} / 100</span>{confidence}</p>',
        f"<p>{len(g.findings)} findings at HEAD; {len(g.history)} secrets in history "
        f"({removed} removed but still leaked). Source: <code>{escape(g.path)}</code></p>",
        *(f'<p class="note">{escape(n)}</p>' for n in g.notes),
    ]
    for dim in g.dimensions:
        out.extend(_dimension(dim))
    out.append(f'<p class="sum"><strong>{escape(total_line(g))}</strong></p>')
    for cap in g.caps:
        out.append(
            f'<p class="note">Cap {_pts(cap.limit)}: {escape(cap.summary)} ({escape(cap.id)})</p>'
            "<ul>"
            + "".join(f'<li class="ev"><code>{escape(e.label())}</code></li>' for e in cap.evidence)
            + "</ul>"
        )
    return [*out, "</section>"]


def render_html(grades: Sequence[Grade], info: ReportInfo) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>secretcheck grades</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Take-home security grades</h1>",
        f'<p class="meta" id="report-meta">{escape(info.header())}</p>',
    ]
    graded = [g for g in grades if not g.error]
    if len(grades) > 1 and graded:
        dims = graded[0].dimensions
        head = "".join(f"<th>{escape(d.name)}</th>" for d in dims)
        out.append(f"<table><tr><th>Rank</th><th>Submission</th><th>Score</th>{head}</tr>")
        for rank, g in enumerate(grades, 1):
            if g.error:
                span = len(dims) + 1
                out.append(f'<tr><td>-</td><td>{escape(g.name)}</td><td colspan="{span}">'
                           f"not graded: {escape(g.error)}</td></tr>")  # fmt: skip
                continue
            cells = "".join(f"<td>{_pts(d.score)}</td>" for d in g.dimensions)
            out.append(
                f'<tr><td>{rank}</td><td><a href="#{escape(g.name)}">{escape(g.name)}</a>'
                f"</td><td>{_pts(g.score)}</td>{cells}</tr>"
            )
        out.append("</table>")
    for g in grades:
        out.extend(_submission(g))
    out.append('<h2>Legend</h2><p>Items: <span class="minus">-</span> deduction, '
               '<span class="plus">+</span> credit, <span class="inherited">~</span> inherited '
               "(not counted)</p><ul>")  # fmt: skip
    out.extend(f"<li>{escape(line)}</li>" for line in info.legend)
    out.append("</ul></body></html>")
    return "\n".join(out) + "\n"
