"""Scans driven by git: the index (`--staged`) and the lines added since a revision (`--diff`).

- `--staged` reads the staged blobs (`git diff --cached --raw` gives their ids, `git cat-file
  --batch` their bytes), so unstaged edits in the working tree can neither hide nor add findings.
- `--diff REV` scans each changed file whole (line numbers are real, Python files parse) and
  keeps the findings that touch a line added since `git merge-base REV HEAD`, the same base a
  pull request diff uses. Untracked, not ignored files count as wholly added. The comparison is
  made here from blobs, never by `git diff` against the work tree: that would pass the files
  through the repository's clean filters and may refresh the index (running its hooks). The
  base side comes from the object store; the work-tree side is each file's raw bytes, read
  without following links and hashed as git hashes a blob with no filter.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from secretcheck.findings import FileResult, ScanResult
from secretcheck.gitcmd import (
    GitError,
    fs_name,
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


def _tree_blobs(cwd: Path, rev: str) -> dict[bytes, str]:
    """Repo-relative path -> blob id of every file in the tree of `rev`."""
    blobs = {}
    for row in run_git(cwd, "ls-tree", "-r", "-z", "--full-tree", rev).split(b"\0"):
        meta, _, path = row.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            blobs[path] = parts[2].decode("ascii")
    return blobs


def read_inside(path: Path, real_root: Path, limit: int) -> bytes | None:
    """Up to `limit + 1` bytes of a regular file whose folder resolves inside `real_root`; None
    for a link, a folder (a submodule), a deleted file, a FIFO, or a path that leaves the root
    through a linked parent folder."""
    if not path.parent.resolve().is_relative_to(real_root):
        return None
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return handle.read(limit + 1)


def blob_id(data: bytes, algorithm: str) -> str:
    """The object id git gives `data` as a blob (`git hash-object --no-filters`)."""
    digest = hashlib.new(algorithm, b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def _lines(data: bytes) -> list[bytes]:
    """Lines as git numbers them: each ends after a `\\n`, the last one maybe without."""
    parts = data.split(b"\n")
    return [p + b"\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def new_line_numbers(old: bytes, new: bytes) -> set[int]:
    """1-based numbers of the lines of `new` that are not matched to a line of `old`.

    The common head and tail are matched first. difflib's autojunk keeps the rest near-linear
    (without it a file of repeated lines took 30 s); its price is that a line repeated in more
    than 1% of a long middle part can count as added when a plain `git diff` would pair it:
    more lines are kept, never fewer.
    """
    before, after = _lines(old), _lines(new)
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    limit = min(len(before), len(after)) - head
    while tail < limit and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    middle_old, middle_new = before[head : len(before) - tail], after[head : len(after) - tail]
    import difflib  # here: only a diff scan matches lines, and every scan imports this module

    matcher = difflib.SequenceMatcher(None, middle_old, middle_new)
    return {
        head + j + 1
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("replace", "insert")
        for j in range(j1, j2)
    }


def added_lines(
    cwd: Path, root: Path, base: str, pathspecs: Sequence[str], max_size: int
) -> dict[bytes, set[int] | None]:
    """Repo-relative path -> the lines of its work-tree file added since `base` (None: all).

    Files that are not regular files inside the root are left out (they are not scanned). A
    file whose bytes equal a blob of `base` at a path that no longer exists is a rename with
    nothing added; a rename with edits counts as wholly added (git's `-M` would pair it).
    """
    real_root = root.resolve()
    algorithm = run_git(cwd, "rev-parse", "--show-object-format").decode().strip() or "sha1"
    before = _tree_blobs(cwd, base)
    listing = run_git(
        cwd, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name",
        "--", *pathspecs,
    )  # fmt: skip
    names = sorted({n for n in listing.split(b"\0") if n})
    listed = set(names)
    gone = {
        blob for path, blob in before.items()
        if path not in listed and not os.path.lexists(root / fs_name(path))
    }  # fmt: skip
    added: dict[bytes, set[int] | None] = {}
    changed: list[tuple[bytes, str]] = []
    for name in names:
        data = read_inside(root / fs_name(name), real_root, max_size)
        if data is None:
            continue
        old = before.get(name)
        if len(data) > max_size or old is None:
            new = blob_id(data, algorithm) if len(data) <= max_size else ""
            if new not in gone:
                added[name] = None  # new (or too large: the scan says so)
        elif blob_id(data, algorithm) != old:
            changed.append((name, old))
    for start in range(0, len(changed), 256):  # old blobs in batches: memory stays bounded
        batch = changed[start : start + 256]
        for (name, _), old_data in zip(batch, read_blobs(cwd, [b for _, b in batch]), strict=True):
            data = read_inside(root / fs_name(name), real_root, max_size)
            numbers = new_line_numbers(old_data, data) if data is not None else None
            if numbers:
                added[name] = numbers
    return added


def scan_diff(settings: Settings, rev: str, cwd: Path | None = None) -> ScanResult:
    """Findings on lines added since the merge base of `rev` and HEAD (working tree side)."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = repo_root(cwd)
    base = merge_base(cwd, rev)
    wanted: dict[str, set[int] | None] = {}
    candidates = []
    changes = added_lines(cwd, root, base, settings.paths, settings.max_file_size)
    for raw, lines in sorted(changes.items()):
        on_disk = root / fs_name(raw)
        display = display_path(root / shown_name(raw), cwd)
        if is_excluded(display, settings.exclude):
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
            result = replace(result, findings=keep)
        results.append(result)
    return collect(results)
