"""The `secretcheck` console script's entry point (`secretcheck.cli:main`).

The commands live in `secretcheck.commands`, one module each; this name stays because the
installed script, pre-commit hooks and benchmarks import `secretcheck.cli:main`.
"""

from __future__ import annotations

from secretcheck.commands import main
from secretcheck.commands.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "main"]

if __name__ == "__main__":  # `python -m secretcheck.cli`, as the console script runs it
    main()
