"""The library entry points: build a `ScanResult`; never print, never exit."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TypeVar

from secretcheck.baseline import load, partition_by_baseline
from secretcheck.errors import ConfigError
from secretcheck.findings import FileResult, Finding, ScanResult
from secretcheck.pipeline import scan_candidate
from secretcheck.pipeline import scan_text as _scan_text
from secretcheck.rulepacks import Catalogue, load_catalogue
from secretcheck.settings import Settings
from secretcheck.sources import Candidate, classify, discover

T = TypeVar("T")
# Below this many files a pool costs more to start than it saves.
POOL_THRESHOLD = 24


def warm_imports() -> None:
    """Import the heavy detector libraries once in the parent, so forked workers share them
    instead of each paying ~0.7 s (a no-op cost under spawn, where workers import lazily)."""
    import libcst  # noqa: F401

    from secretcheck.engines.detect_secrets_adapter import warm

    warm()


def _worker_count(settings: Settings, files: int) -> int:
    """Workers for `files` files: `jobs`, but never more than the cores (`jobs = 100000`
    started 121 processes on 2 cores) or the files."""
    cores = os.cpu_count() or 1
    wanted = min(settings.jobs or cores, cores)
    return max(1, min(wanted, files))


def map_files(
    work: Callable[[T], FileResult], items: Sequence[T], settings: Settings
) -> list[FileResult]:
    """`work` over every item, in a process pool when there are enough items to pay for it."""
    workers = _worker_count(settings, len(items))
    if workers == 1 or len(items) < POOL_THRESHOLD:
        return [work(i) for i in items]
    chunk = max(1, min(8, len(items) // (workers * 16)))
    warm_imports()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, items, chunksize=chunk))


def _size(candidate: Candidate) -> int:
    try:
        return os.stat(candidate.path).st_size
    except OSError:
        return 0


def scan_candidates(candidates: Sequence[Candidate], settings: Settings) -> list[FileResult]:
    # Largest files first, so no worker is left with a big file at the end while the
    # others wait; results come back in discovery order.
    order = sorted(range(len(candidates)), key=lambda i: -_size(candidates[i]))
    results = map_files(
        partial(scan_candidate, settings=settings), [candidates[i] for i in order], settings
    )
    placed: list[FileResult | None] = [None] * len(candidates)
    for position, result in zip(order, results, strict=True):
        placed[position] = result
    return [r for r in placed if r is not None]


def collect(results: Iterable[FileResult], skipped: Iterable = ()) -> ScanResult:  # type: ignore[type-arg]
    findings: list[Finding] = []
    skips = list(skipped)
    errors = []
    partial = []
    files = lines = 0
    for result in results:
        if result.skipped is not None:
            skips.append(result.skipped)
            continue
        if result.error is not None:
            errors.append(result.error)
        if result.partial is not None:
            partial.append(result.partial)
        # A file whose syntax-tree stage failed still counts: its text findings are kept.
        if result.error is None or result.partial is not None:
            files += 1
            lines += result.lines
            findings.extend(result.findings)
    return ScanResult(
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        skipped=tuple(sorted(skips, key=lambda s: s.path)),
        errors=tuple(sorted(errors, key=lambda e: e.path)),
        files_scanned=files,
        lines_scanned=lines,
        partial=tuple(sorted(partial, key=lambda p: p.path)),
    )


def load_rules(settings: Settings) -> Catalogue:
    """The catalogue `settings` scans with, loaded up front so a broken pack fails before any
    work; a `select` that matches no rule is an error too, since it would scan for nothing
    and pass (`select = ["SC999"]`, a typo for SC099 or SC909)."""
    catalogue = load_catalogue(settings.rule_paths)
    codes = [rule.code for rule in catalogue.active()]
    for selector in settings.select:
        if selector != "ALL" and not any(code.startswith(selector) for code in codes):
            raise ConfigError(
                f"select: {selector!r} matches no rule (`secretcheck rules` lists them)"
            )
    return catalogue


def scan_tree(settings: Settings) -> tuple[ScanResult, list[str]]:
    """The raw scan of `settings.paths` (no baseline applied) and the files it covered."""
    load_rules(settings)
    candidates, skipped = discover(
        settings.paths, settings.exclude, force_exclude=settings.force_exclude
    )
    result = collect(scan_candidates(candidates, settings), skipped)
    return result, [c.display for c in candidates]


def apply_baseline(result: ScanResult, settings: Settings, scanned: Iterable[str]) -> ScanResult:
    """Mark findings known/new against `settings.baseline`, if one is configured."""
    if not settings.baseline:
        return result
    return partition_by_baseline(result, load(settings.baseline), settings.baseline, scanned)


def scan_paths(settings: Settings) -> ScanResult:
    """Discover, scan and collect everything `settings.paths` names."""
    result, scanned = scan_tree(settings)
    return apply_baseline(result, settings, scanned)


def run_scan(settings: Settings, staged: bool = False, diff: str | None = None) -> ScanResult:
    """The scan the CLI asks for: the tree, the index (`staged`) or the lines added since
    `diff`, with the baseline applied. Stale entries need whole files: a diff scan reports
    only entries whose file is gone."""
    if staged:
        from secretcheck.gitscan import scan_staged

        load_rules(settings)
        result, scanned = scan_staged(settings)
        return apply_baseline(result, settings, scanned)
    if diff is not None:
        from secretcheck.gitscan import scan_diff

        load_rules(settings)
        return apply_baseline(scan_diff(settings, diff), settings, ())
    return scan_paths(settings)


def scan_text(text: str, display: str = "<text>", settings: Settings | None = None) -> ScanResult:
    """Scan a string as if it were the file `display` (used by tests and editor integrations)."""
    settings = settings or Settings()
    findings = _scan_text(text, display, classify(display, text[:200]), settings)
    return ScanResult(tuple(sorted(findings, key=Finding.sort_key)), files_scanned=1,
                      lines_scanned=text.count("\n") + 1)  # fmt: skip
