"""Scans driven by git: the index (`--staged`) and the lines added since a revision (`--diff`).

Every git call is an argument list (never a shell) with explicit options that override user
config that would change the output we parse (`--no-color`, `--no-ext-diff`, `--no-textconv`,
fixed `a/`/`b/` prefixes, `core.quotePath`). Paths travel as bytes and are decoded with
surrogateescape for opening and with backslash escapes for display, so non-UTF-8 names neither
crash a scan nor reach a report as unprintable text.

- `--staged` reads the staged blobs (`git diff --cached --raw` gives their ids, `git cat-file
  --batch` their bytes), so unstaged edits in the working tree can neither hide nor add findings.
- `--diff REV` scans each changed file whole (line numbers are real, Python files parse) and
  keeps the findings that touch a line added since `git merge-base REV HEAD`, the same base a
  pull request diff uses. Untracked, not ignored files count as wholly added.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from secretcheck.errors import SecretcheckError
from secretcheck.findings import FileResult, ScanError, ScanResult, Skipped
from secretcheck.pipeline import scan_text
from secretcheck.settings import Settings
from secretcheck.sources import SNIFF_BYTES, Candidate, classify, decode, display_path, is_excluded

GIT_TIMEOUT = 600
# Options that pin the patch format whatever the user's git config says.
PATCH_OPTIONS = (
    "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "-U0",
)  # fmt: skip
_HUNK = re.compile(rb"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {
    ord("a"): 7, ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("v"): 11, ord("f"): 12,
    ord("r"): 13, ord('"'): 34, ord("\\"): 92,
}  # fmt: skip
BASELINE_HEADER = b'{\n  "format": "secretcheck-baseline"'


class GitError(SecretcheckError):
    """git is missing, this is not a repository, or a revision does not exist."""


def run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", "-c", "core.quotePath=true", *args],
            cwd=cwd, input=stdin, capture_output=True, check=False, timeout=GIT_TIMEOUT,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {reason[0] if reason else done.returncode}")
    return done.stdout


def repo_root(cwd: Path) -> Path:
    out = run_git(cwd, "rev-parse", "--show-toplevel")
    return Path(os.fsdecode(out.rstrip(b"\n")))


def fs_name(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def shown_name(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


def unquote(raw: bytes) -> bytes:
    """A path as git prints it in patch headers: C-quoted when it holds unusual bytes."""
    if not raw.startswith(b'"') or not raw.endswith(b'"') or len(raw) < 2:
        return raw
    body, out, i = raw[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i]
        if char == 92 and i + 1 < len(body):  # backslash
            nxt = body[i + 1]
            if 48 <= nxt <= 55 and i + 3 < len(body) + 1:
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(char)
        i += 1
    return bytes(out)


def _strip_prefix(raw: bytes) -> bytes | None:
    name = unquote(raw.rstrip(b"\r\n"))
    if name == b"/dev/null":
        return None
    return name[2:] if name[:2] in (b"a/", b"b/") else name


@dataclass(slots=True)
class FilePatch:
    """What one file's part of a `-U0` patch adds and removes."""

    path: bytes | None  # the new path; None when the file was deleted
    old_path: bytes | None = None
    added: list[tuple[int, bytes]] = field(default_factory=list)  # (line in new file, text)
    removed: list[bytes] = field(default_factory=list)
    binary: bool = False


def parse_patch(lines: Iterable[bytes]) -> Iterator[FilePatch]:
    """File patches from the lines of `git diff/log -p -U0` output (no commit headers).

    Hunk bodies are consumed by the counts in their `@@` header, so a removed line whose
    text starts with `-- ` is never mistaken for a `---` file header.
    """
    current: FilePatch | None = None
    old_left = new_left = 0
    line_no = 0
    for line in lines:
        if old_left or new_left:
            if line.startswith(b"+") and new_left:
                current.added.append((line_no, line[1:].rstrip(b"\n")))  # type: ignore[union-attr]
                line_no += 1
                new_left -= 1
            elif line.startswith(b"-") and old_left:
                current.removed.append(line[1:].rstrip(b"\n"))  # type: ignore[union-attr]
                old_left -= 1
            continue  # "\ No newline at end of file" and the like
        if line.startswith(b"diff --git "):
            if current is not None:
                yield current
            current = FilePatch(path=None)
        elif current is None:
            continue
        elif line.startswith(b"--- "):
            current.old_path = _strip_prefix(line[4:])
        elif line.startswith(b"+++ "):
            current.path = _strip_prefix(line[4:])
        elif line.startswith(b"rename from "):
            current.old_path = unquote(line[12:].rstrip(b"\n"))
        elif line.startswith(b"rename to "):
            current.path = unquote(line[10:].rstrip(b"\n"))
        elif line.startswith(b"Binary files ") or line.startswith(b"GIT binary patch"):
            current.binary = True
        elif line.startswith(b"@@ "):
            match = _HUNK.match(line)
            if match:
                old_left = int(match.group(1)) if match.group(1) is not None else 1
                new_left = int(match.group(3)) if match.group(3) is not None else 1
                line_no = int(match.group(2))
        elif line.startswith((b"new file mode", b"index ", b"similarity", b"old mode")):
            continue
    if current is not None:
        yield current


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


