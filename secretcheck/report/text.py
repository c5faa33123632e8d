"""The report for people: findings grouped by file, a redacted code frame, a fix, a summary."""

from __future__ import annotations

from itertools import groupby

import click

from secretcheck.findings import ScanResult, Severity
from secretcheck.rulepacks import Catalogue

_COLOURS = {
    Severity.CRITICAL: "magenta", Severity.HIGH: "red", Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan", Severity.INFO: "blue",
}  # fmt: skip


# Scanned text reaches a terminal here: control characters (ESC starts colour, cursor and OSC
# sequences) from a file or its name are shown as escapes, never interpreted.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x09}


def _printable(text: str) -> str:
    return text.translate(_CONTROLS)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool) -> str:
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    rules = catalogue.by_code()
    out: list[str] = []
    active = result.new()  # baselined findings are accepted: counted below, not listed
    for path, group in groupby(active, key=lambda f: f.path):
        out.append(style(_printable(path), bold=True, underline=True))
        for f in group:
            sev = style(f"{f.severity.label:<8}", fg=_COLOURS[f.severity], bold=True)
            where = f"{f.span.line}:{f.span.column}"
            out.append(f"  {where:<8} {style(f.rule_id, bold=True)} {sev} {f.message}")
            gutter = str(f.span.line)
            out.append(style(f"  {gutter:>6} | ", dim=True) + _printable(f.snippet))
            if f.trace:
                flow = " -> ".join(f"{step.note} (line {step.line})" for step in f.trace)
                out.append(style(f"  {'':>6} = flow: ", dim=True) + _printable(flow))
            if f.signals:
                out.append(style(f"  {'':>6} = why: ", dim=True) + "; ".join(f.signals))
            rule = rules.get(f.rule_id)
            if rule is not None:
                out.append(style(f"  {'':>6} = fix: ", dim=True) + rule.fix)
        out.append("")
    for error in result.errors:
        out.append(style(f"error: {_printable(error.path)}: {error.message}", fg="red"))
    for part in result.partial:
        if part.reason == "budget":  # an internal error is already the line above
            out.append(
                style(f"partial: {_printable(part.path)}: {part.detail}", fg="yellow")
                + "; text detectors only"
            )
    for stale in result.stale:
        out.append(
            style(f"stale: {stale.path}: {stale.rule_id} (occurrence {stale.occurrence})", dim=True)
            + " is in the baseline but no longer found; run `secretcheck baseline update`"
        )
    summary = result.summary(fail_on)
    counts = ", ".join(f"{n} {label}" for label, n in reversed(summary["by_severity"].items()) if n)
    line = f"{_plural(summary['findings'], 'finding')}"
    if counts:
        line += f" ({counts})"
    line += f" in {_plural(summary['files_scanned'], 'file')}"
    extras = []
    if summary["suppressed"]:
        extras.append(f"{summary['suppressed']} suppressed")
    if summary["known"]:
        extras.append(f"{summary['known']} known in the baseline")
    if summary["stale"]:
        extras.append(f"{summary['stale']} stale baseline entries")
    if summary["skipped"]:
        extras.append(f"{summary['skipped']} skipped (see --format json)")
    if summary["errors"]:
        extras.append(_plural(summary["errors"], "file error"))
    if summary["partial"]:
        extras.append(f"{summary['partial']} scanned by text detectors only")
    if extras:
        line += "; " + ", ".join(extras)
    failing = summary["failing"]
    verdict = (
        style(f"FAIL: {failing} at or above '{fail_on.label}'", fg="red", bold=True)
        if failing
        else style(f"OK: nothing at or above '{fail_on.label}'", fg="green", bold=True)
    )
    out.append(f"{line}. {verdict}")
    return "\n".join(out) + "\n"
