"""Baseline triage: which finding each entry stands for, verdicts, and the detect-secrets import.

An entry holds no value and no line, so to show one (`baseline list`, `baseline audit`) the
files it names are scanned again and each finding's identity is matched to the entry: only the
redacted snippet is ever shown. detect-secrets stores an unsalted SHA-1 of each secret, which
cannot be turned into our keyed hash; its entries are imported by scanning the files it names
and keeping the findings whose secret has that SHA-1 (its `is_secret` becomes the verdict).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from secretcheck import baseline as bl
from secretcheck.findings import Finding, Severity
from secretcheck.settings import Settings


@dataclass(frozen=True, slots=True)
class Shown:
    entry: bl.Entry
    finding: Finding | None  # None: nothing in the tree matches the entry any more

    @property
    def status(self) -> str:
        if self.finding is None:
            return "stale"
        return self.entry.verdict or "unaudited"


def _scan(files: Sequence[str], settings: Settings) -> list[Finding]:
    from secretcheck.runner import scan_tree

    if not files:
        return []
    result, _ = scan_tree(replace(settings, paths=tuple(files), baseline=""))
    return list(result.findings)


def show_entries(baseline: bl.Baseline, target: str, settings: Settings) -> list[Shown]:
    """Every entry of `baseline` (the file at `target`) with the finding it stands for."""
    base_dir = Path(os.path.abspath(target)).parent
    files = sorted({e.path for e in baseline.entries if (base_dir / e.path).is_file()})
    shown_paths = [os.path.relpath(base_dir / f) for f in files]
    found = dict(bl.identify(_scan(shown_paths, settings), baseline.salt, base_dir))
    return [Shown(e, found.get(e)) for e in baseline.entries]


def alarming(findings: Sequence[Finding]) -> list[Finding]:
    """Findings a baseline must not accept without a word: critical, or whose value passed a
    provider's structural check (a checksum), so most likely live."""
    return [
        f
        for f in findings
        if not f.suppressed
        and (f.severity >= Severity.CRITICAL or any(s.startswith("checksum") for s in f.signals))
    ]


def with_verdict(entry: bl.Entry, verdict: str, reason: str, who: str, when: str) -> bl.Entry:
    clean = " ".join(reason.split())[:300]
    return replace(entry, verdict=verdict, reason=clean, audited_by=who, audited_at=when)


def sha1_hex(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()


def _detect_secrets_results(text: str, where: str) -> dict[str, list[dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise bl.BaselineError(f"{where}: not valid JSON ({exc.msg})") from None
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, dict) or not all(isinstance(v, list) for v in results.values()):
        raise bl.BaselineError(f"{where}: not a detect-secrets baseline (no 'results' table)")
    return results


def import_detect_secrets(
    source: str, target: str, settings: Settings, salt: str
) -> tuple[bl.Baseline, int, int]:
    """(baseline, entries imported, detect-secrets entries with no matching finding)."""
    from secretcheck import inputfiles

    try:
        text = inputfiles.read_text(source, inputfiles.BASELINE_LIMIT)
    except inputfiles.InputFileError as exc:
        raise bl.BaselineError(f"{source}: cannot read: file {exc}") from None
    results = _detect_secrets_results(text, source)
    # detect-secrets paths are relative to the folder it ran in: the baseline's own folder.
    root = Path(os.path.abspath(source)).parent
    wanted: dict[str, dict[str, Any]] = {}
    for name, items in results.items():
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("hashed_secret"), str):
                wanted[f"{name}\0{item['hashed_secret']}"] = item
    files = [os.path.relpath(root / n) for n in sorted(results) if (root / n).is_file()]
    base_dir = Path(os.path.abspath(target)).parent
    entries: dict[bl.Entry, bl.Entry] = {}
    used = set()
    verdicts = {True: "true-positive", False: "false-positive"}
    for entry, finding in bl.identify(_scan(files, settings), salt, base_dir):
        name = Path(os.path.relpath(os.path.abspath(finding.path), root)).as_posix()
        key = f"{name}\0{sha1_hex(finding.secret)}" if finding.secret else ""
        found = wanted.get(key)
        if found is None:
            continue
        used.add(key)
        is_secret = found.get("is_secret")
        if isinstance(is_secret, bool):
            reason = "imported from detect-secrets"
            entry = with_verdict(entry, verdicts[is_secret], reason, "detect-secrets", "")
        entries[entry] = entry
    made = bl.Baseline(salt, tuple(sorted(entries)))
    return made, len(entries), len(set(wanted) - used)
