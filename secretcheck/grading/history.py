"""Secrets that past commits added, each reported once, at the commit that introduced it.

This is a deliberately small stand-in for the `secretcheck history` mode (issue 5): grading
depends only on the `HistoryScanner` protocol, so that module replaces `scan_git_history` at
merge. How it works: stream `git log -p -U0 --reverse`, collect each commit's added lines per
file, run the ordinary per-file pipeline over them as one text (dropping SC9xx diagnostics, as
fragments rarely parse), and keep the first commit per (rule, normalized secret). A secret is
`present` when its value still occurs in a file at HEAD, else `removed`.

What it misses: secrets that span lines added by different commits; merge commits' own changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from secretcheck.findings import Finding
from secretcheck.grading.gitsafe import run_git
from secretcheck.grading.model import HistoryFinding
from secretcheck.pipeline import scan_text
from secretcheck.settings import Settings
from secretcheck.sources import DEFAULT_EXCLUDED_DIRS, classify

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_COMMIT_MARK = "\x00"
MAX_COMMITS = 5000


class HistoryScanner(Protocol):
    def __call__(self, root: Path, settings: Settings) -> list[HistoryFinding]: ...


@dataclass(slots=True)
class _Commit:
    sha: str
    author: str
    date: str
    added: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def _skipped(path: str) -> bool:
    return any(part in DEFAULT_EXCLUDED_DIRS for part in path.split("/")[:-1])


def _parse_log(lines: Iterator[str]) -> Iterator[_Commit]:
    commit: _Commit | None = None
    path: str | None = None
    new_line = remaining = 0
    for raw in lines:
        line = raw.rstrip("\n")
        if remaining > 0:  # inside a hunk: exactly `remaining` added lines follow
            if line.startswith("+") and path is not None and commit is not None:
                commit.added.setdefault(path, []).append((new_line, line[1:]))
                new_line += 1
                remaining -= 1
                continue
            if line.startswith("-") or line.startswith("\\"):
                continue
            remaining = 0
        if line.startswith(_COMMIT_MARK):
            if commit is not None:
                yield commit
            sha, author, date = ([*line[1:].split("\x1f"), "", ""])[:3]
            commit, path = _Commit(sha, author, date), None
        elif line.startswith("+++ "):
            target = line[4:].strip().strip('"')
            path = None if target == "/dev/null" else target.removeprefix("b/")
        elif line.startswith("diff --git "):
            path = None
        elif (match := _HUNK.match(line)) is not None:
            new_line = int(match.group(1))
            remaining = int(match.group(2)) if match.group(2) is not None else 1
    if commit is not None:
        yield commit


def _stream_log(root: Path) -> Iterator[str]:
    output = run_git(
        root,
        "log",
        "-p",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--reverse",
        "--no-renames",
        f"--max-count={MAX_COMMITS}",
        "--format=%x00%H%x1f%an%x1f%aI",
        "HEAD",
    )
    yield from output.decode("utf-8", "replace").splitlines()


def _head_texts(root: Path) -> Iterator[str]:
    """The text of every file at HEAD, read in one `git cat-file --batch` call."""
    listing = run_git(root, "ls-tree", "-r", "-z", "HEAD").decode("utf-8", "replace")
    entries = (e.split("\t", 1)[0].split() for e in listing.split("\0") if e)
    oids = sorted({parts[2] for parts in entries if len(parts) == 3 and parts[1] == "blob"})
    if not oids:
        return
    data = run_git(root, "cat-file", "--batch", stdin="\n".join(oids).encode() + b"\n")
    pos = 0
    while pos < len(data):
        header_end = data.index(b"\n", pos)
        header = data[pos:header_end].split()
        size = int(header[2]) if len(header) == 3 else 0
        blob = data[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1  # the blob is followed by a newline
        if b"\0" not in blob[:8192]:
            yield blob.decode("utf-8", "replace")


def _findings_in_commit(commit: _Commit, settings: Settings) -> Iterator[Finding]:
    for path, added in sorted(commit.added.items()):
        if _skipped(path):
            continue
        text = "\n".join(t for _, t in added) + "\n"
        for f in scan_text(text, path, classify(path, text[:200]), settings):
            if f.rule_id.startswith("SC9") or not f.secret:
                continue
            real = added[f.span.line - 1][0]
            span = f.span.__class__(
                real, f.span.column, real + f.span.end_line - f.span.line, f.span.end_column
            )
            yield f.with_changes(span=span, statement=None)


def scan_git_history(root: Path, settings: Settings) -> list[HistoryFinding]:
    """Every secret that any commit reachable from HEAD added, once, oldest commit first."""
    first: dict[tuple[str, str], tuple[int, Finding, _Commit]] = {}
    for order, commit in enumerate(_parse_log(_stream_log(root))):
        for f in _findings_in_commit(commit, settings):
            first.setdefault((f.rule_id, f.secret.strip()), (order, f, commit))
    if not first:
        return []
    head = list(_head_texts(root))
    ordered = sorted(first.items(), key=lambda kv: (kv[1][0], kv[1][1].sort_key(), kv[0][0]))
    out = []
    for (_, secret), (_, f, commit) in ordered:
        status = "present" if any(secret in text for text in head) else "removed"
        out.append(HistoryFinding(f, commit.sha, commit.author, commit.date, status))
    return out
