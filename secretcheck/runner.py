"""The one runner: discovery, the process pool and result collection, shared by `scan`,
`--staged`/`--diff` (gitscan), `history` and `grade`.

It imports none of its callers (api, gitscan, history, grading), so the layering is one way:
`commands -> api -> gitscan/history -> runner -> pipeline`. The findings cache lives below it,
in `pipeline.scan_source`, so every caller that scans files through here uses it.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from secretcheck.errors import ConfigError
from secretcheck.findings import FileResult, Finding, ScanResult
from secretcheck.pipeline import scan_candidate
from secretcheck.python.taint import project
from secretcheck.rulepacks import Catalogue, code_selected, load_catalogue
from secretcheck.settings import Settings
from secretcheck.sources import PYTHON_SUFFIXES, Candidate, discover

if TYPE_CHECKING:
    # Only for types: concurrent.futures loads logging and threading (~5 ms), which a scan
    # that runs in this process, as most do, never uses.
    from concurrent.futures import Executor, ProcessPoolExecutor

T = TypeVar("T")
Progress = Callable[[int], None]
# Below this many files a pool costs more to start than it saves.
POOL_THRESHOLD = 24
# ...and with `--jobs` left to us (0), below this many bytes of files: a pool adds ~0.3 s of
# CPU (warm-up in the parent, forks, each worker's own lazy set-up, results sent back) to
# save at most half the scan's wall time, which for flask+werkzeug (3.6 MB, ~2 CPU-s at one
# worker) came to +10-15% CPU for ~1 s of wall time. Past this size the overhead is a few
# percent of the work; an explicit `--jobs N` always gets its pool.
POOL_MIN_BYTES = 8 << 20


def pool_pays(settings: Settings, files: int, size: int | None = None) -> bool:
    """Is a pool worth starting for `files` files of `size` bytes (None: not known)?"""
    if files < POOL_THRESHOLD:
        return False
    return bool(settings.jobs) or size is None or size >= POOL_MIN_BYTES


def warm_imports(settings: Settings | None = None) -> None:
    """Import, once in the parent, what the workers of a run with `settings` will use: the
    engines its rules name, the check modules of its syntax-tree rules and detect-secrets'
    plugins (no check reads libcst's tree). Forked workers share them instead of each paying
    for them (detect-secrets ~0.15 s); a no-op cost under spawn, where workers import lazily.
    Only a run that starts a pool does this: a few-file scan imports just what its files
    need."""
    import importlib

    from secretcheck.python.registry import CHECKS, GROUPS

    settings = settings or Settings()
    catalogue = load_catalogue(settings.rule_paths)
    rules = [r for r in catalogue.active() if settings.rule_enabled(r.code)]
    engines = {r.engine for r in rules}
    entries = [CHECKS[r.check] for r in rules if r.engine == "cst" and r.check in CHECKS]
    if "detect-secrets" in engines:
        from secretcheck.engines.detect_secrets_adapter import warm

        warm()
    modules = {
        f"secretcheck.engines.{_ENGINE_MODULES[e]}" for e in engines & _ENGINE_MODULES.keys()
    }
    modules |= {entry.module for entry in entries}
    modules |= {GROUPS[entry.group] for entry in entries if entry.group}
    for module in sorted(modules):
        importlib.import_module(module)


# Engine modules the pipeline imports on first use (`engines.ENGINES`).
_ENGINE_MODULES = {"pattern": "patterns", "keyvalue": "keyvalue"}


def worker_count(settings: Settings, items: int | None = None) -> int:
    """Workers for `items` tasks: `--jobs` (0: one per core), but never more than the cores
    (`jobs = 100000` started 121 processes on 2 cores) or the tasks."""
    cores = os.cpu_count() or 1
    wanted = min(settings.jobs or cores, cores)
    return max(1, wanted if items is None else min(wanted, items))


def process_pool(workers: int, settings: Settings | None = None) -> ProcessPoolExecutor:
    """The one place a process pool is made (the caller shuts it down). Grading has none: its
    submissions run as tasks of the fleet's execution layer (`secretcheck.fleet`)."""
    # Imported here: it pulls in multiprocessing and its sockets, which a scan of a few files
    # (a pre-commit hook run) never uses. Before `warm_imports`, so that the real module is
    # loaded before detect-secrets would get a stand-in for it (detect_secrets_adapter).
    from concurrent.futures import ProcessPoolExecutor

    warm_imports(settings)
    return ProcessPoolExecutor(max_workers=workers)


@contextmanager
def executor(settings: Settings, items: int | None = None) -> Iterator[Executor]:
    """A process pool sized by `worker_count`, or an inline executor when one worker will do."""
    workers = worker_count(settings, items)
    if workers == 1:
        from secretcheck.inline_executor import InlineExecutor

        yield InlineExecutor()
        return
    try:
        with process_pool(workers, settings) as pool:
            # What the parent holds now (modules, the catalogue, compiled patterns) lives as
            # long as the workers, which fork on the first submit: frozen, no worker's collector
            # walks it, which would also copy every page holding such an object (copy-on-write).
            gc.freeze()
            yield pool
    finally:
        gc.unfreeze()  # a library caller's objects are collected again


def map_files(
    work: Callable[[T], FileResult],
    items: Sequence[T],
    settings: Settings,
    progress: Progress | None = None,
    first: Sequence[int] = (),
    size: int | None = None,
) -> list[FileResult]:
    """`work` over every item, in a process pool when there are enough items to pay for it.
    `progress(1)` is called as each result arrives, for a progress bar. `first`: positions of
    items a pool's parent runs itself before the workers fork, so what they make the detectors
    set up (compiled patterns, keyword sets, plugin objects) is inherited by every worker
    instead of made again in each. `size`: the items' bytes, if known (see `pool_pays`)."""
    workers = worker_count(settings, len(items))
    results: list[FileResult] = []
    if workers == 1 or not pool_pays(settings, len(items), size):
        with _collector_paced():
            for item in items:
                results.append(work(item))
                if progress is not None:
                    progress(1)
        return results
    done: dict[int, FileResult] = {}
    with executor(settings, len(items)) as pool:
        # Before the first submit, so before the fork (and after `warm_imports`, which must
        # import multiprocessing before detect-secrets can put a stand-in in its place).
        for position in first:
            done[position] = work(items[position])
            if progress is not None:
                progress(1)
        gc.freeze()  # (see `executor`) what the pre-scan set up, too
        rest = [i for i in range(len(items)) if i not in done]
        chunk = max(1, min(8, len(rest) // (workers * 16)))
        for position, result in zip(
            rest, pool.map(work, [items[i] for i in rest], chunksize=chunk), strict=True
        ):
            done[position] = result
            if progress is not None:
                progress(1)
    return [done[i] for i in range(len(items))]


@contextmanager
def _collector_paced() -> Iterator[None]:
    """Fewer cyclic-garbage passes while this process scans: a scan makes millions of
    short-lived objects (syntax trees, matches, flows) that reference counting frees, and
    the collector's passes over them and over all that was imported before (frozen here, as
    a pool's parent does) were ~2% of a flask+werkzeug scan. A cycle waits a little longer."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _size(candidate: Candidate) -> int:
    try:
        return os.stat(candidate.path).st_size
    except OSError:
        return 0


# A file of about this size exercises every detector's set-up (see `_typical`), and costs
# little to scan before a pool starts.
_TYPICAL_SIZE = 2048


def _typical(candidates: Sequence[Candidate], sizes: Sequence[int]) -> list[int]:
    """Positions of one ordinary Python file and one ordinary other file: the smallest of each
    kind of at least `_TYPICAL_SIZE` bytes."""
    picked: dict[bool, int] = {}
    for i, candidate in enumerate(candidates):
        python = candidate.display.endswith(PYTHON_SUFFIXES)
        if sizes[i] >= _TYPICAL_SIZE and (python not in picked or sizes[i] < sizes[picked[python]]):
            picked[python] = i
    return sorted(picked.values())


def scan_candidates(
    candidates: Sequence[Candidate], settings: Settings, progress: Progress | None = None
) -> list[FileResult]:
    # What an earlier scan in this process read of a project's modules (which import names
    # a file, which are links) may have changed since: each scan reads the tree afresh.
    project.forget()
    # Largest files first, so no worker is left with a big file at the end while the
    # others wait; results come back in discovery order.
    sizes = [_size(c) for c in candidates]
    order = sorted(range(len(candidates)), key=lambda i: -sizes[i])
    ordered = [candidates[i] for i in order]
    results = map_files(
        partial(scan_candidate, settings=settings),
        ordered,
        settings,
        progress,
        first=_typical(ordered, [sizes[i] for i in order]),
        size=sum(sizes),
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
    active = [rule.code for rule in catalogue.active()]
    # An ignore of a removed rule is no mistake (old configs keep working); of no rule, it is:
    # `ignore = ["SC1O1"]` would leave the rule meant on, and the run green.
    every = [rule.code for rule in catalogue.rules]
    checks = [("select", settings.select, active), ("ignore", settings.ignore, every)]
    checks += [
        (f"per-file-ignores {glob!r}", codes, every) for glob, codes in settings.per_file_ignores
    ]
    for key, selectors, codes in checks:
        for selector in selectors:
            if not any(code_selected(code, selector) for code in codes):
                raise ConfigError(
                    f"{key}: {selector!r} matches no rule (`secretcheck rules` lists them)"
                )
    return catalogue


def discover_files(settings: Settings) -> tuple[list[Candidate], list[Any]]:
    """The files `settings.paths` names (after excludes) and those skipped on the way."""
    candidates, skipped = discover(
        settings.paths, settings.exclude, force_exclude=settings.force_exclude
    )
    return candidates, list(skipped)


def scan_tree(
    settings: Settings, progress: Callable[[int], Progress | None] | None = None
) -> tuple[ScanResult, list[str]]:
    """The raw scan of `settings.paths` (no baseline applied) and the files it covered.
    `progress(total)` is asked for a per-file callback once the number of files is known."""
    load_rules(settings)
    candidates, skipped = discover_files(settings)
    tick = progress(len(candidates)) if progress is not None else None
    result = collect(scan_candidates(candidates, settings, tick), skipped)
    return result, [c.display for c in candidates]
