"""Running git and reading what it prints: commands, blobs, and `-U0` patches.

Every git call is an argument list (never a shell) with options that override any user config
that would change the output we parse (`--no-color`, `--no-ext-diff`, `--no-textconv`, fixed
`a/`/`b/` prefixes, `core.quotePath`, literal pathspecs). Paths travel as bytes and are decoded
with surrogateescape for opening and with backslash escapes for display, so non-UTF-8 names
neither crash a scan nor reach a report as unprintable text.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secretcheck.errors import SecretcheckError

GIT_TIMEOUT = 600
# Settings a repository's own .git/config could use to run programs while we only read it
# (fsmonitor on index refresh, gpg.program when log.showSignature is on): a command-line -c
# wins over repository config, so scanning a cloned or untrusted repository runs only git.
SAFE_CONFIG = ("-c", "core.fsmonitor=false", "-c", "log.showSignature=false")
# Options that pin the patch format whatever the user's git config says.
PATCH_OPTIONS = (
    "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "-U0",
)  # fmt: skip
_HUNK = re.compile(rb"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {
    ord("a"): 7, ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("v"): 11, ord("f"): 12,
    ord("r"): 13, ord('"'): 34, ord("\\"): 92,
}  # fmt: skip
_C_ESCAPE = re.compile(rb"\\([0-7]{3}|.)", re.DOTALL)


class GitError(SecretcheckError):
    """git is missing, this is not a repository, or a revision does not exist."""


def run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *SAFE_CONFIG, "-c", "core.quotePath=true", *args],
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
    """A path as git prints it in patch headers: C-quoted (`"caf\\303\\251"`) when it holds
    unusual bytes, with 3-digit octal escapes for bytes and C escapes for the rest."""
    if len(raw) < 2 or not raw.startswith(b'"') or not raw.endswith(b'"'):
        return raw

    def one(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        if len(code) == 3:
            return bytes([int(code, 8) & 0xFF])
        return bytes([_ESCAPES.get(code[0], code[0])])

    return _C_ESCAPE.sub(one, raw[1:-1])


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
