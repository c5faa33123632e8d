"""Files git reads that could hold it forever: checked before any git call.

git opens its own files with a plain `open()`, which on a FIFO waits for a writer that never
comes: a FIFO planted as `.git/info/exclude`, `.git/index`, a loose ref, or the file a
repository's config names in `core.excludesFile` or `include.path` holds `git ls-files` (and
every other call) until its timeout. Such files cannot arrive through a clone (git stores no
FIFOs), only in a folder or archive built by hand, so the answer is to refuse that repository
up front with a clear reason, not to guess which reads git will make.

What is checked, with `lstat` only (nothing is opened but regular config files): every entry of
the git folder (a link is followed to see what git would open), and the files named by
`include.path`, `includeIf.*.path` and `core.excludesFile` in the repository's own config files,
recursively. The user's own global config is theirs and not checked. Work-tree `.gitignore`
files are not checked here (git reads those of every folder it lists).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from secretcheck.errors import SecretcheckError
from secretcheck.inputfiles import InputFileError, read_head

__all__ = ["SpecialFileError", "find_git_dir", "refuse_special_files"]

_SECTION = re.compile(r"^\s*\[\s*([A-Za-z0-9.-]+)")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*?)\s*$")
_MAX_INCLUDE_DEPTH = 10  # git's own limit
_MAX_CONFIG_BYTES = 1 << 20


class SpecialFileError(SecretcheckError):
    """A file git would read is a FIFO, a device or a socket."""


def find_git_dir(cwd: Path, isolated: bool) -> Path | None:
    """The git folder git would use from `cwd` (`GIT_DIR`, a `.git` folder or `gitdir:` file
    in `cwd` or, unless `isolated`, a parent), or None."""
    if not isolated and os.environ.get("GIT_DIR"):
        return Path(os.environ["GIT_DIR"])
    for folder in (cwd, *(() if isolated else cwd.resolve().parents)):
        dot_git = folder / ".git"
        try:
            mode = os.lstat(dot_git).st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            return dot_git
        if stat.S_ISREG(mode):
            text = _read_small(dot_git)
            if text.startswith("gitdir:"):
                return (folder / text[7:].strip()).resolve()
        return dot_git  # anything else: checked (and refused) below
    return None


def _kind(mode: int) -> str | None:
    """None for what git can read safely, else what the file is."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return (
        "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or (stat.S_ISBLK(mode))
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )


def _check(path: Path, why: str) -> None:
    try:
        mode = os.stat(path).st_mode  # follows a link: what git would open
    except OSError:
        return  # missing or a broken link: git skips it or fails on its own, fast
    kind = _kind(mode)
    if kind is not None and str(path) != os.devnull:
        raise SpecialFileError(
            f"{path} ({why}) is {kind}, not a regular file: git would wait on it; "
            "refusing to run git in this repository"
        )


def _walk(git_dir: Path) -> None:
    _check(git_dir, "the git folder")
    stack = [git_dir]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif not entry.is_file(follow_symlinks=False):
                _check(Path(entry.path), "in the git folder")


def _read_small(path: Path) -> str:
    # The one bounded reader: a file swapped for a FIFO after its check cannot block here.
    try:
        return read_head(path, _MAX_CONFIG_BYTES).decode("utf-8", "replace")
    except InputFileError:
        return ""


def _named_files(config: Path) -> list[tuple[Path, str]]:
    """(path, key) for each include and excludes file a config file names."""
    named: list[tuple[Path, str]] = []
    section = ""
    for line in _read_small(config).splitlines():
        head = _SECTION.match(line)
        if head:
            section = head.group(1).lower()
            line = line[line.find("]") + 1 :]
        pair = _KEY_VALUE.match(line)
        if not pair:
            continue
        key, value = pair.group(1).lower(), pair.group(2).split(" #")[0].split(" ;")[0]
        value = value.strip().strip('"')
        wanted = (section in ("include", "includeif") and key == "path") or (
            section == "core" and key == "excludesfile"
        )
        if wanted and value:
            path = Path(os.path.expanduser(value))
            named.append((path if path.is_absolute() else config.parent / path, key))
    return named


def refuse_special_files(git_dir: Path) -> None:
    """Raise SpecialFileError when a file git reads in `git_dir`, or one its config names, is
    not a regular file (see the module docstring)."""
    _walk(git_dir)
    pending = [(git_dir / "config", 0), (git_dir / "config.worktree", 0)]
    seen: set[Path] = set()
    while pending:
        config, depth = pending.pop()
        if config in seen or depth > _MAX_INCLUDE_DEPTH:
            continue
        seen.add(config)
        for path, key in _named_files(config):
            _check(path, f"named by {key} in {config.name}")
            if key == "path" and path.is_file():
                pending.append((path, depth + 1))
