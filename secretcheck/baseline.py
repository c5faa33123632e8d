"""Baselines: accept the findings that exist today and fail only on new ones.

An entry's identity is (rule code, path, keyed hash of the value, occurrence index), with no
line number in it, so inserting lines above a finding, re-indenting or moving a block leaves the
baseline valid, while a *different* secret on a baselined line, or a second copy of a baselined
secret in the same file, is new:

- the value is the finding's normalized secret (whitespace removed, so a PEM block keeps its
  identity across CRLF/LF), or its redacted snippet when a rule reports no secret value;
- the hash is HMAC-SHA256 keyed with a random salt stored in the file. No plaintext and no
  unsalted digest is ever written, so the file cannot be matched against precomputed tables;
  note that anyone holding the file (and so the salt) can still test guesses of a weak
  password one by one, which is why weak passwords must be rotated, not baselined;
- the occurrence index counts identical (rule, path, hash) triples in source order.

The file is deterministic: fixed key order, entries sorted, no timestamps, no tool version, and
an existing file's salt is reused, so re-creating an unchanged baseline is byte-identical.
Baselines mark findings `known`; they never delete them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from secretcheck import inputfiles
from secretcheck.errors import SecretcheckError
from secretcheck.findings import Finding, ScanResult, StaleEntry

DEFAULT_BASELINE = ".secretcheck-baseline.json"
FORMAT = "secretcheck-baseline"
VERSION = 1
HASH_NAME = "hmac-sha256"
_HEADER = '{\n  "format": "' + FORMAT + '"'


class BaselineError(SecretcheckError):
    """A baseline file is missing, unreadable or not in the expected format."""


VERDICTS = ("true-positive", "false-positive")
_TRIAGE_KEYS = ("verdict", "reason", "audited_by", "audited_at")


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str
    rule_id: str
    hash: str
    occurrence: int
    # Triage (`baseline audit`): not part of the identity, written only once audited, so an
    # unaudited baseline keeps the bytes older versions wrote.
    verdict: str = field(default="", compare=False)
    reason: str = field(default="", compare=False)
    audited_by: str = field(default="", compare=False)
    audited_at: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "hash": self.hash,
            "occurrence": self.occurrence,
            "path": self.path,
            "rule_id": self.rule_id,
        }
        if self.verdict:
            data.update(verdict=self.verdict, reason=self.reason, audited_by=self.audited_by,
                        audited_at=self.audited_at)  # fmt: skip
        return data


@dataclass(frozen=True, slots=True)
class Baseline:
    salt: str
    entries: tuple[Entry, ...] = ()


def new_salt() -> str:
    # `secrets` and `tempfile` are imported where used: every scan imports this module (to
    # read a baseline), few write one, and the two (random, shutil, bz2, lzma) were ~3 ms.
    import secrets

    return secrets.token_hex(32)


def keyed_hash(salt: str, value: str) -> str:
    key = bytes.fromhex(salt)
    return hmac.new(key, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def identity_value(finding: Finding) -> str:
    """What an entry hashes: the secret without whitespace, else the redacted snippet."""
    if finding.secret:
        return "secret\x1f" + "".join(finding.secret.split())
    return "snippet\x1f" + " ".join(finding.snippet.split())


def relative_path(display: str, base_dir: Path) -> str:
    """A finding's path relative to the folder holding the baseline, so it matches from
    wherever the scan is run."""
    return Path(os.path.relpath(os.path.abspath(display), base_dir)).as_posix()


def identify(findings: Iterable[Finding], salt: str, base_dir: Path) -> list[tuple[Entry, Finding]]:
    """Each finding with its entry, occurrence indices counted in source order."""
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for finding in sorted(findings, key=Finding.sort_key):
        path = relative_path(finding.path, base_dir)
        digest = keyed_hash(salt, identity_value(finding))
        key = (path, finding.rule_id, digest)
        index = seen.get(key, 0)
        seen[key] = index + 1
        result.append((Entry(path, finding.rule_id, digest, index), finding))
    return result


def build(findings: Iterable[Finding], salt: str, base_dir: Path) -> Baseline:
    """A baseline accepting every unsuppressed finding (suppressed ones need no entry)."""
    entries = {e for e, f in identify(findings, salt, base_dir) if not f.suppressed}
    return Baseline(salt, tuple(sorted(entries)))


def updated(
    old: Baseline, findings: Iterable[Finding], scanned: Iterable[str], base_dir: Path
) -> Baseline:
    """`old` with the entries of every scanned file replaced by what the scan found now.

    Entries of files outside this scan are kept while the file exists, so updating after a
    scan of one folder does not forget the rest of the tree.
    """
    fresh = carry_triage(old, build(findings, old.salt, base_dir))
    covered = {relative_path(p, base_dir) for p in scanned}
    kept = {e for e in old.entries if e.path not in covered and (base_dir / e.path).exists()}
    return Baseline(old.salt, tuple(sorted(kept | set(fresh.entries))))


def carry_triage(old: Baseline, new: Baseline) -> Baseline:
    """`new` with the verdicts `old` recorded for the same entries (same identity)."""
    audited = {e: e for e in old.entries if e.verdict}
    return replace(new, entries=tuple(audited.get(e, e) for e in new.entries))


def dumps(baseline: Baseline) -> str:
    """Fixed key order and one entry a line: stable bytes and small, mergeable diffs."""
    lines = [
        _HEADER + ",",
        f'  "version": {VERSION},',
        f'  "hash": "{HASH_NAME}",',
        f'  "salt": "{baseline.salt}",',
    ]
    if not baseline.entries:
        lines.append('  "entries": []')
    else:
        lines.append('  "entries": [')
        rows = [_json_row(e.to_dict()) for e in baseline.entries]
        lines.extend(f"    {row}," for row in rows[:-1])
        lines.append(f"    {rows[-1]}")
        lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


# A path that is not valid UTF-8 (`\xff.py`) reaches us as a str holding lone surrogates
# (Python's surrogateescape); they cannot be written as UTF-8, so they are written as JSON
# `\udcff` escapes, which `json.loads` turns back into the same str.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_row(data: dict[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _entry(raw: Any, where: str) -> Entry:
    identity = {"hash", "occurrence", "path", "rule_id"}
    if not isinstance(raw, dict) or not identity <= set(raw) <= identity | set(_TRIAGE_KEYS):
        raise BaselineError(
            f"{where}: each entry needs exactly hash, occurrence, path, rule_id (and, once "
            "audited, verdict, reason, audited_by, audited_at)"
        )
    if not all(isinstance(raw[k], str) for k in ("hash", "path", "rule_id")) or not isinstance(
        raw["occurrence"], int
    ):
        raise BaselineError(f"{where}: an entry has a value of the wrong type")
    triage = {k: raw.get(k, "") for k in _TRIAGE_KEYS}
    if not all(isinstance(v, str) for v in triage.values()):
        raise BaselineError(f"{where}: verdict, reason, audited_by and audited_at are strings")
    if triage["verdict"] not in ("", *VERDICTS):
        raise BaselineError(f"{where}: verdict must be one of {', '.join(VERDICTS)}")
    return Entry(raw["path"], raw["rule_id"], raw["hash"], raw["occurrence"], **triage)


def loads(text: str, where: str = "baseline") -> Baseline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise BaselineError(f"{where}: not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{where}: not a secretcheck baseline")
    if data.get("version") != VERSION or data.get("hash") != HASH_NAME:
        raise BaselineError(f"{where}: unsupported baseline version or hash")
    salt = data.get("salt")
    try:
        if not isinstance(salt, str) or len(bytes.fromhex(salt)) < 16:
            raise ValueError
    except ValueError:
        raise BaselineError(f"{where}: 'salt' must be at least 32 hex digits") from None
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise BaselineError(f"{where}: 'entries' must be a list")
    return Baseline(salt, tuple(sorted({_entry(e, where) for e in entries})))


def load(path: str | Path) -> Baseline:
    if not os.path.lexists(path):
        raise BaselineError(
            f"{path}: baseline file does not exist (create it with `secretcheck baseline create`)"
        )
    try:
        # Bounded, and regular files only: `baseline = "/dev/zero"` must not eat memory.
        text = inputfiles.read_text(path, inputfiles.BASELINE_LIMIT)
    except inputfiles.InputFileError as exc:
        raise BaselineError(f"{path}: cannot read baseline: file {exc}") from None
    return loads(text, str(path))


def write(path: str | Path, baseline: Baseline) -> None:
    """Write to a temporary file beside `path`, then rename it over: an interrupted or failed
    write leaves the old baseline (or none), never an empty or half-written one."""
    target = Path(path)
    try:
        mode = os.stat(target).st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    import tempfile

    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(dumps(baseline))
        os.chmod(temp, mode)  # mkstemp makes it 0600; a baseline is shared like source
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror}") from None


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask


def is_empty_file(path: str | Path) -> bool:
    """An empty regular file: what an interrupted write by older versions left behind, safe to
    overwrite (anything else that is not a baseline is kept)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def existing_salt(path: str | Path) -> str | None:
    """The salt of a readable baseline at `path`, reused so unchanged output is identical."""
    try:
        return load(path).salt
    except BaselineError:
        return None


def partition_by_baseline(
    result: ScanResult, baseline: Baseline, baseline_path: str, scanned: Iterable[str]
) -> ScanResult:
    """Mark each finding `known` or `new`, and list the entries nothing matched as stale.

    An entry counts as stale only when its file was scanned whole in this run (`scanned`) or
    no longer exists: a scan of one folder or of a diff says nothing about the other entries.
    """
    base_dir = Path(os.path.abspath(baseline_path)).parent
    accepted = set(baseline.entries)
    matched: set[Entry] = set()
    marked = []
    for entry, finding in identify(result.findings, baseline.salt, base_dir):
        known = entry in accepted
        if known:
            matched.add(entry)
        marked.append(finding.with_changes(baseline="known" if known else "new"))
    covered = {relative_path(p, base_dir) for p in scanned}
    stale = tuple(
        StaleEntry(e.rule_id, e.path, e.occurrence, e.hash)
        for e in baseline.entries
        if e not in matched and (e.path in covered or not (base_dir / e.path).exists())
    )
    return replace(
        result,
        findings=tuple(sorted(marked, key=Finding.sort_key)),
        baseline_file=baseline_path,
        stale=stale,
    )
