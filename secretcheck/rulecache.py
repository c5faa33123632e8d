"""The validated rule catalogue, kept between runs in the user's cache folder.

Loading the catalogue parses ~70 TOML files, validates every field and compiles ~300 RE2
patterns: about 0.13 s of CPU, as much as scanning a large file, paid by every run, including a
pre-commit hook run on one staged file. The validated result depends only on the rule files'
text and on secretcheck's own code, so it is stored once, keyed by a hash of both, and later
runs rebuild the `RuleSpec`s from it without validating again; their patterns are compiled by
RE2 when first searched (`LinearPattern.checked_before`).

This is not the findings cache: `--no-cache` does not touch it, and a "cold" scan in the
benchmarks means no findings cache. What is kept is the rules, never anything of a scanned
file. It lives outside every project (`$XDG_CACHE_HOME/secretcheck/catalogue/`, else
`~/.cache/...`), next to the findings cache's key, so a scanned repository cannot plant an
entry; an entry is plain JSON (never code), and one that cannot be read or decoded is ignored
and the packs are validated as on a first run. A rule pack that fails to load is never stored,
so its error (exit 2, naming the file and key) comes back on every run until it is fixed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from secretcheck import __version__, inputfiles
from secretcheck.cache import code_digest, key_path
from secretcheck.findings import Confidence, Severity
from secretcheck.linear_regex import LinearPattern
from secretcheck.rulepacks import Catalogue, Docs, Example, PatternSpec, RuleSpec

# Bump when the entry layout below changes.
FORMAT = "1"
# A full catalogue takes ~0.5 MB; a bigger file there is not ours.
ENTRY_LIMIT = 32 * 1024 * 1024
# A stamp is stored only once every file it covers is older than this (see `stamped_catalogue`):
# far above any file system's timestamp tick.
SETTLE_NS = 2_000_000_000
# Entries kept: every code or rule change makes a new one, and several installs may share
# the folder (a pre-commit environment and a development one).
KEEP = 8


def catalogue_key(files: Sequence[tuple[str, str]]) -> str:
    """Hash of the entry format, secretcheck's code (which decides what validates) and every
    rule file's name and text, in load order."""
    digest = hashlib.sha256(f"{FORMAT}\0{code_digest()}\0".encode())
    for source, text in files:
        digest.update(f"{source}\0{text}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def entry_path(key: str) -> Path:
    return key_path().parent / "catalogue" / f"{key}.json"


def cached_catalogue(
    files: Sequence[tuple[str, str]], build: Callable[[Sequence[tuple[str, str]]], Catalogue]
) -> Catalogue:
    """The catalogue of `files`: from the cache when an earlier run validated the same files
    with the same code, else `build(files)` (which raises on a bad pack), then stored."""
    return _keyed_catalogue(files, build)[1]


def _keyed_catalogue(
    files: Sequence[tuple[str, str]], build: Callable[[Sequence[tuple[str, str]]], Catalogue]
) -> tuple[str, Catalogue]:
    key = catalogue_key(files)
    path = entry_path(key)
    found = _load(path)
    if found is not None:
        return key, found
    catalogue = build(files)
    _store(path, catalogue)
    return key, catalogue


def stamped_catalogue(
    rules_root: Path,
    read: Callable[[], Sequence[tuple[str, str]]],
    build: Callable[[Sequence[tuple[str, str]]], Catalogue],
    settle_ns: int = SETTLE_NS,
) -> Catalogue:
    """`cached_catalogue(read(), build)`, without reading or hashing anything when the rule
    files and secretcheck's modules are, by their file stamps, those an earlier run hashed.

    Reading the ~70 rule files and hashing them with every module of the package was ~12 ms
    of each run. A stamp (inode, size, mtime and ctime in ns of each such file) names the full
    key that run computed. ctime cannot be set back by `touch` or an unpacking tool, and an
    editor that saves by rename gives a new inode, so an edited file is a new stamp, and then
    the files are read and hashed as before. The stamp is taken before the files are read,
    and, as git does with its index ("racy git"), it is not stored while any file changed
    within `settle_ns` of now: an edit made between the stamp and the read in the same clock
    tick, keeping the size, would not change the stamp, so such a stamp could name text older
    than the file's. A later run, past that window, stores it."""
    stamped = _stamp(rules_root)
    stamp = stamped[0] if stamped is not None else None
    if stamp is not None:
        key = _stamped_key(stamp)
        if key is not None:
            found = _load(entry_path(key))
            if found is not None:
                return found
    key, catalogue = _keyed_catalogue(read(), build)
    if stamped is not None and time.time_ns() - stamped[1] > settle_ns:
        _store_stamp(stamped[0], key)
    return catalogue


def _stamp(rules_root: Path) -> tuple[str, int] | None:
    """Hash of the stamps of every module of secretcheck and every file under `rules_root`,
    and the newest ctime among them (ns)."""
    newest = 0
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    package = Path(__file__).parent
    try:
        for label, root, suffix in (("code", package, ".py"), ("rules", rules_root, "")):
            digest.update(f"{label}\0{os.fspath(root)}\0".encode("utf-8", "surrogateescape"))
            for folder, dirs, names in os.walk(root, onerror=_raise):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(n for n in names if n.endswith(suffix)):
                    info = os.stat(os.path.join(folder, name))
                    line = f"{folder}/{name}\0{info.st_ino}\0{info.st_size}\0"
                    line += f"{info.st_mtime_ns}\0{info.st_ctime_ns}\0"
                    digest.update(line.encode("utf-8", "surrogateescape"))
                    newest = max(newest, info.st_ctime_ns, info.st_mtime_ns)
    except OSError:
        return None  # validate the files by their text, as before
    return digest.hexdigest(), newest


def _raise(error: OSError) -> None:
    raise error


def _stamp_path(stamp: str) -> Path:
    return entry_path("x").parent / "stamps" / stamp


def _stamped_key(stamp: str) -> str | None:
    try:
        key = inputfiles.read_text(_stamp_path(stamp), 256).strip()
    except (OSError, inputfiles.InputFileError):
        return None
    hexdigits = set("0123456789abcdef")
    return key if len(key) == 64 and set(key) <= hexdigits else None


def _store_stamp(stamp: str, key: str) -> None:
    path = _stamp_path(stamp)
    temp = path.with_name(f".tmp-{os.getpid()}-{stamp}")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temp.write_text(key, encoding="utf-8")
        os.replace(temp, path)  # readers see a whole key or none
        _prune(path.parent, "[0-9a-f]*")
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)  # a full disk: no half-written temp file left behind


