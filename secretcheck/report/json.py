"""The JSON report: a public interface (documented in the README). Add fields; never rename."""

from __future__ import annotations

from secretcheck import __version__
from secretcheck.findings import ScanResult, Severity
from secretcheck.report import jsontext
from secretcheck.rulepacks import Catalogue

SCHEMA_VERSION = "1.0"


def render(result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "secretcheck", "version": __version__},
        "findings": [f.to_dict() for f in result.findings],
        "skipped": [s.to_dict() for s in result.skipped],
        "errors": [e.to_dict() for e in result.errors],
        "partial": [p.to_dict() for p in result.partial],
        "summary": result.summary(fail_on),
        "baseline": result.baseline_file or None,
        "stale": [s.to_dict() for s in result.stale],
    }
    return jsontext.dumps(document) + "\n"
