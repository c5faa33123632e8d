"""Rule packs: TOML files under `rules/` turned into validated, frozen `RuleSpec`s.

A pack is a folder; each `*.toml` in it holds one rule (a top-level table) or several
(`[[rules]]`). Unknown keys and bad values are errors that name the file and the key, so a typo
in a pack can never silently switch a rule off.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from secretcheck import inputfiles, tomlcompat
from secretcheck.engines import ENGINES, known_checks
from secretcheck.errors import RulePackError
from secretcheck.findings import CATEGORIES, Confidence, Severity
from secretcheck.linear_regex import LinearPattern, PatternError, compile_linear
from secretcheck.validators import VALIDATORS

# The detect-secrets plugins the adapter can run, with the options each accepts (and their
# type). Kept here, not imported from the adapter, because the adapter imports this module;
# tests/engines check that the two agree.
PLUGINS: Mapping[str, Mapping[str, type]] = {
    "Base64HighEntropyString": {"limit": float},
    "HexHighEntropyString": {"limit": float},
    "KeywordDetector": {"keyword_exclude": str},
}
# Three digits per family (SC101); provider tokens outgrew their hundred codes, so SC3 also takes
# four digits (SC3100...). See `code_selected` for how a full code and a prefix differ.
CODE_RE = re.compile(r"^SC(?:[1-9]\d\d|3\d\d\d)$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CWE_RE = re.compile(r"^CWE-\d+$")


def code_selected(code: str, selector: str) -> bool:
    """Whether `selector` (ALL, a family prefix such as SC3, or a full code) covers `code`.

    A selector that is itself a rule code names that rule only: with four-digit provider codes,
    plain prefix matching would let `ignore = ["SC301"]` also silence SC3010-SC3019.
    """
    if selector == "ALL":
        return True
    if len(selector) >= 5:  # selectors are validated: five or six characters is a full code
        return code == selector
    return code.startswith(selector)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    filename: str


@dataclass(frozen=True, slots=True)
class PatternSpec:
    keywords: tuple[str, ...]
    regex: LinearPattern  # RE2: a pack from the scanned repository cannot make a scan hang
    secret_group: int | str
    min_entropy: float = 0.0
    allow: tuple[LinearPattern, ...] = ()
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


def _text(
    table: Mapping[str, Any], name: str, source: str, default: str | None = None, key: str = ""
) -> str:
    """The string at `name`; errors call it `key` (its dotted path) when given."""
    value = table.get(name, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise _fail(source, key or name, "must be a non-empty string")
    return value


def _examples(raw: Any, source: str, key: str, default_file: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise _fail(source, key, "must be a list")
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Example(item, default_file))
        elif (
            isinstance(item, dict)
            and set(item) <= {"text", "file"}
            and isinstance(item.get("text"), str)
            and isinstance(item.get("file", default_file), str)
        ):
            out.append(Example(item["text"], item.get("file", default_file)))
        else:
            raise _fail(source, key, "items are strings or {text, file} tables")
    return tuple(out)


def _number(raw: Mapping[str, Any], key: str, source: str, low: float, high: float,
            default: float) -> float:  # fmt: skip
    value = raw.get(key.rsplit(".", 1)[-1], default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _fail(source, key, f"must be a number from {low:g} to {high:g}")
    return float(value)


def _flag(raw: Mapping[str, Any], key: str, source: str) -> bool:
    value = raw.get(key.rsplit(".", 1)[-1], False)
    if not isinstance(value, bool):
        raise _fail(source, key, "must be true or false")
    return value


def _strings(raw: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = raw.get(key.rsplit(".", 1)[-1], [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(source, key, "must be a list of non-empty strings")
    return tuple(value)


def _secret_group(raw: Mapping[str, Any], regex: LinearPattern, source: str) -> int | str:
    """The group a match's secret is cut from; one the regex lacks would fail on every match."""
    group: object = raw.get("secret_group", "secret" if "secret" in regex.groupindex else 0)
    key = "pattern.secret_group"
    if isinstance(group, str):
        if group not in regex.groupindex:
            raise _fail(source, key, f"the regex has no group named {group!r}")
    elif isinstance(group, bool) or not isinstance(group, int):
        raise _fail(source, key, "must be a group name or a group number")
    elif not 0 <= group <= regex.groups:
        raise _fail(source, key, f"the regex has no group {group} (it has {regex.groups})")
    return group


