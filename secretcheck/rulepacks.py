"""Rule packs: TOML files under `rules/` turned into validated, frozen `RuleSpec`s.

A pack is a folder; each `*.toml` in it holds one rule (a top-level table) or several
(`[[rules]]`). Unknown keys and bad values are errors that name the file and the key, so a typo
in a pack can never silently switch a rule off.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from secretcheck import tomlcompat
from secretcheck.errors import RulePackError
from secretcheck.findings import CATEGORIES, Confidence, Severity

ENGINES = ("pattern", "cst", "detect-secrets", "diagnostic", "repo", "keyvalue")
CODE_RE = re.compile(r"^SC[1-9]\d\d$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CWE_RE = re.compile(r"^CWE-\d+$")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    filename: str


@dataclass(frozen=True, slots=True)
class PatternSpec:
    keywords: tuple[str, ...]
    regex: re.Pattern[str]
    secret_group: int | str
    min_entropy: float = 0.0
    allow: tuple[re.Pattern[str], ...] = ()
    validator: str = ""
    files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Docs:
    what: str = ""
    why: str = ""
    example: str = ""
    use_instead: str = ""
    references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSpec:
    code: str
    name: str
    category: str
    cwe: str
    severity: Severity
    confidence: Confidence
    summary: str
    message: str
    fix: str
    engine: str
    source: str
    docs: Docs = Docs()
    check: str = ""
    plugin: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    pattern: PatternSpec | None = None
    flag: tuple[Example, ...] = ()
    ok: tuple[Example, ...] = ()
    removed: bool = False
    # Lower wins when several rules see one location: provider formats beat names beat entropy.
    specificity: int = 50


_RULE_KEYS = {
    "code", "name", "category", "cwe", "severity", "confidence", "summary", "message", "fix",
    "engine", "check", "plugin", "options", "pattern", "docs", "examples", "removed",
    "specificity",
}  # fmt: skip
_PATTERN_KEYS = {"keywords", "regex", "secret_group", "min_entropy", "allow", "validator",
                 "files", "ignore_case"}  # fmt: skip
_DOCS_KEYS = {"what", "why", "example", "use_instead", "references"}
_EXAMPLE_KEYS = {"flag", "pass"}


def _fail(source: str, key: str, problem: str) -> RulePackError:
    return RulePackError(f"{source}: key '{key}': {problem}")


def _check_keys(table: Mapping[str, Any], allowed: set[str], source: str, prefix: str) -> None:
    for key in table:
        if key not in allowed:
            raise _fail(source, prefix + key, "unknown key")


def _text(table: Mapping[str, Any], key: str, source: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise _fail(source, key, "must be a non-empty string")
    return value


def _examples(raw: Any, source: str, key: str, default_file: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise _fail(source, key, "must be a list")
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Example(item, default_file))
        elif isinstance(item, dict) and set(item) <= {"text", "file"} and "text" in item:
            out.append(Example(str(item["text"]), str(item.get("file", default_file))))
        else:
            raise _fail(source, key, "items are strings or {text, file} tables")
    return tuple(out)


def _pattern(raw: Any, source: str) -> PatternSpec:
    if not isinstance(raw, dict):
        raise _fail(source, "pattern", "must be a table")
    _check_keys(raw, _PATTERN_KEYS, source, "pattern.")
    flags = re.IGNORECASE if raw.get("ignore_case", False) else 0
    try:
        regex = re.compile(_text(raw, "regex", source), flags | re.MULTILINE)
        allow = tuple(re.compile(p) for p in raw.get("allow", []))
    except re.error as exc:
        raise _fail(source, "pattern.regex", f"does not compile: {exc}") from None
    group = raw.get("secret_group", "secret" if "secret" in regex.groupindex else 0)
    if isinstance(group, str) and group not in regex.groupindex:
        raise _fail(source, "pattern.secret_group", f"no group named {group!r}")
    if isinstance(group, int) and not 0 <= group <= regex.groups:
        raise _fail(source, "pattern.secret_group", f"no group {group}")
    keywords = raw.get("keywords", [])
    if (
        not isinstance(keywords, list)
        or not keywords
        or not all(isinstance(k, str) and k for k in keywords)
    ):
        raise _fail(source, "pattern.keywords", "must be a non-empty list of strings")
    return PatternSpec(
        keywords=tuple(k.lower() for k in keywords),
        regex=regex,
        secret_group=group,
        min_entropy=float(raw.get("min_entropy", 0.0)),
        allow=allow,
        validator=str(raw.get("validator", "")),
        files=tuple(raw.get("files", [])),
    )


def known_checks(engine: str) -> frozenset[str] | None:
    """The `check` names an engine runs, or None for an engine that takes no `check`.

    Imported here, not at the top: the Python registry loads libcst and every check's
    prefilter, which `secretcheck --help` should not pay for."""
    if engine == "cst":
        from secretcheck.python.registry import CHECKS

        return frozenset(CHECKS)
    if engine == "keyvalue":
        from secretcheck.engines.keyvalue import CHECKS as KEYVALUE_CHECKS

        return KEYVALUE_CHECKS
    return None


def _link_check(engine: str, check: str, source: str) -> None:
    """A rule naming code that does not exist would load and then silently do nothing."""
    known = known_checks(engine)
    if known is None:
        if check:
            raise _fail(source, "check", f"the {engine} engine takes no check (got {check!r})")
    elif check not in known:
        raise _fail(
            source, "check", f"{check!r} is not a {engine} check; known: {', '.join(sorted(known))}"
        )


def parse_rule(raw: Mapping[str, Any], source: str) -> RuleSpec:
    _check_keys(raw, _RULE_KEYS, source, "")
    code = _text(raw, "code", source)
    if not CODE_RE.match(code):
        raise _fail(source, "code", f"{code!r} is not of the form SC123")
    source = f"{source} ({code})"
    name = _text(raw, "name", source)
    if not NAME_RE.match(name):
        raise _fail(source, "name", f"{name!r} is not kebab-case")
    category = _text(raw, "category", source)
    if category not in CATEGORIES:
        raise _fail(source, "category", f"{category!r} is not one of {sorted(CATEGORIES)}")
    cwe = _text(raw, "cwe", source)
    if not CWE_RE.match(cwe):
        raise _fail(source, "cwe", f"{cwe!r} is not of the form CWE-123")
    try:
        severity = Severity.parse(_text(raw, "severity", source))
    except KeyError:
        raise _fail(source, "severity", "must be info|low|medium|high|critical") from None
    try:
        confidence = Confidence.parse(_text(raw, "confidence", source))
    except KeyError:
        raise _fail(source, "confidence", "must be low|medium|high") from None
    engine = _text(raw, "engine", source)
    if engine not in ENGINES:
        raise _fail(source, "engine", f"must be one of {', '.join(ENGINES)}")
    docs_raw = raw.get("docs", {})
    if not isinstance(docs_raw, dict):
        raise _fail(source, "docs", "must be a table")
    _check_keys(docs_raw, _DOCS_KEYS, source, "docs.")
    docs = Docs(
        what=str(docs_raw.get("what", "")),
        why=str(docs_raw.get("why", "")),
        example=str(docs_raw.get("example", "")),
        use_instead=str(docs_raw.get("use_instead", "")),
        references=tuple(str(r) for r in docs_raw.get("references", [])),
    )
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        raise _fail(source, "examples", "must be a table")
    _check_keys(examples, _EXAMPLE_KEYS, source, "examples.")
    default_file = "example.py" if engine in ("cst", "diagnostic") else "example.txt"
    pattern = _pattern(raw["pattern"], source) if "pattern" in raw else None
    if engine == "pattern" and pattern is None:
        raise _fail(source, "pattern", "a pattern rule needs a [pattern] table")
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise _fail(source, "options", "must be a table")
    check = str(raw.get("check", ""))
    if not raw.get("removed", False):
        _link_check(engine, check, source)
    return RuleSpec(
        code=code,
        name=name,
        category=category,
        cwe=cwe,
        severity=severity,
        confidence=confidence,
        summary=_text(raw, "summary", source),
        message=_text(raw, "message", source),
        fix=_text(raw, "fix", source),
        engine=engine,
        source=source,
        docs=docs,
        check=check,
        plugin=str(raw.get("plugin", "")),
        options=options,
        pattern=pattern,
        flag=_examples(examples.get("flag", []), source, "examples.flag", default_file),
        ok=_examples(examples.get("pass", []), source, "examples.pass", default_file),
        removed=bool(raw.get("removed", False)),
        specificity=int(raw.get("specificity", 50)),
    )


def parse_rule_file(text: str, source: str) -> list[RuleSpec]:
    try:
        data = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        raise RulePackError(f"{source}: not valid TOML: {exc}") from None
    if "rules" in data:
        if set(data) != {"rules"} or not isinstance(data["rules"], list):
            raise _fail(source, "rules", "a multi-rule file holds only a [[rules]] array")
        return [parse_rule(item, source) for item in data["rules"]]
    return [parse_rule(data, source)]


@dataclass(frozen=True, slots=True)
class Catalogue:
    rules: tuple[RuleSpec, ...]
    digest: str = ""  # of every rule file's text: part of the cache key

    def by_code(self) -> dict[str, RuleSpec]:
        return {r.code: r for r in self.rules}

    def get(self, code: str) -> RuleSpec | None:
        return self.by_code().get(code.upper())

    def active(self) -> tuple[RuleSpec, ...]:
        return tuple(r for r in self.rules if not r.removed)


def _iter_rule_files(root: Any, label: str = "rules") -> Iterable[tuple[str, str]]:
    """(source name, text) of each pack file; `label` names the folder in error messages."""
    for pack in sorted(root.iterdir(), key=lambda p: p.name):
        if not pack.is_dir() or pack.name.startswith(("_", ".")):
            continue
        for item in sorted(pack.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".toml"):
                yield f"{label}/{pack.name}/{item.name}", item.read_text(encoding="utf-8")


def build_catalogue(files: Iterable[tuple[str, str]]) -> Catalogue:
    rules: dict[str, RuleSpec] = {}
    names: dict[str, str] = {}
    digest = hashlib.sha256()
    for source, text in files:
        digest.update(f"{source}\0{text}\0".encode())
        for rule in parse_rule_file(text, source):
            if rule.code in rules:
                raise _fail(
                    source, "code", f"{rule.code} is also defined in {rules[rule.code].source}"
                )
            if rule.name in names:
                raise _fail(source, "name", f"{rule.name!r} is also used by {names[rule.name]}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
    return Catalogue(tuple(sorted(rules.values(), key=lambda r: r.code)), digest.hexdigest())


@lru_cache(maxsize=8)
def load_catalogue(extra_dirs: tuple[str, ...] = ()) -> Catalogue:
    """The packaged rule packs plus any extra pack folders named in the config."""
    files = list(_iter_rule_files(resources.files("secretcheck.rules")))
    for extra in extra_dirs:
        root = Path(extra)
        if not root.is_dir():
            raise RulePackError(f"{extra}: rule pack folder does not exist")
        files.extend(_iter_rule_files(root, root.as_posix()))
    return build_catalogue(files)
