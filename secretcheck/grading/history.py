"""Secrets in a submission's history: the seam between grading and `secretcheck history`.

Grading depends only on `HistoryScanner`: a callable from a repository root and settings to
history findings (`secretcheck.history.HistoryFinding`: the finding located in the introducing
commit's version of the file, the commit with author and date, and `present` or `removed`).
The default is `scan_git_history`, which runs the `secretcheck history` engine on HEAD of the
submission. The grader's own settings apply (never the submission's config), vendored folders
are skipped, and its git calls go through `gitcmd.run_git` isolated, so a hostile
`.git/config` runs nothing and a repository owned by another user can still be read. Tests
or other history sources plug in through the same protocol.

The history engine scans added lines as text fragments, so the code-aware rules cannot run
there and a key assigned in Python is seen only by the keyword and entropy detectors, at lower
confidence than the same line earns at HEAD. Grading judges a leak by what it was: each history
finding is re-scanned in the full text of the file at its introducing commit, and the full
pipeline's finding for the same value replaces the fragment's when it is more certain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from secretcheck.gitcmd import GitError, run_git
from secretcheck.history import HistoryFinding, scan_history
from secretcheck.pipeline import scan_text
from secretcheck.settings import Settings
from secretcheck.sources import DEFAULT_EXCLUDED_DIRS, classify, decode

__all__ = ["HistoryFinding", "HistoryScanner", "scan_git_history"]


class HistoryScanner(Protocol):
    def __call__(self, root: Path, settings: Settings) -> Sequence[HistoryFinding]: ...


def scan_git_history(root: Path, settings: Settings) -> list[HistoryFinding]:
    """Each secret any commit reachable from HEAD added, once, oldest first; no diagnostics."""
    local = replace(
        settings,
        paths=(".",),
        exclude=(*settings.exclude, *sorted(DEFAULT_EXCLUDED_DIRS), "*.egg-info"),
        jobs=settings.jobs or 1,  # submissions are small: a process pool costs more than it saves
    )
    result = scan_history(local, cwd=root, isolated=True)
    found = [h for h in result.secrets if not h.finding.rule_id.startswith("SC9")]
    return [_in_full_context(root, h, local) for h in found]


def _in_full_context(root: Path, h: HistoryFinding, settings: Settings) -> HistoryFinding:
    """The same secret as the full pipeline sees it in that commit's version of the file."""
    if not h.finding.secret:
        return h
    try:
        blob = run_git(
            root, "cat-file", "blob", f"{h.introduced.sha}:{h.finding.path}", isolated=True
        )
    except GitError:
        return h  # renamed or unreadable: keep the fragment's finding
    if len(blob) > settings.max_file_size or b"\0" in blob[:8192]:
        return h
    text = decode(blob)[0]
    path = h.finding.path
    same = [
        f for f in scan_text(text, path, classify(path, text[:200]), settings)
        if f.secret == h.finding.secret
    ]  # fmt: skip
    best = max(same, key=lambda f: (f.severity, f.confidence), default=None)
    old = (h.finding.severity, h.finding.confidence)
    if best is None or (best.severity, best.confidence) <= old:
        return h
    return replace(h, finding=best.with_changes(suppressed=h.finding.suppressed))
