"""Scans driven by git: the index (`--staged`) and the lines added since a revision (`--diff`).

- `--staged` reads the staged blobs (`git diff --cached --raw` gives their ids, `git cat-file
  --batch` their bytes), so unstaged edits in the working tree can neither hide nor add findings.
- `--diff REV` scans each changed file whole (line numbers are real, Python files parse) and
  keeps the findings that touch a line added since `git merge-base REV HEAD`, the same base a
  pull request diff uses. Untracked, not ignored files count as wholly added.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from secretcheck.findings import FileResult, ScanResult
from secretcheck.gitcmd import (
    PATCH_OPTIONS,
    GitError,
    fs_name,
    parse_patch,
    read_blobs,
    repo_root,
    run_git,
    shown_name,
)
from secretcheck.pipeline import scan_source
from secretcheck.runner import collect, map_files, scan_candidates
from secretcheck.settings import Settings
from secretcheck.sources import Candidate, display_path, is_excluded, source_from_bytes

# ---- --staged -----------------------------------------------------------------------------


def _staged_blobs(cwd: Path, pathspecs: Sequence[str]) -> list[tuple[bytes, str]]:
    """(repo-relative path, blob id) of every staged added/copied/modified/renamed file."""
    out = run_git(
        cwd, "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames",
        "--diff-filter=ACMR", "--", *pathspecs,
    )  # fmt: skip
    fields = out.split(b"\0")
    blobs = []
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        parts = meta.split()
        if len(parts) < 5:
            continue
        new_mode, new_id = parts[1], parts[3]
        if new_mode.startswith(b"100"):  # regular files only: not symlinks or submodules
            blobs.append((path, new_id.decode("ascii")))
    return blobs


def _index_blobs(cwd: Path, files: Sequence[str]) -> list[tuple[bytes, str]]:
    """(repo-relative path, blob id) of the index entry of each named file, changed or not.

    pre-commit names every file it wants checked, and with `run --all-files` none of them is
    staged: they must still be read from the index, not skipped.
    """
    if not files:
        return []
    out = run_git(cwd, "ls-files", "-s", "-z", "--full-name", "--", *files)
    blobs = []
    for record in out.split(b"\0"):
        meta, _, path = record.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[0].startswith(b"100") and parts[2] == b"0":
            blobs.append((path, parts[1].decode("ascii")))
    return blobs


def scan_blob(item: tuple[str, bytes], settings: Settings) -> FileResult:
    """Scan one file's bytes as `scan_candidate` scans a file on disk."""
    display, data = item
    return scan_source(source_from_bytes(display, data, settings.max_file_size), settings)


def scan_staged(settings: Settings, cwd: Path | None = None) -> tuple[ScanResult, list[str]]:
    """Scan the index version of the staged files under `settings.paths`."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = repo_root(cwd)
    files = [p for p in settings.paths if not os.path.isdir(p)]
    folders = [p for p in settings.paths if os.path.isdir(p)]
    staged = dict(_staged_blobs(cwd, folders) if folders else [])
    staged.update(_index_blobs(cwd, files))
    kept = []
    for path, blob in sorted(staged.items()):
        display = display_path(root / shown_name(path), cwd)
        if not is_excluded(display, settings.exclude):
            kept.append((display, blob))
    contents = read_blobs(cwd, [b for _, b in kept])
    items = [(d, data) for (d, _), data in zip(kept, contents, strict=True)]
    result = collect(map_files(partial(scan_blob, settings=settings), items, settings))
    return result, [d for d, _ in items]


# ---- --diff REV ---------------------------------------------------------------------------


def merge_base(cwd: Path, rev: str) -> str:
    if rev.startswith("-"):
        raise GitError(f"not a revision: {rev!r}")
    try:
        run_git(cwd, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except GitError:
        raise GitError(f"unknown revision {rev!r}") from None
    try:
        return run_git(cwd, "merge-base", rev, "HEAD").decode().strip()
    except GitError:
        raise GitError(f"{rev!r} and HEAD share no history (no merge base)") from None


def added_lines(cwd: Path, base: str, pathspecs: Sequence[str]) -> dict[bytes, set[int] | None]:
    """Repo-relative path -> the line numbers added since `base` (None: the whole file)."""
    out = run_git(cwd, "diff", *PATCH_OPTIONS, "-M", base, "--", *pathspecs)
    added: dict[bytes, set[int] | None] = {}
    for patch in parse_patch(out.splitlines(keepends=True)):
        if patch.path is not None and patch.added:
            lines = added.setdefault(patch.path, set())
            assert lines is not None
            lines.update(n for n, _ in patch.added)
    untracked = run_git(cwd, "ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)
    prefix = run_git(cwd, "rev-parse", "--show-prefix").rstrip(b"\n")
    for name in untracked.split(b"\0"):
        if name:
            added[prefix + name] = None
    return added


def scan_diff(settings: Settings, rev: str, cwd: Path | None = None) -> ScanResult:
    """Findings on lines added since the merge base of `rev` and HEAD (working tree side)."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = repo_root(cwd)
    base = merge_base(cwd, rev)
    wanted: dict[str, set[int] | None] = {}
    candidates = []
    for raw, lines in sorted(added_lines(cwd, base, settings.paths).items()):
        on_disk = root / fs_name(raw)
        display = display_path(root / shown_name(raw), cwd)
        if not on_disk.is_file() or on_disk.is_symlink() or is_excluded(display, settings.exclude):
            continue
        wanted[display] = lines
        candidates.append(Candidate(str(on_disk), display, explicit=True))
    results = []
    for result in scan_candidates(candidates, settings):
        lines = wanted.get(result.path)
        if lines is not None:
            keep = tuple(
                f for f in result.findings
                if any(n in lines for n in range(f.span.line, f.span.end_line + 1))
            )  # fmt: skip
            result = FileResult(result.path, keep, result.skipped, result.error, result.lines)
        results.append(result)
    return collect(results)
