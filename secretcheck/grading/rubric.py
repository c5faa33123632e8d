"""`rules/rubric.toml` -> a validated, frozen `Rubric`; a bad key is an error naming it.

The rubric is the only home of weights, dimensions and the finding -> dimension mapping, so
rules added later (new categories, new code families) are graded without a code change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from secretcheck import inputfiles, tomlcompat
from secretcheck.findings import CATEGORIES, Confidence, Finding, Severity
from secretcheck.grading.rubric_values import (
    RubricError,
    as_number,
    as_string_map,
    as_strings,
    as_table,
    as_text,
    fail,
)
from secretcheck.rulepacks import CODE_RE
from secretcheck.sources import is_excluded

RUBRIC_FILE = "rubric.toml"
_TOP_KEYS = {
    "version", "revision", "weights", "repeats", "deductions", "mapping", "dimensions", "signals",
    "caps", "knockouts", "soc2", "credits",
}  # fmt: skip
_CAP_KEYS = {"id", "summary", "limit", "where", "codes", "signals", "paths", "min_confidence"}
_KNOCKOUT_KEYS = {"floor", "stack_step"}
_SOC2_KEYS = {"dimensions", "categories", "signals"}
_CREDIT_KEYS = {"exclude_paths"}
_WEIGHT_KEYS = {"low_weight", "low_weight_paths", "history_removed", "suppressed"}
_REPEAT_KEYS = {"decay", "cap_multiple"}
_MAPPING_KEYS = {"ignore_categories", "ignore_codes", "codes", "categories", "prefixes"}
_DIMENSION_KEYS = {"id", "name", "max", "credit_room"}
_SIGNAL_KEYS = {"dimension", "points", "summary", "per_occurrence", "replaced_by", "soc2"}


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
    soc2: str = ""


@dataclass(frozen=True, slots=True)
class CapSpec:
    """A knockout: findings (by code prefix) or signals that limit the total to `limit`."""

    id: str
    summary: str
    limit: float
    where: str  # "head": in the tree as submitted; "history": removed but still in a commit
    codes: tuple[str, ...] = ()  # code prefixes ("SC3" = every provider token)
    signals: frozenset[str] = frozenset()
    paths: tuple[str, ...] = ()  # when set, only findings in these paths count
    min_confidence: Confidence = Confidence.LOW

    def takes(self, finding: Finding) -> bool:
        return (
            finding.rule_id.startswith(self.codes)
            and finding.confidence >= self.min_confidence
            and (not self.paths or is_excluded(finding.path, self.paths))
        )


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
    revision: str = "1"
    caps: tuple[CapSpec, ...] = ()
    cap_floor: float = 0.0
    cap_stack_step: float = 0.0
    soc2_dimensions: Mapping[str, str] = field(default_factory=dict)
    soc2_categories: Mapping[str, str] = field(default_factory=dict)
    soc2_signals: Mapping[str, str] = field(default_factory=dict)
    credit_exclude_paths: tuple[str, ...] = ()

    def soc2(self, dimension: str, category: str = "", signal: str = "") -> str:
        """Why an item matters for a SOC 2 audit: by signal, then category, then dimension."""
        return (
            self.soc2_signals.get(signal)
            or self.soc2_categories.get(category)
            or self.soc2_dimensions.get(dimension, "")
        )

    def earns_no_credit(self, path: str) -> bool:
        """Generated files, lock files and vendored config: not the candidate's writing."""
        return bool(path) and is_excluded(path, self.credit_exclude_paths)

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


