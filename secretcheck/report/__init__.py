"""Renderers: each turns a ScanResult into text. They print only redacted snippets.

`RENDERERS` is the one registry of scan report formats: name -> the module whose `render`
draws it. The CLI's `--format` choices are its keys, so adding a format is adding a module and
one entry here. Modules are imported on use: the CLI must start fast for `--help` and hooks.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from secretcheck.findings import ScanResult, Severity
from secretcheck.rulepacks import Catalogue


class Renderer(Protocol):
    def __call__(
        self, result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool, /
    ) -> str: ...


RENDERERS: dict[str, str] = {
    "text": "secretcheck.report.text",
    "json": "secretcheck.report.json",
    "sarif": "secretcheck.report.sarif",
    "junit": "secretcheck.report.junit",
    "github": "secretcheck.report.github",
}
FORMATS = tuple(RENDERERS)


def get_renderer(name: str) -> Renderer:
    try:
        module = RENDERERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None
    render: Renderer = importlib.import_module(module).render
    return render
