"""JUnit XML for CI dashboards (GitLab `artifacts:reports:junit`, Jenkins `junit`).

One testcase per finding, grouped by rule: `classname` is `secretcheck.<code>`, which Jenkins
shows as package `secretcheck`, class `<code>` (a file path would be split at its dots), and
`name` is `path:line rule-name`, which GitLab's merge-request widget lists one per failure, so a
reviewer sees every location rather than one "SC303 failed" row hiding ten files. New findings
at or above --fail-on are failures; suppressed, baselined and below-threshold ones are skipped
with the reason; unreadable files are errors. A clean run still holds one passing testcase:
Jenkins fails a build whose report has no tests, and GitLab shows an empty report as missing.
No timestamps or durations, so the output is deterministic. Only redacted snippets are used.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from secretcheck.findings import Finding, ScanResult, Severity
from secretcheck.rulepacks import Catalogue

# XML 1.0 forbids most control characters, even escaped; a scanned line may hold them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _details(finding: Finding, fix: str) -> str:
    span = finding.span
    lines = [
        f"{finding.path}:{span.line}:{span.column}",
        f"{finding.rule_id} {finding.rule_name} ({finding.severity.label}, {finding.cwe})",
        f"  {finding.snippet}",
    ]
    if fix:
        lines.append(f"fix: {fix}")
    return _clean("\n".join(lines))


def _testcase(suite: ET.Element, finding: Finding, fail_on: Severity, fix: str) -> str:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": f"secretcheck.{finding.rule_id}",
            "name": _clean(f"{finding.path}:{finding.span.line} {finding.rule_name}"),
            "file": _clean(finding.path),
            "line": str(finding.span.line),
        },
    )
    if finding.suppressed:
        reason = "suppressed inline"
    elif finding.baseline == "known":
        reason = "known in the baseline"
    elif finding.severity < fail_on:
        reason = f"below --fail-on {fail_on.label}"
    else:
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _clean(f"{finding.rule_id}: {finding.message}"), "type": finding.rule_id},
        )
        failure.text = _details(finding, fix)
        return "failure"
    ET.SubElement(case, "skipped", {"message": reason})
    return "skipped"


def render(result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool) -> str:
    rules = catalogue.by_code()
    root = ET.Element("testsuites", {"name": "secretcheck"})
    suite = ET.SubElement(root, "testsuite", {"name": "secretcheck"})
    counts = {"failure": 0, "skipped": 0}
    for finding in result.findings:
        rule = rules.get(finding.rule_id)
        counts[_testcase(suite, finding, fail_on, rule.fix if rule else "")] += 1
    for error in result.errors:
        case = ET.SubElement(
            suite, "testcase", {"classname": "secretcheck.read", "name": _clean(error.path)}
        )
        ET.SubElement(case, "error", {"message": _clean(error.message)})
    tests = len(result.findings) + len(result.errors)
    if tests == 0:
        ET.SubElement(
            suite, "testcase", {"classname": "secretcheck.scan", "name": "no secrets found"}
        )
        tests = 1
    totals = {
        "tests": str(tests),
        "failures": str(counts["failure"]),
        "errors": str(len(result.errors)),
        "skipped": str(counts["skipped"]),
    }
    suite.attrib.update(totals)
    root.attrib.update({k: v for k, v in totals.items() if k != "skipped"})
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
