"""Redaction for grade evidence that does not come from a scan finding (habit lines, commits).

Both go through `secretcheck.redact.redact_line`, the one function that scan findings, the
cache, baselines and `history` use, so a value is masked the same way wherever it is shown.
"""

from __future__ import annotations

from secretcheck.redact import redact_line


def redact_snippet(text: str) -> str:
    """Code lines shown as evidence of a habit: every unproven value masked."""
    return redact_line(text)


def redact_message(text: str) -> str:
    """Commit subjects shown as evidence: prose, so `fix: x` is not a key and its value."""
    return redact_line(text, prose=True)
