"""The `secretcheck` console script's entry point (`secretcheck.cli:main`).

The commands live in `secretcheck.commands`, one module each; this name stays because the
installed script, pre-commit hooks and benchmarks import `secretcheck.cli:main`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a usage, config or
rule-pack error, reported in one line; 3 the scan itself failed on some file (it could not be
read, or a detector failed on it: the report's `errors`), whatever the findings, so CI can tell
an incomplete scan from a finding.
"""

from __future__ import annotations

import gc

# Set before the imports below, which are a third of a one-file run. A run allocates mostly
# objects that live to its end (modules, the rule catalogue, syntax trees) and few reference
# cycles; the collector's default, a pass every 700 net allocations (each tenth one reading
# every older object too), took ~3% of a flask+werkzeug scan's CPU and ~5% of a one-file scan.
# As mypy's build does (200k, 30, 30): rarer passes; the cycles that do form are still freed.
gc.set_threshold(50_000, 20, 20)

from secretcheck.commands import main  # noqa: E402
from secretcheck.commands.common import (  # noqa: E402
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_SCAN_FAILED,
)

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "EXIT_SCAN_FAILED", "main"]

if __name__ == "__main__":  # `python -m secretcheck.cli`, as the console script runs it
    main()
