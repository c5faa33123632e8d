"""Run read-only git commands on an untrusted repository without running anything from it.

A repository's own `.git/config` and `.gitattributes` can name programs (fsmonitor, hooks,
external diff, textconv drivers, pagers). Command-line `-c` settings win over the repository's
config, and the diff options below turn drivers off, so only git itself runs. System and global
config are ignored; discovery never climbs above the submission; nothing is fetched.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from secretcheck.errors import SecretcheckError

_OVERRIDES = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "diff.external=",
    "-c",
    "core.pager=cat",
    "-c",
    "core.quotePath=false",
    "-c",
    "protocol.allow=never",
    "-c",
    "safe.directory=*",
    "-c",
    "diff.noprefix=false",
    "-c",
    "diff.mnemonicPrefix=false",
    "-c",
    "log.showSignature=false",
    "-c",
    "core.untrackedCache=false",
)


class GitError(SecretcheckError):
    """A git command on a submission failed."""


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_TERMINAL_PROMPT="0",
        GIT_PAGER="cat",
        GIT_OPTIONAL_LOCKS="0",
        GIT_NO_LAZY_FETCH="1",
        GIT_ATTR_NOSYSTEM="1",
        GIT_CEILING_DIRECTORIES=str(root.resolve().parent),
        LC_ALL="C",
    )
    return env


def run_git(root: Path, *args: str, timeout: float = 300, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *_OVERRIDES, "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            env=_env(root),
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"{root}: git {args[0]} failed: {type(exc).__name__}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise GitError(f"{root}: git {args[0]} failed: {' '.join(message)}")
    return done.stdout


def is_git_root(root: Path) -> bool:
    """True when `root` itself is the top of a repository with a `.git` folder and a HEAD."""
    if not (root / ".git").is_dir() or (root / ".git").is_symlink():
        return False
    try:
        top = run_git(root, "rev-parse", "--show-toplevel").decode("utf-8", "replace").strip()
        run_git(root, "rev-parse", "--verify", "-q", "HEAD")
    except GitError:
        return False
    return Path(top).resolve() == root.resolve()


def tracked_files(root: Path) -> list[str]:
    names = run_git(root, "ls-files", "-z").decode("utf-8", "surrogateescape").split("\0")
    return sorted(n for n in names if n)
