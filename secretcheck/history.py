"""`secretcheck history`: every secret ever committed, with when it came and when it went.

How it works, in one streaming pass over `git log -p -U0 --reverse` (oldest first):

- Each commit's added lines are grouped per file, runs of consecutive lines joined with a blank
  separator line, and scanned by the same `pipeline.scan_text` as a normal scan, then mapped back
  to their real line numbers in that commit's version of the file. Fragments are scanned as text
  (kind "text"): a fragment of a Python file does not parse, so the code-aware (CST) rules, which
  need a whole module, do not run here, and no SC9xx parse diagnostic is produced (any SC9xx
  that still appears is dropped). The text, entropy and keyword detectors all run.
- Fragments go to a process pool with a bounded number of batches in flight, so memory stays
  flat on long histories; the engines' own keyword prefilters skip most lines cheaply.
- Each secret (its value, kept in memory only) is reported once, at the first commit that added
  it. Removed lines are checked for known secrets to find the commit that last removed one.
- Whether a secret is still `present` is decided at the end by reading the tip (HEAD, or every
  ref tip with --all-branches) of each file it was added to, following renames; otherwise it is
  `removed`, with the removing commit and how long it lived.

Merge commits contribute no patch (as in plain `git log -p`): a secret first written while
resolving a conflict is missed.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from secretcheck.baseline import DEFAULT_BASELINE
from secretcheck.findings import Finding, Severity, Span
from secretcheck.gitcmd import FilePatch, repo_root, shown_name
from secretcheck.gitlog import (
    Commit,
    history_pathspecs,
    log_commits,
    ref_tips,
    revisions,
    tip_texts,
)
from secretcheck.pipeline import scan_text_detected
from secretcheck.runner import executor, worker_count
from secretcheck.settings import Settings
from secretcheck.sources import BASELINE_HEADER, decode, display_path, is_excluded

BATCH_SIZE = 64  # fragments a worker scans per task
Fragment = tuple[str, str, tuple[int, ...]]  # display path, text, fragment line -> real line
# One step of the ordered replay: a fragment's findings (removals None) or a commit's removals.
_Step = tuple["Commit", bytes, "list[FilePatch] | None"]


@dataclass(frozen=True, slots=True)
class HistoryFinding:
    finding: Finding  # located in the introducing commit's version of the file
    introduced: Commit
    status: str  # "present" | "removed"
    removed_by: Commit | None = None

    @property
    def lived_seconds(self) -> int | None:
        if self.removed_by is None:
            return None
        return max(0, self.removed_by.timestamp - self.introduced.timestamp)

    def to_dict(self) -> dict[str, Any]:
        data = self.finding.to_dict()
        data.update(
            {
                "commit": self.introduced.sha,
                "author": self.introduced.author,
                "author_email": self.introduced.email,
                "date": self.introduced.date,
                "status": self.status,
                "removed_in": self.removed_by.to_dict() if self.removed_by else None,
                "lived_seconds": self.lived_seconds,
            }
        )
        return data


@dataclass(frozen=True, slots=True)
class HistorySkip:
    commit: str
    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"commit": self.commit, "path": self.path, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class HistoryResult:
    secrets: tuple[HistoryFinding, ...]
    commits_scanned: int
    tips: tuple[str, ...] = ()
    skipped: tuple[HistorySkip, ...] = ()
    # Fragments a detector failed on ("<commit> <path>: <reason>"); they keep the text
    # detectors' findings, and the run exits 3 like a scan with errors.
    errors: tuple[str, ...] = ()

    def active(self) -> tuple[HistoryFinding, ...]:
        return tuple(s for s in self.secrets if not s.finding.suppressed)

    def failing(self, threshold: Severity) -> tuple[HistoryFinding, ...]:
        """Active secrets at or above `threshold` that no baseline accepts."""
        return tuple(
            s
            for s in self.active()
            if s.finding.severity >= threshold and s.finding.baseline != "known"
        )


@dataclass(slots=True)
class _Seen:
    """A secret as the scan goes: first sighting, where it went, who last removed it."""

    finding: Finding
    commit: Commit
    probe: str  # a line of the secret, to spot it in removed lines and in tip files
    paths: set[bytes] = field(default_factory=set)
    removed_by: Commit | None = None


def _fragments(patch: FilePatch) -> tuple[bytes, tuple[int, ...]]:
    """The added lines of one file, runs joined by a blank line, with the line map."""
    chunks: list[bytes] = []
    mapping: list[int] = []
    previous = -1
    for number, text in patch.added:
        if mapping and number != previous + 1:
            chunks.append(b"")
            mapping.append(0)
        chunks.append(text.rstrip(b"\r"))
        mapping.append(number)
        previous = number
    return b"\n".join(chunks) + b"\n", tuple(mapping)


def _looks_like_baseline(patch: FilePatch, known: set[bytes]) -> bool:
    """A version of a file that is, or once was, a baseline (by its header or the default
    name). Such a file is still scanned, with its own hashes made inert (`_inert_hashes`):
    skipping it let a live key hide in any file merely named or headed like a baseline."""
    assert patch.path is not None
    if patch.path in known or patch.path.rsplit(b"/", 1)[-1] == DEFAULT_BASELINE.encode():
        return True
    head = b"\n".join(text for _, text in patch.added[:2])
    if patch.added[0][0] == 1 and head.startswith(BASELINE_HEADER):
        known.add(patch.path)
        return True
    return False


# The fields a baseline writes hex into (baseline.dumps): the salt and each entry's HMAC-SHA256.
_BASELINE_HASH = re.compile(rb'("(?:hash|salt)": ")[0-9a-f]{64}(")')


def _inert_hashes(data: bytes) -> bytes:
    """A baseline's own salt and hashes (random hex that entropy rules flag) replaced by zeros
    of the same length, so columns stay and everything else in the file is scanned as is."""
    return _BASELINE_HASH.sub(lambda m: m.group(1) + b"0" * 64 + m.group(2), data)


def scan_fragments(
    batch: Sequence[Fragment], settings: Settings
) -> list[tuple[list[Finding], str]]:
    """Worker: findings of each fragment, with spans mapped back to real line numbers, and
    why a detector failed on it ("" if none did)."""
    out = []
    for display, text, mapping in batch:
        try:
            detected = scan_text_detected(text, display, "text", settings)
            found = detected.findings
            failed = detected.detail if detected.partial == "internal-error" else ""
        except Exception as exc:  # a detector bug on one fragment must not end a history scan
            found, failed = [], type(exc).__name__
        error = f"internal error ({failed}); please report" if failed else ""
        mapped = []
        for f in found:
            if f.rule_id.startswith("SC9") or not f.secret:
                continue
            line = mapping[f.span.line - 1] if f.span.line <= len(mapping) else 0
            end = mapping[f.span.end_line - 1] if f.span.end_line <= len(mapping) else 0
            if not line:
                continue
            span = Span(line, f.span.column, end or line, f.span.end_column)
            mapped.append(f.with_changes(span=span, statement=None))
        out.append((mapped, f"{display}: {error}" if error else ""))
    return out


class _Tracker:
    """Holds what the stream has seen so far; the only state of a history scan."""

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        self.renames: dict[bytes, set[bytes]] = {}

    def note_removals(self, commit: Commit, patches: Sequence[FilePatch]) -> None:
        for patch in patches:
            if patch.old_path and patch.path and patch.old_path != patch.path:
                self.renames.setdefault(patch.old_path, set()).add(patch.path)
            if not patch.removed or not self.seen:
                continue
            removed = b"\n".join(patch.removed).decode("utf-8", "replace")
            for record in self.seen.values():
                if record.probe in removed:
                    record.removed_by = commit

    def note_findings(self, commit: Commit, raw_path: bytes, findings: Sequence[Finding]) -> None:
        for finding in findings:
            key = "".join(finding.secret.split())
            record = self.seen.get(key)
            if record is None or (record.finding.suppressed and not finding.suppressed):
                # First sighting, or the first one not waved through by an ignore comment.
                probe = max(finding.secret.splitlines() or [finding.secret], key=len).strip()
                paths = record.paths if record else set()
                record = self.seen[key] = _Seen(finding, commit, probe, paths)
            record.paths.add(raw_path)

    def tracked_paths(self, record: _Seen) -> set[bytes]:
        paths, todo = set(record.paths), list(record.paths)
        while todo:
            for target in self.renames.get(todo.pop(), ()):
                if target not in paths:
                    paths.add(target)
                    todo.append(target)
        return paths


class _Replay:
    """Feeds fragments to the pool and replays results and removals in commit order, so a
    removal is only ever checked against secrets that earlier commits added."""

    def __init__(self, pool: Any, settings: Settings, workers: int) -> None:
        self.pool, self.settings, self.window = pool, settings, workers * 4
        self.tracker = _Tracker()
        self.pending: deque[tuple[Future[list[tuple[list[Finding], str]]] | None, list[_Step]]]
        self.pending = deque()
        self.errors: list[str] = []
        self.batch: list[Fragment] = []
        self.steps: list[_Step] = []

    def removals(self, commit: Commit, patches: Sequence[FilePatch]) -> None:
        relevant = [p for p in patches if p.removed or p.old_path != p.path]
        if relevant:
            self.steps.append((commit, b"", relevant))

    def fragment(self, commit: Commit, raw: bytes, fragment: Fragment) -> None:
        self.batch.append(fragment)
        self.steps.append((commit, raw, None))
        if len(self.batch) >= BATCH_SIZE:
            self.flush()
            self.drain(self.window)

    def flush(self) -> None:
        future = self.pool.submit(scan_fragments, self.batch, self.settings) if self.batch else None
        self.pending.append((future, self.steps))
        self.batch, self.steps = [], []

    def drain(self, limit: int = 0) -> None:
        while len(self.pending) > limit:
            future, todo = self.pending.popleft()
            results = iter(future.result() if future is not None else [])
            for commit, raw, removals in todo:
                if removals is not None:
                    self.tracker.note_removals(commit, removals)
                else:
                    found, error = next(results)
                    if error:
                        self.errors.append(f"{commit.sha[:12]} {error}")
                    self.tracker.note_findings(commit, raw, found)


def scan_history(
    settings: Settings,
    since: str | None = None,
    all_branches: bool = False,
    cwd: Path | None = None,
    on_commit: Callable[[int], None] | None = None,
    isolated: bool = False,
) -> HistoryResult:
    """Every secret added by the commits of HEAD (or all refs), back to `since` if given.

    `isolated`: `cwd` is a repository read on its own, such as a graded submission
    (`gitcmd.run_git`)."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = repo_root(cwd, isolated)
    revs = revisions(since, all_branches)
    tips = ref_tips(cwd, all_branches, isolated)
    workers = worker_count(settings)
    commits = 0
    baselines: set[bytes] = set()
    skipped: list[HistorySkip] = []
    shown: dict[bytes, str | None] = {}  # raw path -> display path, None when excluded
    with executor(settings) as pool:
        replay = _Replay(pool, settings, workers)
        pathspecs = history_pathspecs(settings.paths)
        for commit, patches in log_commits(cwd, revs, pathspecs, isolated):
            commits += 1
            replay.removals(commit, patches)
            for patch in patches:
                if patch.path is None or not patch.added or patch.binary:
                    continue
                baseline_like = _looks_like_baseline(patch, baselines)
                if patch.path not in shown:
                    name = display_path(root / shown_name(patch.path), cwd)
                    shown[patch.path] = None if is_excluded(name, settings.exclude) else name
                display = shown[patch.path]
                if display is None:
                    continue
                data, mapping = _fragments(patch)
                if baseline_like:
                    data = _inert_hashes(data)
                if len(data) > settings.max_file_size:
                    limit = f"too-large: {len(data)} added bytes > {settings.max_file_size}"
                    skipped.append(HistorySkip(commit.sha, display, limit))
                    continue
                replay.fragment(commit, patch.path, (display, decode(data)[0], mapping))
            if on_commit is not None:
                on_commit(1)
        replay.flush()
        replay.drain()
    result = _resolve(cwd, replay.tracker, tips, commits, isolated)
    return replace(result, skipped=tuple(skipped), errors=tuple(replay.errors))


def _resolve(
    cwd: Path, tracker: _Tracker, tips: Sequence[str], commits: int, isolated: bool
) -> HistoryResult:
    wanted: dict[str, set[bytes]] = {k: tracker.tracked_paths(r) for k, r in tracker.seen.items()}
    texts = tip_texts(cwd, tips, set().union(*wanted.values()) if wanted else set(), isolated)
    secrets = []
    for key, record in tracker.seen.items():
        present = any(record.probe in t for p in wanted[key] for t in texts.get(p, ()))
        secrets.append(
            HistoryFinding(
                record.finding,
                record.commit,
                "present" if present else "removed",
                None if present else record.removed_by,
            )
        )
    secrets.sort(key=lambda s: (s.introduced.timestamp, s.finding.sort_key()))
    return HistoryResult(tuple(secrets), commits, tuple(tips))