def read_blobs(cwd: Path, ids: Sequence[str]) -> list[bytes]:
    """Contents of the blobs `ids`, in order, from one `git cat-file --batch`."""
    if not ids:
        return []
    out = run_git(cwd, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ids).encode())
    contents, pos = [], 0
    for _ in ids:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) != 3:
            raise GitError(f"git cat-file: unexpected reply for object {header[:1]!r}")
        size = int(header[2])
        contents.append(out[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return contents


def scan_blob(item: tuple[str, bytes], settings: Settings) -> FileResult:
    """Scan one file's bytes as `scan_candidate` scans a file on disk."""
    display, data = item
    if len(data) > settings.max_file_size:
        size = f"{len(data)} bytes > limit {settings.max_file_size}"
        return FileResult(display, skipped=Skipped(display, "too-large", size))
    head = data[:SNIFF_BYTES]
    if b"\0" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileResult(
            display, skipped=Skipped(display, "binary", "NUL byte in the first 8 KiB")
        )
    if data.startswith(BASELINE_HEADER):
        return FileResult(
            display, skipped=Skipped(display, "baseline-file", "a secretcheck baseline")
        )
    text, _ = decode(data)
    try:
        findings = scan_text(text, display, classify(display, text[:200]), settings)
    except Exception as exc:  # as in scan_candidate: one detector bug must not end the run
        error = ScanError(display, f"internal error ({type(exc).__name__}); please report")
        return FileResult(display, error=error)
    return FileResult(display, tuple(findings), lines=text.count("\n") + 1)


def scan_blobs(items: Sequence[tuple[str, bytes]], settings: Settings) -> list[FileResult]:
    from secretcheck.api import POOL_THRESHOLD, _worker_count

    work = partial(scan_blob, settings=settings)
    workers = _worker_count(settings, len(items))
    if workers == 1 or len(items) < POOL_THRESHOLD:
        return [work(i) for i in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, items, chunksize=max(1, len(items) // (workers * 8))))


def scan_staged(settings: Settings, cwd: Path | None = None) -> tuple[ScanResult, list[str]]:
    """Scan the index version of the staged files under `settings.paths`."""
    from secretcheck.api import collect

    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = repo_root(cwd)
    staged = _staged_blobs(cwd, settings.paths)
    kept = []
    for path, blob in staged:
        display = display_path(root / shown_name(path), cwd)
        if not is_excluded(display, settings.exclude):
            kept.append((display, blob))
    contents = read_blobs(cwd, [b for _, b in kept])
    items = [(d, data) for (d, _), data in zip(kept, contents, strict=True)]
    result = collect(scan_blobs(items, settings))
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


def added_lines(cwd: Path, base: str, pathspecs: Sequence[str]) -> dict[bytes, set[int] | None]:
    """Repo-relative path -> the line numbers added since `base` (None: the whole file)."""
    out = run_git(cwd, "diff", *PATCH_OPTIONS, "-M", base, "--", *pathspecs)
    added: dict[bytes, set[int] | None] = {}
    for patch in parse_patch(out.splitlines(keepends=True)):
        if patch.path is not None and patch.added:
            lines = added.setdefault(patch.path, set())
            assert lines is not None
            lines.update(n for n, _ in patch.added)
    untracked = run_git(cwd, "ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)
    prefix = run_git(cwd, "rev-parse", "--show-prefix").rstrip(b"\n")
    for name in untracked.split(b"\0"):
        if name:
            added[prefix + name] = None
    return added


def scan_diff(settings: Settings, rev: str, cwd: Path | None = None) -> ScanResult:
    """Findings on lines added since the merge base of `rev` and HEAD (working tree side)."""
    from secretcheck.api import collect, scan_candidates
    from secretcheck.baseline import drop_baseline_files

    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    root = repo_root(cwd)
    base = merge_base(cwd, rev)
    wanted: dict[str, set[int] | None] = {}
    candidates = []
    for raw, lines in sorted(added_lines(cwd, base, settings.paths).items()):
        on_disk = root / fs_name(raw)
        display = display_path(root / shown_name(raw), cwd)
        if not on_disk.is_file() or on_disk.is_symlink() or is_excluded(display, settings.exclude):
            continue
        wanted[display] = lines
        candidates.append(Candidate(str(on_disk), display, explicit=True))
    candidates, skipped = drop_baseline_files(candidates)
    results = []
    for result in scan_candidates(candidates, settings):
        lines = wanted.get(result.path)
        if lines is not None:
            keep = tuple(
                f for f in result.findings
                if any(n in lines for n in range(f.span.line, f.span.end_line + 1))
            )  # fmt: skip
            result = FileResult(result.path, keep, result.skipped, result.error, result.lines)
        results.append(result)
    return collect(results, skipped)
