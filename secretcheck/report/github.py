"""GitHub Actions workflow commands: one annotation per new finding, on the diff view.

    ::error file=app.py,line=3,col=9,endLine=3,endColumn=49,title=SC303 github-token::message

Escaping follows the Actions toolkit (`@actions/core` command.ts): in the message `%`, CR and LF
become %25, %0D, %0A; property values additionally escape `:` and `,` (%3A, %2C). Findings at or
above --fail-on are `error`s, the other new ones `warning` (medium and up) or `notice`;
suppressed and baselined findings are not annotated. GitHub shows at most 10 errors and 10
warnings per step, so a plain summary line follows the commands.
"""

from __future__ import annotations

from secretcheck.findings import Finding, ScanResult, Severity
from secretcheck.rulepacks import Catalogue


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _level(finding: Finding, fail_on: Severity) -> str:
    if finding.severity >= fail_on:
        return "error"
    return "warning" if finding.severity >= Severity.MEDIUM else "notice"


def annotation(finding: Finding, fail_on: Severity) -> str:
    span = finding.span
    props = {
        "file": finding.path,
        "line": str(span.line),
        "col": str(span.column),
        "endLine": str(span.end_line),
        "endColumn": str(span.end_column),
        "title": f"{finding.rule_id} {finding.rule_name}",
    }
    if span.end_line != span.line:  # GitHub ignores columns on multi-line annotations
        del props["col"], props["endColumn"]
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    message = f"{finding.message} ({finding.severity.label}, {finding.cwe})\n{finding.snippet}"
    return f"::{_level(finding, fail_on)} {joined}::{escape_data(message)}"


def render(result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool) -> str:
    lines = [annotation(f, fail_on) for f in result.new()]
    for error in result.errors:
        lines.append(
            f"::error file={escape_property(error.path)},title=unreadable file::"
            + escape_data(error.message)
        )
    summary = result.summary(fail_on)
    lines.append(
        f"secretcheck: {len(result.new())} new finding(s), {summary['failing']} at or above "
        f"'{fail_on.label}', {summary['known']} known, {summary['suppressed']} suppressed, "
        f"{summary['stale']} stale baseline entries"
    )
    return "\n".join(lines) + "\n"


def step_summary(result: ScanResult, fail_on: Severity) -> str:
    """A Markdown table for $GITHUB_STEP_SUMMARY: the new findings, with counts above it."""
    summary = result.summary(fail_on)
    new = result.new()
    lines = [
        "### secretcheck",
        "",
        f"{len(new)} new finding(s), {summary['failing']} at or above '{fail_on.label}'; "
        f"{summary['known']} baselined, {summary['suppressed']} suppressed.",
        "",
    ]
    if new:
        lines += ["| Severity | Rule | Location | Message |", "|---|---|---|---|"]
        for f in new:
            cells = (f.severity.label, f"{f.rule_id} {f.rule_name}", f"`{f.path}:{f.span.line}`",
                     f.message)  # fmt: skip
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
