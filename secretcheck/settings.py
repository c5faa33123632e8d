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

from secretcheck import tomlcompat
from secretcheck.errors import ConfigError
from secretcheck.findings import Severity

CONFIG_NAMES = (".secretcheck.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
DEFAULT_CACHE_DIR = ".secretcheck_cache"
DEFAULT_FILE_BUDGET = 5.0
MAX_FILE_SIZE_LIMIT = 1024**4
CODE_SELECTOR = re.compile(r"^(ALL|SC\d{0,3})$")


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
    # CPU seconds one file may take before its syntax-tree (libcst, taint) stage is given up
    # and it keeps only the text detectors' findings, listed in the report's `partial`. 0: none.
    file_budget: float = DEFAULT_FILE_BUDGET

    def with_extra_excludes(self, globs: tuple[str, ...]) -> Settings:
        return replace(self, exclude=self.exclude + tuple(globs))

    def rule_enabled(self, code: str) -> bool:
        def hit(selectors: tuple[str, ...]) -> bool:
            return any(s == "ALL" or code.startswith(s) for s in selectors)

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
    "file-budget": ("file_budget", _seconds),
}


def find_config(start: Path) -> Path | None:
    """The nearest config file from `start` upward; pyproject.toml only if it has our table."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    text = candidate.read_text(encoding="utf-8")
                except OSError:
                    continue
                if "[tool.secretcheck" not in text:
                    continue
            return candidate
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The secretcheck table of a config file, validated; keys mapped to Settings fields."""
    try:
        data = tomlcompat.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    except (tomlcompat.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    prefix = "tool.secretcheck."
    if "tool" in data or path.name == "pyproject.toml":
        table = data.get("tool", {}).get("secretcheck", {})
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
    if "rule_paths" in values:  # relative to the config file, not to wherever we were run from
        values["rule_paths"] = tuple(str(path.parent / p) for p in values["rule_paths"])
    if values.get("baseline"):  # likewise: the baseline sits next to the config
        values["baseline"] = str(path.parent / values["baseline"])
    values["cache_dir"] = str(path.parent / values.get("cache_dir", DEFAULT_CACHE_DIR))
    values["config_file"] = str(path)
    return values


def build_settings(
    paths: tuple[str, ...],
    config_file: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Defaults, then the config file (explicit or discovered), then the flags in `overrides`."""
    paths = paths or (".",)
    if config_file:
        config: Path | None = Path(config_file)
        if not config.is_file():  # type: ignore[union-attr]
            raise ConfigError(f"{config_file}: config file does not exist")
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
