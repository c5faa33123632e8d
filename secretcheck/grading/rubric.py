"""`rules/rubric.toml` -> a validated, frozen `Rubric`; a bad key is an error naming it.

The rubric is the only home of weights, dimensions and the finding -> dimension mapping, so
rules added later (new categories, new code families) are graded without a code change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from secretcheck import inputfiles, tomlcompat
from secretcheck.errors import RulePackError
from secretcheck.findings import CATEGORIES, Confidence, Finding, Severity
from secretcheck.rulepacks import CODE_RE
from secretcheck.sources import is_excluded

RUBRIC_FILE = "rubric.toml"
_TOP_KEYS = {"version", "weights", "repeats", "deductions", "mapping", "dimensions", "signals"}
_WEIGHT_KEYS = {"low_weight", "low_weight_paths", "history_removed", "suppressed"}
_REPEAT_KEYS = {"decay", "cap_multiple"}
_MAPPING_KEYS = {"ignore_categories", "ignore_codes", "codes", "categories", "prefixes"}
_DIMENSION_KEYS = {"id", "name", "max", "credit_room"}
_SIGNAL_KEYS = {"dimension", "points", "summary", "per_occurrence", "replaced_by"}


class RubricError(RulePackError):
    """The rubric file is malformed; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    name: str
    max: float
    credit_room: float


@dataclass(frozen=True, slots=True)
class SignalSpec:
    id: str
    dimension: str
    points: float
    summary: str
    per_occurrence: bool = False
    # Rule codes that check the same thing: when one is active in the catalogue, the signal steps
    # back (decided by the catalogue, not by findings, so adding a finding never lifts a grade).
    replaced_by: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Rubric:
    source: str
    dimensions: tuple[Dimension, ...]
    signals: Mapping[str, SignalSpec]
    deductions: Mapping[tuple[Severity, Confidence], float]
    low_weight: float
    low_weight_paths: tuple[str, ...]
    history_removed: float
    suppressed: float
    decay: float
    cap_multiple: float
    ignore_categories: frozenset[str]
    ignore_codes: tuple[str, ...]
    codes: Mapping[str, str]
    categories: Mapping[str, str]
    prefixes: Mapping[str, str]

    def dimension_of(self, finding: Finding) -> str | None:
        """Exact code, then category, then the longest code prefix; None: not graded."""
        code = finding.rule_id
        if finding.category in self.ignore_categories or code.startswith(self.ignore_codes):
            return None
        if code in self.codes:
            return self.codes[code]
        if finding.category in self.categories:
            return self.categories[finding.category]
        matches = [p for p in self.prefixes if code.startswith(p)]
        return self.prefixes[max(matches, key=len)] if matches else None

    def is_low_weight(self, path: str) -> bool:
        return is_excluded(path, self.low_weight_paths)

    def replaced_signals(self, active_codes: set[str]) -> frozenset[str]:
        """Signals that an active catalogue rule checks already."""
        return frozenset(s.id for s in self.signals.values() if s.replaced_by & active_codes)

    def points(self, severity: Severity, confidence: Confidence) -> float:
        return self.deductions[(severity, confidence)]


def _fail(source: str, key: str, problem: str) -> RubricError:
    return RubricError(f"{source}: key '{key}': {problem}")


def _table(raw: Any, source: str, key: str, allowed: set[str] | None) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _fail(source, key, "must be a table")
    for k in raw if allowed is not None else ():
        if k not in allowed:  # type: ignore[operator]
            raise _fail(source, f"{key}.{k}", "unknown key")
    return raw


def _number(raw: Any, source: str, key: str, low: float, high: float) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not low <= raw <= high:
        raise _fail(source, key, f"must be a number from {low:g} to {high:g}")
    return float(raw)


def _strings(raw: Any, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) and v for v in raw):
        raise _fail(source, key, "must be a list of non-empty strings")
    return tuple(raw)


