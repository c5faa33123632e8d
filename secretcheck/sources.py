"""Which files a scan reads, and how each one is read and classified.

Inside a git work tree the file list is what git tracks plus the untracked files it does not
ignore, so `.gitignore` is honoured without re-implementing it. Elsewhere the tree is walked with
the excludes every peer tool ships (VCS folders, virtualenvs, node_modules, caches). Nothing is
dropped silently: binary, oversized and out-of-root files come back as `Skipped` with a reason.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from secretcheck.errors import UsageError
from secretcheck.findings import Skipped

DEFAULT_EXCLUDED_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".bzr", "node_modules", "__pycache__", ".mypy_cache",
        ".pytest_cache", ".ruff_cache", ".tox", ".nox", ".eggs", ".venv", "venv",
        ".hypothesis", ".secretcheck_cache", ".idea", ".vscode",
    }
)  # fmt: skip
PYTHON_SUFFIXES = (".py", ".pyi", ".pyw")
SNIFF_BYTES = 8192
# How every secretcheck baseline file begins (written by baseline.py, which imports this).
BASELINE_HEADER = b'{\n  "format": "secretcheck-baseline"'


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to scan: where it is on disk and how reports name it."""

    path: str
    display: str
    explicit: bool = False
    # The scan root (resolved) a discovered file must still lie in when it is read; "" for a
    # file named on the command line, which is read wherever it points.
    root: str = ""


@dataclass(frozen=True, slots=True)
class SourceText:
    display: str
    text: str
    kind: str  # "python" | "text"
    encoding: str


def display_path(path: Path, cwd: Path) -> str:
    """POSIX path relative to the current directory when inside it, else absolute."""
    text = os.path.abspath(path)
    base = str(cwd)
    # By string: a Path and a relative_to per file were a fifth of discovering 15k files.
    # Both sides normalized (abspath), a path is inside `cwd` exactly when it starts with
    # `cwd/`, and then the rest is its relative path; outside, Path(text).as_posix() is text.
    if base not in ("/", "//") and base == os.path.abspath(base):
        if text.startswith(base + "/"):
            return text[len(base) + 1 :]
        if text != base:
            return text
    absolute = Path(text)
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return absolute.as_posix()


def is_excluded(display: str, patterns: Iterable[str]) -> bool:
    """Gitignore-flavoured globs: a pattern matches the path or any of its parent folders."""
    patterns = tuple(patterns)
    if not patterns:  # the usual case: discovery asks twice for each of ~15k files
        return False
    matches = _glob_matcher(patterns)
    posix = PurePosixPath(display)
    if matches(posix.as_posix()) or matches(posix.name):
        return True
    return _folder_excluded(str(posix.parent), patterns)


@functools.lru_cache(maxsize=4096)
def _folder_excluded(folder: str, patterns: tuple[str, ...]) -> bool:
    """Does a pattern match `folder` or one of its parents (by path or by name)? Asked once
    per folder: a path object for each parent of each file was ~5% of a flask+werkzeug scan
    (its displays are absolute, ~9 parents deep, and a config's `per-file-ignores` and
    excludes ask for every file)."""
    matches = _glob_matcher(patterns)
    path = PurePosixPath(folder)
    folders = [f for f in (path, *path.parents) if str(f) != "."]
    return any(matches(f.as_posix()) or matches(f.name) for f in folders)


@functools.lru_cache(maxsize=32)
def _glob_matcher(patterns: tuple[str, ...]) -> Callable[[str], object]:
    """One regex for a whole pattern list (fnmatch's own translation of each): asking fnmatch
    pattern by pattern, part by part, made a project's excludes cost ~1 ms a file."""
    globs = (p.rstrip("/").removeprefix("./") for p in patterns)  # "./build/" means "build"
    return re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)).match


LISTING_TIMEOUT = 30  # seconds; ls-files on a 400k-file tree takes a few


def _git_files(root: Path) -> list[str] | None:
    """Tracked plus untracked-but-not-ignored files below `root`, or None outside git (or when
    git names a work tree that does not hold `root`: the folder is then walked)."""
    # Imported here: a scan of the files a hook names lists no folder and runs no git.
    from secretcheck.gitcmd import PROBE_TIMEOUT, GitError, run_git

    try:
        top = run_git(root, "rev-parse", "--show-toplevel", timeout=PROBE_TIMEOUT)
        if not root.resolve().is_relative_to(Path(os.fsdecode(top.rstrip(b"\n"))).resolve()):
            return None
        # Bounded well inside a minute: a FIFO named `.gitignore` in the work tree (which only a
        # full walk could find beforehand) holds git until the timeout; the walk then lists the
        # files instead, so nothing is lost.
        listing = run_git(
            root, "ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--", ".",
            timeout=LISTING_TIMEOUT,
        )  # fmt: skip
    except GitError:
        return None
    names: set[str] = set()
    venvs: dict[Path, bool] = {}
    for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
        tag, _, name = entry.partition(" ")
        # Untracked files get the walk's default excludes too: a virtualenv or node_modules
        # that nobody added to .gitignore is still not the project's code.
        if name and not (tag == "?" and _in_default_excluded_dir(root, name, venvs)):
            names.add(name)
    return sorted(names)


