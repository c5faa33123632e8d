"""Only the candidate's work: the employer's skeleton commit ("base") and what it already held.

Many take-home exercises start from the employer's skeleton repository. Its commits, its seed
users and its defaults are not the candidate's: a finding or a credit whose line already exists
at the base, a file unchanged since the base, or a commit reachable from the base is
*inherited*: listed in the report, neither charged nor credited.

The base is given (`grade --base REV`, or `base` in a batch's `.secretcheck-grade.toml`), or
inferred: a leading run of commits by another author than the one who wrote the last commit
(known by email or name), no longer than what follows it, is assumed to be the skeleton, and
the report says so (`--base none` turns the inference off).

What it deliberately misses: a skeleton file the candidate edited keeps its unchanged lines
inherited line by line (by text), so a skeleton secret copied to another file is charged.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from secretcheck import inputfiles
from secretcheck.gitcmd import GitError, run_git
from secretcheck.textindex import split_lines

# A graded file is compared line by line with its base version; scans skip files over 2 MiB.
HEAD_READ_LIMIT = 2 * 1024 * 1024

NO_BASE = "none"


@dataclass(frozen=True, slots=True)
class Base:
    sha: str
    how: str  # "given" | "inferred"
    note: str


def _log(root: Path) -> list[tuple[str, str, str]]:
    """(sha, author email, author name) of first-parent history, oldest first."""
    raw = run_git(
        root, "log", "--first-parent", "--reverse", "--no-color", "--format=%H%x1f%ae%x1f%an",
        "HEAD", isolated=True,
    )  # fmt: skip
    out = []
    for line in raw.decode("utf-8", "replace").splitlines():
        parts = line.split("\x1f")
        if len(parts) == 3:
            out.append((parts[0], parts[1].lower(), parts[2]))
    return out


def infer_base(root: Path) -> Base | None:
    """The last commit of a leading run by another author than the last commit's, if any."""
    log = _log(root)
    if len(log) < 2:
        return None
    # The candidate is whoever wrote the last commit, known by email or by name: one person
    # committing from a laptop and from GitHub's web editor (a noreply address) is one author.
    emails, names = {log[-1][1]}, {log[-1][2].strip().lower()}
    lead = 0
    while lead < len(log) and log[lead][1] not in emails and log[lead][2].lower() not in names:
        lead += 1
    # A skeleton is where the work starts, not most of it: a leading run longer than what
    # follows is more likely the candidate's own work with someone else's last commit (a
    # hiring platform's "submission received") than an employer's skeleton.
    if lead == 0 or lead > len(log) - lead:
        return None
    sha, email, name = log[lead - 1]
    note = (
        f"Assumed the first {lead} commit(s), by {name} <{email}>, are the employer's skeleton "
        f"(base {sha[:10]}): what they hold is listed as inherited, not charged or credited. "
        "Override with --base REV, or --base none to grade every commit."
    )
    return Base(sha, "inferred", note)


def resolve_base(root: Path, requested: str | None) -> Base | None:
    """The base to grade against; raises GitError when a given REV does not exist."""
    if requested == NO_BASE:
        return None
    if requested:
        sha = run_git(root, "rev-parse", "--verify", "-q", "--end-of-options",
                      f"{requested}^{{commit}}", isolated=True).decode().strip()  # fmt: skip
        note = f"Base {requested} ({sha[:10]}) given: what it holds is inherited, not charged."
        return Base(sha, "given", note)
    return infer_base(root)


@dataclass(slots=True)
class Inheritance:
    """Answers "did the base already have this?" for lines, files and commits."""

    root: Path
    base: Base
    _base_blobs: dict[str, str] = field(default_factory=dict)
    _head_blobs: dict[str, str] = field(default_factory=dict)
    _ancestors: set[str] = field(default_factory=set)
    _lines: dict[str, frozenset[str]] = field(default_factory=dict)
    _head_lines: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, base: Base) -> Inheritance:
        out = cls(root, base)
        out._base_blobs = _tree(root, base.sha)
        out._head_blobs = _tree(root, "HEAD")
        revs = run_git(root, "rev-list", base.sha, isolated=True).decode().split()
        out._ancestors = set(revs)
        return out

    def commit(self, sha: str) -> bool:
        return sha in self._ancestors

    def file(self, path: str) -> bool:
        """The file exists at the base with the same content as at HEAD."""
        blob = self._base_blobs.get(path)
        return blob is not None and blob == self._head_blobs.get(path)

    def line(self, path: str, number: int) -> bool:
        """Line `number` of the submitted file also appears, as text, in the base's version."""
        if path not in self._base_blobs:
            return False
        if self.file(path):
            return True
        text = self._head_text(path)
        if not 0 < number <= len(text):
            return False
        return text[number - 1].strip() in self._base_lines(path)

    def _base_lines(self, path: str) -> frozenset[str]:
        if path not in self._lines:
            try:
                blob = run_git(self.root, "cat-file", "blob", self._base_blobs[path], isolated=True)
            except GitError:
                blob = b""
            lines = split_lines(blob.decode("utf-8", "replace"))
            self._lines[path] = frozenset(x.strip() for x in lines if x.strip())
        return self._lines[path]

    def _head_text(self, path: str) -> list[str]:
        if path not in self._head_lines:
            data = b""
            if not (self.root / path).is_symlink():
                with contextlib.suppress(inputfiles.InputFileError):
                    # The one bounded reader (regular files only, no FIFO wait), capped
                    # like a scanned file.
                    data = inputfiles.read_head(self.root / path, HEAD_READ_LIMIT)
            # Numbered as findings number lines (\n, \r\n and \r end a line): the one
            # line-numbering function.
            self._head_lines[path] = split_lines(data.decode("utf-8", "replace"))
        return self._head_lines[path]


def _tree(root: Path, rev: str) -> dict[str, str]:
    raw = run_git(root, "ls-tree", "-r", "-z", "--full-tree", rev, isolated=True)
    out = {}
    for entry in raw.split(b"\0"):
        if b"\t" not in entry:
            continue
        meta, name = entry.split(b"\t", 1)
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            out[name.decode("utf-8", "surrogateescape")] = parts[2].decode()
    return out