def _text(raw: Any, source: str, key: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _fail(source, key, "must be a non-empty string")
    return raw


def _dimensions(raw: Any, source: str) -> tuple[Dimension, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(source, "dimensions", "must be a non-empty array of tables")
    out: list[Dimension] = []
    for i, item in enumerate(raw):
        key = f"dimensions[{i}]"
        table = _table(item, source, key, _DIMENSION_KEYS)
        top = _number(table.get("max"), source, f"{key}.max", 1, 100)
        dim = Dimension(
            id=_text(table.get("id"), source, f"{key}.id"),
            name=_text(table.get("name"), source, f"{key}.name"),
            max=top,
            credit_room=_number(table.get("credit_room", 0), source, f"{key}.credit_room", 0, top),
        )
        if any(d.id == dim.id for d in out):
            raise _fail(source, f"{key}.id", f"{dim.id!r} is defined twice")
        out.append(dim)
    if abs(sum(d.max for d in out) - 100) > 1e-9:
        raise _fail(source, "dimensions", "the max values must add up to 100")
    return tuple(out)


def _dimension_map(raw: Any, source: str, key: str, dims: set[str]) -> dict[str, str]:
    """`{dimension: [items]}` in the file -> `{item: dimension}`; an item maps once."""
    out: dict[str, str] = {}
    for dim, items in _table(raw, source, key, None).items():
        if dim not in dims:
            raise _fail(source, f"{key}.{dim}", f"{dim!r} is not a dimension id ({sorted(dims)})")
        for item in _strings(items, source, f"{key}.{dim}"):
            if item in out:
                raise _fail(source, f"{key}.{dim}", f"{item!r} is also mapped to {out[item]!r}")
            out[item] = dim
    return out


def _deductions(raw: Any, source: str) -> dict[tuple[Severity, Confidence], float]:
    table = _table(raw, source, "deductions", {s.label for s in Severity})
    out: dict[tuple[Severity, Confidence], float] = {}
    for severity in Severity:
        row = _table(
            table.get(severity.label),
            source,
            f"deductions.{severity.label}",
            {c.label for c in Confidence},
        )
        for confidence in Confidence:
            key = f"deductions.{severity.label}.{confidence.label}"
            out[(severity, confidence)] = _number(row.get(confidence.label), source, key, 0, 100)
    return out


def _signals(raw: Any, source: str, dims: set[str]) -> dict[str, SignalSpec]:
    out: dict[str, SignalSpec] = {}
    for sid, item in sorted(_table(raw, source, "signals", None).items()):
        key = f"signals.{sid}"
        table = _table(item, source, key, _SIGNAL_KEYS)
        dim = _text(table.get("dimension"), source, f"{key}.dimension")
        if dim not in dims:
            raise _fail(source, f"{key}.dimension", f"{dim!r} is not a dimension id")
        points = _number(table.get("points"), source, f"{key}.points", -100, 100)
        summary = _text(table.get("summary"), source, f"{key}.summary")
        per = table.get("per_occurrence", False)
        if not isinstance(per, bool):
            raise _fail(source, f"{key}.per_occurrence", "must be true or false")
        codes = frozenset(_strings(table.get("replaced_by", []), source, f"{key}.replaced_by"))
        for code in sorted(codes):
            if not CODE_RE.match(code):
                raise _fail(source, f"{key}.replaced_by", f"{code!r} is not a rule code")
        out[sid] = SignalSpec(sid, dim, points, summary, per, codes)
    return out


def parse_rubric(text: str, source: str) -> Rubric:
    try:
        data = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        raise RubricError(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:
        raise RubricError(f"{source}: not valid TOML: nested too deeply") from None
    _table(data, source, "(top)", _TOP_KEYS)
    if data.get("version") != 1:
        raise _fail(source, "version", "must be 1")
    dims = _dimensions(data.get("dimensions"), source)
    ids = {d.id for d in dims}
    weights = _table(data.get("weights", {}), source, "weights", _WEIGHT_KEYS)
    repeats = _table(data.get("repeats", {}), source, "repeats", _REPEAT_KEYS)
    mapping = _table(data.get("mapping", {}), source, "mapping", _MAPPING_KEYS)
    categories = _dimension_map(mapping.get("categories", {}), source, "mapping.categories", ids)
    for category in categories:
        if category not in CATEGORIES:
            raise _fail(source, f"mapping.categories.{category}", "is not a known category")
    return Rubric(
        source=source,
        dimensions=dims,
        signals=_signals(data.get("signals", {}), source, ids),
        deductions=_deductions(data.get("deductions"), source),
        low_weight=_number(weights.get("low_weight", 1), source, "weights.low_weight", 0, 1),
        low_weight_paths=_strings(
            weights.get("low_weight_paths", []), source, "weights.low_weight_paths"
        ),
        history_removed=_number(
            weights.get("history_removed", 1), source, "weights.history_removed", 0, 1
        ),
        suppressed=_number(weights.get("suppressed", 1), source, "weights.suppressed", 0, 1),
        decay=_number(repeats.get("decay", 1), source, "repeats.decay", 0, 1),
        cap_multiple=_number(
            repeats.get("cap_multiple", 100), source, "repeats.cap_multiple", 1, 100
        ),
        ignore_categories=frozenset(
            _strings(mapping.get("ignore_categories", []), source, "mapping.ignore_categories")
        ),
        ignore_codes=_strings(mapping.get("ignore_codes", []), source, "mapping.ignore_codes"),
        codes=_dimension_map(mapping.get("codes", {}), source, "mapping.codes", ids),
        categories=categories,
        prefixes=_dimension_map(mapping.get("prefixes", {}), source, "mapping.prefixes", ids),
    )


def load_rubric(path: str | None = None) -> Rubric:
    """The packaged rubric, or the file at `path` (a team's own weights)."""
    if path:
        try:  # bounded, regular files only, UTF-8: a one-line error, not a traceback
            text = inputfiles.read_text(Path(path), inputfiles.CONFIG_LIMIT)
        except inputfiles.InputFileError as exc:
            raise RubricError(f"{path}: cannot read rubric: file {exc}") from None
        return parse_rubric(text, path)
    text = resources.files("secretcheck.rules").joinpath(RUBRIC_FILE).read_text(encoding="utf-8")
    return parse_rubric(text, f"rules/{RUBRIC_FILE}")
