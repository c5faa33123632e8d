"""What a submission is on disk: a folder, a git repository or an archive unpacked safely.

A submission is only ever read. Archives are unpacked into a private temporary folder that is
deleted afterwards (and at once when the archive is refused). Symlinks are listed, never read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from secretcheck import inputfiles, tomlcompat
from secretcheck.errors import UsageError
from secretcheck.gitcmd import GitError, is_git_root, tracked_files
from secretcheck.grading.archive import ARCHIVE_SUFFIXES, ArchiveLimits, is_archive, unpack_archive
from secretcheck.sources import DEFAULT_EXCLUDED_DIRS

# Folders that are not the candidate's own work: scanned for nothing, but still listed (as
# the folder itself) so hygiene can see that a virtualenv or cache was committed.
VENDORED_DIRS = DEFAULT_EXCLUDED_DIRS | {"site-packages"}


@dataclass(frozen=True, slots=True)
class Submission:
    name: str
    path: str  # as given on the command line
    root: Path
    is_git: bool
    files: tuple[str, ...]  # every file (POSIX, relative); vendored folders listed as "dir/"
    git_problem: str = ""  # a .git folder git could not read: graded as a plain folder

    def scannable(self) -> list[str]:
        return [f for f in self.files if not f.endswith("/") and not _vendored(f)]


def _vendored(rel: str) -> bool:
    return any(
        part in DEFAULT_EXCLUDED_DIRS or part.endswith(".egg-info") for part in rel.split("/")[:-1]
    )


def submission_name(path: Path) -> str:
    name = path.name or path.resolve().name
    for suffix in sorted(ARCHIVE_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def walk_files(root: Path) -> list[str]:
    """Every regular file below `root`; venvs and caches collapse to one `dir/` entry."""
    out: list[str] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        keep = []
        for d in sorted(dirs):
            rel = (here / d).relative_to(root).as_posix()
            if d == ".git" and here == root:
                continue
            if d in VENDORED_DIRS or (here / d / "pyvenv.cfg").exists() or d.endswith(".egg-info"):
                out.append(rel + "/")
            elif not (here / d).is_symlink():
                keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            path = here / name
            if path.is_file() and not path.is_symlink():
                out.append(path.relative_to(root).as_posix())
    return sorted(out)


def _listing(root: Path, is_git: bool) -> tuple[tuple[str, ...], str]:
    """The files to grade, and why git could not list them (then every file is listed)."""
    if not is_git:
        problem = ""
        if (root / ".git").is_dir() and not (root / ".git").is_symlink():
            problem = f"{root.name}/.git is not a readable repository (no valid HEAD commit)"
        return tuple(walk_files(root)), problem
    try:
        tracked = tracked_files(root)
    except GitError as exc:
        return tuple(walk_files(root)), f"git cannot list the files: {exc}"
    return tuple(f for f in tracked if (root / f).is_file() and not (root / f).is_symlink()), ""


def _single_top_folder(folder: Path) -> Path:
    """A zip of `project/` unpacks to one folder: grade that folder, not its parent."""
    entries = [e for e in folder.iterdir() if e.name not in ("__MACOSX",)]
    if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        return entries[0]
    return folder


@contextmanager
def open_submission(path: Path, limits: ArchiveLimits | None = None) -> Iterator[Submission]:
    """Yield the submission at `path`; temporary folders are removed on exit."""
    if not path.exists():
        raise UsageError(f"submission does not exist: {path}")
    temp: str | None = None
    try:
        if is_archive(path):
            temp = tempfile.mkdtemp(prefix="secretcheck-grade-")
            unpack_archive(path, Path(temp), limits)
            root = _single_top_folder(Path(temp))
        elif path.is_dir():
            root = path
        else:
            raise UsageError(f"not a folder or a supported archive: {path}")
        is_git = is_git_root(root)
        files, problem = _listing(root, is_git)
        yield Submission(
            submission_name(path), str(path), root, is_git and not problem, files, problem
        )
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def batch_members(folder: Path) -> list[Path]:
    """The submissions inside a folder of submissions: sub-folders and archives, sorted."""
    if not folder.is_dir():
        raise UsageError(f"--batch needs a folder of submissions: {folder}")
    members = [
        p
        for p in sorted(folder.iterdir())
        if not p.name.startswith(".") and not p.is_symlink() and (p.is_dir() or is_archive(p))
    ]
    if not members:
        raise UsageError(f"no submissions (folders or archives) in {folder}")
    return members


BATCH_CONFIG = ".secretcheck-grade.toml"


def batch_base(folder: Path) -> str | None:
    """`base = "REV"` from a batch folder's `.secretcheck-grade.toml`: the skeleton commit."""
    path = folder / BATCH_CONFIG
    if not path.exists() and not path.is_symlink():
        return None
    try:  # bounded, regular files only (a FIFO here must not hang the batch)
        data = tomlcompat.loads(inputfiles.read_text(path, inputfiles.CONFIG_LIMIT))
    except inputfiles.InputFileError as exc:
        raise UsageError(f"{path}: cannot read batch config: file {exc}") from None
    except (tomlcompat.TOMLDecodeError, RecursionError) as exc:
        raise UsageError(f"{path}: cannot read batch config: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"base"})
    if unknown:
        raise UsageError(f"{path}: key '{unknown[0]}': unknown key (allowed: base)")
    base = data.get("base")
    if base is not None and (not isinstance(base, str) or not base):
        raise UsageError(f"{path}: key 'base': must be a non-empty string")
    return base


MAX_READ = 512 * 1024


def read_text(sub: Submission, rel: str) -> str | None:
    path = sub.root / rel
    if path.is_symlink():
        return None
    try:  # the one bounded reader: regular files only, never blocks on a FIFO
        data = inputfiles.read_bytes(path, MAX_READ)
    except inputfiles.InputFileError:
        return None
    return None if b"\0" in data[:8192] else data.decode("utf-8", "replace")


def basename(rel: str) -> str:
    return PurePosixPath(rel.rstrip("/")).name
