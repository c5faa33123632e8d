"""The one way secretcheck runs git, and reading what it prints: blobs and `-U0` patches.

Every git call in the package goes through `git_argv_env` (`run_git` for a reply, `start_git`
for a stream): an argument list (never a shell) that reads a repository without running
anything the repository names. A cloned, downloaded or submitted repository is untrusted: its
`.git/config` (and any file it includes), `.gitattributes` and hooks can name programs, and the
overrides below pin every such key on the command line, which wins over repository, include
and global config:

- fsmonitor, hooks (`core.hooksPath` points at a path with no hooks in it, so neither
  `.git/hooks` nor a configured folder is used), external diff and textconv drivers, pagers,
  editors, credential helpers, askpass, signature checks (`gpg.program` runs only for them);
- every transport is refused (`GIT_ALLOW_PROTOCOL` with no protocol in it, which outranks
  `protocol.<name>.allow`), so a partial clone's lazy fetch cannot start `core.sshCommand`,
  `remote.*.uploadpack`, `core.gitProxy` or a remote helper;
- clean/smudge/process filters cannot be switched off by name on git 2.39 (no `--attr-source`),
  so no command used here converts work-tree content: the runner only knows the read-only
  commands in `READ_ONLY`, `diff` only with `--cached`, and `scan --diff` hashes and diffs the
  work-tree bytes itself (gitscan.py);
- `GIT_OPTIONAL_LOCKS=0`, so nothing rewrites the index (no `post-index-change`);
  `GIT_CONFIG_NOSYSTEM`, `GIT_TERMINAL_PROMPT=0`, no pager.

Before any call, the files git would read are checked not to be FIFOs or devices that would
hold it forever (gitfiles.py); such a repository is refused with the reason.

`core.worktree` is read by git from the repository's own config file and cannot be overridden
on the command line; callers check that the work tree git reports contains the folder they were
asked to read (`repo_root`). An `isolated` call (grading a submission) also drops the caller's
GIT_* environment and global config, never climbs above the folder, and accepts a folder owned
by another user (`safe.directory` for that exact path; git 2.39 honours it from the
environment's config but not from `-c`, so it is passed both ways).

Paths travel as bytes and are decoded with surrogateescape for opening and with backslash
escapes for display, so non-UTF-8 names neither crash a scan nor reach a report as unprintable
text.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

from secretcheck.errors import SecretcheckError
from secretcheck.gitfiles import SpecialFileError, find_git_dir, refuse_special_files

GIT_TIMEOUT = 600
# The first call of each command only finds the repository; it is short, so a config include
# that never ends (a FIFO, /dev/zero) fails fast instead of holding every later call.
PROBE_TIMEOUT = 20
# Key -> a value that runs nothing. A command-line -c wins over every config file.
NEUTRAL_CONFIG = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", os.devnull),  # "/dev/null/<hook>" is never executable
    ("core.pager", "cat"),  # belt and braces: --no-pager already disables every pager.*
    ("core.editor", ":"),
    ("sequence.editor", ":"),
    ("core.askPass", ""),
    ("core.sshCommand", ""),
    ("core.gitProxy", ""),
    ("core.alternateRefsCommand", ""),
    ("core.attributesFile", os.devnull),
    ("core.untrackedCache", "false"),
    ("core.quotePath", "true"),
    ("credential.helper", ""),  # an empty value clears the list of helpers
    ("diff.external", ""),
    ("diff.noprefix", "false"),
    ("diff.mnemonicPrefix", "false"),
    ("diff.relative", "false"),
    ("log.showSignature", "false"),
    ("log.mailmap", "false"),  # mailmap.file could name a FIFO that blocks `git log`
    ("submodule.recurse", "false"),
    ("protocol.allow", "never"),
    *((f"protocol.{p}.allow", "never") for p in ("file", "git", "ssh", "http", "https", "ext")),
)
# The subcommands the package runs; none of them converts work-tree content or writes.
READ_ONLY = frozenset(
    {"rev-parse", "ls-files", "ls-tree", "cat-file", "diff", "log", "rev-list", "merge-base"}
)
# GIT_* variables that say which repository, index and work tree the caller means (git sets
# GIT_INDEX_FILE for a pre-commit hook during `git commit -a`); every other GIT_* is dropped.
LOCATING_ENV = frozenset(
    {
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES",
        "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CONFIG_GLOBAL",
    }
)  # fmt: skip
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


def git_argv_env(
    cwd: Path, args: Sequence[str], isolated: bool
) -> tuple[list[str], dict[str, str]]:
    """The argv and environment of a git call that runs nothing the repository names."""
    if not args or args[0] not in READ_ONLY or (args[0] == "diff" and "--cached" not in args):
        raise ValueError(f"not a read-only git command: {list(args[:1])}")
    keep = () if isolated else LOCATING_ENV
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in keep}
    env.update(
        GIT_CONFIG_NOSYSTEM="1", GIT_ATTR_NOSYSTEM="1", GIT_OPTIONAL_LOCKS="0",
        GIT_TERMINAL_PROMPT="0", GIT_ALLOW_PROTOCOL="", GIT_NO_LAZY_FETCH="1",
        GIT_PAGER="cat", GIT_EDITOR=":", GIT_SEQUENCE_EDITOR=":", GIT_ASKPASS="",
        GIT_NO_REPLACE_OBJECTS="1",  # a planted refs/replace/ must not change what we read
    )  # fmt: skip
    config = list(NEUTRAL_CONFIG)
    if isolated:
        here = str(cwd.resolve())
        env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CEILING_DIRECTORIES=str(Path(here).parent))
        env.update(GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0="safe.directory", GIT_CONFIG_VALUE_0=here)
        config.append(("safe.directory", here))
    argv = ["git", "--no-pager", "--literal-pathspecs"]
    for key, value in config:
        argv += ["-c", f"{key}={value}"]
    return [*argv, *args], env


@lru_cache(maxsize=32)
def _special_file(git_dir: Path) -> str:
    """Why git must not run on `git_dir` (a FIFO it would wait on), or "". Once per folder
    and process: history and grading make many calls."""
    try:
        refuse_special_files(git_dir)
    except SpecialFileError as exc:
        return str(exc)
    return ""


def refuse_hostile_files(cwd: Path, isolated: bool) -> None:
    """GitError when a file git would read from `cwd` could hold it forever (gitfiles.py)."""
    git_dir = find_git_dir(cwd, isolated)
    reason = _special_file(git_dir.absolute()) if git_dir is not None else ""
    if reason:
        raise GitError(reason)


def run_git(
    cwd: Path,
    *args: str,
    stdin: bytes | None = None,
    timeout: float = GIT_TIMEOUT,
    isolated: bool = False,
) -> bytes:
    """git's stdout; GitError (naming the folder when `isolated`) when it cannot run or fails."""
    argv, env = git_argv_env(cwd, args, isolated)
    where = f"{cwd}: " if isolated else ""
    refuse_hostile_files(cwd, isolated)
    try:
        done = subprocess.run(
            argv, cwd=cwd, env=env, input=stdin, capture_output=True, check=False,
            timeout=timeout, stdin=None if stdin is not None else subprocess.DEVNULL,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise GitError(f"{where}git {args[0]} did not finish in {timeout:g} s") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"{where}cannot run git {args[0]}: {type(exc).__name__}: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"{where}git {args[0]} failed: {reason[0] if reason else done.returncode}")
    return done.stdout


def start_git(
    cwd: Path, *args: str, stderr: IO[bytes], isolated: bool = False
) -> subprocess.Popen[bytes]:
    """A git process whose stdout is read as a stream (`git log -p` of a long history)."""
    argv, env = git_argv_env(cwd, args, isolated)
    refuse_hostile_files(cwd, isolated)
    try:
        return subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None


def repo_root(cwd: Path, isolated: bool = False) -> Path:
    """The top of the work tree holding `cwd`; an error when git names one that does not hold
    it (a repository's `core.worktree` pointing elsewhere: reading there would leave the tree
    the user asked about)."""
    out = run_git(cwd, "rev-parse", "--show-toplevel", timeout=PROBE_TIMEOUT, isolated=isolated)
    top = Path(os.fsdecode(out.rstrip(b"\n")))
    if not cwd.resolve().is_relative_to(top.resolve()):
        raise GitError(
            f"git reports the work tree {top}, which does not contain {cwd} "
            "(core.worktree points elsewhere); refusing to read outside it"
        )
    return top


def is_git_root(root: Path) -> bool:
    """True when `root` itself is the top of a repository with a `.git` folder and a HEAD, and
    that repository keeps its objects inside it: one borrowing another's object store
    (`objects/info/alternates`, a `commondir` of a linked work tree) would let a submission's
    refs read history from elsewhere on this machine, so it is read as a plain folder."""
    dot_git = root / ".git"
    if not dot_git.is_dir() or dot_git.is_symlink():
        return False
    if (dot_git / "objects" / "info" / "alternates").exists() or (dot_git / "commondir").exists():
        return False
    try:
        top = run_git(root, "rev-parse", "--show-toplevel", timeout=PROBE_TIMEOUT, isolated=True)
        run_git(root, "rev-parse", "--verify", "-q", "HEAD", isolated=True)
    except GitError:
        return False
    return Path(os.fsdecode(top.rstrip(b"\n"))).resolve() == root.resolve()


def tracked_files(root: Path) -> list[str]:
    """Every path the index of the repository at `root` holds, read as a submission."""
    names = run_git(root, "ls-files", "-z", isolated=True).decode("utf-8", "surrogateescape")
    return sorted(n for n in names.split("\0") if n)


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


def read_blobs(cwd: Path, ids: Sequence[str], isolated: bool = False) -> list[bytes]:
    """Contents of the blobs `ids`, in order, from one `git cat-file --batch`."""
    if not ids:
        return []
    batch = "".join(f"{i}\n" for i in ids).encode()
    out = run_git(cwd, "cat-file", "--batch", stdin=batch, isolated=isolated)
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


# Transports a fleet clone may use. `ext::` (runs a command) and plain `git://` (no
# authentication of the server) are never allowed; tests use file://.
CLONE_PROTOCOLS = ("https", "ssh", "file")


def clone_argv_env(url: str, dest: Path) -> tuple[list[str], dict[str, str]]:
    """A `git clone` of an untrusted URL with the isolated read settings above: no template
    (so no hooks are installed), no submodules, no global or system config, the neutral `-c`
    keys, and only the transports in CLONE_PROTOCOLS (the env allow-list outranks every
    `protocol.*.allow`, so those are reopened on the command line for the listed ones only)."""
    if url.startswith("-"):
        raise GitError(f"refusing a clone URL that starts with '-': {url[:40]!r}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1", GIT_ATTR_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
        GIT_TERMINAL_PROMPT="0", GIT_ALLOW_PROTOCOL=":".join(CLONE_PROTOCOLS),
        GIT_PAGER="cat", GIT_EDITOR=":", GIT_ASKPASS="", GIT_NO_REPLACE_OBJECTS="1",
        GIT_CEILING_DIRECTORIES=str(dest.resolve().parent),
    )  # fmt: skip
    config = [kv for kv in NEUTRAL_CONFIG if not kv[0].startswith("protocol.")]
    config += [("protocol.allow", "never")]
    config += [(f"protocol.{p}.allow", "always") for p in CLONE_PROTOCOLS]
    # A checkout writes what the repository holds; these keep it from writing anything else.
    config += [("core.symlinks", "false"), ("filter.lfs.smudge", ""), ("filter.lfs.process", "")]
    argv = ["git", "--no-pager"]
    for key, value in config:
        argv += ["-c", f"{key}={value}"]
    argv += ["clone", "--quiet", "--template=", "--no-recurse-submodules", "--", url, str(dest)]
    return argv, env


def clone_repo(url: str, dest: Path, timeout: float = GIT_TIMEOUT) -> Path:
    """Clone `url` into `dest` (which must not exist) as an untrusted repository."""
    argv, env = clone_argv_env(url, dest)
    try:
        done = subprocess.run(
            argv, env=env, capture_output=True, check=False, timeout=timeout,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise GitError(f"git clone did not finish in {timeout:g} s") from None
    except OSError as exc:
        raise GitError(f"cannot run git clone: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git clone failed: {reason[-1] if reason else done.returncode}")
    return dest
