"""What a nightly `history` job may accept: baselined secrets and rotated ones.

- `--baseline FILE`: a history finding whose identity (rule, path, keyed hash, occurrence, as
  in `baseline.py`) is in the baseline is `known`: still reported, never failing.
- An ignore file lists secrets that were rotated, one a line: the finding's fingerprint (as in
  the JSON report), then the reason, which is required (`0123...ef  rotated 2026-11-30, INC-42`).
  `#` starts a comment. A listed secret is reported as suppressed with that reason. Only the
  fingerprint is stored, never the value, so the file is safe to commit.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from secretcheck import baseline as bl
from secretcheck import inputfiles
from secretcheck.errors import ConfigError
from secretcheck.history import HistoryFinding, HistoryResult

DEFAULT_IGNORE_FILE = ".secretcheck-history-ignore"
_LINE = re.compile(r"^(?P<fingerprint>[0-9a-f]{32})\s+(?P<reason>\S.*)$")


def load_ignore_file(path: str) -> dict[str, str]:
    """Fingerprint -> reason; a malformed line is an error naming the file and line."""
    try:
        text = inputfiles.read_text(path, inputfiles.CONFIG_LIMIT)
    except inputfiles.InputFileError as exc:
        raise ConfigError(f"{path}: cannot read ignore file: file {exc}") from None
    ignores: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        match = _LINE.match(line)
        if match is None:
            raise ConfigError(
                f"{path}:{number}: expected '<32-hex fingerprint> <reason>' (the reason is "
                "required: who rotated it, when)"
            )
        ignores[match.group("fingerprint")] = match.group("reason").strip()
    return ignores


def apply_ignores(result: HistoryResult, ignores: dict[str, str]) -> HistoryResult:
    secrets = []
    for item in result.secrets:
        reason = ignores.get(item.finding.fingerprint)
        if reason is not None:
            finding = item.finding.with_changes(suppressed=True, suppression_reason=reason)
            item = replace(item, finding=finding)
        secrets.append(item)
    return replace(result, secrets=tuple(secrets))


def apply_baseline(result: HistoryResult, baseline_path: str) -> HistoryResult:
    """Mark each history finding `known` when the baseline holds its identity."""
    baseline = bl.load(baseline_path)
    base_dir = Path(os.path.abspath(baseline_path)).parent
    accepted = set(baseline.entries)
    known: set[int] = set()
    for entry, finding in bl.identify([s.finding for s in result.secrets], baseline.salt, base_dir):
        if entry in accepted:
            known.add(id(finding))
    secrets: list[HistoryFinding] = []
    for item in result.secrets:
        if id(item.finding) in known:
            item = replace(item, finding=item.finding.with_changes(baseline="known"))
        secrets.append(item)
    return replace(result, secrets=tuple(secrets))