def _dimensions(raw: Any, source: str) -> tuple[Dimension, ...]:
    if not isinstance(raw, list) or not raw:
        raise fail(source, "dimensions", "must be a non-empty array of tables")
    out: list[Dimension] = []
    for i, item in enumerate(raw):
        key = f"dimensions[{i}]"
        table = as_table(item, source, key, _DIMENSION_KEYS)
        top = as_number(table.get("max"), source, f"{key}.max", 1, 100)
        dim = Dimension(
            id=as_text(table.get("id"), source, f"{key}.id"),
            name=as_text(table.get("name"), source, f"{key}.name"),
            max=top,
            credit_room=as_number(
                table.get("credit_room", 0), source, f"{key}.credit_room", 0, top
            ),
        )
        if any(d.id == dim.id for d in out):
            raise fail(source, f"{key}.id", f"{dim.id!r} is defined twice")
        out.append(dim)
    if abs(sum(d.max for d in out) - 100) > 1e-9:
        raise fail(source, "dimensions", "the max values must add up to 100")
    return tuple(out)


def _dimension_map(raw: Any, source: str, key: str, dims: set[str]) -> dict[str, str]:
    """`{dimension: [items]}` in the file -> `{item: dimension}`; an item maps once."""
    out: dict[str, str] = {}
    for dim, items in as_table(raw, source, key, None).items():
        if dim not in dims:
            raise fail(source, f"{key}.{dim}", f"{dim!r} is not a dimension id ({sorted(dims)})")
        for item in as_strings(items, source, f"{key}.{dim}"):
            if item in out:
                raise fail(source, f"{key}.{dim}", f"{item!r} is also mapped to {out[item]!r}")
            out[item] = dim
    return out


def _deductions(raw: Any, source: str) -> dict[tuple[Severity, Confidence], float]:
    table = as_table(raw, source, "deductions", {s.label for s in Severity})
    out: dict[tuple[Severity, Confidence], float] = {}
    for severity in Severity:
        row = as_table(
            table.get(severity.label),
            source,
            f"deductions.{severity.label}",
            {c.label for c in Confidence},
        )
        for confidence in Confidence:
            key = f"deductions.{severity.label}.{confidence.label}"
            out[(severity, confidence)] = as_number(row.get(confidence.label), source, key, 0, 100)
    return out


def _signals(raw: Any, source: str, dims: set[str]) -> dict[str, SignalSpec]:
    out: dict[str, SignalSpec] = {}
    for sid, item in sorted(as_table(raw, source, "signals", None).items()):
        key = f"signals.{sid}"
        table = as_table(item, source, key, _SIGNAL_KEYS)
        dim = as_text(table.get("dimension"), source, f"{key}.dimension")
        if dim not in dims:
            raise fail(source, f"{key}.dimension", f"{dim!r} is not a dimension id")
        points = as_number(table.get("points"), source, f"{key}.points", -100, 100)
        summary = as_text(table.get("summary"), source, f"{key}.summary")
        per = table.get("per_occurrence", False)
        if not isinstance(per, bool):
            raise fail(source, f"{key}.per_occurrence", "must be true or false")
        codes = frozenset(as_strings(table.get("replaced_by", []), source, f"{key}.replaced_by"))
        for code in sorted(codes):
            if not CODE_RE.match(code):
                raise fail(source, f"{key}.replaced_by", f"{code!r} is not a rule code")
        soc2 = table.get("soc2", "")
        if not isinstance(soc2, str):
            raise fail(source, f"{key}.soc2", "must be a string")
        out[sid] = SignalSpec(sid, dim, points, summary, per, codes, soc2)
    return out


def _caps(raw: Any, source: str, signal_ids: set[str]) -> tuple[CapSpec, ...]:
    if not isinstance(raw, list):
        raise fail(source, "caps", "must be an array of tables")
    out = []
    for i, item in enumerate(raw):
        key = f"caps[{i}]"
        table = as_table(item, source, key, _CAP_KEYS)
        where = table.get("where", "head")
        if where not in ("head", "history"):
            raise fail(source, f"{key}.where", "must be 'head' or 'history'")
        signals = frozenset(as_strings(table.get("signals", []), source, f"{key}.signals"))
        for sid in sorted(signals - signal_ids):
            raise fail(source, f"{key}.signals", f"{sid!r} is not a signal id")
        confidence = table.get("min_confidence", "low")
        if confidence not in {c.label for c in Confidence}:
            raise fail(source, f"{key}.min_confidence", "must be low, medium or high")
        out.append(
            CapSpec(
                id=as_text(table.get("id"), source, f"{key}.id"),
                summary=as_text(table.get("summary"), source, f"{key}.summary"),
                limit=as_number(table.get("limit"), source, f"{key}.limit", 0, 100),
                where=where,
                codes=as_strings(table.get("codes", []), source, f"{key}.codes"),
                signals=signals,
                paths=as_strings(table.get("paths", []), source, f"{key}.paths"),
                min_confidence=Confidence.parse(confidence),
            )
        )
    return tuple(out)


