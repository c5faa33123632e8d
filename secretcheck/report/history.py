"""Reports of `secretcheck history`: text for people and JSON (findings plus git fields).

The JSON holds each finding's usual public fields (`Finding.to_dict`, redacted snippet) plus
`commit`, `author`, `author_email`, `date`, `status` ("present" | "removed"), `removed_in`
(commit, author, email, date, or null) and `lived_seconds`.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from secretcheck import __version__
from secretcheck.findings import Finding, ScanResult, Severity
from secretcheck.history import HistoryFinding, HistoryResult
from secretcheck.report import jsontext
from secretcheck.rulepacks import Catalogue

ROTATE = (
    "Deleting a secret does not revoke it: anyone with a clone or a fork of the history still "
    "has it. Rotate every secret listed (revoke it and issue a new one), then consider "
    "rewriting history."
)


def lived(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {rest // 60}m"
    return f"{rest // 60}m {rest % 60}s"


def summary(result: HistoryResult, fail_on: Severity) -> dict[str, object]:
    active = result.active()
    return {
        "commits_scanned": result.commits_scanned,
        "secrets": len(active),
        "present": sum(1 for s in active if s.status == "present"),
        "removed": sum(1 for s in active if s.status == "removed"),
        "suppressed": len(result.secrets) - len(active),
        "skipped": len(result.skipped),
        "fail_on": fail_on.label,
        "failing": len(result.failing(fail_on)),
    }


def render_json(result: HistoryResult, fail_on: Severity) -> str:
    document = {
        "version": "1.0",
        "tool": {"name": "secretcheck", "version": __version__},
        "kind": "history",
        # `findings`, as in `scan`'s report; `secrets` is the same list under its old name,
        # kept as a documented alias for one version.
        "findings": [s.to_dict() for s in result.secrets],
        "secrets": [s.to_dict() for s in result.secrets],
        "summary": summary(result, fail_on),
        "skipped": [s.to_dict() for s in result.skipped],
        "errors": list(result.errors),
    }
    return jsontext.dumps(document) + "\n"


def _entry(item: HistoryFinding, color: bool) -> list[str]:
    f = item.finding

    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    status = style(item.status, fg="red" if item.status == "present" else "yellow", bold=True)
    lines = [
        f"{style(item.introduced.sha[:12], bold=True)} {item.introduced.date} "
        f"{item.introduced.author}  {status}",
        f"  {f.path}:{f.span.line}:{f.span.column} {f.rule_id} {f.severity.label} {f.message}",
        style(f"  {f.span.line:>6} | ", dim=True) + f.snippet,
    ]
    if item.removed_by is not None and item.lived_seconds is not None:
        lines.append(
            f"  removed in {item.removed_by.sha[:12]} ({item.removed_by.date}) "
            f"after {lived(item.lived_seconds)}"
        )
    return lines


def render_text(result: HistoryResult, fail_on: Severity, color: bool) -> str:
    out: list[str] = []
    for item in result.active():
        out.extend(_entry(item, color))
        out.append("")
    counts = summary(result, fail_on)
    out.append(
        f"{counts['secrets']} secret(s) in {counts['commits_scanned']} commit(s): "
        f"{counts['present']} still present, {counts['removed']} removed"
        + (f", {counts['suppressed']} suppressed" if counts["suppressed"] else "")
        + (f"; {counts['skipped']} oversized changes skipped" if counts["skipped"] else "")
        + "."
    )
    if counts["failing"]:
        out.append(ROTATE)
    return "\n".join(out) + "\n"


def as_scan_result(result: HistoryResult) -> ScanResult:
    """The history as a scan result, for the formats CI reads (SARIF, JUnit, GitHub): each
    finding located where it was added, its message naming the commit and whether the secret
    is still present."""
    findings = []
    for item in result.secrets:
        f = item.finding
        note = f"added in {item.introduced.sha[:12]} ({item.introduced.date}), {item.status}"
        if item.removed_by is not None:
            note += f" since {item.removed_by.sha[:12]}"
        findings.append(f.with_changes(message=f"{f.message} [{note}]"))
    return ScanResult(findings=tuple(sorted(findings, key=Finding.sort_key)))


def _scan_format(name: str) -> HistoryRenderer:
    def render(result: HistoryResult, catalogue: Catalogue, fail_on: Severity, color: bool) -> str:
        from secretcheck.report import get_renderer

        return get_renderer(name)(as_scan_result(result), catalogue, fail_on, color)

    return render


def _render_json(
    result: HistoryResult, catalogue: Catalogue, fail_on: Severity, color: bool
) -> str:
    return render_json(result, fail_on)


def _render_text(
    result: HistoryResult, catalogue: Catalogue, fail_on: Severity, color: bool
) -> str:
    return render_text(result, fail_on, color)


HistoryRenderer = Callable[[HistoryResult, Catalogue, Severity, bool], str]
# The one registry of history report formats; `history --format` takes its choices from it.
HISTORY_RENDERERS: dict[str, HistoryRenderer] = {
    "text": _render_text,
    "json": _render_json,
    "sarif": _scan_format("sarif"),
    "junit": _scan_format("junit"),
    "github": _scan_format("github"),
}
