"""Renderers: each turns a ScanResult into text. They print only redacted snippets."""

from __future__ import annotations

from collections.abc import Callable

from secretcheck.findings import ScanResult, Severity
from secretcheck.rulepacks import Catalogue

Renderer = Callable[[ScanResult, Catalogue, Severity, bool], str]


def get_renderer(name: str) -> Renderer:
    if name == "json":
        from secretcheck.report.json import render
    elif name == "sarif":
        from secretcheck.report.sarif import render
    elif name == "text":
        from secretcheck.report.text import render
    elif name == "junit":
        from secretcheck.report.junit import render
    elif name == "github":
        from secretcheck.report.github import render
    else:  # pragma: no cover - click restricts the choice
        raise ValueError(f"unknown format {name}")
    return render


FORMATS = ("text", "json", "sarif", "junit", "github")
