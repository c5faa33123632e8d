"""The change record: more than one commit, and messages that say what changed and why.

Merges are ignored. A message counts as descriptive with at least three words, some of which go
beyond generic verbs and file names (GitHub's "Update app.py" or "Add files via upload" do not).
Subjects are shown redacted: a pasted key in a message is still a key.
"""

from __future__ import annotations

import re

from secretcheck.gitcmd import run_git
from secretcheck.grading.model import Evidence, Signal
from secretcheck.grading.redaction import redact_message
from secretcheck.grading.submission import Submission

# Words that say nothing about a change, including GitHub's web-editor defaults ("Update
# app.py", "Add files via upload", "Create README.md" once the file name is dropped).
_VAGUE = frozenset(
    [
        "wip",
        "update",
        "updates",
        "updated",
        "fix",
        "fixes",
        "fixed",
        "change",
        "changes",
        "changed",
        "stuff",
        "asdf",
        "commit",
        "misc",
        "minor",
        "tmp",
        "test",
        "done",
        "final",
        "initial",
        "init",
        "save",
        "edits",
        "edit",
        "more",
        "code",
        "files",
        "file",
        "the",
        "some",
        "it",
        "again",
        "work",
        "progress",
        "first",
        "add",
        "added",
        "and",
        "things",
        "version",
        "v2",
        "ok",
        "create",
        "created",
        "via",
        "upload",
        "uploaded",
        "delete",
        "deleted",
        "rename",
        "renamed",
        "refactor",
        "cleanup",
        "new",
    ]
)
_FILE_NAME = re.compile(r"\S+\.[A-Za-z0-9]{1,5}\b")


def _descriptive(subject: str) -> bool:
    """At least three words, and some of them say what changed beyond a verb and a file name."""
    words = [
        w for w in re.findall(r"[A-Za-z0-9']+", _FILE_NAME.sub(" ", subject).lower()) if len(w) < 20
    ]  # a pasted token says nothing
    return len(subject) >= 12 and len(words) >= 3 and not all(w in _VAGUE for w in words)


def commits(sub: Submission, since: str = "") -> list[Signal]:
    """The candidate's change record; `since` (the employer's base) excludes its commits."""
    if not sub.is_git:
        return []
    revs = ("HEAD", f"^{since}") if since else ("HEAD",)
    raw = run_git(
        sub.root, "log", "--no-color", "--no-merges", "--format=%H%x1f%s%x1e", *revs, isolated=True
    )
    entries = [e.strip("\n").split("\x1f", 1) for e in raw.decode("utf-8", "replace").split("\x1e")]
    log = [(e[0], e[1]) for e in entries if len(e) == 2]
    if len(log) <= 1:
        return [
            Signal(
                "single-commit",
                tuple(Evidence(commit=sha, snippet=redact_message(s)) for sha, s in log),
            )
        ]
    out = [
        Signal(
            "multiple-commits",
            (Evidence(commit=log[0][0], snippet=redact_message(log[0][1])),),
            f"{len(log)} commits",
        )
    ]
    good = [(sha, s) for sha, s in log if _descriptive(s)]
    vague = [(sha, s) for sha, s in log if not _descriptive(s)]
    ratio = f"{len(good)}/{len(log)} descriptive"
    if len(good) >= 0.6 * len(log):
        ev = tuple(Evidence(commit=sha, snippet=redact_message(s)[:100]) for sha, s in good[:3])
        out.append(Signal("descriptive-commit-messages", ev, ratio))
    elif len(good) <= 0.3 * len(log):
        ev = tuple(Evidence(commit=sha, snippet=redact_message(s)[:100]) for sha, s in vague[:5])
        out.append(Signal("vague-commit-messages", ev, ratio))
    return out


def test_claims(sub: Submission, since: str = "") -> list[Evidence]:
    """Commits whose subject says tests were written: checked against the tests found, so a
    report never says "no tests" while quoting "wrote unit tests" without saying why."""
    if not sub.is_git:
        return []
    revs = ("HEAD", f"^{since}") if since else ("HEAD",)
    raw = run_git(sub.root, "log", "--no-color", "--no-merges", "-i", "-E",
                  r"--grep=\btests?\b|unit ?tests?|pytest", "--format=%H%x1f%s%x1e",
                  *revs, isolated=True)  # fmt: skip
    entries = [e.strip("\n").split("\x1f", 1) for e in raw.decode("utf-8", "replace").split("\x1e")]
    return [
        Evidence(commit=e[0], snippet=redact_message(e[1])[:100]) for e in entries if len(e) == 2
    ]