def parse_rubric(text: str, source: str) -> Rubric:
    try:
        data = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        raise RubricError(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:
        raise RubricError(f"{source}: not valid TOML: nested too deeply") from None
    as_table(data, source, "(top)", _TOP_KEYS)
    if data.get("version") != 1:
        raise fail(source, "version", "must be 1")
    dims = _dimensions(data.get("dimensions"), source)
    ids = {d.id for d in dims}
    weights = as_table(data.get("weights", {}), source, "weights", _WEIGHT_KEYS)
    repeats = as_table(data.get("repeats", {}), source, "repeats", _REPEAT_KEYS)
    mapping = as_table(data.get("mapping", {}), source, "mapping", _MAPPING_KEYS)
    categories = _dimension_map(mapping.get("categories", {}), source, "mapping.categories", ids)
    for category in categories:
        if category not in CATEGORIES:
            raise fail(source, f"mapping.categories.{category}", "is not a known category")
    signals = _signals(data.get("signals", {}), source, ids)
    knockouts = as_table(data.get("knockouts", {}), source, "knockouts", _KNOCKOUT_KEYS)
    soc2 = as_table(data.get("soc2", {}), source, "soc2", _SOC2_KEYS)
    credit = as_table(data.get("credits", {}), source, "credits", _CREDIT_KEYS)
    revision = data.get("revision", "1")
    if not isinstance(revision, str) or not revision:
        raise fail(source, "revision", "must be a non-empty string")
    return Rubric(
        revision=revision,
        caps=_caps(data.get("caps", []), source, set(signals)),
        cap_floor=as_number(knockouts.get("floor", 0), source, "knockouts.floor", 0, 100),
        cap_stack_step=as_number(
            knockouts.get("stack_step", 0), source, "knockouts.stack_step", 0, 100
        ),
        soc2_dimensions=as_string_map(soc2.get("dimensions", {}), source, "soc2.dimensions"),
        soc2_categories=as_string_map(soc2.get("categories", {}), source, "soc2.categories"),
        soc2_signals={
            **as_string_map(soc2.get("signals", {}), source, "soc2.signals"),
            **{sid: spec.soc2 for sid, spec in signals.items() if spec.soc2},
        },
        credit_exclude_paths=as_strings(
            credit.get("exclude_paths", []), source, "credits.exclude_paths"
        ),
        source=source,
        dimensions=dims,
        signals=signals,
        deductions=_deductions(data.get("deductions"), source),
        low_weight=as_number(weights.get("low_weight", 1), source, "weights.low_weight", 0, 1),
        low_weight_paths=as_strings(
            weights.get("low_weight_paths", []), source, "weights.low_weight_paths"
        ),
        history_removed=as_number(
            weights.get("history_removed", 1), source, "weights.history_removed", 0, 1
        ),
        suppressed=as_number(weights.get("suppressed", 1), source, "weights.suppressed", 0, 1),
        decay=as_number(repeats.get("decay", 1), source, "repeats.decay", 0, 1),
        cap_multiple=as_number(
            repeats.get("cap_multiple", 100), source, "repeats.cap_multiple", 1, 100
        ),
        ignore_categories=frozenset(
            as_strings(mapping.get("ignore_categories", []), source, "mapping.ignore_categories")
        ),
        ignore_codes=as_strings(mapping.get("ignore_codes", []), source, "mapping.ignore_codes"),
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
