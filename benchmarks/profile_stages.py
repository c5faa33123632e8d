"""Where a single-core secretcheck scan spends its time, stage by stage.

    python benchmarks/profile_stages.py small
    python benchmarks/profile_stages.py small --cprofile benchmarks/.results/small.prof

Runs `api.scan_paths` in this process with `jobs=1` and wraps each pipeline stage (discovery,
reading, the three engines, merge, suppression, fingerprints) and the libcst phases inside the
CST engine (parse, metadata resolution, batched visit) in CPU-time timers. Wrapping costs a
few microseconds a call, far less than cProfile, whose per-call overhead inflates libcst's
pure-Python visitor several times over. `--cprofile` also writes a cProfile dump for detail
(`python -m pstats FILE`, or snakeviz).

Import time is measured separately in fresh interpreters (`python -X importtime`).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import functools
import os
import subprocess
import sys
import time
import types
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
DEPTH: dict[str, int] = defaultdict(int)
# CPU time of this process: other work on a shared machine does not inflate it, and with
# jobs=1 the scan runs entirely in this process.
clock = time.process_time


def timed(name: str, func: Any, consume: bool = False) -> Any:
    """Wrap `func`; with `consume`, a generator is drained inside the timer. Re-entrant calls
    (libcst resolves batchable metadata through a nested visit_batched) count once."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        DEPTH[name] += 1
        start = clock()
        try:
            result = func(*args, **kwargs)
            if consume:
                result = list(result)
            return result
        finally:
            DEPTH[name] -= 1
            if DEPTH[name] == 0:
                TOTALS[name] += clock() - start
                CALLS[name] += 1

    return wrapper


def instrument() -> None:
    import ast

    import libcst
    from detect_secrets.plugins import high_entropy_strings, keyword
    from libcst.metadata import MetadataWrapper

    from secretcheck import api, pipeline, sources
    from secretcheck.engines import ENGINES
    from secretcheck.engines import cst as cst_engine
    from secretcheck.engines import detect_secrets_adapter as ds

    api.discover = timed("discover (walk, excludes)", sources.discover)
    pipeline.read_source = timed("read + decode", pipeline.read_source)
    pipeline.rules_for = timed("rules_for (per file)", pipeline.rules_for)
    pipeline.LineIndex = timed("LineIndex", pipeline.LineIndex)
    # The text stage runs each engine from the registry; the pipeline holds the same dict.
    for name, engine in list(ENGINES.items()):
        if engine.run is not None:
            run = timed(f"engine: {name}", engine.run, consume=True)
            ENGINES[name] = dataclasses.replace(engine, run=run)
    ds.candidate_lines = timed("  ds: line prefilters", ds.candidate_lines)
    for cls in (keyword.KeywordDetector, high_entropy_strings.Base64HighEntropyString,
                high_entropy_strings.HexHighEntropyString):  # fmt: skip
        cls.analyze_line = timed(f"  ds: {cls.__name__}.analyze_line", cls.analyze_line)  # type: ignore[method-assign]
    ds._rejected_by_heuristics = timed("  ds: heuristic filters", ds._rejected_by_heuristics)
    pipeline.run_cst = timed("engine: cst (all)", pipeline.run_cst)
    cst_engine.wanted_checks = timed("  cst: file prefilter", cst_engine.wanted_checks)
    # Only the engine's own parse: libcst's evaluated_value calls ast.literal_eval -> ast.parse.
    cst_engine.ast = types.SimpleNamespace(  # type: ignore[assignment]
        **{**vars(ast), "parse": timed("  cst: ast.parse (whole file)", ast.parse)}
    )
    cst_engine._candidate_ranges = timed(
        "  cst: candidate lines (and ranges)", cst_engine._candidate_ranges
    )
    cst_engine.statement_ranges = timed("  cst: statement ranges", cst_engine.statement_ranges)
    libcst.parse_module = timed("  cst: libcst.parse_module", libcst.parse_module)
    MetadataWrapper.resolve_many = timed(  # type: ignore[method-assign]
        "  cst: metadata (PositionProvider)", MetadataWrapper.resolve_many
    )
    MetadataWrapper.visit_batched = timed(  # type: ignore[method-assign]
        "  cst: visit_batched (incl. metadata)", MetadataWrapper.visit_batched
    )
    pipeline.build_findings = timed("merge + build_findings", pipeline.build_findings)
    pipeline.apply_suppressions = timed("suppressions", pipeline.apply_suppressions)
    pipeline.assign_fingerprints = timed("fingerprints", pipeline.assign_fingerprints)


def import_cost(module: str) -> float:
    """Seconds to import `module` in a fresh interpreter (min of 3)."""
    best = float("inf")
    for _ in range(3):
        code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)  # fmt: skip
        best = min(best, float(out.stdout))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="small, large, or a folder")
    parser.add_argument("--cprofile", type=Path, help="write a cProfile dump here instead")
    args = parser.parse_args(argv)
    corpus = HERE / ".corpus" / args.corpus
    corpus = corpus if corpus.is_dir() else Path(args.corpus)
    os.environ["GIT_CEILING_DIRECTORIES"] = str(corpus.resolve().parent)

    for module in ("secretcheck.cli", "libcst", "detect_secrets.plugins.keyword",
                   "detect_secrets.plugins.high_entropy_strings"):  # fmt: skip
        print(f"import {module:<45} {import_cost(module) * 1000:7.0f} ms")

    from secretcheck import api
    from secretcheck.settings import Settings

    settings = Settings(paths=(str(corpus),), jobs=1, use_cache=False)
    if args.cprofile:
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(api.scan_paths, settings)
        print(f"cProfile run: {time.perf_counter() - start:.2f}s -> {args.cprofile}")
        args.cprofile.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(args.cprofile)
        return 0
    instrument()
    start, wall = clock(), time.perf_counter()
    result = api.scan_paths(settings)
    total, wall = clock() - start, time.perf_counter() - wall
    print(f"\nscan_paths(jobs=1): {total:.2f}s CPU ({wall:.2f}s wall), {result.files_scanned} "
          f"files, {result.lines_scanned} lines, {len(result.findings)} findings")  # fmt: skip
    print(f"{'stage (CPU seconds)':<40} {'seconds':>8} {'share':>6} {'calls':>7}")
    for name, seconds in TOTALS.items():
        print(f"{name:<40} {seconds:8.2f} {seconds / total:6.1%} {CALLS[name]:7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