def _excluded_dir(folder: Path, venvs: dict[Path, bool]) -> bool:
    if folder.name in DEFAULT_EXCLUDED_DIRS or folder.name.endswith(".egg-info"):
        return True
    if folder not in venvs:  # the same markers the walk honours
        venvs[folder] = _marked(folder)
    return venvs[folder]


def _marked(folder: Path) -> bool:
    """A virtualenv or a tool cache. An unreadable folder is not (the walk reports it)."""
    try:
        return (folder / "pyvenv.cfg").exists() or (folder / "CACHEDIR.TAG").exists()
    except OSError:
        return False


def _in_default_excluded_dir(root: Path, name: str, venvs: dict[Path, bool]) -> bool:
    parents = PurePosixPath(name).parents
    return any(_excluded_dir(root / p, venvs) for p in parents if str(p) != ".")


def _folder_inside(folder: Path, real_root: Path, seen: dict[Path, bool]) -> bool:
    """Whether `folder` resolves inside the scan root, once per folder."""
    if folder not in seen:
        try:
            seen[folder] = folder.resolve().is_relative_to(real_root)
        except (OSError, RuntimeError):  # a loop or an unreadable link: not inside
            seen[folder] = False
    return seen[folder]


def _walk_files(root: Path, unreadable: list[Skipped] | None = None) -> Iterator[str]:
    """Files below `root`, as POSIX paths relative to it. A folder that cannot be listed is
    added to `unreadable` (os.walk would otherwise pass over it in silence)."""

    def failed(exc: OSError) -> None:
        if unreadable is not None and exc.filename:
            where = Path(os.fsdecode(exc.filename))
            shown = where.relative_to(root).as_posix() if where != root else "."
            unreadable.append(Skipped(shown + "/", "unreadable", exc.strerror or "cannot list"))

    for folder, dirs, files in os.walk(root, onerror=failed, followlinks=False):
        here = Path(folder)
        # The folder's relative path once, then plain joins: a Path and a relative_to per file
        # was a third of discovering 15k files. os.walk's names never hold a slash.
        relative = here.relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        dirs[:] = sorted(
            d for d in dirs
            if d not in DEFAULT_EXCLUDED_DIRS
            and not d.endswith(".egg-info")
            and not _marked(here / d)
        )  # fmt: skip
        for name in dirs:
            if (here / name).is_symlink():  # never descended into; `discover` says why
                yield prefix + name
        for name in sorted(files):
            yield prefix + name


def discover(
    paths: Iterable[str],
    exclude: Iterable[str],
    cwd: Path | None = None,
    force_exclude: bool = False,
) -> tuple[list[Candidate], list[Skipped]]:
    """Expand the command-line paths into files to scan and files skipped on purpose.

    A file named explicitly is always scanned, unless `force_exclude` (pre-commit passes every
    staged file by name, and a configured exclude must still hold there).
    """
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    excludes = tuple(exclude)
    found: dict[str, Candidate] = {}
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"path does not exist: {raw}")
        if not path.is_dir():
            shown = display_path(path, cwd)
            if force_exclude and is_excluded(shown, excludes):
                continue
            if not path.is_file():  # a FIFO would block the read; a dangling link has nothing
                skipped.append(Skipped(shown, "not-a-file", "not a regular file"))
                continue
            found.setdefault(shown, Candidate(str(path), shown, explicit=True))
            continue
        root = Path(os.path.abspath(path))
        real_root = root.resolve()
        names = _git_files(root)
        unreadable: list[Skipped] = []
        folders: dict[Path, bool] = {}
        for name in names if names is not None else _walk_files(root, unreadable):
            file_path = root / name
            shown = display_path(file_path, cwd)
            if shown in found or is_excluded(shown, excludes) or is_excluded(name, excludes):
                continue
            if not _folder_inside(file_path.parent, real_root, folders):
                # git still lists `dir/file` when a tracked `dir` became a link out of the root
                skipped.append(Skipped(shown, "symlink-outside-root", "a parent folder links out"))
                continue
            kind = _kind(file_path, real_root)
            if kind == "file":
                found[shown] = Candidate(str(file_path), shown, root=str(real_root))
            elif kind:
                skipped.append(Skipped(shown, *_SKIP_REASONS[kind]))
        skipped.extend(unreadable)
    return sorted(found.values(), key=lambda c: c.display), skipped