def _pattern(raw: Any, source: str) -> PatternSpec:
    if not isinstance(raw, dict):
        raise _fail(source, "pattern", "must be a table")
    _check_keys(raw, _PATTERN_KEYS, source, "pattern.")
    ignore_case = _flag(raw, "pattern.ignore_case", source)
    try:
        regex = compile_linear(_text(raw, "regex", source, key="pattern.regex"), ignore_case)
    except PatternError as exc:
        raise _fail(source, "pattern.regex", f"does not compile under RE2: {exc}") from None
    allow = []
    for item in _strings(raw, "pattern.allow", source):
        try:
            allow.append(compile_linear(item))
        except PatternError as exc:
            raise _fail(
                source, "pattern.allow", f"{item!r} does not compile under RE2: {exc}"
            ) from None
    keywords = raw.get("keywords", [])
    if (
        not isinstance(keywords, list)
        or not keywords
        or not all(isinstance(k, str) and k for k in keywords)
    ):
        raise _fail(source, "pattern.keywords", "must be a non-empty list of strings")
    validator = raw.get("validator", "")
    if not isinstance(validator, str) or (validator and validator not in VALIDATORS):
        # An unknown name used to be looked up at match time and silently skipped.
        known = ", ".join(sorted(VALIDATORS))
        raise _fail(source, "pattern.validator", f"must be one of {known}")
    return PatternSpec(
        keywords=tuple(k.lower() for k in keywords),
        regex=regex,
        secret_group=_secret_group(raw, regex, source),
        # Shannon entropy of a string is at most log2 of its distinct characters: 8 bits
        # already needs 256 of them, so a higher floor would switch the rule off.
        min_entropy=_number(raw, "pattern.min_entropy", source, 0.0, 8.0, 0.0),
        allow=tuple(allow),
        validator=validator,
        files=_strings(raw, "pattern.files", source),
    )


def _plugin_options(raw: Mapping[str, Any], plugin: str, source: str) -> dict[str, Any]:
    """A detect-secrets rule's options, checked against what its plugin accepts: an unknown
    keyword would raise TypeError in every file scanned."""
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise _fail(source, "options", "must be a table")
    accepted = PLUGINS[plugin]
    for key, value in options.items():
        if key not in accepted:
            raise _fail(source, f"options.{key}", f"unknown option for {plugin}")
        if accepted[key] is float:
            _number(options, f"options.{key}", source, 0.0, 8.0, 0.0)
        elif not isinstance(value, str):
            raise _fail(source, f"options.{key}", "must be a string")
        else:
            try:
                re.compile(value)
            except re.error as exc:
                raise _fail(source, f"options.{key}", f"does not compile: {exc}") from None
    return dict(options)


def _engine_fields(raw: Mapping[str, Any], engine: str, source: str) -> tuple[str, str]:
    """(check, plugin): a field the rule's engine never reads is an error, not a dead rule."""
    check, plugin = raw.get("check", ""), raw.get("plugin", "")
    if not isinstance(check, str):
        raise _fail(source, "check", "must be a string")
    if not isinstance(plugin, str):
        raise _fail(source, "plugin", "must be a string")
    if engine == "detect-secrets":
        if plugin not in PLUGINS:
            raise _fail(source, "plugin", f"must be one of {', '.join(sorted(PLUGINS))}")
    elif plugin:
        raise _fail(source, "plugin", "only a detect-secrets rule names a plugin")
    if "pattern" in raw and engine != "pattern":
        raise _fail(source, "pattern", "only a pattern rule has a [pattern] table")
    if "options" in raw and engine == "pattern":
        raise _fail(source, "options", "a pattern rule takes no options")
    return check, plugin


def _docs(raw: Mapping[str, Any], source: str) -> Docs:
    docs_raw = raw.get("docs", {})
    if not isinstance(docs_raw, dict):
        raise _fail(source, "docs", "must be a table")
    _check_keys(docs_raw, _DOCS_KEYS, source, "docs.")
    text: dict[str, str] = {}
    for key in ("what", "why", "example", "use_instead"):
        value = docs_raw.get(key, "")
        if not isinstance(value, str):
            raise _fail(source, f"docs.{key}", "must be a string")
        text[key] = value
    return Docs(**text, references=_strings(docs_raw, "docs.references", source))


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
    docs = _docs(raw, source)
    check, plugin = _engine_fields(raw, engine, source)
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        raise _fail(source, "examples", "must be a table")
    _check_keys(examples, _EXAMPLE_KEYS, source, "examples.")
    default_file = "example.py" if engine in ("cst", "diagnostic") else "example.txt"
    pattern = _pattern(raw["pattern"], source) if "pattern" in raw else None
    if engine == "pattern" and pattern is None:
        raise _fail(source, "pattern", "a pattern rule needs a [pattern] table")
    if plugin:
        options = _plugin_options(raw, plugin, source)
    else:
        options = raw.get("options", {})
        if not isinstance(options, dict):
            raise _fail(source, "options", "must be a table")
    specificity = raw.get("specificity", 50)
    if isinstance(specificity, bool) or not isinstance(specificity, int) or specificity < 0:
        raise _fail(source, "specificity", "must be a whole number >= 0")
    removed = _flag(raw, "removed", source)
    if not removed:
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
        plugin=plugin,
        options=options,
        pattern=pattern,
        flag=_examples(examples.get("flag", []), source, "examples.flag", default_file),
        ok=_examples(examples.get("pass", []), source, "examples.pass", default_file),
        removed=removed,
        specificity=specificity,
    )


