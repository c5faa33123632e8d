"""A content-hash cache of per-file findings, so an unchanged file is not scanned twice.

The key hashes the file's bytes, the path it is reported under, the tool version, the rule
catalogue and the rules enabled for that file. The entry also lists the other modules of the
project whose summaries its taint findings used (`python/taint/project.py`), with their
sha256: it is a hit only while each of them still holds the same bytes. The entry holds what
reports print (redacted snippets, spans, fingerprints) and never a secret: on a hit the raw
values that merging and baselines need are cut again from the file's own text at the recorded
spans.

The cache folder sits in the project (`cache-dir`), where anyone who can write to the tree, or
commit to it, can write entries too; an entry saying "no findings" would hide a secret. So an
entry is trusted only if it carries an HMAC made with this user's cache key, 32 random bytes
kept outside any project (`$XDG_CACHE_HOME/secretcheck/key`, else `~/.cache/secretcheck/key`,
mode 0600). A planted, edited or committed entry, or one written by another user, fails the
check and the file is scanned again. Without a usable key the cache is neither read nor written.

The cache writes its `.gitignore` (`*`) and `CACHEDIR.TAG` only into a folder it created or
found empty: an existing folder without our tag is never written to, nor is a symlinked one.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from secretcheck import __version__, inputfiles
from secretcheck.findings import Confidence, Finding, Severity, Span, TraceStep
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

# 2: entries carry an HMAC; the unauthenticated entries of version 1 are never read.
# 3: entries name the other modules their findings depend on (`uses`).
CACHE_VERSION = "3"
# An imported module is read to check it is unchanged only up to this size; the taint rules
# summarize none larger (`python/taint/project.py`).
_USES_LIMIT = 1024 * 1024
KEY_BYTES = 32
_MAC_CONTEXT = b"secretcheck-cache-entry\0"
# Far above what one file's findings take; a planted entry must not be read without end.
ENTRY_LIMIT = 16 * 1024 * 1024
# The Cache Directory Tagging Specification's signature line (bford.info/cachedir).
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# secretcheck findings cache\n"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash of secretcheck's own modules, so a changed detector never reads old entries."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_key(text: str, display: str, rules: Sequence[RuleSpec], catalogue_digest: str) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_VERSION, code_digest(), catalogue_digest, display, *(r.code for r in rules)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(text.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _entry_path(root: str, key: str) -> Path:
    return Path(root) / f"v{CACHE_VERSION}" / key[:2] / f"{key}.json"


def _encode(finding: Finding) -> dict[str, Any]:
    data = finding.to_dict()
    data["statement"] = list(finding.statement) if finding.statement else None
    data["has_secret"] = bool(finding.secret)
    return data


def _cut(index: LineIndex, span: Span) -> str:
    if span.line == span.end_line:
        return index.line(span.line)[span.column - 1 : span.end_column - 1]
    parts = [index.line(span.line)[span.column - 1 :]]
    parts.extend(index.line(n) for n in range(span.line + 1, span.end_line))
    parts.append(index.line(span.end_line)[: span.end_column - 1])
    return "\n".join(parts)


def _decode(data: dict[str, Any], index: LineIndex) -> Finding:
    span = Span(data["line"], data["column"], data["end_line"], data["end_column"])
    statement = data.get("statement")
    return Finding(
        rule_id=data["rule_id"],
        rule_name=data["rule_name"],
        category=data["category"],
        cwe=data["cwe"],
        severity=Severity.parse(data["severity"]),
        confidence=Confidence.parse(data["confidence"]),
        path=data["path"],
        span=span,
        message=data["message"],
        snippet=data["snippet"],
        fingerprint=data["fingerprint"],
        suppressed=data["suppressed"],
        secret=_cut(index, span) if data.get("has_secret") else "",
        statement=(statement[0], statement[1]) if statement else None,
        also=tuple(data.get("also_matched", ())),
        signals=tuple(data.get("signals", ())),
        suppression_reason=data.get("suppression_reason") or "",
        trace=tuple(TraceStep(t["line"], t["column"], t["note"]) for t in data.get("trace", ())),
    )


def key_path() -> Path:
    """Where this user's cache key lives: the user's cache folder, never a project."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "secretcheck" / "key"


