"""The library entry points: build a `ScanResult`; never print, never exit.

The pool, discovery and collection live in `runner` (shared with gitscan, history and
grading); this module picks what to scan (tree, index or diff) and applies the baseline. The
runner's names are re-exported here for callers that used them from `api`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from secretcheck.findings import Finding, ScanResult
from secretcheck.pipeline import scan_text as _scan_text
from secretcheck.runner import (
    Progress,
    collect,
    load_rules,
    map_files,
    scan_candidates,
    scan_tree,
    warm_imports,
)
from secretcheck.settings import Settings
from secretcheck.sources import classify

__all__ = [
    "apply_baseline",
    "collect",
    "load_rules",
    "map_files",
    "run_scan",
    "scan_candidates",
    "scan_paths",
    "scan_text",
    "scan_tree",
    "warm_imports",
]


def apply_baseline(result: ScanResult, settings: Settings, scanned: Iterable[str]) -> ScanResult:
    """Mark findings known/new against `settings.baseline`, if one is configured."""
    if not settings.baseline:
        return result
    # Imported here, as `gitscan` below: a plain scan (a pre-commit hook's run on the files
    # it names) needs neither, and their classes and git plumbing were ~5 ms of its start-up.
    from secretcheck.baseline import load, partition_by_baseline

    return partition_by_baseline(result, load(settings.baseline), settings.baseline, scanned)


def scan_paths(
    settings: Settings, progress: Callable[[int], Progress | None] | None = None
) -> ScanResult:
    """Discover, scan and collect everything `settings.paths` names."""
    result, scanned = scan_tree(settings, progress)
    return apply_baseline(result, settings, scanned)


def run_scan(
    settings: Settings,
    staged: bool = False,
    diff: str | None = None,
    progress: Callable[[int], Progress | None] | None = None,
) -> ScanResult:
    """The scan the CLI asks for: the tree, the index (`staged`) or the lines added since
    `diff`, with the baseline applied. Stale entries need whole files: a diff scan reports
    only entries whose file is gone."""
    if staged or diff is not None:
        from secretcheck.gitscan import scan_diff, scan_staged
    if staged:
        load_rules(settings)
        result, scanned = scan_staged(settings)
        return apply_baseline(result, settings, scanned)
    if diff is not None:
        load_rules(settings)
        return apply_baseline(scan_diff(settings, diff), settings, ())
    return scan_paths(settings, progress)


def scan_text(text: str, display: str = "<text>", settings: Settings | None = None) -> ScanResult:
    """Scan a string as if it were the file `display` (used by tests and editor integrations)."""
    settings = settings or Settings()
    findings = _scan_text(text, display, classify(display, text[:200]), settings)
    return ScanResult(tuple(sorted(findings, key=Finding.sort_key)), files_scanned=1,
                      lines_scanned=text.count("\n") + 1)  # fmt: skip