def parse_rule_file(text: str, source: str) -> list[RuleSpec]:
    try:
        data = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        raise RulePackError(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:
        raise RulePackError(f"{source}: not valid TOML: nested too deeply") from None
    if "rules" in data:
        rules = data["rules"]
        if (
            set(data) != {"rules"}
            or not isinstance(rules, list)
            or not all(isinstance(item, dict) for item in rules)
        ):
            raise _fail(source, "rules", "a multi-rule file holds only a [[rules]] array")
        return [parse_rule(item, source) for item in rules]
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


def _read_rule_file(item: Any, source: str, root: Any) -> str:
    if not isinstance(item, Path):  # a packaged resource: our own file, read as it is
        return str(item.read_text(encoding="utf-8"))
    # A config's rule-paths are checked to lie inside its project; a pack or file in them
    # that is a symlink must not lead back out.
    if not item.resolve().is_relative_to(Path(root).resolve()):
        raise RulePackError(f"{source}: rule file is a link out of its rule-pack folder")
    try:
        return inputfiles.read_text(item, inputfiles.CONFIG_LIMIT)
    except inputfiles.InputFileError as exc:
        raise RulePackError(f"{source}: rule file {exc}") from None


def _iter_rule_files(
    root: Any, label: str = "rules", top_level: bool = False
) -> Iterable[tuple[str, str]]:
    """(source name, text) of each pack file; `label` names the folder in error messages.
    `top_level`: rule files directly in `root` count too (a `rule-paths` entry that names one
    pack rather than a folder of packs); the packaged root keeps its rubric there."""
    try:
        packs = sorted(root.iterdir(), key=lambda p: p.name)
        for item in packs if top_level else ():
            if item.is_file() and item.name.endswith(".toml"):
                source = f"{label}/{item.name}"
                yield source, _read_rule_file(item, source, root)
        for pack in packs:
            if not pack.is_dir() or pack.name.startswith(("_", ".")):
                continue
            for item in sorted(pack.iterdir(), key=lambda p: p.name):
                if item.name.endswith(".toml"):
                    source = f"{label}/{pack.name}/{item.name}"
                    yield source, _read_rule_file(item, source, root)
    except (OSError, RuntimeError) as exc:  # an unreadable pack folder, a symlink loop
        if isinstance(exc, RuntimeError):
            raise RulePackError(f"{label}: cannot read rule pack folder: symlink loop") from None
        where = exc.filename or label
        raise RulePackError(f"{where}: cannot read rule pack folder: {exc.strerror}") from None


def build_catalogue(files: Iterable[tuple[str, str]]) -> Catalogue:
    """Parse and validate every rule file (what `load_catalogue` skips when the same files
    were validated by an earlier run: see `rulecache`)."""
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


def packaged_rules() -> Any:
    """`importlib.resources.files("secretcheck.rules")`. For a package on disk that is the
    folder of its `__init__.py`, taken from there: importing `importlib.resources` (tempfile,
    zipfile, ...) was ~5 ms of a one-file scan. Anything else (a zip) asks the real thing."""
    packaged = importlib.import_module("secretcheck.rules")
    spec = packaged.__spec__
    loader = spec.loader if spec is not None else None
    if isinstance(loader, importlib.machinery.SourceFileLoader) and packaged.__file__:
        return Path(packaged.__file__).parent
    from importlib import resources

    return resources.files("secretcheck.rules")


@lru_cache(maxsize=8)
def load_catalogue(extra_dirs: tuple[str, ...] = ()) -> Catalogue:
    """The packaged rule packs plus any extra pack folders named in the config, validated, or
    as an earlier run validated the very same files (`rulecache`)."""
    packaged = packaged_rules()
    if not extra_dirs and isinstance(packaged, Path):
        # The pre-commit hook's case: no rule file has to be read when none changed.
        from secretcheck.rulecache import stamped_catalogue

        return stamped_catalogue(
            packaged, lambda: list(_iter_rule_files(packaged)), build_catalogue
        )
    files = list(_iter_rule_files(packaged))
    for extra in extra_dirs:
        root = Path(extra)
        if not root.is_dir():
            problem = "is not a folder" if root.exists() else "does not exist"
            raise RulePackError(f"{extra}: rule pack folder {problem}")
        found = list(_iter_rule_files(root, root.as_posix(), top_level=True))
        if not found:
            # A folder with no pack in it would add nothing and say nothing: a wrong path or
            # a misplaced pack must not leave a scan running without the rules it was meant to.
            raise RulePackError(f"{extra}: rule pack folder holds no rule files (*.toml)")
        files.extend(found)
    # Imported here: the cache module imports this one (for RuleSpec).
    from secretcheck.rulecache import cached_catalogue

    return cached_catalogue(files, build_catalogue)