_SKIP_REASONS = {
    "outside": ("symlink-outside-root", ""),
    "symlink": ("symlink", "target is inside the scan root"),
    "loop": ("symlink-loop", "a symlink that never reaches a file"),
    "unreadable": ("unreadable", "permission denied"),
}


def _kind(file_path: Path, real_root: Path) -> str:
    """What a listed name is: "file" to scan, a `_SKIP_REASONS` key, or "" to pass over in
    silence (submodules, deleted-but-tracked files, sockets, unreadable entries)."""
    try:
        if file_path.is_symlink():
            target = file_path.resolve(strict=True)
            if not target.is_relative_to(real_root):
                return "outside"
            if target.is_file():  # the target is scanned under its own name
                return "symlink"
        return "file" if file_path.is_file() else ""
    except RuntimeError:  # Python < 3.13: a symlink loop in resolve()
        return "loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "loop"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "unreadable"
        if exc.errno == errno.ENOENT and os.path.islink(file_path):  # a dangling link
            return "" if _inside(file_path, real_root) else "outside"
        return ""


def _inside(path: Path, real_root: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(real_root)


def classify(display: str, head: str) -> str:
    if display.endswith(PYTHON_SUFFIXES):
        return "python"
    first = head.split("\n", 1)[0]
    if first.startswith("#!") and "python" in first:
        return "python"
    return "text"


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used. Never raises: latin-1 maps every byte to a character."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _is_canonical_baseline(text: str) -> bool:
    """True only for a file that is exactly what `baseline create` writes: a header alone would
    let any file hide a secret behind `{"format": "secretcheck-baseline"`, and extra keys or
    hand-added text could carry one, so anything else is scanned like other text."""
    from secretcheck import baseline  # a cheap module; imported late to keep sources light

    try:
        return baseline.dumps(baseline.loads(text)) == text
    except baseline.BaselineError:
        return False


def source_from_bytes(display: str, data: bytes, max_size: int) -> SourceText | Skipped:
    """Classify one file's bytes, wherever they came from (disk, the git index, a commit)."""
    if len(data) > max_size:
        return Skipped(display, "too-large", f"{len(data)} bytes > limit {max_size}")
    head = data[:SNIFF_BYTES]
    if b"\0" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Skipped(display, "binary", "NUL byte in the first 8 KiB")
    text, encoding = decode(data)
    if data.startswith(BASELINE_HEADER) and _is_canonical_baseline(text):
        # Its salted hashes read as high-entropy strings; it holds no secret by construction.
        return Skipped(display, "baseline-file", "a secretcheck baseline")
    return SourceText(display, text, classify(display, text[:200]), encoding)


def read_source(candidate: Candidate, max_size: int) -> SourceText | Skipped:
    """Read one file, or say why it is skipped. OSError propagates to the caller.

    The file may have changed since discovery. It is opened without blocking (a FIFO would
    wait forever for a writer) and, when discovered rather than named, without following a
    final symlink; the open file must be a regular file inside the scan root. It is read in
    chunks up to the cap plus one byte, so a huge `max-file-size` allocates nothing up front.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if not candidate.explicit:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(candidate.path, flags)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO):  # now a symlink, or a socket
            return Skipped(candidate.display, "not-a-file", "changed since discovery")
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Skipped(candidate.display, "not-a-file", "not a regular file")
        if candidate.root and not _fd_inside(fd, candidate.path, candidate.root):
            return Skipped(candidate.display, "symlink-outside-root", "changed since discovery")
        if info.st_size > max_size:
            return Skipped(
                candidate.display, "too-large", f"{info.st_size} bytes > limit {max_size}"
            )
        data = _read_capped(fd, max_size + 1)  # one byte more: a file that grew while we looked
    finally:
        os.close(fd)
    return source_from_bytes(candidate.display, data, max_size)


def _fd_inside(fd: int, path: str, root: str) -> bool:
    """Whether the open file lies below `root`: through /proc on Linux (the file actually
    opened), else the path as it resolves now."""
    where = f"/proc/self/fd/{fd}"
    real = os.readlink(where) if os.path.islink(where) else os.path.realpath(path)
    return Path(real).is_relative_to(root)


def _read_capped(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
