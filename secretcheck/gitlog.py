"""The commit stream behind `secretcheck history`: one `git log -p -U0 --reverse` process,
read line by line (memory stays flat however long the history), plus the ref tips whose trees
decide whether a secret is still present.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from secretcheck.gitcmd import (
    GIT_TIMEOUT,
    PATCH_OPTIONS,
    FilePatch,
    GitError,
    parse_patch,
    read_blobs,
    repo_root,
    run_git,
    shown_name,
    start_git,
)
from secretcheck.sources import decode

COMMIT_MARK = b"\x01"
LOG_FORMAT = "--format=%x01%H%x00%an%x00%ae%x00%aI%x00%at"


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    author: str
    email: str
    date: str  # ISO 8601 author date
    timestamp: int

    def to_dict(self) -> dict[str, str]:
        return {"commit": self.sha, "author": self.author, "email": self.email, "date": self.date}


def revisions(since: str | None, all_branches: bool) -> list[str]:
    if since and since.startswith("-"):
        raise GitError(f"not a revision: {since!r}")
    revs = ["--all"] if all_branches else ["HEAD"]
    if since:
        revs.append(f"^{since}")
    return revs


def parse_commit(header: bytes) -> Commit:
    sha, name, email, date, stamp = header[1:].rstrip(b"\n").split(b"\0")[:5]
    return Commit(
        sha.decode(), shown_name(name), shown_name(email), date.decode(), int(stamp or b"0")
    )


def log_commits(
    cwd: Path, revs: Sequence[str], pathspecs: Sequence[str], isolated: bool = False
) -> Iterator[tuple[Commit, list[FilePatch]]]:
    """Stream (commit, file patches) oldest first from one `git log -p` process."""
    args = ("log", "-p", *PATCH_OPTIONS, "--no-show-signature", "-M", "--reverse", LOG_FORMAT,
            *revs, "--", *pathspecs)  # fmt: skip
    # stderr goes to a file, not a pipe: a pipe nobody reads could fill and stall git.
    with tempfile.TemporaryFile() as errors:
        proc = start_git(cwd, *args, stderr=errors, isolated=isolated)
        with proc:
            assert proc.stdout is not None
            commit: Commit | None = None
            body: list[bytes] = []
            for line in proc.stdout:
                if line.startswith(COMMIT_MARK):
                    if commit is not None:
                        yield commit, list(parse_patch(body))
                    commit, body = parse_commit(line), []
                else:
                    body.append(line)
            if commit is not None:
                yield commit, list(parse_patch(body))
            if proc.wait(timeout=GIT_TIMEOUT) != 0:
                errors.seek(0)
                reason = errors.read().decode("utf-8", "replace").strip().splitlines()
                raise GitError(f"git log failed: {reason[0] if reason else proc.returncode}")


def history_pathspecs(paths: Sequence[str]) -> list[str]:
    """No PATHS (or just ".") means the whole repository, from any folder inside it."""
    return [p for p in paths if p != "."]


def count_commits(cwd: Path, since: str | None, all_branches: bool, paths: Sequence[str]) -> int:
    revs = revisions(since, all_branches)
    repo_root(cwd)  # the short probe first: a repository whose config never loads fails fast
    out = run_git(cwd, "rev-list", "--count", *revs, "--", *history_pathspecs(paths))
    return int(out.strip() or b"0")


def tip_texts(
    cwd: Path, tips: Sequence[str], wanted: set[bytes], isolated: bool = False
) -> dict[bytes, list[str]]:
    """Path -> the texts of that path at each tip that has it."""
    ids: dict[str, bytes] = {}
    for tip in tips:
        listing = run_git(cwd, "ls-tree", "-r", "-z", "--full-tree", tip, isolated=isolated)
        for row in listing.split(b"\0"):
            meta, _, path = row.partition(b"\t")
            parts = meta.split()
            if path in wanted and len(parts) == 3 and parts[1] == b"blob":
                ids[parts[2].decode()] = path
    texts: dict[bytes, list[str]] = {}
    order = sorted(ids)
    for blob, data in zip(order, read_blobs(cwd, order, isolated), strict=True):
        texts.setdefault(ids[blob], []).append(decode(data)[0])
    return texts


def ref_tips(cwd: Path, all_branches: bool, isolated: bool = False) -> list[str]:
    if not all_branches:
        try:
            head = run_git(cwd, "rev-parse", "--verify", "HEAD^{commit}", isolated=isolated)
        except GitError:
            raise GitError("the repository has no commits yet") from None
        return [head.decode().strip()]
    out = run_git(cwd, "rev-list", "--no-walk", "--all", isolated=isolated)
    return sorted({line for line in out.decode().split() if line})