def _load(path: Path) -> Catalogue | None:
    try:
        raw = inputfiles.read_text(path, ENTRY_LIMIT)
    except (OSError, inputfiles.InputFileError):
        return None
    try:
        data = json.loads(raw)
        return Catalogue(tuple(_rule(r) for r in data["rules"]), data["digest"])
    except Exception:  # a damaged or foreign entry: validate the packs again
        return None


def _store(path: Path, catalogue: Catalogue) -> None:
    import tempfile  # only a run that validated the packs stores them: ~3 ms for the others

    payload = json.dumps(
        {"digest": catalogue.digest, "rules": [_encode_rule(r) for r in catalogue.rules]},
        sort_keys=True,
    )
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(temp, path)  # readers see a whole entry or none
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _prune(path.parent, "*.json")
    except OSError:
        pass  # a read-only home: every run validates, as before


def _prune(folder: Path, pattern: str) -> None:
    """Keep the `KEEP` newest entries (a store is rare: only after the packs changed)."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _encode_pattern(pattern: LinearPattern) -> list[Any]:
    return [pattern.pattern, pattern.ignore_case, pattern.groupindex, pattern.groups]


def _decode_pattern(raw: list[Any]) -> LinearPattern:
    text, ignore_case, groupindex, groups = raw
    return LinearPattern.checked_before(text, bool(ignore_case), dict(groupindex), int(groups))


def _encode_rule(rule: RuleSpec) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: getattr(rule, name)
        for name in ("code", "name", "category", "cwe", "summary", "message", "fix", "engine",
                     "source", "check", "plugin", "removed", "specificity")
    }  # fmt: skip
    data["severity"], data["confidence"] = int(rule.severity), int(rule.confidence)
    data["options"] = dict(rule.options)
    d = rule.docs
    data["docs"] = [d.what, d.why, d.example, d.use_instead, list(d.references)]
    data["flag"] = [[e.text, e.filename] for e in rule.flag]
    data["ok"] = [[e.text, e.filename] for e in rule.ok]
    p = rule.pattern
    data["pattern"] = None if p is None else {
        "keywords": list(p.keywords), "regex": _encode_pattern(p.regex),
        "secret_group": p.secret_group, "min_entropy": p.min_entropy,
        "allow": [_encode_pattern(a) for a in p.allow], "validator": p.validator,
        "files": list(p.files),
    }  # fmt: skip
    return data


def _rule(data: dict[str, Any]) -> RuleSpec:
    what, why, example, use_instead, references = data["docs"]
    raw = data["pattern"]
    pattern = None if raw is None else PatternSpec(
        keywords=tuple(raw["keywords"]), regex=_decode_pattern(raw["regex"]),
        secret_group=raw["secret_group"], min_entropy=float(raw["min_entropy"]),
        allow=tuple(_decode_pattern(a) for a in raw["allow"]), validator=raw["validator"],
        files=tuple(raw["files"]),
    )  # fmt: skip
    return RuleSpec(
        code=data["code"], name=data["name"], category=data["category"], cwe=data["cwe"],
        severity=Severity(data["severity"]), confidence=Confidence(data["confidence"]),
        summary=data["summary"], message=data["message"], fix=data["fix"],
        engine=data["engine"], source=data["source"],
        docs=Docs(what, why, example, use_instead, tuple(references)),
        check=data["check"], plugin=data["plugin"], options=dict(data["options"]),
        pattern=pattern,
        flag=tuple(Example(t, f) for t, f in data["flag"]),
        ok=tuple(Example(t, f) for t, f in data["ok"]),
        removed=bool(data["removed"]), specificity=int(data["specificity"]),
    )  # fmt: skip