@lru_cache(maxsize=4)
def _user_key(path: Path) -> bytes | None:
    """The key at `path`, created (0600, in a 0700 folder) on first use; None if unusable."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            _create_key(path)
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)
            owner_ok = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
            private = info.st_mode & 0o077 == 0 or os.name == "nt"
            if not (stat.S_ISREG(info.st_mode) and owner_ok and private):
                return None  # someone else's, or readable by others: it proves nothing
            key = os.read(fd, KEY_BYTES + 1)
        finally:
            os.close(fd)
    except (OSError, RuntimeError):
        return None
    return key if len(key) == KEY_BYTES else None


def _create_key(path: Path) -> None:
    # Written whole under a temporary name, then linked into place: two processes starting
    # at once both end up with the one key that won, never a half-written one.
    # `secrets` and `tempfile` are imported where used, here and in `store`: a `--no-cache`
    # run writes nothing, and the two (random, shutil, bz2, lzma) were ~3 ms of its start-up.
    import secrets
    import tempfile

    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".key.")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(KEY_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        os.unlink(temp)


def _mac(user_key: bytes, key: str, payload: bytes) -> str:
    # The cache key is signed with the payload, so an authentic entry cannot be moved to
    # stand for another file's content.
    message = _MAC_CONTEXT + key.encode("ascii") + b"\0" + payload
    return hmac.new(user_key, message, hashlib.sha256).hexdigest()


def _unchanged(uses: dict[str, str]) -> bool:
    """Does every module the entry's findings were built from still hold what it held?"""
    for path, digest in uses.items():
        try:
            data = inputfiles.read_bytes(path, _USES_LIMIT)
        except inputfiles.InputFileError:
            return False
        if hashlib.sha256(data).hexdigest() != digest:
            return False
    return True


def load(root: str, key: str, text: str) -> list[Finding] | None:
    user_key = _user_key(key_path())
    if user_key is None:
        return None
    try:
        # Bounded and regular files only: a committed entry may be a symlink to /dev/zero.
        data = inputfiles.read_bytes(_entry_path(root, key), ENTRY_LIMIT)
        mac, _, payload = data.partition(b"\n")
        if not hmac.compare_digest(mac, _mac(user_key, key, payload).encode("ascii")):
            return None  # not written by this user's secretcheck: scan the file instead
        raw = json.loads(payload)
        if not _unchanged(raw["uses"]):
            return None  # a module it imports changed: its findings may have too
        index = LineIndex(text)
        return [_decode(item, index) for item in raw["findings"]]
    except (inputfiles.InputFileError, ValueError, KeyError, TypeError, RecursionError):
        return None  # a missing or damaged entry is a miss, never an error


_TAG_SIGNATURE = CACHEDIR_TAG.split("\n", 1)[0]
_GITIGNORE = "# created by secretcheck\n*\n"  # ASCII, like the tag: no encoding to choose


def _tagged(root: Path) -> bool:
    try:
        with (root / "CACHEDIR.TAG").open(encoding="utf-8") as handle:
            return handle.read(len(_TAG_SIGNATURE)) == _TAG_SIGNATURE
    except (OSError, ValueError):
        return False


def _own_folder(root: Path) -> bool:
    """Whether `root` is our cache folder: tagged by us, or new or empty and now made ours.
    A folder holding anything else is someone's and is never written to, nor is a symlink
    (a repository can commit `.secretcheck_cache` as a link to a folder elsewhere)."""
    if root.is_symlink():
        return False
    root.mkdir(parents=True, exist_ok=True)
    if not _tagged(root) and not any(root.iterdir()):
        # .gitignore first and the tag last: a folder is ours once the tag is whole.
        # git ignores the folder; tree walkers (ours, tar, backup tools) skip a tagged one.
        for name, content in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            with contextlib.suppress(FileExistsError), (root / name).open("x") as out:
                out.write(content)
    return _tagged(root)


def store(root: str, key: str, findings: Sequence[Finding],
          uses: Mapping[str, str] | None = None) -> None:  # fmt: skip
    """`uses`: the other modules (path -> sha256) the findings were built with."""
    user_key = _user_key(key_path())
    if user_key is None:
        return
    path = _entry_path(root, key)
    try:
        if not _own_folder(Path(root)):
            return  # an existing folder that is not our cache: never write into it
        folder = Path(root)
        for part in path.parent.relative_to(root).parts:
            folder = folder / part
            if folder.is_symlink():
                return  # a committed cache may hold links out: write only inside it
            folder.mkdir(exist_ok=True)
        entry = {"uses": dict(uses or {}), "findings": [_encode(f) for f in findings]}
        payload = json.dumps(entry, sort_keys=True).encode("utf-8")
        # Write then rename, so a reader in another worker never sees half an entry.
        import tempfile

        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(_mac(user_key, key, payload).encode("ascii") + b"\n" + payload)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only checkout still scans; it just does not cache
