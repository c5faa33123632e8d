"""Checked reads of rubric TOML values: each failure is a `RubricError` naming file and key."""

from __future__ import annotations

from typing import Any

from secretcheck.errors import RulePackError


class RubricError(RulePackError):
    """The rubric file is malformed; the message names the file and the key."""


def fail(source: str, key: str, problem: str) -> RubricError:
    return RubricError(f"{source}: key '{key}': {problem}")


def as_table(raw: Any, source: str, key: str, allowed: set[str] | None) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise fail(source, key, "must be a table")
    for k in raw if allowed is not None else ():
        if k not in allowed:  # type: ignore[operator]
            raise fail(source, f"{key}.{k}", "unknown key")
    return raw


def as_number(raw: Any, source: str, key: str, low: float, high: float) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not low <= raw <= high:
        raise fail(source, key, f"must be a number from {low:g} to {high:g}")
    return float(raw)


def as_strings(raw: Any, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) and v for v in raw):
        raise fail(source, key, "must be a list of non-empty strings")
    return tuple(raw)


def as_text(raw: Any, source: str, key: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise fail(source, key, "must be a non-empty string")
    return raw


def as_string_map(raw: Any, source: str, key: str) -> dict[str, str]:
    table = as_table(raw, source, key, None)
    return {k: as_text(v, source, f"{key}.{k}") for k, v in table.items()}
