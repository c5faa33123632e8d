"""A rule's `files` globs, compiled into one regex, select exactly the files `fnmatch` did."""

from __future__ import annotations

import fnmatch

from secretcheck.engines.patterns import _applies_to
from secretcheck.rulepacks import load_catalogue

DISPLAYS = [
    "README", "docs/README", "README.md", "a/b/NOTES", "NOTES.txt", "x.MD", "notes",
    "src/app.py", "deploy/.env", "k8s/values.yaml", "a.xml", "dir.md/file.py", "c/d.rst\n",
    "Dockerfile", "x/y/Dockerfile.prod", ".github/workflows/ci.yml", "a/[x].txt", "é/ü.org",
]  # fmt: skip


def _fnmatched(files: tuple[str, ...], display: str) -> bool:
    name = display.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(display, g) for g in files)


def test_globbed_rules_select_what_fnmatch_selected() -> None:
    rules = [r for r in load_catalogue(()).active() if r.pattern and r.pattern.files]
    assert rules
    for rule in rules:
        assert rule.pattern is not None
        for display in DISPLAYS:
            expected = _fnmatched(rule.pattern.files, display)
            assert _applies_to(rule, display) == expected, (rule.code, display)
