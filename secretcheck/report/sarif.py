"""SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

Every result's ruleId is described in tool.driver.rules with its docs, CWE tag and
`security-severity`; results carry partialFingerprints so alerts track across commits, and
suppressed findings keep an `inSource` suppression instead of disappearing.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from secretcheck import __version__
from secretcheck.findings import Finding, ScanResult, Severity
from secretcheck.report import jsontext
from secretcheck.rulepacks import Catalogue, RuleSpec

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/secretcheck/secretcheck"
LEVEL = {
    Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
    Severity.LOW: "note", Severity.INFO: "note",
}  # fmt: skip
# GitHub buckets security-severity: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, else low.
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0", Severity.INFO: "0.0",
}  # fmt: skip


def rule_markdown(rule: RuleSpec) -> str:
    docs = rule.docs
    parts = [f"## {rule.code} {rule.name}", rule.summary]
    for title, body in (("What it does", docs.what), ("Why it matters", docs.why)):
        if body.strip():
            parts.append(f"### {title}\n{body.strip()}")
    if docs.example.strip():
        parts.append(f"### Example\n```\n{docs.example.strip()}\n```")
    if docs.use_instead.strip():
        parts.append(f"### Use instead\n```\n{docs.use_instead.strip()}\n```")
    parts.append(f"### Fix\n{rule.fix}")
    if docs.references:
        parts.append("### References\n" + "\n".join(f"- {r}" for r in docs.references))
    return "\n\n".join(parts)


def help_uri(rule: RuleSpec) -> str | None:
    """The rule's documentation in the repository (its TOML file holds the docs); None for a
    rule from a local pack, which has no public page."""
    if not rule.source.startswith("rules/"):
        return None
    path = rule.source.split(" (", 1)[0]  # a multi-rule file's source names the rule after it
    return f"{INFO_URI}/blob/main/{quote(path)}"


def cwe_tag(cwe: str) -> str:
    """GitHub's form of a CWE tag: CWE-798 -> external/cwe/cwe-798."""
    return f"external/cwe/{cwe.lower()}"


def describe_rule(rule: RuleSpec) -> dict[str, Any]:
    described = _describe_rule(rule)
    uri = help_uri(rule)
    if uri is not None:
        described["helpUri"] = uri
    return described


def _describe_rule(rule: RuleSpec) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join((rule.docs.what or rule.summary).split())},
        "help": {"text": rule.fix, "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": ["security", rule.category, cwe_tag(rule.cwe)],
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "precision": {"low": "low", "medium": "medium", "high": "high"}[rule.confidence.label],
            "cwe": rule.cwe,
        },
    }


def artifact_location(path: str) -> dict[str, str]:
    """A valid URI reference for a report path (SARIF 3.4.3): percent-encoded, and a file URI
    for a path outside the current directory, which %SRCROOT% cannot anchor."""
    if path.startswith("/"):
        return {"uri": PurePosixPath(path).as_uri()}
    # Percent-encode the file name's bytes (surrogateescape: names that are not UTF-8).
    return {"uri": quote(path.encode("utf-8", "surrogateescape")), "uriBaseId": "%SRCROOT%"}


def code_flow(finding: Finding) -> dict[str, Any]:
    """A taint trace as one SARIF codeFlow: a threadFlow with a location per step."""
    steps = [
        {
            "location": {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": {"startLine": step.line, "startColumn": step.column},
                },
                "message": {"text": step.note},
            }
        }
        for step in finding.trace
    ]
    return {"threadFlows": [{"locations": steps}]}


def describe_result(
    finding: Finding, rule_index: dict[str, int], with_baseline: bool = False
) -> dict[str, Any]:
    span = finding.span
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index[finding.rule_id],
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": {
                        "startLine": span.line,
                        "startColumn": span.column,
                        "endLine": span.end_line,
                        "endColumn": span.end_column,
                        "snippet": {"text": finding.snippet},
                    },
                }
            }
        ],
        "partialFingerprints": {"secretcheck/v1": finding.fingerprint},
        "properties": {
            "severity": finding.severity.label,
            "confidence": finding.confidence.label,
            "category": finding.category,
            "signals": list(finding.signals),
        },
    }
    if finding.trace:
        result["codeFlows"] = [code_flow(finding)]
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource"}]
    if with_baseline:
        result["baselineState"] = "unchanged" if finding.baseline == "known" else "new"
    return result


def render(result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool) -> str:
    used = {f.rule_id for f in result.findings}
    rules = [r for r in catalogue.rules if not r.removed or r.code in used]
    rule_index = {r.code: i for i, r in enumerate(rules)}
    notifications = [
        {"level": "error", "message": {"text": f"{e.path}: {e.message}"}} for e in result.errors
    ] + [
        {"level": "note", "message": {"text": f"{s.path}: skipped ({s.reason})"}}
        for s in result.skipped
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "secretcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFO_URI,
                        "rules": [describe_rule(r) for r in rules],
                    }
                },
                "results": [
                    describe_result(f, rule_index, bool(result.baseline_file))
                    for f in result.findings
                ],
                "invocations": [
                    {
                        "executionSuccessful": not result.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return jsontext.dumps(document) + "\n"
