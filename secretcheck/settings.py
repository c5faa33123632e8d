"""One frozen `Settings`, built from defaults < config file < command-line flags.

The config lives in `.secretcheck.toml` (top-level keys, or a `[tool.secretcheck]` table) or in
`pyproject.toml` under `[tool.secretcheck]`, found from the scan root upward. A wrong key or value
raises `ConfigError` naming the file and the key: a typo must never fall back to a default.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from secretcheck import inputfiles, tomlcompat
from secretcheck.errors import ConfigError
from secretcheck.findings import Severity
from secretcheck.rulepacks import code_selected

CONFIG_NAMES = (".secretcheck.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
DEFAULT_CACHE_DIR = ".secretcheck_cache"
DEFAULT_FILE_BUDGET = 5.0
MAX_FILE_SIZE_LIMIT = 1024**4
CODE_SELECTOR = re.compile(r"^(ALL|SC\d{0,4})$")


@dataclass(frozen=True, slots=True)
class Settings:
    paths: tuple[str, ...] = (".",)
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.LOW
    jobs: int = 0  # 0: one worker per core
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rule_paths: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    baseline: str = ""
    cache_dir: str = DEFAULT_CACHE_DIR  # relative to the config file's folder, else cwd
    use_cache: bool = True
    config_file: str = ""
    force_exclude: bool = False
    # Input-handling and configuration rules (every category but secrets, repo hygiene and
    # diagnostics) skip test and fixture code unless this is on: a test fabricates its own
    # request data, temp paths and debug apps, and parsing test suites for data flow would
    # double a scan's time for findings nobody fixes.
    input_checks_in_tests: bool = False
    # Foreign suppression markers: bandit's `# nosec` (input-handling rules) and gitleaks'
    # `gitleaks:allow` (secret rules); a project can switch either off.
    honor_nosec: bool = True
    honor_gitleaks_allow: bool = True

    def suppression_markers(self) -> frozenset[str]:
        """The foreign markers `suppress` honours under these settings."""
        wanted = (("nosec", self.honor_nosec), ("gitleaks", self.honor_gitleaks_allow))
        return frozenset(name for name, on in wanted if on)
    # Audit mode: the injection rules also report values of unknown origin (a library's own
    # parameters, environment variables, opaque calls), at low confidence and info severity,
    # so they never fail a run at the default `fail-on`. Off by default: only data from a real
    # entry point (a request, argv, input(), stdin) is untrusted.
    audit: bool = False
    # CPU seconds one file may take before its syntax-tree (libcst, taint) stage is given up
    # and it keeps only the text detectors' findings, listed in the report's `partial`. 0: none.
    file_budget: float = DEFAULT_FILE_BUDGET

    def with_extra_excludes(self, globs: tuple[str, ...]) -> Settings:
        return replace(self, exclude=self.exclude + tuple(globs))

    def rule_enabled(self, code: str) -> bool:
        def hit(selectors: tuple[str, ...]) -> bool:
            return any(code_selected(code, s) for s in selectors)

        return hit(self.select) and not hit(self.ignore)


# Each config key: (Settings field, converter). Converters raise ValueError with a reason.
def _codes(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of rule codes such as ['SC101', 'SC3']")
    codes = tuple(v.strip().upper() for v in value)
    for code in codes:
        if not CODE_SELECTOR.match(code):
            raise ValueError(f"{code!r} is not a rule code or prefix (SC101, SC1, ALL)")
    return codes


def _globs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be a list of glob strings")
    return tuple(value)


def _severity(value: Any) -> Severity:
    try:
        return Severity.parse(value)
    except (KeyError, AttributeError):
        raise ValueError("must be one of info, low, medium, high, critical") from None


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number >= 0")
    return value


def _size(value: Any) -> int:
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[iI]?[bB]?\s*", value)
        if not match:
            raise ValueError("must be a byte count such as 1048576 or '2MB'")
        scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
        value = int(match.group(1)) * scale  # then the same checks as a plain number
    size = _positive_int(value)
    if size == 0:
        raise ValueError("must be greater than 0")
    if size > MAX_FILE_SIZE_LIMIT:  # "999...9G" would overflow a read size
        raise ValueError("must be at most 1024G")
    return size


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a number of seconds (0: no budget)")
    if not 0 <= value <= 86400:  # also refuses nan and inf
        raise ValueError("must be between 0 and 86400 seconds (0: no budget)")
    return float(value)


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _per_file(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError("must be a table of glob = [codes]")
    return tuple((str(glob), _codes(codes)) for glob, codes in sorted(value.items()))


CONFIG_KEYS: Mapping[str, tuple[str, Any]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "exclude": ("exclude", _globs),
    "fail-on": ("fail_on", _severity),
    "jobs": ("jobs", _positive_int),
    "max-file-size": ("max_file_size", _size),
    "rule-paths": ("rule_paths", _globs),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "baseline": ("baseline", _string),
    "cache-dir": ("cache_dir", _string),
    "input-checks-in-tests": ("input_checks_in_tests", _bool),
    "honor-nosec": ("honor_nosec", _bool),
    "honor-gitleaks-allow": ("honor_gitleaks_allow", _bool),
    "audit": ("audit", _bool),
    "file-budget": ("file_budget", _seconds),
}


def _owners(folder: Path) -> frozenset[int] | None:
    """Who may own a config that applies to a scan of `folder`: this user, root, and the
    owner of the scanned folder (a checkout made by another CI user). None: no uids here."""
    if not hasattr(os, "geteuid"):
        return None
    try:
        return frozenset({os.geteuid(), 0, folder.stat().st_uid})
    except OSError:
        return frozenset({os.geteuid(), 0})


def _owned_by(candidate: Path, owners: frozenset[int] | None) -> bool:
    try:
        return owners is None or candidate.stat().st_uid in owners
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The nearest config file from `start` upward; pyproject.toml only if it has our table.

    Discovery climbs above the project, so a config in a shared folder (`/tmp/.secretcheck.toml`
    planted by another user over a clone in /tmp) would apply to the scan and could switch
    every rule off; a config owned by anyone but this user, root or the owner of the scanned
    folder is passed over (`--config` still names any file)."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    owners = _owners(here)
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file() or not _owned_by(candidate, owners):
                continue
            if name == "pyproject.toml":
                try:
                    # Bytes, so a non-UTF-8 pyproject without our table is not our business,
                    # and one with it gets read_config's error rather than a traceback.
                    head = inputfiles.read_head(candidate, inputfiles.CONFIG_LIMIT)
                except inputfiles.InputFileError:
                    continue
                if b"[tool.secretcheck" not in head:
                    continue
            return candidate
    return None


def _inside(folder: Path, value: str, allow_self: bool) -> bool:
    """Whether `folder / value`, symlinks resolved, stays inside `folder`."""
    try:
        base = folder.resolve()
        target = (folder / value).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return target.is_relative_to(base) and (allow_self or target != base)


def _contain(path: Path, values: dict[str, Any], prefix: str) -> None:
    """Keep a config file's paths inside its own folder (made absolute there).

    The config may be a cloned repository's: its `rule-paths` would otherwise load rules (and
    regexes) from anywhere on the machine, its `baseline` would make `baseline create` write
    anywhere, and its `cache-dir` would write a `.gitignore` of `*` into any folder, even the
    project itself (`"."`). The user reaches outside with flags (`--rule-path`, `--baseline`).
    """
    folder = path.parent
    for rule_path in values.get("rule_paths", ()):
        if not _inside(folder, rule_path, allow_self=True):
            raise ConfigError(
                f"{path}: key '{prefix}rule-paths': {rule_path!r} is outside {folder}; a "
                "config file loads rule packs only from its own tree (pass --rule-path for others)"
            )
    if values.get("baseline") and not _inside(folder, values["baseline"], allow_self=False):
        raise ConfigError(
            f"{path}: key '{prefix}baseline': {values['baseline']!r} is outside {folder}; "
            "pass --baseline to use a baseline elsewhere"
        )
    # The default name is not checked here: a repository may commit `.secretcheck_cache` as
    # a symlink, and the cache itself refuses to write through one (as without a config).
    cache_dir = values.get("cache_dir", DEFAULT_CACHE_DIR)
    if "cache_dir" in values and not _inside(folder, cache_dir, allow_self=False):
        raise ConfigError(
            f"{path}: key '{prefix}cache-dir': {cache_dir!r} must name a folder inside {folder} "
            "other than that folder itself (the cache writes its own .gitignore)"
        )
    values["rule_paths"] = tuple(str(folder / p) for p in values.get("rule_paths", ()))
    if values.get("baseline"):
        values["baseline"] = str(folder / values["baseline"])
    values["cache_dir"] = str(folder / cache_dir)


def read_config(path: Path) -> dict[str, Any]:
    """The secretcheck table of a config file, validated; keys mapped to Settings fields."""
    try:
        data = tomlcompat.loads(inputfiles.read_text(path, inputfiles.CONFIG_LIMIT))
    except inputfiles.InputFileError as exc:
        raise ConfigError(f"{path}: cannot read config: file {exc}") from None
    except tomlcompat.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    prefix = "tool.secretcheck."
    if "tool" in data or path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: key 'tool' must be a table")
        table = tool.get("secretcheck", {})
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: key 'tool.secretcheck' must be a table")
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in CONFIG_KEYS:
            known = ", ".join(sorted(CONFIG_KEYS))
            raise ConfigError(f"{path}: unknown key '{prefix}{key}' (known keys: {known})")
        name, convert = CONFIG_KEYS[key]
        try:
            values[name] = convert(raw)
        except ValueError as exc:
            raise ConfigError(f"{path}: key '{prefix}{key}' {exc}") from None
    # Relative to the config file, not to wherever we were run from, and never outside it.
    _contain(path, values, prefix)
    values["config_file"] = str(path)
    return values


def build_settings(
    paths: tuple[str, ...],
    config_file: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Defaults, then the config file (explicit or discovered), then the flags in `overrides`."""
    paths = paths or (".",)
    config: Path | None
    if config_file:
        config = explicit = Path(config_file)
        if not explicit.is_file():
            problem = "is not a regular file" if explicit.exists() else "does not exist"
            raise ConfigError(f"{config_file}: config file {problem}")
    else:
        config = find_config(Path(paths[0]) if os.path.exists(paths[0]) else Path.cwd())
    values: dict[str, Any] = read_config(config) if config else {}
    known = {f.name for f in fields(Settings)}
    for key, value in (overrides or {}).items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
        if value is not None and value != ():
            values[key] = value
    values["paths"] = paths
    return replace(Settings(), **values)


__all__ = ["CONFIG_KEYS", "Settings", "build_settings", "find_config", "read_config"]
