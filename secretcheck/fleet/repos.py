"""The list of repositories a fleet run covers: one per line, or a TOML file of `[[repo]]`.

A line is a local path or a clone URL (`https://`, `ssh://`, `file://`, `git@host:path`);
blank lines and `#` comments are skipped. A TOML file holds tables with `source` and optional
`name` and `time-limit` (seconds, overriding the run's). Names are unique (a `-2` suffix is
added) because each names a report folder; a URL's user and password never reach a name or
a report (`shown_source`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from secretcheck import tomlcompat as tomllib
from secretcheck.errors import ConfigError

# scheme://..., a transport helper (`ext::`, `fd::`: refused at clone time, never a path),
# or scp-like user@host:path.
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|[a-z][a-z0-9+.-]*::|[\w.-]+@[\w.-]+:)", re.I)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_TOML_KEYS = frozenset({"source", "name", "time-limit"})


@dataclass(frozen=True, slots=True)
class RepoTask:
    name: str  # unique in the run; the report folder's name
    source: str  # a local path (absolute) or a clone URL, as given
    time_limit: float | None = None  # seconds; None: the run's limit

    @property
    def is_url(self) -> bool:
        return is_url(self.source)


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def shown_source(source: str) -> str:
    """`source` with any user and password removed from a URL (a token in a clone URL is a
    secret like any other)."""
    if not is_url(source) or "://" not in source:
        return source
    parts = urlsplit(source)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=host))


def _base_name(source: str) -> str:
    tail = shown_source(source).rstrip("/").replace(":", "/").rsplit("/", 1)[-1]
    tail = tail.removesuffix(".git") or "repo"
    return _UNSAFE_NAME.sub("-", tail).strip(".-") or "repo"


def _entry(raw: Any, where: str) -> tuple[str, str | None, float | None]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: each [[repo]] must be a table")
    unknown = set(raw) - _TOML_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} in [[repo]]")
    source, name, limit = raw.get("source"), raw.get("name"), raw.get("time-limit")
    if not isinstance(source, str) or not source:
        raise ConfigError(f"{where}: [[repo]] needs a non-empty string 'source'")
    if name is not None and (not isinstance(name, str) or not _UNSAFE_NAME.sub("", name)):
        raise ConfigError(f"{where}: 'name' of {shown_source(source)!r} must be a string")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int | float) or limit <= 0
    ):
        raise ConfigError(f"{where}: 'time-limit' of {shown_source(source)!r} must be > 0")
    return source, name, float(limit) if limit is not None else None


def _entries(path: Path) -> list[tuple[str, str | None, float | None]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the repository list: {exc}") from None
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        repos = data.get("repo", [])
        if set(data) - {"repo"} or not isinstance(repos, list):
            raise ConfigError(f"{path}: expected only [[repo]] tables")
        return [_entry(r, str(path)) for r in repos]
    lines = (line.strip() for line in text.splitlines())
    return [(line, None, None) for line in lines if line and not line.startswith("#")]


def read_repo_list(path: Path) -> list[RepoTask]:
    """The tasks `path` lists, local paths made absolute against the list's folder."""
    tasks: list[RepoTask] = []
    taken: set[str] = set()
    for source, name, limit in _entries(path):
        if not is_url(source):
            source = str((path.parent / Path(source).expanduser()).resolve())
        base = _UNSAFE_NAME.sub("-", name) if name else _base_name(source)
        unique, n = base, 1
        while unique in taken:
            n += 1
            unique = f"{base}-{n}"
        taken.add(unique)
        tasks.append(RepoTask(unique, source, limit))
    if not tasks:
        raise ConfigError(f"{path}: the repository list is empty")
    return tasks
