"""Renderers: each turns a ScanResult into text. They print only redacted snippets.

`RENDERERS` is the one registry of scan report formats: the CLI's `--format` choices are its
keys, so adding a format is adding a module and one entry here.
"""

from __future__ import annotations

from typing import Protocol

from secretcheck.findings import ScanResult, Severity
from secretcheck.report import github, json, junit, sarif, text
from secretcheck.rulepacks import Catalogue


class Renderer(Protocol):
    def __call__(
        self, result: ScanResult, catalogue: Catalogue, fail_on: Severity, color: bool, /
    ) -> str: ...


RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}
FORMATS = tuple(RENDERERS)


def get_renderer(name: str) -> Renderer:
    try:
        return RENDERERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None
