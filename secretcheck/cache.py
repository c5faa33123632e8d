"""A content-hash cache of per-file findings, so an unchanged file is not scanned twice.

The key hashes the file's bytes, the path it is reported under, the tool version, the rule
catalogue and the rules enabled for that file. The entry holds what reports print (redacted
snippets, spans, fingerprints) and never a secret: on a hit the raw values that merging and
baselines need are cut again from the file's own text at the recorded spans.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from secretcheck import __version__
from secretcheck.findings import Confidence, Finding, Severity, Span, TraceStep
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

CACHE_VERSION = "1"
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
        trace=tuple(TraceStep(t["line"], t["column"], t["note"]) for t in data.get("trace", ())),
    )


def load(root: str, key: str, text: str) -> list[Finding] | None:
    try:
        raw = json.loads(_entry_path(root, key).read_text(encoding="utf-8"))
        index = LineIndex(text)
        return [_decode(item, index) for item in raw]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing or damaged entry is a miss, never an error


def store(root: str, key: str, findings: Sequence[Finding]) -> None:
    path = _entry_path(root, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore, tag = Path(root) / ".gitignore", Path(root) / "CACHEDIR.TAG"
        if not tag.exists():
            # git ignores the folder; tree walkers (ours, tar, backup tools) skip a tagged one.
            ignore.write_text("# created by secretcheck\n*\n", encoding="utf-8")
            tag.write_text(CACHEDIR_TAG, encoding="utf-8")
        # Write then rename, so a reader in another worker never sees half an entry.
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump([_encode(f) for f in findings], out, sort_keys=True)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only checkout still scans; it just does not cache
