"""The `secretcheck` console script's entry point (`secretcheck.cli:main`).

The commands live in `secretcheck.commands`, one module each; this name stays because the
installed script, pre-commit hooks and benchmarks import `secretcheck.cli:main`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a usage, config or
rule-pack error, reported in one line; 3 the scan itself failed on some file (it could not be
read, or a detector failed on it: the report's `errors`), whatever the findings, so CI can tell
an incomplete scan from a finding.
"""

from __future__ import annotations

from secretcheck.commands import main
from secretcheck.commands.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_SCAN_FAILED

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "EXIT_SCAN_FAILED", "main"]

if __name__ == "__main__":  # `python -m secretcheck.cli`, as the console script runs it
    main()
